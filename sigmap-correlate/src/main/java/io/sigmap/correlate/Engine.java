package io.sigmap.correlate;

import io.sigmap.correlate.spi.AssetContext;
import io.sigmap.correlate.spi.AssetCriticality;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mutable state and the processing of one {@link Correlator}. Single-threaded; all state is in this
 * object (no static mutable state), keyed by entity, and written out whole by {@link SnapshotCodec}.
 */
final class Engine {

  static final long DAY = 86_400_000L;
  /** Day slots of the per-rule rings; the prevalence window is the last 7 of them. */
  static final int RING = 8;
  static final int PREVALENCE_DAYS = 7;

  private static final Logger LOG = LoggerFactory.getLogger(Correlator.class);

  /** The total order alerts are processed in: event time, then id, rule, source, entities and fields. */
  static final Comparator<Alert> ALERT_ORDER = Engine::compareAlerts;

  final RuleCatalog catalog;
  final CompiledRules rules;
  final CorrelatorOptions options;
  final FeedbackLedger ledger;
  private final AssetContext assets;
  private final CorrelationSink sink;

  private final long lateness;
  private final long entityTtl;
  private final long proximity;
  private final long riskWindow;
  private final long breadthWindow;
  private final long thresholdWindow;
  private final int maxChainAlerts;
  private final int maxEntitiesPerChain;
  private final int maxLinks;
  private final double capMultiple;
  private final boolean killChain;
  private final boolean highFidelityOn;
  private final boolean riskOn;
  private final boolean breadthOn;
  private final boolean[] linkKind = new boolean[EntityKind.values().length];
  private final List<Set<String>> stopValues = new ArrayList<>();

  // event time: the lateness buffer is a queue of alerts that arrived in order plus a heap of the others
  final ArrayDeque<Alert> ordered = new ArrayDeque<>();
  final PriorityQueue<Alert> unordered = new PriorityQueue<>(ALERT_ORDER);
  long maxSeen = Long.MIN_VALUE;
  long clock = Long.MIN_VALUE;

  // entities, in one table and one queue in order of their last alert
  final EntityTable entities = new EntityTable();
  final LruQueue lru = new LruQueue();
  int entityCount;

  // per rule
  final int[] ruleDay;
  final int[] distinctRing;
  final int[] alertRing;
  /** Per rule and day, the entities that raised the rule that day (entity-days), for baselines. */
  final int[] entityDayRing;
  final double[] multiplier;
  final RuleAdjustment.Recommendation[] recommendation;
  final double[] ruleOdds;
  long feedbackDay = Long.MIN_VALUE;

  final ReportBuckets report;

  // counters
  long alertsIn;
  long decisions;
  long lateAlerts;
  long evictedTtl;
  long evictedCapacity;
  long chainAlertsDropped;
  long mergesRefused;
  long saturated;
  long assetFailures;
  private boolean assetFailureLogged;

  // scratch, reused by every alert
  private final EntityState[] current = new EntityState[Alert.MAX_ENTITIES];
  private final EntityState[] linking = new EntityState[Alert.MAX_ENTITIES];
  private final ChainState[] live = new ChainState[Alert.MAX_ENTITIES];
  private final int[] nearby = new int[Alert.MAX_ENTITIES * EntityState.RECENT];
  private final int[] stamp;
  private final int[] freshStamp;
  private final int[] breadthStamp;
  private int stampNow;
  private final double[] ruleSum;
  private final double[] ruleMax;
  private final double[] freshSum;
  private final long[] firstSeen;
  private final double[] freshMax;
  private final int[] touched;
  private final int[] freshTouched;
  private final int[] best = new int[RuleCatalog.MAX_TACTICS];
  private final int[] freshBest = new int[RuleCatalog.MAX_TACTICS];
  private final int[] candidate = new int[RuleCatalog.MAX_TACTICS];
  private final List<CorrelationEvent> pending = new ArrayList<>(4);

