package io.sigmap.core.sigma;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma detection rule: a document with a {@code detection} section.
 *
 * @param metadata the shared attributes
 * @param logsource the log source
 * @param detection the searches and condition(s)
 * @param fields the {@code fields} to show an analyst, in order
 * @param scope the {@code scope} values, in order
 * @param source where the rule comes from, with its original text
 * @param warnings the problems found that did not prevent reading it
 * @since 0.1.0
 */
public record DetectionRule(SigmaMetadata metadata, Logsource logsource, Detection detection, List<String> fields,
    List<String> scope, SigmaSource source, List<SigmaWarning> warnings) implements SigmaRule {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   */
  public DetectionRule {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(logsource, "logsource");
    Objects.requireNonNull(detection, "detection");
    fields = List.copyOf(fields);
    scope = List.copyOf(scope);
    Objects.requireNonNull(source, "source");
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns {@link SigmaRuleKind#DETECTION}.
   *
   * @return the kind
   */
  @Override
  public SigmaRuleKind kind() {
    return SigmaRuleKind.DETECTION;
  }
}
