package io.sigmap.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How repeated and low-fidelity alerts are suppressed, per rule and primary entity.
 *
 * <p><b>Duplicate windows.</b> After a rule's alert on an entity is scored, the rule's further alerts on the
 * entity are suppressed ({@link SuppressionReason#DUPLICATE}) until its window has passed. The window is
 * tactic-aware: a rule's window is the shortest of its tactics' {@link #tacticWindows()} (the default window
 * for tactics not listed), so a discovery alert repeats harmlessly more often than an impact alert, whose
 * window is zero (never suppressed).
 *
 * <p><b>Count thresholds.</b> Alerts of <em>threshold rules</em> (levels in {@link #thresholdLevels()}, by
 * default informational and low, plus {@link #thresholdRules()}) are suppressed
 * ({@link SuppressionReason#BELOW_THRESHOLD}) while the rolling count of the rule's alerts on the entity in
 * {@link #thresholdWindow()} (24 hours) is below the rule's threshold: {@code max(thresholdMinCount,
 * ceil(baselineFactor x baseline))}, capped at {@link #thresholdMaxCount()}, where the baseline is the rule's
 * average daily alerts per entity in this environment over the 7 days before the current UTC day (its
 * alerts divided by its entity-days, an entity-day being one primary entity raising the rule on one day);
 * today's burst does not raise today's bar, and without history the least threshold applies. A
 * <em>secondary signal</em> on any of the alert's entities within the
 * threshold window (an alert of a high-fidelity rule, or of level {@link #secondarySignalLevel()} or above)
 * lifts the suppression for the rest of the window. The rolling count is a two-bucket sliding-window
 * estimate: exact at bucket boundaries, linear in between.
 *
 * @param tacticWindows duplicate windows by tactic shortname
 * @param defaultWindow the duplicate window of tactics not in {@code tacticWindows}
 * @param thresholdWindow the rolling window of count thresholds (24 hours)
 * @param thresholdLevels the levels whose rules are threshold rules
 * @param thresholdRules further threshold rules by id, sorted
 * @param thresholdMinCount the least threshold
 * @param baselineFactor the multiple of the environment's baseline a count must reach
 * @param thresholdMaxCount the highest threshold, however high the baseline
 * @param secondarySignalLevel the least level of an alert that lifts threshold suppression on its entities
 * @since 0.1.0
 */
public record SuppressionOptions(
    Map<String, Duration> tacticWindows,
    Duration defaultWindow,
    Duration thresholdWindow,
    Set<Level> thresholdLevels,
    List<String> thresholdRules,
    int thresholdMinCount,
    double baselineFactor,
    int thresholdMaxCount,
    Level secondarySignalLevel) {

  /** The defaults described above. */
  public static final SuppressionOptions DEFAULT = new Builder().build();

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a duration is negative or a count out of range
   */
  public SuppressionOptions {
    Objects.requireNonNull(tacticWindows, "tacticWindows");
    TreeMap<String, Duration> windows = new TreeMap<>();
    tacticWindows.forEach((k, v) -> windows.put(
        Objects.requireNonNull(k, "tactic").trim().toLowerCase(Locale.ROOT).replace('_', '-'),
        Checks.nonNegative(v, "SuppressionOptions.tacticWindows[" + k + "]")));
    tacticWindows = Collections.unmodifiableMap(windows);
    Checks.nonNegative(defaultWindow, "SuppressionOptions.defaultWindow");
    Checks.positive(thresholdWindow, "SuppressionOptions.thresholdWindow");
    Objects.requireNonNull(thresholdLevels, "thresholdLevels");
    EnumSet<Level> levels = EnumSet.noneOf(Level.class);
    levels.addAll(thresholdLevels);
    thresholdLevels = Collections.unmodifiableSet(levels);
    thresholdRules = List.copyOf(new TreeSet<>(Objects.requireNonNull(thresholdRules, "thresholdRules")));
    Checks.atLeast(thresholdMinCount, 1, "SuppressionOptions.thresholdMinCount");
    Checks.inRange(baselineFactor, 0.0, 1000.0, "SuppressionOptions.baselineFactor");
    Checks.atLeast(thresholdMaxCount, thresholdMinCount, "SuppressionOptions.thresholdMaxCount");
    Objects.requireNonNull(secondarySignalLevel, "secondarySignalLevel");
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
    b.tacticWindows.clear();
    b.tacticWindows.putAll(tacticWindows);
    b.defaultWindow = defaultWindow;
    b.thresholdWindow = thresholdWindow;
    b.thresholdLevels = EnumSet.noneOf(Level.class);
    b.thresholdLevels.addAll(thresholdLevels);
    b.thresholdRules = new ArrayList<>(thresholdRules);
    b.thresholdMinCount = thresholdMinCount;
    b.baselineFactor = baselineFactor;
    b.thresholdMaxCount = thresholdMaxCount;
    b.secondarySignalLevel = secondarySignalLevel;
    return b;
  }

  /**
   * Builds {@link SuppressionOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Duration> tacticWindows = new TreeMap<>();
    private Duration defaultWindow = Duration.ofMinutes(15);
    private Duration thresholdWindow = Duration.ofHours(24);
    private EnumSet<Level> thresholdLevels = EnumSet.of(Level.INFORMATIONAL, Level.LOW);
    private List<String> thresholdRules = new ArrayList<>();
    private int thresholdMinCount = 3;
    private double baselineFactor = 2.0;
    private int thresholdMaxCount = 50;
    private Level secondarySignalLevel = Level.HIGH;

    private Builder() {
      tacticWindows.put("reconnaissance", Duration.ofHours(1));
      tacticWindows.put("resource-development", Duration.ofHours(1));
      tacticWindows.put("discovery", Duration.ofHours(1));
      tacticWindows.put("collection", Duration.ofMinutes(30));
      tacticWindows.put("credential-access", Duration.ofMinutes(5));
      tacticWindows.put("lateral-movement", Duration.ofMinutes(5));
      tacticWindows.put("exfiltration", Duration.ofMinutes(5));
      tacticWindows.put("impact", Duration.ZERO);
    }

    /**
     * Sets the duplicate window of a tactic.
     *
     * @param tactic the tactic shortname
     * @param window the window; zero never suppresses
     * @return this builder
     */
    public Builder tacticWindow(String tactic, Duration window) {
      tacticWindows.put(Objects.requireNonNull(tactic, "tactic"), Objects.requireNonNull(window, "window"));
      return this;
    }

    /**
     * Removes every tactic window, so that every tactic has the default window.
     *
     * @return this builder
     */
    public Builder clearTacticWindows() {
      tacticWindows.clear();
      return this;
    }

    /**
     * Sets the duplicate window of tactics without their own.
     *
     * @param window the window; zero never suppresses
     * @return this builder
     */
    public Builder defaultWindow(Duration window) {
      this.defaultWindow = window;
      return this;
    }

    /**
     * Sets the rolling window of count thresholds.
     *
     * @param window the window
     * @return this builder
     */
    public Builder thresholdWindow(Duration window) {
      this.thresholdWindow = window;
      return this;
    }

    /**
     * Sets the levels whose rules are threshold rules.
     *
     * @param levels the levels; empty for none
     * @return this builder
     */
    public Builder thresholdLevels(Set<Level> levels) {
      this.thresholdLevels = EnumSet.noneOf(Level.class);
      this.thresholdLevels.addAll(Objects.requireNonNull(levels, "levels"));
      return this;
    }

    /**
     * Adds a threshold rule by id.
     *
     * @param ruleId the rule id
     * @return this builder
     */
    public Builder thresholdRule(String ruleId) {
      thresholdRules.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    /**
     * Sets the least threshold.
     *
     * @param count the count, at least 1
     * @return this builder
     */
    public Builder thresholdMinCount(int count) {
      this.thresholdMinCount = count;
      return this;
    }

    /**
     * Sets the multiple of the baseline a count must reach.
     *
     * @param factor the factor; 0 ignores the baseline
     * @return this builder
     */
    public Builder baselineFactor(double factor) {
      this.baselineFactor = factor;
      return this;
    }

    /**
     * Sets the highest threshold.
     *
     * @param count the count
     * @return this builder
     */
    public Builder thresholdMaxCount(int count) {
      this.thresholdMaxCount = count;
      return this;
    }

    /**
     * Sets the least level of an alert that lifts threshold suppression on its entities.
     *
     * @param level the level
     * @return this builder
     */
    public Builder secondarySignalLevel(Level level) {
      this.secondarySignalLevel = level;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public SuppressionOptions build() {
      return new SuppressionOptions(tacticWindows, defaultWindow, thresholdWindow, thresholdLevels,
          thresholdRules, thresholdMinCount, baselineFactor, thresholdMaxCount, secondarySignalLevel);
    }
  }
}
