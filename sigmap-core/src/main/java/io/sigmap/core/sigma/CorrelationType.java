package io.sigmap.core.sigma;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of a correlation rule ({@code correlation.type}).
 *
 * @since 0.1.0
 */
public enum CorrelationType {
  /** Counts the events of the referred rules per group within the timespan. */
  EVENT_COUNT,
  /** Counts distinct values of {@code condition.field} per group within the timespan. */
  VALUE_COUNT,
  /** All referred rules must match within the timespan, in any order. */
  TEMPORAL,
  /** All referred rules must match within the timespan, in the order listed. */
  TEMPORAL_ORDERED;

  /**
   * Returns the value as written in a rule, e.g. {@code event_count}.
   *
   * @return the lower-case id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the type written as {@code id}, in any case.
   *
   * @param id the attribute value
   * @return the type, or empty when the value is not a correlation type
   * @throws NullPointerException if {@code id} is null
   */
  public static Optional<CorrelationType> fromId(String id) {
    Objects.requireNonNull(id, "id");
    for (CorrelationType t : values()) {
      if (t.name().equalsIgnoreCase(id.strip())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