  Engine(RuleCatalog catalog, CorrelatorOptions options, AssetContext assets, CorrelationSink sink,
      FeedbackLedger ledger) {
    this.catalog = catalog;
    this.options = options;
    this.assets = assets;
    this.sink = sink;
    this.ledger = ledger;
    this.rules = new CompiledRules(catalog, options);
    this.lateness = options.allowedLateness().toMillis();
    this.entityTtl = options.entityTtl().toMillis();
    this.proximity = options.proximityWindow().toMillis();
    this.riskWindow = options.escalation().riskWindow().toMillis();
    this.breadthWindow = options.escalation().breadthWindow().toMillis();
    this.thresholdWindow = options.suppression().thresholdWindow().toMillis();
    this.maxChainAlerts = options.maxChainAlerts();
    this.maxEntitiesPerChain = options.linking().maxEntitiesPerChain();
    this.maxLinks = options.linking().maxLinksPerEntity();
    this.capMultiple = options.escalation().ruleCapMultiple();
    this.killChain = options.escalation().progressionMinTactics() > 0
        && options.escalation().enabled().contains(EscalationReason.KILL_CHAIN);
    this.highFidelityOn = options.escalation().enabled().contains(EscalationReason.HIGH_FIDELITY);
    this.riskOn = options.escalation().enabled().contains(EscalationReason.RISK_THRESHOLD);
    this.breadthOn = options.escalation().enabled().contains(EscalationReason.TACTIC_BREADTH);
    for (EntityKind k : EntityKind.values()) {
      linkKind[k.ordinal()] = options.linking().kinds().contains(k);
      stopValues.add(new HashSet<>());
    }
    for (EntityKey k : options.linking().stopValues()) {
      stopValues.get(k.kind().ordinal()).add(k.value());
    }
    int n = rules.count;
    ruleDay = new int[n];
    Arrays.fill(ruleDay, Integer.MIN_VALUE);
    distinctRing = new int[n * RING];
    alertRing = new int[n * RING];
    entityDayRing = new int[n * RING];
    multiplier = new double[n];
    Arrays.fill(multiplier, 1.0);
    recommendation = new RuleAdjustment.Recommendation[n];
    Arrays.fill(recommendation, RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE);
    ruleOdds = new double[n];
    for (int r = 0; r < n; r++) {
      ruleOdds[r] = Scoring.ruleOdds(rules.level[r], rules.weight[r], rules.confidence[r]);
    }
    stamp = new int[n];
    freshStamp = new int[n];
    breadthStamp = new int[n];
    ruleSum = new double[n];
    ruleMax = new double[n];
    freshSum = new double[n];
    firstSeen = new long[n];
    freshMax = new double[n];
    touched = new int[Math.max(1, Math.min(n, maxChainAlerts))];
    freshTouched = new int[touched.length];
    report = new ReportBuckets(rules.tacticNames.length);
  }

  // ---------------------------------------------------------------- event time

  long watermark() {
    return maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : saturatedMinus(maxSeen, lateness);
  }

  private static long saturatedMinus(long a, long b) {
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
  }

  void accept(Alert a) {
    alertsIn++;
    long t = a.time();
    if (maxSeen != Long.MIN_VALUE && (t < watermark() || clock != Long.MIN_VALUE && t < clock)) {
      lateAlerts++;
      long at = clock == Long.MIN_VALUE ? t : Math.max(t, clock);
      if (options.latePolicy() == CorrelatorOptions.LatePolicy.ROUTE_ASIDE) {
        decisions++;
        long[] c = report.day(Math.floorDiv(at, DAY));
        c[ReportBuckets.ALERTS]++;
        c[ReportBuckets.LATE]++;
        c[ReportBuckets.ROUTED + RouteReason.LATE.ordinal()]++;
        sink.accept(new AlertRoutedAside(a, at, RouteReason.LATE, true));
      } else {
        process(a, at, true);
      }
      return;
    }
    buffer(a);
    if (t > maxSeen) {
      maxSeen = t;
    }
    release(watermark());
  }

  void advanceTo(long time) {
    if (time > maxSeen) {
      maxSeen = time;
    }
    release(watermark());
  }

  private void release(long watermark) {
    Alert next;
    while ((next = nextBuffered()) != null && next.time() < watermark) {
      process(pollBuffered(next), next.time(), false);
    }
  }

  void flush() {
    Alert next;
    while ((next = nextBuffered()) != null) {
      process(pollBuffered(next), next.time(), false);
    }
  }

  private Alert nextBuffered() {
    Alert x = ordered.peekFirst();
    Alert y = unordered.peek();
    if (x == null) {
      return y;
    }
    return y == null || ALERT_ORDER.compare(x, y) <= 0 ? x : y;
  }

  private Alert pollBuffered(Alert next) {
    return next == ordered.peekFirst() ? ordered.pollFirst() : unordered.poll();
  }

  int buffered() {
    return ordered.size() + unordered.size();
  }

  /** The buffered alerts in processing order. */
  Alert[] bufferedAlerts() {
    Alert[] all = new Alert[buffered()];
    int i = 0;
    for (Alert a : ordered) {
      all[i++] = a;
    }
    for (Alert a : unordered) {
      all[i++] = a;
    }
    Arrays.sort(all, ALERT_ORDER);
    return all;
  }

  void buffer(Alert a) {
    if (ordered.isEmpty() || ALERT_ORDER.compare(a, ordered.peekLast()) >= 0) {
      ordered.addLast(a);
    } else {
      unordered.add(a);
    }
  }

  // ---------------------------------------------------------------- processing

