package io.sigmap.core.sigma;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma filter rule: a document with a {@code filter} section, excluding matches from the rules it names.
 *
 * @param metadata the shared attributes
 * @param logsource the log source
 * @param rules the rules the filter applies to, by id or name, in order
 * @param filter the filter's searches and condition(s) (the {@code filter} section without {@code rules})
 * @param source where the rule comes from, with its original text
 * @param warnings the problems found that did not prevent reading it
 * @since 0.1.0
 */
public record FilterRule(SigmaMetadata metadata, Logsource logsource, List<String> rules, Detection filter,
    SigmaSource source, List<SigmaWarning> warnings) implements SigmaRule {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   */
  public FilterRule {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(logsource, "logsource");
    rules = List.copyOf(rules);
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(source, "source");
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns {@link SigmaRuleKind#FILTER}.
   *
   * @return the kind
   */
  @Override
  public SigmaRuleKind kind() {
    return SigmaRuleKind.FILTER;
  }
}
