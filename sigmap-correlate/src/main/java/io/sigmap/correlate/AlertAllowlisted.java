package io.sigmap.correlate;

import java.util.Objects;

/**
 * The decision that an alert matched a known-good execution: recorded with score 0 and tagged with the
 * entry's id.
 *
 * @param alert the alert
 * @param time the processing time
 * @param allowlistCorrelationId the id of the {@link AllowlistEntry} that matched
 * @param late whether the alert arrived later than the allowed lateness
 * @since 0.1.0
 */
public record AlertAllowlisted(Alert alert, long time, String allowlistCorrelationId, boolean late)
    implements AlertDecision {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AlertAllowlisted {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(allowlistCorrelationId, "allowlistCorrelationId");
  }

  /** Returns 0: an allowlisted alert's score is zeroed. */
  @Override
  public double score() {
    return 0.0;
  }
}
