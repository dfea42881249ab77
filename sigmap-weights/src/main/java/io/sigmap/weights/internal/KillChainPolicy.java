package io.sigmap.weights.internal;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code kill-chain} policy: weight {@code 1 + round(9 * p / (n - 1))} for the tactic at active position
 * {@code p} of a domain with {@code n} active tactics, 5 for deprecated tactics (see
 * {@link TacticWeightPolicy#killChain()}). Public, with
 * a public no-argument constructor (unbound), because {@link java.util.ServiceLoader} instantiates it; the
 * package is not exported.
 */
public final class KillChainPolicy implements TacticWeightPolicy {

  /** The policy id. */
  public static final String ID = "kill-chain";

  /** The tactic count an unbound policy assumes: Enterprise's from ATT&amp;CK v8 to v18. */
  public static final int UNBOUND_TACTIC_COUNT = 14;

  /** What a bound policy knows of one domain: its active tactic count and each tactic's weight, by id. */
  private static final class Domain {
    final int activeCount;
    final Map<String, Integer> weights;

    Domain(int activeCount, Map<String, Integer> weights) {
      this.activeCount = activeCount;
      this.weights = weights;
    }
  }

  /** Empty when unbound. */
  private final Map<AttackDomain, Domain> domains;
  private final String versions;

  /** Creates the unbound policy. */
  public KillChainPolicy() {
    this.domains = Collections.emptyMap();
    this.versions = "";
  }

  private KillChainPolicy(Map<AttackDomain, Domain> domains, String versions) {
    this.domains = domains;
    this.versions = versions;
  }

  /**
   * Returns the weight of the tactic at active position {@code position} of {@code count} active tactics.
   *
   * @param position the number of active tactics before it; clamped to {@code [0, count - 1]}
   * @param count the number of active tactics in the domain, at least 1
   * @return from 1 to 10
   */
  static int weightAt(int position, int count) {
    if (count <= 1) {
      return MAX_WEIGHT;
    }
    long p = Math.max(0, Math.min(position, count - 1));
    long span = count - 1L;
    // 1 + round-half-up(9 * p / span), in integers so that the result never depends on floating point.
    return (int) (1 + (18 * p + span) / (2 * span));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    String base = "weight grows with the tactic's position in its domain's ATT&CK matrix, "
        + "1 + round(9 * position / (active tactics - 1)), from 1 (first) to 10 (last); deprecated tactics 5";
    return domains.isEmpty()
        ? base + "; unbound: assumes " + UNBOUND_TACTIC_COUNT + " tactics"
        : base + "; bound to " + versions;
  }

  @Override
  public int weight(Tactic tactic) {
    Objects.requireNonNull(tactic, "tactic");
    if (tactic.deprecated()) {
      return NEUTRAL_WEIGHT;
    }
    Domain d = domains.get(tactic.domain());
    if (d == null) {
      return weightAt(tactic.order(), UNBOUND_TACTIC_COUNT);
    }
    Integer w = d.weights.get(tactic.id());
    return w != null ? w : weightAt(tactic.order(), d.activeCount);
  }

  @Override
  public TacticWeightPolicy bind(TechniqueIndex index) {
    Objects.requireNonNull(index, "index");
    Map<AttackDomain, Domain> bound = new EnumMap<>(AttackDomain.class);
    StringBuilder versions = new StringBuilder();
    for (AttackDomain domain : index.domains()) {
      List<Tactic> tactics = index.tactics(domain);
      int active = 0;
      for (Tactic t : tactics) {
        if (!t.deprecated()) {
          active++;
        }
      }
      if (active == 0) {
        continue;
      }
      Map<String, Integer> weights = new HashMap<>();
      int before = 0;
      for (Tactic t : tactics) {
        if (!t.deprecated()) {
          weights.put(t.id(), weightAt(before++, active));
        }
      }
      bound.put(domain, new Domain(active, weights));
      if (versions.length() > 0) {
        versions.append(", ");
      }
      versions.append(domain.shortId()).append(' ').append(index.attackVersion(domain).orElse("unknown"))
          .append(" (").append(active).append(" tactics)");
    }
    return bound.isEmpty() ? new KillChainPolicy() : new KillChainPolicy(bound, versions.toString());
  }

  @Override
  public String toString() {
    return "TacticWeightPolicy[" + ID + (domains.isEmpty() ? ", unbound]" : ", " + versions + "]");
  }
}