  private void process(Alert a, long t, boolean late) {
    clock = t;
    long day = Math.floorDiv(t, DAY);
    if (day != feedbackDay) {
      refreshFeedback(day, t);
    }
    evictIdle(t);
    decisions++;
    long[] counts = report.day(day);
    counts[ReportBuckets.ALERTS]++;
    if (late) {
      counts[ReportBuckets.LATE]++;
    }
    int r = rules.indexOf(a.ruleId());
    RouteReason aside = r < 0 ? RouteReason.UNKNOWN_RULE : routeReason(r);
    if (aside != null) {
      counts[ReportBuckets.ROUTED + aside.ordinal()]++;
      sink.accept(new AlertRoutedAside(a, t, aside, late));
      return;
    }
    report.tactics(day, rules.tactics[r]);
    int allow = rules.allowlisted(r, a);
    if (allow >= 0) {
      counts[ReportBuckets.ALLOWLISTED]++;
      sink.accept(new AlertAllowlisted(a, t, rules.allowlist[allow].id(), late));
      return;
    }
    int n = 0;
    for (EntityKey k : a.entities()) {
      EntityState e = entity(k.kind(), k.value(), t);
      boolean seen = false;
      for (int i = 0; i < n; i++) {
        seen |= current[i] == e;
      }
      if (!seen) {
        current[n++] = e;
      }
    }
    advanceRule(r, day);
    if (n == 0) {
      counts[ReportBuckets.SCORED]++;
      int prevalence = distinct(r);
      double s = Scoring.score(ruleOdds[r], 1.0, prevalence, 0, 0);
      sink.accept(new AlertScored(a, t, Scoring.round2(s), factors(r, AssetCriticality.MEDIUM, prevalence, 0, 0),
          Optional.empty(), late));
      return;
    }
    EntityState primary = current[0];
    RuleTrack track = primary.track(r);
    if (track == null) {
      track = primary.addTrack(r);
    }
    notePrevalence(r, day, track, t);
    int habit = track.habituation(day);
    double count = track.count(t, thresholdWindow);
    if (rules.secondary[r]) {
      for (int i = 0; i < n; i++) {
        current[i].secondaryUntil = Math.max(current[i].secondaryUntil, t + thresholdWindow);
      }
    }
    long window = rules.duplicateWindow[r];
    if (window > 0 && track.lastScored != RuleTrack.NEVER && t - track.lastScored < window) {
      counts[ReportBuckets.SUPPRESSED + SuppressionReason.DUPLICATE.ordinal()]++;
      sink.accept(new AlertSuppressed(a, t, SuppressionReason.DUPLICATE, track.lastScored,
          track.lastScored + window, 0.0, 0, late));
      clear(n);
      return;
    }
    if (rules.thresholded[r]) {
      int threshold = threshold(r);
      if (count < threshold && !secondaryActive(n, t)) {
        counts[ReportBuckets.SUPPRESSED + SuppressionReason.BELOW_THRESHOLD.ordinal()]++;
        sink.accept(new AlertSuppressed(a, t, SuppressionReason.BELOW_THRESHOLD, t - thresholdWindow, t,
            Scoring.round2(count), threshold, late));
        clear(n);
        return;
      }
    }
    AssetCriticality criticality = criticality(n);
    int prevalence = distinct(r);
    int close = nearbyRules(n, r, t);
    double s = Scoring.score(ruleOdds[r], criticality.multiplier(), prevalence, habit, close);
    track.lastScored = t;
    for (int i = 0; i < n; i++) {
      current[i].addRecent(t, r);
    }
    counts[ReportBuckets.SCORED]++;
    SourceType source = a.source().orElse(rules.source[r]);
    ChainState chain = link(a, n, t, r, (float) s, source, counts);
    sink.accept(new AlertScored(a, t, Scoring.round2(s), factors(r, criticality, prevalence, habit, close),
        Optional.of(chain.id()), late));
    for (int i = 0; i < pending.size(); i++) {
      sink.accept(pending.get(i));
    }
    pending.clear();
    clear(n);
  }

  private void clear(int n) {
    Arrays.fill(current, 0, n, null);
  }

  private RouteReason routeReason(int r) {
    switch (rules.status[r]) {
      case QUARANTINED:
        return RouteReason.QUARANTINED_RULE;
      case UNREADABLE:
        return RouteReason.UNREADABLE_RULE;
      case SKIPPED:
        return RouteReason.SKIPPED_RULE;
      default:
        return rules.mapped[r] ? null : RouteReason.UNMAPPED_RULE;
    }
  }

  private ScoreFactors factors(int r, AssetCriticality criticality, int prevalence, int habit, int close) {
    return new ScoreFactors(rules.level[r], rules.weight[r] * multiplier[r], rules.confidence[r], criticality,
        prevalence, habit, close);
  }

  // ---------------------------------------------------------------- entities

  private EntityState entity(EntityKind kind, String value, long t) {
    EntityState e = entities.get(kind, value);
    if (e == null) {
      if (entityCount >= options.maxEntities()) {
        evict(lru.eldest(), false);
      }
      e = new EntityState(kind, value, stopValues.get(kind.ordinal()).contains(value));
      entities.add(e);
      entityCount++;
    }
    lru.touch(e, entityCount);
    e.seenAt = t;
    return e;
  }

