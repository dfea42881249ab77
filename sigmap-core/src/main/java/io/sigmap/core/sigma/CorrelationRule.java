package io.sigmap.core.sigma;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma correlation rule: a document with a {@code correlation} section, relating the matches of other rules.
 *
 * @param metadata the shared attributes
 * @param correlation the correlation section
 * @param source where the rule comes from, with its original text
 * @param warnings the problems found that did not prevent reading it
 * @since 0.1.0
 */
public record CorrelationRule(SigmaMetadata metadata, Correlation correlation, SigmaSource source,
    List<SigmaWarning> warnings) implements SigmaRule {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   */
  public CorrelationRule {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(correlation, "correlation");
    Objects.requireNonNull(source, "source");
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns {@link SigmaRuleKind#CORRELATION}.
   *
   * @return the kind
   */
  @Override
  public SigmaRuleKind kind() {
    return SigmaRuleKind.CORRELATION;
  }
}
