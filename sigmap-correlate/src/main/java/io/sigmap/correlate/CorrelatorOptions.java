package io.sigmap.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of a {@link Correlator}: event-time handling, state bounds, and the suppression, escalation,
 * linking, allowlist and feedback settings.
 *
 * <pre>{@code
 * CorrelatorOptions o = CorrelatorOptions.DEFAULT.toBuilder()
 *     .allowedLateness(Duration.ofMinutes(2))
 *     .linking(LinkOptions.builder().stopValue(EntityKind.HOST, "dc01").build())
 *     .build();
 * }</pre>
 *
 * @param allowedLateness how far behind the newest event time an alert may arrive and still be processed in
 *     event-time order (5 minutes); see {@link Correlator}
 * @param latePolicy what happens to an alert later than that
 * @param maxEntities the most entities held; the least recently seen is evicted beyond it (1,000,000)
 * @param entityTtl how long an entity without alerts is kept (8 days)
 * @param proximityWindow how close in event time other alerts on an entity raise an alert's score (1 hour)
 * @param maxChainAlerts the most scored alerts a chain remembers; the oldest is dropped beyond it (128)
 * @param defaultLevel the level of rules without one (medium)
 * @param chainUpdates which chain changes are emitted as {@link ChainUpdated}
 * @param strictAssets whether an {@link io.sigmap.correlate.spi.AssetContext} failure is rethrown rather
 *     than counted
 * @param suppression duplicate windows and count thresholds
 * @param escalation escalation conditions
 * @param linking linking rules and giant-component guards
 * @param allowlist known-good executions, tried in order
 * @param feedback how verdicts adjust rule weights
 * @param disproportionRatio the ratio of a tactic's share of alerts to its share of the catalogue's rules
 *     from which a report flags the tactic (2)
 * @param disproportionMinAlerts the least alerts of a tactic before a report flags it (20)
 * @since 0.1.0
 */