  private void evictIdle(long t) {
    long before = saturatedMinus(t, entityTtl);
    EntityState eldest;
    while ((eldest = lru.eldest()) != null && eldest.seenAt < before) {
      evict(eldest, true);
    }
  }

  private void evict(EntityState e, boolean idle) {
    entities.remove(e);
    lru.remove(e);
    if (e.chain != null) {
      e.chain.removeMember(e);
      e.chain = null;
    }
    for (int i = 0; i < e.trackCount; i++) {
      RuleTrack tr = e.trackAt(i);
      if (tr.lastSeen != RuleTrack.NEVER) {
        long old = Math.floorDiv(tr.lastSeen, DAY);
        if (ruleDay[tr.rule] != Integer.MIN_VALUE && ruleDay[tr.rule] - old < RING) {
          distinctRing[slot(tr.rule, old)]--;
        }
      }
    }
    entityCount--;
    if (idle) {
      evictedTtl++;
    } else {
      evictedCapacity++;
    }
  }

  private AssetCriticality criticality(int n) {
    AssetCriticality max = AssetCriticality.LOW;
    for (int i = 0; i < n; i++) {
      EntityState e = current[i];
      AssetCriticality c;
      try {
        c = assets.criticality(e.kind, e.value);
        if (c == null) {
          throw new NullPointerException("AssetContext returned null");
        }
      } catch (RuntimeException ex) {
        if (options.strictAssets()) {
          throw new CorrelationException("asset context " + assets + " failed for " + e.kind.id() + ":" + e.value
              + " (set CorrelatorOptions.strictAssets(false) to count such failures as medium criticality): "
              + ex, ex);
        }
        assetFailures++;
        if (!assetFailureLogged) {
          assetFailureLogged = true;
          LOG.warn("asset context {} failed for {}:{}; counted as medium criticality, further failures only "
              + "counted in CorrelatorStats.assetLookupFailures()", assets, e.kind.id(), e.value, ex);
        }
        c = AssetCriticality.MEDIUM;
      }
      if (c.compareTo(max) > 0) {
        max = c;
      }
    }
    return max;
  }

  private int nearbyRules(int n, int r, long t) {
    if (proximity == 0) {
      return 0;
    }
    long from = saturatedMinus(t, proximity);
    int k = 0;
    for (int i = 0; i < n; i++) {
      EntityState e = current[i];
      if (!e.hasRecent) {
        continue;
      }
      for (int j = 0; j < EntityState.RECENT; j++) {
        long time = e.recentTime(j);
        int rule = e.recentRule(j);
        if (time != Long.MIN_VALUE && time >= from && rule != r) {
          boolean dup = false;
          for (int x = 0; x < k && !dup; x++) {
            dup = nearby[x] == rule;
          }
          if (!dup) {
            nearby[k++] = rule;
          }
        }
      }
    }
    return k;
  }

