package io.sigmap.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per-day decision counters over the last {@link CorrelationReport#RETAINED_DAYS} UTC days. */
final class ReportBuckets {

  static final int DAYS = CorrelationReport.RETAINED_DAYS;
  static final int ALERTS = 0;
  static final int SCORED = 1;
  static final int ALLOWLISTED = 2;
  static final int LATE = 3;
  static final int CHAINS = 4;
  static final int SUPPRESSED = 5;
  static final int ROUTED = SUPPRESSED + SuppressionReason.values().length;
  static final int ESCALATED = ROUTED + RouteReason.values().length;
  static final int TACTICS = ESCALATED + EscalationReason.values().length;

  final int width;
  final long[] dayOf = new long[DAYS];
  final long[][] counts = new long[DAYS][];

  ReportBuckets(int tactics) {
    this.width = TACTICS + tactics;
    Arrays.fill(dayOf, Long.MIN_VALUE);
  }

  long[] day(long day) {
    int slot = (int) Math.floorMod(day, (long) DAYS);
    long[] c = counts[slot];
    if (dayOf[slot] != day) {
      if (c == null) {
        c = new long[width];
        counts[slot] = c;
      } else {
        Arrays.fill(c, 0);
      }
      dayOf[slot] = day;
    }
    return c;
  }

  void tactics(long day, long mask) {
    long[] c = day(day);
    long m = mask;
    while (m != 0) {
      int t = Long.numberOfTrailingZeros(m);
      c[TACTICS + t]++;
      m &= m - 1;
    }
  }

  CorrelationReport report(long fromDay, long toDay, CompiledRules rules, CorrelatorOptions options) {
    long[] sum = new long[width];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int s = 0; s < DAYS; s++) {
      if (counts[s] != null && dayOf[s] >= fromDay && dayOf[s] <= toDay) {
        for (int i = 0; i < width; i++) {
          sum[i] += counts[s][i];
        }
        first = Math.min(first, dayOf[s]);
        last = Math.max(last, dayOf[s]);
      }
    }
    if (first == Long.MAX_VALUE) {
      first = fromDay;
      last = toDay;
    }
    Map<SuppressionReason, Long> suppressed = new EnumMap<>(SuppressionReason.class);
    for (SuppressionReason r : SuppressionReason.values()) {
      suppressed.put(r, sum[SUPPRESSED + r.ordinal()]);
    }
    Map<RouteReason, Long> routed = new EnumMap<>(RouteReason.class);
    for (RouteReason r : RouteReason.values()) {
      routed.put(r, sum[ROUTED + r.ordinal()]);
    }
    Map<EscalationReason, Long> escalated = new EnumMap<>(EscalationReason.class);
    for (EscalationReason r : EscalationReason.values()) {
      escalated.put(r, sum[ESCALATED + r.ordinal()]);
    }
    long total = 0;
    int tactics = width - TACTICS;
    for (int t = 0; t < tactics; t++) {
      total += sum[TACTICS + t];
    }
    List<TacticVolume> volumes = new ArrayList<>(tactics);
    for (int t = 0; t < tactics; t++) {
      long v = sum[TACTICS + t];
      double share = total == 0 ? 0.0 : (double) v / total;
      double expected = rules.expectedShare[t];
      double ratio = expected == 0 ? 0.0 : share / expected;
      boolean flagged = v >= options.disproportionMinAlerts() && v > 0
          && (expected == 0 || ratio >= options.disproportionRatio());
      volumes.add(new TacticVolume(rules.tacticNames[t], v, share, expected, ratio, flagged));
    }
    return new CorrelationReport(first, last, sum[ALERTS], sum[SCORED], sum[ALLOWLISTED], sum[LATE], suppressed,
        routed, escalated, sum[CHAINS], volumes);
  }

  long firstDay() {
    long first = Long.MAX_VALUE;
    for (int s = 0; s < DAYS; s++) {
      if (counts[s] != null) {
        first = Math.min(first, dayOf[s]);
      }
    }
    return first;
  }

  long lastDay() {
    long last = Long.MIN_VALUE;
    for (int s = 0; s < DAYS; s++) {
      if (counts[s] != null) {
        last = Math.max(last, dayOf[s]);
      }
    }
    return last;
  }
}
