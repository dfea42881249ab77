package io.sigmap.core.sigma;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code condition} of a detection (a detection may list several; they are OR-ed).
 *
 * <p>The text is kept as written. The part before a top-level {@code |} is parsed into an
 * {@link ConditionExpression}; the obsolete aggregation after the {@code |} ({@code count() by x > 5},
 * {@code near y}) is kept as text in {@link #aggregation()}. A condition that cannot be parsed keeps an empty
 * expression and the rule gets a {@link SigmaWarning.Kind#CONDITION_NOT_PARSED} warning. <strong>Equality
 * ignores the location.</strong>
 *
 * @param text the condition as written
 * @param expression the parsed boolean expression, or empty when it could not be parsed
 * @param aggregation the trimmed text after the top-level {@code |}, or empty when there is none
 * @param line the 1-based line of the condition, or 0 when not read from a file
 * @param column the 1-based column of the condition, or 0 when not read from a file
 * @since 0.1.0
 */
public record SigmaCondition(String text, Optional<ConditionExpression> expression, Optional<String> aggregation,
    int line, int column) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SigmaCondition {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(aggregation, "aggregation");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }

  /**
   * Parses a condition without a location.
   *
   * @param text the condition, e.g. {@code selection and not 1 of filter_*}
   * @return the condition; its expression is empty when the text cannot be parsed
   * @throws NullPointerException if {@code text} is null
   */
  public static SigmaCondition parse(String text) {
    return ConditionParser.parse(Objects.requireNonNull(text, "text"), 0, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaCondition c && c.text.equals(text) && c.expression.equals(expression)
        && c.aggregation.equals(aggregation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, expression, aggregation);
  }
}