  private boolean secondaryActive(int n, long t) {
    for (int i = 0; i < n; i++) {
      if (current[i].secondaryUntil >= t) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- per-rule rings

  private static int slot(int rule, long day) {
    return rule * RING + (int) Math.floorMod(day, (long) RING);
  }

  private void advanceRule(int r, long day) {
    int d0 = ruleDay[r];
    if (d0 == Integer.MIN_VALUE) {
      ruleDay[r] = (int) day;
      return;
    }
    if (day > d0) {
      long steps = Math.min(day - d0, RING);
      for (long k = 1; k <= steps; k++) {
        int s = slot(r, d0 + k);
        distinctRing[s] = 0;
        alertRing[s] = 0;
        entityDayRing[s] = 0;
      }
      ruleDay[r] = (int) day;
    }
  }

  private void notePrevalence(int r, long day, RuleTrack track, long t) {
    if (track.lastSeen == RuleTrack.NEVER) {
      distinctRing[slot(r, day)]++;
      entityDayRing[slot(r, day)]++;
    } else {
      long old = Math.floorDiv(track.lastSeen, DAY);
      if (old != day) {
        if (day - old < RING) {
          distinctRing[slot(r, old)]--;
        }
        distinctRing[slot(r, day)]++;
        entityDayRing[slot(r, day)]++;
      }
    }
    track.lastSeen = t;
    alertRing[slot(r, day)]++;
  }

  /** Distinct primary entities of rule {@code r} over the prevalence window ending at its current day. */
  private int distinct(int r) {
    int d = ruleDay[r];
    int sum = 0;
    for (int k = 0; k < PREVALENCE_DAYS; k++) {
      sum += distinctRing[slot(r, (long) d - k)];
    }
    return Math.max(sum, 0);
  }

  /**
   * The rule's count threshold: the baseline is its average daily alerts per entity over the 7 days before
   * the current one (alerts / entity-days), so that today's burst does not raise today's bar.
   */
  private int threshold(int r) {
    int d = ruleDay[r];
    long alerts = 0;
    long entityDays = 0;
    for (int k = 1; k <= PREVALENCE_DAYS; k++) {
      alerts += alertRing[slot(r, (long) d - k)];
      entityDays += entityDayRing[slot(r, (long) d - k)];
    }
    SuppressionOptions sup = options.suppression();
    double baseline = entityDays == 0 ? 0.0 : (double) alerts / entityDays;
    double wanted = Math.ceil(sup.baselineFactor() * baseline);
    return (int) Math.max(sup.thresholdMinCount(), Math.min(sup.thresholdMaxCount(), wanted));
  }

  // ---------------------------------------------------------------- feedback

  private void refreshFeedback(long day, long t) {
    feedbackDay = day;
    SortedMap<String, RuleAdjustment> adjustments = ledger.adjustments(t);
    for (int r = 0; r < rules.count; r++) {
      RuleAdjustment a = adjustments.get(rules.ids[r]);
      if (a == null && multiplier[r] == 1.0
          && recommendation[r] == RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE) {
        continue;
      }
      apply(r, a == null ? ledger.adjustment(rules.ids[r], t) : a, t);
    }
  }

  private void apply(int r, RuleAdjustment a, long t) {
    if (a.weightMultiplier() != multiplier[r] || a.recommendation() != recommendation[r]) {
      multiplier[r] = a.weightMultiplier();
      recommendation[r] = a.recommendation();
      ruleOdds[r] = Scoring.ruleOdds(rules.level[r], rules.weight[r] * multiplier[r], rules.confidence[r]);
      sink.accept(new FeedbackRecommendation(t, a));
    }
  }

  void verdict(Verdict v) {
    ledger.append(v);
    for (String id : v.ruleIds()) {
      int r = rules.indexOf(id);
      if (r >= 0) {
        apply(r, ledger.adjustment(id, v.time()), v.time());
      }
    }
  }

  // ---------------------------------------------------------------- chains

  private boolean live(ChainState c, long t) {
    return c != null && !c.dead && t - c.lastTime <= breadthWindow;
  }

  private static boolean older(ChainState a, ChainState b) {
    return a.created < b.created || a.created == b.created && a.id.compareTo(b.id) < 0;
  }

  private ChainState link(Alert a, int n, long t, int r, float score, SourceType source, long[] counts) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      EntityState e = current[i];
      if (linkKind[e.kind.ordinal()] && !e.stop && !e.saturated) {
        linking[m++] = e;
      }
    }
    if (m == 0) {
      linking[m++] = current[0];
    }
    int c = 0;
    int unchained = 0;
    for (int i = 0; i < m; i++) {
      ChainState ch = linking[i].chain;
      if (live(ch, t)) {
        boolean dup = false;
        for (int j = 0; j < c && !dup; j++) {
          dup = live[j] == ch;
        }
        if (!dup) {
          live[c++] = ch;
        }
      } else {
        unchained++;
      }
    }
    int total = 0;
    ChainState oldest = null;
    ChainState smallest = null;
    boolean linkingSeveral = c + unchained >= 2;
    for (int j = 0; j < c; j++) {
      ChainState ch = live[j];
      if (linkingSeveral) {
        // before a merge or an attachment, forget members idle longer than the breadth window
        detachIdle(ch, saturatedMinus(t, breadthWindow));
      }
      total += ch.memberCount;
      if (oldest == null || older(ch, oldest)) {
        oldest = ch;
      }
      if (smallest == null || ch.memberCount < smallest.memberCount
          || ch.memberCount == smallest.memberCount && older(ch, smallest)) {
        smallest = ch;
      }
    }
    // the oldest chain survives, unless the merge would overflow it: then the most focused chain does
    ChainState survivor = total + unchained <= maxEntitiesPerChain ? oldest : smallest;
    int components = c + unchained;
    boolean created = false;
    if (survivor == null) {
      survivor = new ChainState("chain:" + a.id(), t);
      created = true;
      counts[ReportBuckets.CHAINS]++;
    }
    List<String> merged = List.of();
    for (int j = 0; j < c; j++) {
      ChainState ch = live[j];
      live[j] = null;
      if (ch == survivor) {
        continue;
      }
      if (survivor.memberCount + ch.memberCount <= maxEntitiesPerChain) {
        if (merged.isEmpty()) {
          merged = new ArrayList<>(2);
        }
        merged.add(ch.id());
        merge(survivor, ch);
      } else {
        mergesRefused++;
      }
    }
    boolean attached = false;
    for (int i = 0; i < m; i++) {
      EntityState e = linking[i];
      linking[i] = null;
      if (e.chain == survivor || live(e.chain, t)) {
        continue;
      }
      if (e.chain != null) {
        e.chain.removeMember(e);
        e.chain = null;
      }
      if (survivor.memberCount < maxEntitiesPerChain) {
        survivor.addMember(e);
        attached = true;
      } else {
        mergesRefused++;
      }
    }
    if (components >= 2) {
      for (int i = 0; i < n; i++) {
        EntityState e = current[i];
        if (e.chain == survivor && !e.stop) {
          e.links += components - 1;
          if (!e.saturated && e.links >= maxLinks) {
            e.saturated = true;
            saturated++;
          }
        }
      }
    }
    survivor.prune(saturatedMinus(t, breadthWindow));
    chainAlertsDropped += survivor.add(t, r, score, (byte) source.ordinal(), maxChainAlerts);
    if (!merged.isEmpty()) {
      merged.sort(null);
    }
    evaluate(survivor, a, t, r, created || attached, merged, counts);
    return survivor;
  }

