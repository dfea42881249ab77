package io.sigmap.correlate;

import io.sigmap.correlate.spi.AssetContext;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The alert-time runtime: the embeddable engine SIEM ingest code calls for every alert an enriched Sigma rule
 * raises. It scores each alert, suppresses repeats and low-fidelity noise, links alerts on related entities
 * into attack chains, escalates the chains that meet multi-source thresholds, and learns from analyst
 * verdicts.
 *
 * <pre>{@code
 * RuleCatalog catalog = RuleCatalog.builder().tactics(index).read(Path.of("enriched/")).build();
 * Correlator correlator = Correlator.builder(catalog)
 *     .assets(cmdb)                                   // AssetContext: host/user -> criticality
 *     .feedback(FeedbackLedger.open(Path.of("verdicts.jsonl")))
 *     .sink(event -> {
 *       if (event instanceof ChainEscalated e) {
 *         openIncident(e.chain(), e.reason(), e.detail());
 *       }
 *     })
 *     .build();
 * for (Alert alert : alerts) {
 *   correlator.accept(alert);
 * }
 * correlator.flush();                                  // end of stream: release the lateness buffer
 * }</pre>
 *
 * <h2>Outputs</h2>
 * Every alert accepted yields exactly one {@link AlertDecision} ({@link AlertScored}, {@link AlertSuppressed},
 * {@link AlertAllowlisted} or {@link AlertRoutedAside}), nothing is dropped silently; {@link ChainUpdated},
 * {@link ChainEscalated} and {@link FeedbackRecommendation} events come in addition. Events go to the
 * {@link CorrelationSink} synchronously; the correlator allocates one small immutable object per event and,
 * per alert, nothing else that outlives the call except the state of new entities and chains.
 *
 * <h2>Decisions, in order</h2>
 * <ol>
 *   <li>An alert of a rule that is not in the catalogue, or is quarantined, unreadable, skipped or unmapped,
 *       is routed aside ({@link RouteReason}) and never scored.
 *   <li>An alert matching an {@link AllowlistEntry} is recorded with score 0 and the entry's
 *       {@code allowlist_correlation_id}; it touches no entity state.
 *   <li>A repeat of a rule on the same primary entity within the rule's tactic-aware duplicate window, or an
 *       alert of a threshold rule below its baseline-normalised 24-hour count, is suppressed (see
 *       {@link SuppressionOptions}).
 *   <li>Otherwise the alert is scored and joins a chain.
 * </ol>
 *
 * <h2>Dynamic severity</h2>
 * The score is a probability expressed in odds, multiplied by one factor per input, so it is bounded in
 * (0, 100) and monotone in each input (non-decreasing in level, weight, confidence, criticality and nearby
 * rules; non-increasing in prevalence and habit):
 * <pre>
 *   odds  = L(level) x W(weight) x C(confidence) x A(criticality) x R(prevalence) x H(habit) x P(nearby)
 *   score = 100 x odds / (1 + odds)
 *
 *   L: odds of 0.05 / 0.15 / 0.35 / 0.60 / 0.80 for informational / low / medium / high / critical
 *      (rules without a level: {@link CorrelatorOptions#defaultLevel()}, medium)
 *   W = 2^((w - 5) / 5)     correlation_weight w in [0, 10] after feedback: 0.5 .. 1 .. 2
 *   C = 0.5 + 0.5 c         technique_confidence c in [0, 1]: 0.5 .. 1
 *   A = 0.5 / 1 / 1.5 / 2   highest {@link io.sigmap.correlate.spi.AssetCriticality} of the alert's entities
 *                           (low / medium or unknown / high / extreme; Elastic's odds multipliers)
 *   R = 1.5 if n &lt;= 1, else 0.5 + 1 / (1 + log10 n)
 *                           n = distinct primary entities that raised the rule in the last 7 days (rarer
 *                           in this environment weighs more: 1.5 .. 1.0 at n = 10 .. 0.75 at n = 1000)
 *   H = 1 / (1 + d)         d = days among the 7 before today on which the rule fired on the same primary
 *                           entity (habit of this entity weighs less: 1 .. 1/8)
 *   P = 1 + 0.25 min(k, 4)  k = distinct other rules scored on any of the alert's entities within
 *                           {@link CorrelatorOptions#proximityWindow()} (1 hour): 1 .. 2
 * </pre>
 * A medium rule of weight 5 and confidence 1 on an ordinary host, raised by ten entities this week and
 * alone on its host, scores 35 (45 when it is the rule's first entity); a critical rule of weight 10 on an
 * extreme asset, rare and among four other rules, scores 98.
 *
 * <h2>Chains</h2>
 * A scored alert joins the chain of its entities; an alert on several entities (a user on a host) merges
 * their chains, within the guards of {@link LinkOptions} (stop values, a link cap per entity, a size cap per
 * chain). A chain lives while it has an alert in the breadth window (7 days) and remembers at most
 * {@link CorrelatorOptions#maxChainAlerts()} alerts. It knows its tactics in matrix order, its source types,
 * its rules, its <em>risk sum</em> over the risk window (24 hours), where each rule's contribution is capped
 * at {@link EscalationOptions#ruleCapMultiple()} (2) times its own highest score so that one noisy rule
 * cannot escalate alone, and its <em>kill-chain progression</em> (RapSheet): the length of the longest
 * sequence of its alerts whose tactics advance in matrix order as event time advances.
 *
 * <h2>Escalation</h2>
 * Zero trust: a chain escalates only when it meets a multi-source threshold or a high-fidelity signal appears
 * (see {@link EscalationOptions}; defaults after Splunk ES: risk sum &gt; 100 in 24 hours from &gt;= 2 source
 * types; &gt;= 3 tactics and &gt;= 4 distinct rules in 7 days, from &gt;= 2 source types; a high-fidelity rule
 * such as T1003.* or T1547.001; optionally, RapSheet's kill-chain order). Each {@link ChainEscalated} names the
 * condition it met and its figures. A condition is checked on the rules that joined the chain since it last
 * fired, so a chain escalates again on new evidence but never twice on the same rules.
 *
 * <h2>Feedback</h2>
 * {@link #feedback(Verdict)} appends the verdict to the {@link FeedbackLedger} and recomputes the rule's
 * {@link RuleAdjustment}; the weight multiplier applies to the rule's later alerts at once, and a change is
 * emitted as a {@link FeedbackRecommendation}. Adjustments are also recomputed at each UTC day boundary of
 * event time, as old verdicts leave the 30-day window.
 *
 * <h2>Event time</h2>
 * Results depend on event time, never on arrival time. Alerts wait in a lateness buffer and are processed in
 * event-time order (ties broken by alert id, rule id, then content) once they are older than the
 * <em>watermark</em>: the newest event time seen minus {@link CorrelatorOptions#allowedLateness()}. Hence any
 * arrival order in which every alert arrives no later than the allowed lateness after the newest event time
 * seen before it gives the same decision stream. An alert older than the watermark (or, after
 * {@link #flush()}, older than the last processed alert) is <em>late</em>: by default processed at once with
 * its time clamped to the last processed alert's time and flagged {@code late}; or routed aside
 * ({@link CorrelatorOptions.LatePolicy}). {@link #advanceTo(long)} moves the watermark without an alert, for
 * idle streams.
 *
 * <h2>Bounded state</h2>
 * State is kept per entity (per-rule tracks, a four-alert proximity ring, chain membership) and per chain:
 * about 200 to 600 bytes for an idle entity. Entities idle longer than {@link CorrelatorOptions#entityTtl()}
 * are evicted, and beyond {@link CorrelatorOptions#maxEntities()} the least recently seen is; the counts of
 * evictions, refused merges, dropped chain alerts and saturated entities are in {@link #stats()}. Per rule,
 * the correlator keeps 7-day prevalence rings; per day, report counters for {@link CorrelationReport}.
 *
 * <h2>Threads and partitions</h2>
 * A correlator is <b>not thread-safe</b>: use one per thread, partition or key group, and call it from one
 * thread at a time. It holds no global mutable state, so any number run side by side. To scale past one
 * machine in a keyed stream processor (Kafka Streams, Flink), route alerts by a <em>link key</em> that keeps
 * related entities together (the host, or the site or tenant when users roam between hosts) so that each
 * chain lives in one partition; run one correlator per partition (Kafka Streams: a {@code Processor} per
 * task; Flink: a keyed operator per key group); persist its state with {@link #snapshot()} at checkpoints
 * (a Kafka Streams state store entry per task, Flink operator state) and rebuild it with
 * {@link Builder#restore(byte[])} on reassignment. Prevalence, baselines and reports are then per partition;
 * combine reports with {@link CorrelationReport#merge(CorrelationReport)}.
 *
 * @since 0.1.0
 */
public final class Correlator {

  /** The most input issues a {@link ReplaySummary} lists; it counts all of them. */
  public static final int MAX_REPLAY_ISSUES = 1000;

  private final Engine engine;

  private Correlator(Engine engine) {
    this.engine = engine;
  }

  /**
   * Returns a builder for a correlator over a catalogue.
   *
   * @param catalog the enriched rules
   * @return a new builder
   */
  public static Builder builder(RuleCatalog catalog) {
    return new Builder(Objects.requireNonNull(catalog, "catalog"));
  }

  /**
   * Accepts one alert. Its decision, and those of any buffered alerts the watermark now releases, go to the
   * sink before this method returns, in event-time order.
   *
   * @param alert the alert
   * @throws CorrelationException if the asset context fails and {@link CorrelatorOptions#strictAssets()}
   */
  public void accept(Alert alert) {
    engine.accept(Objects.requireNonNull(alert, "alert"));
  }

  /**
   * Moves the watermark to {@code eventTime} minus the allowed lateness, as an alert of that time would,
   * releasing the buffered alerts older than it. For streams that fall idle.
   *
   * @param eventTime an event time, epoch milliseconds
   */
  public void advanceTo(long eventTime) {
    engine.advanceTo(eventTime);
  }

  /**
   * Processes every buffered alert, at the end of a stream or before a shutdown without a snapshot. Alerts
   * accepted afterwards that are older than the last processed alert are late.
   */
  public void flush() {
    engine.flush();
  }

  /**
   * Records an analyst verdict: appends it to the ledger and applies the resulting weight adjustment of each
   * rule it names to that rule's later alerts, emitting a {@link FeedbackRecommendation} for each change.
   *
   * @param verdict the verdict
   * @throws CorrelationException if the ledger cannot be written
   */
  public void feedback(Verdict verdict) {
    engine.verdict(Objects.requireNonNull(verdict, "verdict"));
  }

  /**
   * Returns the counters and state sizes.
   *
   * @return the statistics
   */
  public CorrelatorStats stats() {
    return engine.stats();
  }

  /**
   * Returns the report over every retained day.
   *
   * @return the report
   */
  public CorrelationReport report() {
    return engine.report();
  }

  /**
   * Returns the report over the UTC days from the one holding {@code fromMillis} to the one holding
   * {@code toMillis}, within the retained days.
   *
   * @param fromMillis the start, epoch milliseconds
   * @param toMillis the end, epoch milliseconds
   * @return the report
   * @throws IllegalArgumentException if the end is before the start
   */
  public CorrelationReport report(long fromMillis, long toMillis) {
    if (toMillis < fromMillis) {
      throw new IllegalArgumentException("report end " + toMillis + " is before its start " + fromMillis);
    }
    return engine.report(Math.floorDiv(fromMillis, Engine.DAY), Math.floorDiv(toMillis, Engine.DAY));
  }

  /**
   * Writes the whole state (lateness buffer, entities, chains, rule rings, report days, counters, feedback
   * adjustments in force) in a compact binary form. A correlator built with {@link Builder#restore(byte[])}
   * from it and given the same later input emits the same events as this one would.
   *
   * @return the snapshot
   */
  public byte[] snapshot() {
    return SnapshotCodec.write(engine);
  }

  /**
   * Replays an alert file: reads it as JSON Lines (see {@link CorrelationJson#parseAlert(String)}), accepts
   * each alert, and flushes at the end. A line that is not a valid alert is counted and reported in the summary
   * (the first {@link #MAX_REPLAY_ISSUES}) and skipped; an alert without an id gets {@code file:line}. This is
   * what {@code sigmap correlate} runs.
   *
   * @param alerts the alert file
   * @return what was read and decided
   * @throws CorrelationInputException if the file cannot be read
   */
  public ReplaySummary replay(Path alerts) {
    Objects.requireNonNull(alerts, "alerts");
    try (Reader r = Files.newBufferedReader(alerts, StandardCharsets.UTF_8)) {
      return replay(r, alerts.toString());
    } catch (IOException e) {
      throw new CorrelationInputException(alerts.toString(), 0, "cannot read the alert file: " + e.getMessage(), e);
    }
  }

  /**
   * Replays alerts from a reader (standard input, a socket, a decompressing stream), as
   * {@link #replay(Path)} replays a file. The reader is read to its end and not closed.
   *
   * @param alerts the JSON Lines text
   * @param name the name issues and alerts without an id refer to, for example {@code stdin}
   * @return what was read and decided
   * @throws CorrelationInputException if reading fails
   */
  public ReplaySummary replay(Reader alerts, String name) {
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(name, "name");
    List<InputIssue> issues = new ArrayList<>();
    long lines = 0;
    long accepted = 0;
    long rejected = 0;
    try {
      Json.Lines in = new Json.Lines(alerts);
      while (in.next()) {
        lines++;
        InputIssue issue = null;
        if (in.tooLong()) {
          issue = new InputIssue(name, in.number(), "line longer than " + Json.MAX_LINE_CHARS
              + " characters, skipped");
        } else if (!in.blank()) {
          Alert a = null;
          try {
            a = AlertJson.parse(in.line(), name, in.number());
          } catch (CorrelationInputException e) {
            issue = new InputIssue(name, in.number(), e.detail() + "; skipped");
          }
          if (a != null) {
            engine.accept(a);
            accepted++;
          }
        }
        if (issue != null) {
          rejected++;
          if (issues.size() < MAX_REPLAY_ISSUES) {
            issues.add(issue);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CorrelationInputException(name, 0, "cannot read the alerts: " + e.getMessage(), e);
    }
    engine.flush();
    return new ReplaySummary(name, lines, accepted, rejected, issues, engine.stats(), engine.report());
  }

  /**
   * Returns the catalogue.
   *
   * @return the catalogue
   */
  public RuleCatalog catalog() {
    return engine.catalog;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public CorrelatorOptions options() {
    return engine.options;
  }

  /**
   * Returns the feedback ledger in use (an in-memory one when none was given).
   *
   * @return the ledger
   */
  public FeedbackLedger ledger() {
    return engine.ledger;
  }

  @Override
  public String toString() {
    return "Correlator[" + engine.catalog + ", " + engine.entityCount + " entities, " + engine.buffered()
        + " buffered]";
  }

  /**
   * Builds a {@link Correlator}. Not thread-safe; build once, then discard.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final RuleCatalog catalog;
    private CorrelatorOptions options = CorrelatorOptions.DEFAULT;
    private AssetContext assets = AssetContext.none();
    private CorrelationSink sink = CorrelationSink.discard();
    private FeedbackLedger ledger;
    private byte[] snapshot;

    private Builder(RuleCatalog catalog) {
      this.catalog = catalog;
    }

    /**
     * Sets the options ({@link CorrelatorOptions#DEFAULT} otherwise).
     *
     * @param correlatorOptions the options
     * @return this builder
     */
    public Builder options(CorrelatorOptions correlatorOptions) {
      this.options = Objects.requireNonNull(correlatorOptions, "correlatorOptions");
      return this;
    }

    /**
     * Sets the asset context ({@link AssetContext#none()} otherwise).
     *
     * @param context the context
     * @return this builder
     */
    public Builder assets(AssetContext context) {
      this.assets = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Sets the sink events go to ({@link CorrelationSink#discard()} otherwise).
     *
     * @param eventSink the sink
     * @return this builder
     */
    public Builder sink(CorrelationSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "eventSink");
      return this;
    }

    /**
     * Sets the feedback ledger (an in-memory ledger with {@link CorrelatorOptions#feedback()} otherwise).
     *
     * @param feedbackLedger the ledger
     * @return this builder
     */
    public Builder feedback(FeedbackLedger feedbackLedger) {
      this.ledger = Objects.requireNonNull(feedbackLedger, "feedbackLedger");
      return this;
    }

    /**
     * Restores the state of a snapshot. Rules of the snapshot that the catalogue no longer has are dropped
     * from the restored state.
     *
     * @param state a snapshot from {@link Correlator#snapshot()}
     * @return this builder
     */
    public Builder restore(byte[] state) {
      this.snapshot = Objects.requireNonNull(state, "state").clone();
      return this;
    }

    /**
     * Builds the correlator.
     *
     * @return the correlator
     * @throws CorrelationInputException if the snapshot is corrupt or of another format version
     */
    public Correlator build() {
      FeedbackLedger l = ledger != null ? ledger : FeedbackLedger.inMemory(options.feedback());
      Engine engine = new Engine(catalog, options, assets, sink, l);
      if (snapshot != null) {
        SnapshotCodec.read(snapshot, engine);
      }
      return new Correlator(engine);
    }
  }
}
