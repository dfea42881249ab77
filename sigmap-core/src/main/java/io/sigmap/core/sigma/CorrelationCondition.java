package io.sigmap.core.sigma;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code condition} of a correlation rule: bounds on the count, all of which must hold, and for
 * {@code value_count} the field whose distinct values are counted.
 *
 * @param bounds the bounds by operator (e.g. {@code gte -> 100}), iterated in operator order
 * @param field the counted field ({@code value_count}), or empty
 * @since 0.1.0
 */
public record CorrelationCondition(Map<Operator, Long> bounds, Optional<String> field) {

  /**
   * A comparison of the count with a bound.
   *
   * @since 0.1.0
   */
  public enum Operator {
    /** {@code gt}: greater than. */
    GT,
    /** {@code gte}: greater than or equal. */
    GTE,
    /** {@code lt}: less than. */
    LT,
    /** {@code lte}: less than or equal. */
    LTE,
    /** {@code eq}: equal. */
    EQ,
    /** {@code neq}: not equal (pySigma accepts it). */
    NEQ;

    /**
     * Returns the operator's key as written in a rule, e.g. {@code gte}.
     *
     * @return the lower-case key
     */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   */
  public CorrelationCondition {
    EnumMap<Operator, Long> copy = new EnumMap<>(Operator.class);
    for (Map.Entry<Operator, Long> e : Objects.requireNonNull(bounds, "bounds").entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "operator"), Objects.requireNonNull(e.getValue(), "bound"));
    }
    bounds = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(field, "field");
  }
}