  /** Detaches members whose last alert is older than the breadth window, so chains forget old links. */
  private static void detachIdle(ChainState ch, long before) {
    for (int i = ch.memberCount - 1; i >= 0; i--) {
      EntityState e = ch.members[i];
      if (e.seenAt < before) {
        ch.removeMember(e);
        e.chain = null;
      }
    }
  }

  private void merge(ChainState survivor, ChainState other) {
    chainAlertsDropped += survivor.mergeAlerts(other, maxChainAlerts);
    for (int k = 0; k < other.memberCount; k++) {
      survivor.addMember(other.members[k]);
      other.members[k] = null;
    }
    other.memberCount = 0;
    other.size = 0;
    other.dead = true;
  }

  /**
   * Computes the chain's windows, detects escalations and changes, and queues their events. The view shows the
   * whole windows; each condition is checked on the <em>fresh</em> evidence for it: the alerts of rules that
   * first appeared in the chain after the condition last fired. A chain thus escalates again on new evidence
   * (an attack joining a chain escalated earlier for other reasons) but never twice on the same rules.
   */
  private void evaluate(ChainState ch, Alert a, long t, int r, boolean grew, List<String> merged, long[] counts) {
    long riskFrom = saturatedMinus(t, riskWindow);
    long[] at = ch.escalatedAt();
    long riskAt = at[EscalationReason.RISK_THRESHOLD.ordinal()];
    long breadthAt = at[EscalationReason.TACTIC_BREADTH.ordinal()];
    long killAt = at[EscalationReason.KILL_CHAIN.ordinal()];
    if (++stampNow == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      Arrays.fill(freshStamp, 0);
      Arrays.fill(breadthStamp, 0);
      stampNow = 1;
    }
    long tactics = 0;
    int sources = 0;
    int ruleCount = 0;
    long freshTactics = 0;
    int freshSources = 0;
    int freshRules = 0;
    int riskSources = 0;
    int killSources = 0;
    int freshCount = 0;
    boolean killing = killChain;
    if (killing) {
      Arrays.fill(freshBest, 0, rules.tacticNames.length, 0);
    }
    int freshProgression = 0;
    for (int i = 0; i < ch.size; i++) {
      int rule = ch.rules[i];
      long time = ch.times[i];
      long mask = rules.tactics[rule];
      int src = ch.sources[i];
      int bit = src == SourceType.UNKNOWN.ordinal() ? 0 : 1 << src;
      tactics |= mask;
      sources |= bit;
      if (stamp[rule] != stampNow) {
        stamp[rule] = stampNow;
        firstSeen[rule] = time;
        ruleSum[rule] = 0;
        ruleMax[rule] = 0;
        if (ruleCount < touched.length) {
          touched[ruleCount] = rule;
        }
        ruleCount++;
      }
      long first = firstSeen[rule];
      if (time >= riskFrom) {
        ruleSum[rule] += ch.scores[i];
        ruleMax[rule] = Math.max(ruleMax[rule], ch.scores[i]);
        if (first > riskAt) {
          if (freshStamp[rule] != stampNow) {
            freshStamp[rule] = stampNow;
            freshSum[rule] = 0;
            freshMax[rule] = 0;
            if (freshCount < freshTouched.length) {
              freshTouched[freshCount++] = rule;
            }
          }
          freshSum[rule] += ch.scores[i];
          freshMax[rule] = Math.max(freshMax[rule], ch.scores[i]);
          riskSources |= bit;
        }
      }
      if (first > breadthAt) {
        freshTactics |= mask;
        freshSources |= bit;
        if (breadthStamp[rule] != stampNow) {
          breadthStamp[rule] = stampNow;
          freshRules++;
        }
      }
      if (killing && mask != 0 && first > killAt) {
        killSources |= bit;
        freshProgression = Math.max(freshProgression, advance(freshBest, mask));
      }
    }
    double risk = 0;
    int listed = Math.min(ruleCount, touched.length);
    for (int i = 0; i < listed; i++) {
      int rule = touched[i];
      risk += Math.min(ruleSum[rule], capMultiple * ruleMax[rule]);
    }
    double freshRisk = 0;
    for (int i = 0; i < freshCount; i++) {
      int rule = freshTouched[i];
      freshRisk += Math.min(freshSum[rule], capMultiple * freshMax[rule]);
    }
    EscalationOptions esc = options.escalation();
    int fresh = 0;
    if (highFidelityOn && rules.highFidelity[r]
        && firstSeen[r] > at[EscalationReason.HIGH_FIDELITY.ordinal()]) {
      fresh |= 1 << EscalationReason.HIGH_FIDELITY.ordinal();
    }
    if (riskOn && freshRisk > esc.riskThreshold() && Integer.bitCount(riskSources) >= esc.riskMinSources()) {
      fresh |= 1 << EscalationReason.RISK_THRESHOLD.ordinal();
    }
    if (breadthOn && Long.bitCount(freshTactics) >= esc.breadthMinTactics() && freshRules >= esc.breadthMinRules()
        && Integer.bitCount(freshSources) >= esc.breadthMinSources()) {
      fresh |= 1 << EscalationReason.TACTIC_BREADTH.ordinal();
    }
    if (killChain && freshProgression >= esc.progressionMinTactics()
        && Integer.bitCount(killSources) >= esc.progressionMinSources()) {
      fresh |= 1 << EscalationReason.KILL_CHAIN.ordinal();
    }
    ch.escalations |= fresh;
    if (fresh != 0) {
      long[] fired = ch.escalatedAtForUpdate();
      for (EscalationReason reason : EscalationReason.values()) {
        if ((fresh & 1 << reason.ordinal()) != 0) {
          fired[reason.ordinal()] = t;
        }
      }
    }
    boolean changed = grew || !merged.isEmpty() || tactics != ch.shownTactics || sources != ch.shownSources
        || ruleCount != ch.shownRules || ch.memberCount != ch.shownMembers;
    boolean update;
    switch (options.chainUpdates()) {
      case ALL:
        update = changed;
        break;
      case CORRELATED:
        update = changed && (ruleCount >= 2 || ch.escalations != 0);
        break;
      default:
        update = false;
        break;
    }
    if (!update && fresh == 0) {
      return;
    }
    detachIdle(ch, saturatedMinus(t, breadthWindow));
    ch.shownTactics = tactics;
    ch.shownSources = sources;
    ch.shownRules = ruleCount;
    ch.shownMembers = ch.memberCount;
    AttackChain view = view(ch, tactics, sources, listed, risk, progression(ch));
    if (update) {
      pending.add(new ChainUpdated(t, view, a.id(), merged));
    }
    for (EscalationReason reason : EscalationReason.values()) {
      if ((fresh & 1 << reason.ordinal()) != 0) {
        counts[ReportBuckets.ESCALATED + reason.ordinal()]++;
        pending.add(new ChainEscalated(t, view, reason, detail(reason, r, freshRisk, Integer.bitCount(riskSources),
            Long.bitCount(freshTactics), freshRules, Integer.bitCount(freshSources), freshProgression,
            Integer.bitCount(killSources)), a.id()));
      }
    }
  }

