package io.sigmap.correlate;

import java.util.Objects;
import java.util.Optional;

/**
 * The decision that an alert counts: its dynamic severity, the factors behind it, and the chain it joined.
 *
 * @param alert the alert
 * @param time the processing time (the alert's time, or the clamped time of a late alert)
 * @param score the dynamic severity in (0, 100), rounded to two decimals
 * @param factors the inputs of the score
 * @param chainId the chain the alert joined; empty for an alert without entities
 * @param late whether the alert arrived later than the allowed lateness
 * @since 0.1.0
 */
public record AlertScored(
    Alert alert, long time, double score, ScoreFactors factors, Optional<String> chainId, boolean late)
    implements AlertDecision {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the score is outside [0, 100]
   */
  public AlertScored {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(factors, "factors");
    Objects.requireNonNull(chainId, "chainId");
    Checks.inRange(score, 0.0, 100.0, "score");
  }
}
