package io.sigmap.correlate;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The decision that an alert is suppressed, with the reason and the window it fell in. A suppressed alert
 * adds nothing to chains; it still counts for prevalence, thresholds and reports.
 *
 * @param alert the alert
 * @param time the processing time
 * @param reason why it was suppressed
 * @param windowStart for {@link SuppressionReason#DUPLICATE}, when the rule's last alert on the entity was
 *     scored; for {@link SuppressionReason#BELOW_THRESHOLD}, the start of the rolling window
 * @param windowEnd for {@link SuppressionReason#DUPLICATE}, when the duplicate window ends; for
 *     {@link SuppressionReason#BELOW_THRESHOLD}, the processing time
 * @param count for {@link SuppressionReason#BELOW_THRESHOLD}, the rolling count including this alert; 0
 *     otherwise
 * @param threshold for {@link SuppressionReason#BELOW_THRESHOLD}, the rule's threshold; 0 otherwise
 * @param late whether the alert arrived later than the allowed lateness
 * @since 0.1.0
 */
public record AlertSuppressed(
    Alert alert, long time, SuppressionReason reason, long windowStart, long windowEnd, double count,
    int threshold, boolean late) implements AlertDecision {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AlertSuppressed {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns 0: a suppressed alert contributes nothing. */
  @Override
  public double score() {
    return 0.0;
  }

  /**
   * Explains the decision in one sentence.
   *
   * @return the explanation
   */
  public String detail() {
    if (reason == SuppressionReason.DUPLICATE) {
      return "rule " + alert.ruleId() + " already scored on this entity at " + Instant.ofEpochMilli(windowStart)
          + "; duplicates suppressed until " + Instant.ofEpochMilli(windowEnd);
    }
    return String.format(Locale.ROOT, "rolling count %.2f of rule %s on this entity since %s is below its threshold %d",
        count, alert.ruleId(), Instant.ofEpochMilli(windowStart), threshold);
  }
}