  /** The chain's kill-chain progression over its whole window, computed only for views. */
  private int progression(ChainState ch) {
    Arrays.fill(best, 0, rules.tacticNames.length, 0);
    int progression = 0;
    for (int i = 0; i < ch.size; i++) {
      long mask = rules.tactics[ch.rules[i]];
      if (mask != 0) {
        progression = Math.max(progression, advance(best, mask));
      }
    }
    return progression;
  }

  private static long after(long firedAt) {
    return firedAt == Long.MIN_VALUE ? Long.MIN_VALUE : firedAt + 1;
  }

  /**
   * One step of the kill-chain dynamic programme: {@code best[j]} is the longest run of alerts whose tactics
   * advance in matrix order and end at tactic j. Tactics of one alert do not follow each other.
   */
  private int advance(int[] best, long mask) {
    int run = 0;
    int hi = 63 - Long.numberOfLeadingZeros(mask);
    for (int j = 0; j <= hi; j++) {
      if ((mask & 1L << j) != 0) {
        candidate[j] = run + 1;
      }
      run = Math.max(run, best[j]);
    }
    int longest = 0;
    long bits = mask;
    while (bits != 0) {
      int j = Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      if (candidate[j] > best[j]) {
        best[j] = candidate[j];
      }
      longest = Math.max(longest, best[j]);
    }
    return longest;
  }

