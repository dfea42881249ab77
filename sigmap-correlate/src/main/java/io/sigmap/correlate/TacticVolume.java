package io.sigmap.correlate;

import java.util.Objects;

/**
 * One tactic's alert volume in a {@link CorrelationReport}.
 *
 * @param tactic the tactic shortname
 * @param alerts the alerts of rules with this tactic (every decision but routed aside), in the period
 * @param share this tactic's part of all tactic counts, in [0, 1]
 * @param expectedShare this tactic's part of the catalogue's mapped rules' tactics, in [0, 1]
 * @param ratio {@code share / expectedShare}, 0 when nothing is expected
 * @param disproportionate whether the ratio reaches {@link CorrelatorOptions#disproportionRatio()} with at
 *     least {@link CorrelatorOptions#disproportionMinAlerts()} alerts
 * @since 0.1.0
 */
public record TacticVolume(
    String tactic, long alerts, double share, double expectedShare, double ratio, boolean disproportionate) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if the tactic is null
   * @throws IllegalArgumentException if a count is negative
   */
  public TacticVolume {
    Objects.requireNonNull(tactic, "tactic");
    if (alerts < 0) {
      throw new IllegalArgumentException("alerts must not be negative: " + alerts);
    }
  }
}
