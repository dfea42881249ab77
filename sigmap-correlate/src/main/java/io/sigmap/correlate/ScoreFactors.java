package io.sigmap.correlate;

import io.sigmap.correlate.spi.AssetCriticality;
import java.util.Objects;

/**
 * The inputs of one alert's dynamic severity, so that a score can be explained (see {@link Correlator} for
 * the formula).
 *
 * @param level the rule's level (or the default level)
 * @param weight the rule's correlation weight after feedback, in [0, 10]
 * @param confidence the technique confidence, in [0, 1]
 * @param criticality the highest criticality of the alert's entities
 * @param prevalence the distinct primary entities that raised the rule in the last 7 days, this one included
 * @param habituation the days among the 7 before this one on which the rule fired on the same primary entity,
 *     in [0, 7]
 * @param nearbyRules the distinct other rules that fired on the alert's entities within the proximity window
 * @since 0.1.0
 */
public record ScoreFactors(
    Level level, double weight, double confidence, AssetCriticality criticality, int prevalence,
    int habituation, int nearbyRules) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public ScoreFactors {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(criticality, "criticality");
    Checks.inRange(weight, 0.0, RuleProfile.MAX_WEIGHT, "weight");
    Checks.inRange(confidence, 0.0, 1.0, "confidence");
    Checks.atLeast(prevalence, 0, "prevalence");
    Checks.atLeast(habituation, 0, "habituation");
    if (habituation > 7) {
      throw new IllegalArgumentException("habituation must be at most 7: " + habituation);
    }
    Checks.atLeast(nearbyRules, 0, "nearbyRules");
  }
}
