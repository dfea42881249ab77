package io.sigmap.correlate;

import java.util.Objects;

/**
 * What analyst verdicts say about one rule over the feedback window: the counts, the false-positive ratio,
 * the weight multiplier and the recommendation (see {@link FeedbackOptions} for the rule).
 *
 * <pre>{@code
 * RuleAdjustment a = ledger.adjustments(now).get(ruleId);
 * int newWeight = a.adjustedWeight(profile.correlationWeight());
 * boolean quarantine = a.recommendation() == RuleAdjustment.Recommendation.QUARANTINE;
 * }</pre>
 *
 * @param ruleId the rule
 * @param truePositives the true-positive verdicts in the window
 * @param falsePositives the false-positive verdicts in the window
 * @param benignTruePositives the benign-true-positive verdicts in the window
 * @param falsePositiveRatio {@code (FP + benignWeight x BTP) / n}, 0 without verdicts
 * @param weightMultiplier the multiplier to apply to the rule's correlation weight, in [0, 1]
 * @param recommendation what to do with the rule
 * @since 0.1.0
 */
public record RuleAdjustment(
    String ruleId,
    int truePositives,
    int falsePositives,
    int benignTruePositives,
    double falsePositiveRatio,
    double weightMultiplier,
    Recommendation recommendation) {

  /**
   * What the verdicts recommend for a rule.
   *
   * @since 0.1.0
   */
  public enum Recommendation {
    /** Fewer verdicts than the minimum sample: no change. */
    INSUFFICIENT_SAMPLE("insufficient_sample"),
    /** The ratio is below the lowering ratio: no change. */
    KEEP("keep"),
    /** Lower the correlation weight by the multiplier. */
    LOWER_WEIGHT("lower_weight"),
    /** Quarantine the rule (and lower its weight by the multiplier meanwhile). */
    QUARANTINE("quarantine");

    private final String id;

    Recommendation(String id) {
      this.id = id;
    }

    /**
     * Returns the identifier used in JSON, for example {@code lower_weight}.
     *
     * @return the identifier
     */
    public String id() {
      return id;
    }
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a count is negative or a ratio out of [0, 1]
   */
  public RuleAdjustment {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(recommendation, "recommendation");
    Checks.atLeast(truePositives, 0, "truePositives");
    Checks.atLeast(falsePositives, 0, "falsePositives");
    Checks.atLeast(benignTruePositives, 0, "benignTruePositives");
    Checks.inRange(falsePositiveRatio, 0.0, 1.0, "falsePositiveRatio");
    Checks.inRange(weightMultiplier, 0.0, 1.0, "weightMultiplier");
  }

  /**
   * Returns the number of verdicts in the window.
   *
   * @return the sample size
   */
  public int sampleSize() {
    return truePositives + falsePositives + benignTruePositives;
  }

  /**
   * Applies the multiplier to a correlation weight, rounding down.
   *
   * @param weight the weight, in [0, 10]
   * @return the adjusted weight, in [0, weight]
   * @throws IllegalArgumentException if the weight is out of range
   */
  public int adjustedWeight(int weight) {
    Checks.atLeast(weight, 0, "weight");
    if (weight > RuleProfile.MAX_WEIGHT) {
      throw new IllegalArgumentException("weight must be at most " + RuleProfile.MAX_WEIGHT + ": " + weight);
    }
    return (int) Math.floor(weight * weightMultiplier + 1e-9);
  }
}
