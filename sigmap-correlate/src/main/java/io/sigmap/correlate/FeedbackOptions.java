package io.sigmap.correlate;

import java.time.Duration;
import java.util.Locale;

/**
 * How analyst verdicts turn into weight adjustments (see {@link FeedbackLedger#adjustments(long)}).
 *
 * <p>Per rule, over the verdicts of the last {@link #window()} (30 days): with at least
 * {@link #minSample()} verdicts, the false-positive ratio is {@code (FP + benignWeight x BTP) / n}. Below
 * {@link #lowerRatio()} the rule is kept as it is; from there on its weight multiplier is
 * {@code max(minMultiplier, 1 - ratio)}, and from {@link #quarantineRatio()} on quarantine is recommended.
 *
 * @param window how far back verdicts count
 * @param minSample the least number of verdicts for an adjustment
 * @param benignWeight how much a benign true positive counts as a false positive, in [0, 1]
 * @param lowerRatio the ratio from which the weight is lowered
 * @param quarantineRatio the ratio from which quarantine is recommended
 * @param minMultiplier the lowest weight multiplier
 * @since 0.1.0
 */
public record FeedbackOptions(
    Duration window, int minSample, double benignWeight, double lowerRatio, double quarantineRatio,
    double minMultiplier) {

  /** 30 days, 10 verdicts, benign counts half, lower from 0.2, quarantine from 0.8, multiplier at least 0.1. */
  public static final FeedbackOptions DEFAULT = new Builder().build();

  /**
   * Validates the components.
   *
   * @throws NullPointerException if the window is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public FeedbackOptions {
    Checks.positive(window, "FeedbackOptions.window");
    Checks.atLeast(minSample, 1, "FeedbackOptions.minSample");
    Checks.inRange(benignWeight, 0.0, 1.0, "FeedbackOptions.benignWeight");
    Checks.inRange(lowerRatio, 0.0, 1.0, "FeedbackOptions.lowerRatio");
    Checks.inRange(quarantineRatio, 0.0, 1.0, "FeedbackOptions.quarantineRatio");
    Checks.inRange(minMultiplier, 0.0, 1.0, "FeedbackOptions.minMultiplier");
    if (quarantineRatio < lowerRatio) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "FeedbackOptions.quarantineRatio (%s) must not be below FeedbackOptions.lowerRatio (%s)",
          quarantineRatio, lowerRatio));
    }
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.window = window;
    b.minSample = minSample;
    b.benignWeight = benignWeight;
    b.lowerRatio = lowerRatio;
    b.quarantineRatio = quarantineRatio;
    b.minMultiplier = minMultiplier;
    return b;
  }

  /**
   * Builds {@link FeedbackOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration window = Duration.ofDays(30);
    private int minSample = 10;
    private double benignWeight = 0.5;
    private double lowerRatio = 0.2;
    private double quarantineRatio = 0.8;
    private double minMultiplier = 0.1;

    private Builder() {
    }

    /**
     * Sets how far back verdicts count.
     *
     * @param w the window
     * @return this builder
     */
    public Builder window(Duration w) {
      this.window = w;
      return this;
    }

    /**
     * Sets the least number of verdicts for an adjustment.
     *
     * @param n the number
     * @return this builder
     */
    public Builder minSample(int n) {
      this.minSample = n;
      return this;
    }

    /**
     * Sets how much a benign true positive counts as a false positive.
     *
     * @param weight the weight in [0, 1]
     * @return this builder
     */
    public Builder benignWeight(double weight) {
      this.benignWeight = weight;
      return this;
    }

    /**
     * Sets the ratio from which the weight is lowered.
     *
     * @param ratio the ratio
     * @return this builder
     */
    public Builder lowerRatio(double ratio) {
      this.lowerRatio = ratio;
      return this;
    }

    /**
     * Sets the ratio from which quarantine is recommended.
     *
     * @param ratio the ratio
     * @return this builder
     */
    public Builder quarantineRatio(double ratio) {
      this.quarantineRatio = ratio;
      return this;
    }

    /**
     * Sets the lowest weight multiplier.
     *
     * @param multiplier the multiplier
     * @return this builder
     */
    public Builder minMultiplier(double multiplier) {
      this.minMultiplier = multiplier;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public FeedbackOptions build() {
      return new FeedbackOptions(window, minSample, benignWeight, lowerRatio, quarantineRatio, minMultiplier);
    }
  }
}
