package io.sigmap.correlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Correlator} decided over a period of event time, by day: alert volume by tactic (the 30-day
 * view), the tactics with disproportionate volume, and the counts of each decision and escalation.
 *
 * <p>Day buckets are UTC days; a correlator keeps the last {@link #RETAINED_DAYS}. Reports of several
 * correlators (partitions) combine with {@link #merge(CorrelationReport)}.
 *
 * @param fromDay the first UTC day covered, as days since the epoch
 * @param toDay the last UTC day covered, as days since the epoch
 * @param alerts the alerts decided
 * @param scored the alerts scored
 * @param allowlisted the alerts allowlisted
 * @param late the alerts that arrived late (whatever their decision)
 * @param suppressed suppressions by reason, every reason present
 * @param routedAside routed-aside alerts by reason, every reason present
 * @param escalations chain escalations by reason, every reason present
 * @param chainsCreated the chains created
 * @param tactics alert volume by tactic, in matrix order
 * @since 0.1.0
 */
public record CorrelationReport(
    long fromDay,
    long toDay,
    long alerts,
    long scored,
    long allowlisted,
    long late,
    Map<SuppressionReason, Long> suppressed,
    Map<RouteReason, Long> routedAside,
    Map<EscalationReason, Long> escalations,
    long chainsCreated,
    List<TacticVolume> tactics) {

  /** The days of history a correlator keeps for reports. */
  public static final int RETAINED_DAYS = 32;

  /**
   * Validates and copies the components; maps keep their enum order.
   *
   * @throws NullPointerException if a component is null
   */
  public CorrelationReport {
    suppressed = complete(suppressed, SuppressionReason.class);
    routedAside = complete(routedAside, RouteReason.class);
    escalations = complete(escalations, EscalationReason.class);
    tactics = List.copyOf(tactics);
  }

  private static <E extends Enum<E>> Map<E, Long> complete(Map<E, Long> in, Class<E> type) {
    Objects.requireNonNull(in, type.getSimpleName());
    EnumMap<E, Long> out = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      out.put(e, in.getOrDefault(e, 0L));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns the total of suppressed alerts.
   *
   * @return the count
   */
  public long suppressedTotal() {
    return suppressed.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the total of routed-aside alerts.
   *
   * @return the count
   */
  public long routedAsideTotal() {
    return routedAside.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the total of escalations.
   *
   * @return the count
   */
  public long escalationsTotal() {
    return escalations.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the tactics with disproportionate volume, in matrix order.
   *
   * @return the tactic shortnames
   */
  public List<String> disproportionateTactics() {
    List<String> out = new ArrayList<>();
    for (TacticVolume t : tactics) {
      if (t.disproportionate()) {
        out.add(t.tactic());
      }
    }
    return out;
  }

  /**
   * Adds another report's counts to this one's (for partitions of one stream). The tactic lists must be of
   * the same catalogue; shares are recomputed, the disproportion flags are kept if either report set them.
   *
   * @param other the other report
   * @return the combined report over the union of both periods
   * @throws IllegalArgumentException if the tactic lists differ
   */
  public CorrelationReport merge(CorrelationReport other) {
    Objects.requireNonNull(other, "other");
    if (other.tactics.size() != tactics.size()) {
      throw new IllegalArgumentException("reports of different catalogues cannot be merged");
    }
    long total = 0;
    long[] volumes = new long[tactics.size()];
    for (int i = 0; i < volumes.length; i++) {
      TacticVolume a = tactics.get(i);
      TacticVolume b = other.tactics.get(i);
      if (!a.tactic().equals(b.tactic())) {
        throw new IllegalArgumentException("reports of different catalogues cannot be merged: tactic "
            + a.tactic() + " vs " + b.tactic());
      }
      volumes[i] = a.alerts() + b.alerts();
      total += volumes[i];
    }
    List<TacticVolume> merged = new ArrayList<>();
    for (int i = 0; i < volumes.length; i++) {
      TacticVolume a = tactics.get(i);
      double share = total == 0 ? 0.0 : (double) volumes[i] / total;
      double ratio = a.expectedShare() == 0 ? 0.0 : share / a.expectedShare();
      merged.add(new TacticVolume(a.tactic(), volumes[i], share, a.expectedShare(), ratio,
          a.disproportionate() || other.tactics.get(i).disproportionate()));
    }
    return new CorrelationReport(Math.min(fromDay, other.fromDay), Math.max(toDay, other.toDay),
        alerts + other.alerts, scored + other.scored, allowlisted + other.allowlisted, late + other.late,
        sum(suppressed, other.suppressed, SuppressionReason.class),
        sum(routedAside, other.routedAside, RouteReason.class),
        sum(escalations, other.escalations, EscalationReason.class), chainsCreated + other.chainsCreated,
        merged);
  }

  private static <E extends Enum<E>> Map<E, Long> sum(Map<E, Long> a, Map<E, Long> b, Class<E> type) {
    EnumMap<E, Long> out = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      out.put(e, a.get(e) + b.get(e));
    }
    return out;
  }
}
