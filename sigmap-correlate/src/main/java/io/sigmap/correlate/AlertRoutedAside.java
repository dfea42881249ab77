package io.sigmap.correlate;

import java.util.Objects;

/**
 * The decision that an alert cannot be scored as a mapped alert: its rule is unknown, quarantined,
 * unreadable, skipped or unmapped, or the alert was late under {@link CorrelatorOptions.LatePolicy#ROUTE_ASIDE}.
 * Routed-aside alerts are counted, never scored.
 *
 * @param alert the alert
 * @param time the processing time
 * @param reason why it was routed aside
 * @param late whether the alert arrived later than the allowed lateness
 * @since 0.1.0
 */
public record AlertRoutedAside(Alert alert, long time, RouteReason reason, boolean late) implements AlertDecision {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AlertRoutedAside {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns 0: a routed-aside alert is not scored. */
  @Override
  public double score() {
    return 0.0;
  }
}