public record CorrelatorOptions(
    Duration allowedLateness,
    LatePolicy latePolicy,
    int maxEntities,
    Duration entityTtl,
    Duration proximityWindow,
    int maxChainAlerts,
    Level defaultLevel,
    ChainUpdates chainUpdates,
    boolean strictAssets,
    SuppressionOptions suppression,
    EscalationOptions escalation,
    LinkOptions linking,
    List<AllowlistEntry> allowlist,
    FeedbackOptions feedback,
    double disproportionRatio,
    int disproportionMinAlerts) {

  /** The defaults described above. */
  public static final CorrelatorOptions DEFAULT = new Builder().build();

  /**
   * What happens to an alert whose event time is older than the watermark (the newest event time seen minus
   * the allowed lateness).
   *
   * @since 0.1.0
   */
  public enum LatePolicy {
    /** Processed at once, as if its event time were the time of the last processed alert (clamped), and its
     *  decision flagged {@code late}. Its outcome then depends on arrival order. */
    PROCESS_CLAMPED,
    /** Routed aside with {@link RouteReason#LATE}, not scored. */
    ROUTE_ASIDE
  }

  /**
   * Which chain changes are emitted as {@link ChainUpdated} events. Escalations are always emitted.
   *
   * @since 0.1.0
   */
  public enum ChainUpdates {
    /** Changes (new rule, tactic, source or entity, a merge) of chains with at least two distinct rules, and
     *  of escalated chains. */
    CORRELATED,
    /** Every change, including the creation of single-alert chains. */
    ALL,
    /** None. */
    NONE
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a value is out of range or two allowlist entries share an id
   */
  public CorrelatorOptions {
    Checks.nonNegative(allowedLateness, "CorrelatorOptions.allowedLateness");
    Objects.requireNonNull(latePolicy, "latePolicy");
    Checks.atLeast(maxEntities, 16, "CorrelatorOptions.maxEntities");
    Checks.positive(entityTtl, "CorrelatorOptions.entityTtl");
    Checks.nonNegative(proximityWindow, "CorrelatorOptions.proximityWindow");
    Checks.atLeast(maxChainAlerts, 4, "CorrelatorOptions.maxChainAlerts");
    Objects.requireNonNull(defaultLevel, "defaultLevel");
    Objects.requireNonNull(chainUpdates, "chainUpdates");
    Objects.requireNonNull(suppression, "suppression");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(linking, "linking");
    allowlist = List.copyOf(Objects.requireNonNull(allowlist, "allowlist"));
    Set<String> ids = new HashSet<>();
    for (AllowlistEntry e : allowlist) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("two allowlist entries have the id '" + e.id() + "'");
      }
    }
    Objects.requireNonNull(feedback, "feedback");
    Checks.inRange(disproportionRatio, 1.0, 1e6, "CorrelatorOptions.disproportionRatio");
    Checks.atLeast(disproportionMinAlerts, 0, "CorrelatorOptions.disproportionMinAlerts");
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
    b.allowedLateness = allowedLateness;
    b.latePolicy = latePolicy;
    b.maxEntities = maxEntities;
    b.entityTtl = entityTtl;
    b.proximityWindow = proximityWindow;
    b.maxChainAlerts = maxChainAlerts;
    b.defaultLevel = defaultLevel;
    b.chainUpdates = chainUpdates;
    b.strictAssets = strictAssets;
    b.suppression = suppression;
    b.escalation = escalation;
    b.linking = linking;
    b.allowlist = new ArrayList<>(allowlist);
    b.feedback = feedback;
    b.disproportionRatio = disproportionRatio;
    b.disproportionMinAlerts = disproportionMinAlerts;
    return b;
  }

  /**
   * Builds {@link CorrelatorOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration allowedLateness = Duration.ofMinutes(5);
    private LatePolicy latePolicy = LatePolicy.PROCESS_CLAMPED;
    private int maxEntities = 1_000_000;
    private Duration entityTtl = Duration.ofDays(8);
    private Duration proximityWindow = Duration.ofHours(1);
    private int maxChainAlerts = 128;
    private Level defaultLevel = Level.MEDIUM;
    private ChainUpdates chainUpdates = ChainUpdates.CORRELATED;
    private boolean strictAssets;
    private SuppressionOptions suppression = SuppressionOptions.DEFAULT;
    private EscalationOptions escalation = EscalationOptions.DEFAULT;
    private LinkOptions linking = LinkOptions.DEFAULT;
    private List<AllowlistEntry> allowlist = new ArrayList<>();
    private FeedbackOptions feedback = FeedbackOptions.DEFAULT;
    private double disproportionRatio = 2.0;
    private int disproportionMinAlerts = 20;

    private Builder() {
    }

    /**
     * Sets the allowed lateness.
     *
     * @param lateness the lateness; zero processes alerts as soon as a later one arrives
     * @return this builder
     */
    public Builder allowedLateness(Duration lateness) {
      this.allowedLateness = lateness;
      return this;
    }

    /**
     * Sets the late policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder latePolicy(LatePolicy policy) {
      this.latePolicy = policy;
      return this;
    }

    /**
     * Sets the most entities held.
     *
     * @param max the number, at least 16
     * @return this builder
     */
    public Builder maxEntities(int max) {
      this.maxEntities = max;
      return this;
    }

    /**
     * Sets how long an idle entity is kept.
     *
     * @param ttl the time to live
     * @return this builder
     */
    public Builder entityTtl(Duration ttl) {
      this.entityTtl = ttl;
      return this;
    }

    /**
     * Sets the proximity window.
     *
     * @param window the window; zero disables the proximity factor
     * @return this builder
     */
    public Builder proximityWindow(Duration window) {
      this.proximityWindow = window;
      return this;
    }

    /**
     * Sets the most scored alerts a chain remembers.
     *
     * @param max the number, at least 4
     * @return this builder
     */
    public Builder maxChainAlerts(int max) {
      this.maxChainAlerts = max;
      return this;
    }

    /**
     * Sets the level of rules without one.
     *
     * @param level the level
     * @return this builder
     */
    public Builder defaultLevel(Level level) {
      this.defaultLevel = level;
      return this;
    }

    /**
     * Sets which chain changes are emitted.
     *
     * @param updates the policy
     * @return this builder
     */
    public Builder chainUpdates(ChainUpdates updates) {
      this.chainUpdates = updates;
      return this;
    }

    /**
     * Sets whether asset-context failures are rethrown.
     *
     * @param strict whether to rethrow
     * @return this builder
     */
    public Builder strictAssets(boolean strict) {
      this.strictAssets = strict;
      return this;
    }

    /**
     * Sets the suppression options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder suppression(SuppressionOptions options) {
      this.suppression = options;
      return this;
    }

    /**
     * Sets the escalation options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder escalation(EscalationOptions options) {
      this.escalation = options;
      return this;
    }

    /**
     * Sets the linking options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder linking(LinkOptions options) {
      this.linking = options;
      return this;
    }

    /**
     * Appends an allowlist entry.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder allow(AllowlistEntry entry) {
      allowlist.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Replaces the allowlist.
     *
     * @param entries the entries, in matching order
     * @return this builder
     */
    public Builder allowlist(List<AllowlistEntry> entries) {
      this.allowlist = new ArrayList<>(Objects.requireNonNull(entries, "entries"));
      return this;
    }

    /**
     * Sets the feedback options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder feedback(FeedbackOptions options) {
      this.feedback = options;
      return this;
    }

    /**
     * Sets the disproportion ratio of reports.
     *
     * @param ratio the ratio, at least 1
     * @return this builder
     */
    public Builder disproportionRatio(double ratio) {
      this.disproportionRatio = ratio;
      return this;
    }

    /**
     * Sets the least alerts of a tactic before a report flags it.
     *
     * @param alerts the number
     * @return this builder
     */
    public Builder disproportionMinAlerts(int alerts) {
      this.disproportionMinAlerts = alerts;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public CorrelatorOptions build() {
      return new CorrelatorOptions(allowedLateness, latePolicy, maxEntities, entityTtl, proximityWindow,
          maxChainAlerts, defaultLevel, chainUpdates, strictAssets, suppression, escalation, linking, allowlist,
          feedback, disproportionRatio, disproportionMinAlerts);
    }
  }
}