  /**
   * The detail of an escalation, as {@code String.format(Locale.ROOT, ...)} would write it, built without a
   * {@code Formatter} (which cost as much as the rest of an escalation).
   */
  private String detail(EscalationReason reason, int r, double risk, int riskSources, int tactics, int ruleCount,
      int sources, int progression, int killSources) {
    EscalationOptions esc = options.escalation();
    StringBuilder b = new StringBuilder(96);
    switch (reason) {
      case HIGH_FIDELITY:
        return b.append("high-fidelity rule ").append(rules.ids[r]).append(" (techniques matching ")
            .append(esc.highFidelityTechniques()).append(')').toString();
      case RISK_THRESHOLD:
        return b.append("risk sum ").append(Scoring.fixed2(risk)).append(" > ").append(esc.riskThreshold())
            .append(" within ").append(esc.riskWindow()).append(" from ").append(riskSources)
            .append(" source types (>= ").append(esc.riskMinSources()).append(')').toString();
      case TACTIC_BREADTH:
        return b.append(tactics).append(" tactics (>= ").append(esc.breadthMinTactics()).append(") and ")
            .append(ruleCount).append(" rules (>= ").append(esc.breadthMinRules()).append(") from ").append(sources)
            .append(" source types (>= ").append(esc.breadthMinSources()).append(") within ")
            .append(esc.breadthWindow()).toString();
      default:
        return b.append(progression).append(" tactics in matrix order (>= ").append(esc.progressionMinTactics())
            .append(") from ").append(killSources).append(" source types (>= ").append(esc.progressionMinSources())
            .append(')').toString();
    }
  }

  private AttackChain view(ChainState ch, long tactics, int sources, int listed, double risk, int progression) {
    EntityKey[] keys = new EntityKey[ch.memberCount];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ch.members[i].key();
    }
    Arrays.sort(keys);
    List<String> tacticNames = new ArrayList<>(Long.bitCount(tactics));
    for (int t = 0; t < rules.tacticNames.length; t++) {
      if ((tactics & 1L << t) != 0) {
        tacticNames.add(rules.tacticNames[t]);
      }
    }
    List<SourceType> sourceList = new ArrayList<>(Integer.bitCount(sources));
    for (SourceType s : SourceType.values()) {
      if ((sources & 1 << s.ordinal()) != 0) {
        sourceList.add(s);
      }
    }
    int[] ruleIdx = Arrays.copyOf(touched, listed);
    Arrays.sort(ruleIdx);
    List<String> ruleIds = new ArrayList<>(listed);
    for (int i : ruleIdx) {
      ruleIds.add(rules.ids[i]);
    }
    List<EscalationReason> escalations = new ArrayList<>(2);
    for (EscalationReason e : EscalationReason.values()) {
      if ((ch.escalations & 1 << e.ordinal()) != 0) {
        escalations.add(e);
      }
    }
    return new AttackChain(ch.id(), ch.created, ch.lastTime, Arrays.asList(keys), tacticNames, sourceList, ruleIds,
        ch.size, Scoring.round2(risk), progression, escalations);
  }

  // ---------------------------------------------------------------- reading out

  CorrelatorStats stats() {
    return new CorrelatorStats(alertsIn, decisions, buffered(), lateAlerts, entityCount, evictedTtl,
        evictedCapacity, chainAlertsDropped, mergesRefused, saturated, assetFailures, watermark());
  }

  CorrelationReport report(long fromDay, long toDay) {
    return report.report(fromDay, toDay, rules, options);
  }

  CorrelationReport report() {
    long first = report.firstDay();
    if (first == Long.MAX_VALUE) {
      long day = clock == Long.MIN_VALUE ? 0 : Math.floorDiv(clock, DAY);
      return report.report(day, day, rules, options);
    }
    return report.report(first, report.lastDay(), rules, options);
  }

  /** Every entity in LRU order, eldest first. */
  Iterator<EntityState> entitiesInOrder() {
    return lru.iterator();
  }

  // ---------------------------------------------------------------- order

  private static int compareAlerts(Alert x, Alert y) {
    int c = Long.compare(x.time(), y.time());
    if (c != 0) {
      return c;
    }
    c = x.id().compareTo(y.id());
    if (c != 0) {
      return c;
    }
    c = x.ruleId().compareTo(y.ruleId());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(x.source().map(Enum::ordinal).orElse(-1), y.source().map(Enum::ordinal).orElse(-1));
    if (c != 0) {
      return c;
    }
    List<EntityKey> xe = x.entities();
    List<EntityKey> ye = y.entities();
    for (int i = 0; i < Math.min(xe.size(), ye.size()); i++) {
      c = xe.get(i).compareTo(ye.get(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(xe.size(), ye.size());
    if (c != 0) {
      return c;
    }
    Iterator<Map.Entry<String, String>> xi = x.fields().entrySet().iterator();
    Iterator<Map.Entry<String, String>> yi = y.fields().entrySet().iterator();
    while (xi.hasNext() && yi.hasNext()) {
      Map.Entry<String, String> xf = xi.next();
      Map.Entry<String, String> yf = yi.next();
      c = xf.getKey().compareTo(yf.getKey());
      if (c == 0) {
        c = xf.getValue().compareTo(yf.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(xi.hasNext(), yi.hasNext());
  }
}
