package io.sigmap.correlate;

/**
 * The one decision a {@link Correlator} makes about each alert: scored, suppressed, allowlisted, or routed
 * aside.
 *
 * @since 0.1.0
 */
public sealed interface AlertDecision extends CorrelationEvent
    permits AlertScored, AlertSuppressed, AlertAllowlisted, AlertRoutedAside {

  /**
   * Returns the alert decided about.
   *
   * @return the alert
   */
  Alert alert();

  /**
   * Returns the score the alert contributes: positive for {@link AlertScored}, 0 otherwise.
   *
   * @return the score, in [0, 100]
   */
  double score();

  /**
   * Tells whether the alert arrived later than the allowed lateness.
   *
   * @return whether the alert was late
   */
  boolean late();
}
