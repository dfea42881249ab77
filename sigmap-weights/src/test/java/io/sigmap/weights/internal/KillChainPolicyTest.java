package io.sigmap.weights.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The kill-chain formula, bound and unbound, on the fixtures and on the real ATT&amp;CK 18.1 bundles. */
class KillChainPolicyTest {

  private static Map<String, Integer> weights(TacticWeightPolicy p, TechniqueIndex index, AttackDomain d) {
    Map<String, Integer> w = new LinkedHashMap<>();
    for (Tactic t : index.tactics(d)) {
      w.put(t.shortname(), p.weight(t));
    }
    return w;
  }

  @Test
  void weightAt_formula() {
    int[] fourteen = new int[14];
    for (int p = 0; p < 14; p++) {
      fourteen[p] = KillChainPolicy.weightAt(p, 14);
    }
    assertEquals(List.of(1, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 9, 10),
        java.util.Arrays.stream(fourteen).boxed().collect(java.util.stream.Collectors.toList()));
    assertEquals(10, KillChainPolicy.weightAt(0, 1), "a lone tactic is first and last: 10");
    assertEquals(1, KillChainPolicy.weightAt(0, 2));
    assertEquals(10, KillChainPolicy.weightAt(1, 2));
    assertEquals(6, KillChainPolicy.weightAt(1, 3), "1 + round(4.5) rounds half up");
    assertEquals(10, KillChainPolicy.weightAt(99, 14), "clamped");
    assertEquals(1, KillChainPolicy.weightAt(-3, 14), "clamped");
  }

  @Property(tries = 500)
  void weightAt_withinOneToTenAndMonotonic(@ForAll @IntRange(min = 1, max = 500) int count,
      @ForAll @IntRange(min = 0, max = 600) int position) {
    int w = KillChainPolicy.weightAt(position, count);
    assertTrue(w >= 1 && w <= 10, () -> "weight " + w);
    assertTrue(KillChainPolicy.weightAt(position + 1, count) >= w, "monotonic");
    if (count > 1) {
      assertEquals(1, KillChainPolicy.weightAt(0, count));
      assertEquals(10, KillChainPolicy.weightAt(count - 1, count));
    }
  }

  @Test
  void bind_fixture_followsEachDomainsMatrix() {
    TacticWeightPolicy p = TacticWeightPolicy.killChain(Fixtures.index());
    assertEquals(Map.of("reconnaissance", 1, "initial-access", 2, "execution", 4, "persistence", 5,
        "privilege-escalation", 6, "defense-evasion", 7, "credential-access", 9, "impact", 10),
        weights(p, Fixtures.index(), AttackDomain.ENTERPRISE));
    // Mobile: 4 active tactics; the deprecated network effects tactics weigh the neutral 5.
    assertEquals(Map.of("initial-access", 1, "execution", 4, "credential-access", 7, "impact", 10,
        "network-effects", 5, "remote-service-effects", 5), weights(p, Fixtures.index(), AttackDomain.MOBILE));
    assertEquals(Map.of("initial-access", 1, "evasion", 4, "impair-process-control", 7, "impact", 10),
        weights(p, Fixtures.index(), AttackDomain.ICS));
  }

  @Test
  void bind_v19Like_newTacticsPlacedRetiredNeutral() {
    TechniqueIndex v19 = Fixtures.v19Like();
    TacticWeightPolicy p = TacticWeightPolicy.killChain(v19);
    // 9 active tactics: stealth and defense-impairment take defense evasion's place; it is deprecated.
    assertEquals(Map.of("reconnaissance", 1, "initial-access", 2, "execution", 3, "persistence", 4,
        "privilege-escalation", 6, "stealth", 7, "defense-impairment", 8, "credential-access", 9, "impact", 10,
        "defense-evasion", 5), weights(p, v19, AttackDomain.ENTERPRISE));
    assertTrue(p.description().contains("enterprise 19.0-like (9 tactics)"), p.description());
  }

  @Test
  void weight_unbound_assumesFourteenTactics() {
    TacticWeightPolicy p = TacticWeightPolicy.killChain();
    Tactic impact = Fixtures.tactic(AttackDomain.ENTERPRISE, "impact");
    assertEquals(KillChainPolicy.weightAt(impact.order(), 14), p.weight(impact));
    Tactic deprecated = Fixtures.tactic(AttackDomain.MOBILE, "network-effects");
    assertEquals(5, p.weight(deprecated));
    assertTrue(p.description().contains("unbound"), p.description());
    assertEquals("TacticWeightPolicy[kill-chain, unbound]", p.toString());
  }

  @Test
  void weight_tacticOfAnotherIndex_usesItsOrderClamped() {
    TacticWeightPolicy bound = TacticWeightPolicy.killChain(Fixtures.index());
    Tactic foreign = new Tactic("TA9999", "future", "Future", AttackDomain.ENTERPRISE, 40, "x", "", false);
    assertEquals(10, bound.weight(foreign));
    Tactic first = new Tactic("TA9998", "early", "Early", AttackDomain.ENTERPRISE, 0, "y", "", false);
    assertEquals(1, bound.weight(first));
  }

  @Test
  void bind_rebinds_secondIndexWins() {
    TacticWeightPolicy p = TacticWeightPolicy.killChain(Fixtures.index()).bind(Fixtures.v19Like());
    Tactic credentialAccess = Fixtures.v19Like().tactic(AttackDomain.ENTERPRISE, "credential-access").orElseThrow();
    assertEquals(9, p.weight(credentialAccess));
    assertEquals("kill-chain", p.id());
  }

  @Test
  void bind_real_enterpriseMobileIcs() {
    Optional<TechniqueIndex> real = Fixtures.real();
    Assumptions.assumeTrue(real.isPresent(), Fixtures.NO_SHARED);
    TechniqueIndex index = real.get();
    TacticWeightPolicy p = TacticWeightPolicy.killChain(index);
    Map<String, Integer> enterprise = weights(p, index, AttackDomain.ENTERPRISE);
    assertEquals(List.of("reconnaissance", "resource-development", "initial-access", "execution", "persistence",
        "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
        "collection", "command-and-control", "exfiltration", "impact"), List.copyOf(enterprise.keySet()));
    assertEquals(List.of(1, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 9, 10), List.copyOf(enterprise.values()));
    // Unbound assumes Enterprise's 14 tactics, so it agrees with the bound policy there.
    assertEquals(enterprise, weights(TacticWeightPolicy.killChain(), index, AttackDomain.ENTERPRISE));

    Map<String, Integer> mobile = weights(p, index, AttackDomain.MOBILE);
    assertEquals(14, mobile.size());
    assertEquals(1, mobile.get("initial-access"));
    assertEquals(10, mobile.get("impact"));
    assertEquals(5, mobile.get("network-effects"));
    assertEquals(5, mobile.get("remote-service-effects"));
    Map<String, Integer> ics = weights(p, index, AttackDomain.ICS);
    assertEquals(List.of(1, 2, 3, 3, 4, 5, 6, 7, 8, 8, 9, 10), List.copyOf(ics.values()));
    assertTrue(p.description().contains("enterprise 18.1 (14 tactics), mobile 18.1 (12 tactics), ics 18.1 (12 "
        + "tactics)"), p.description());
  }

  @Test
  void bind_indexWithoutTactics_unbound() {
    TacticWeightPolicy p = new KillChainPolicy();
    assertSame(KillChainPolicy.class, p.bind(Fixtures.index()).getClass());
    assertEquals("kill-chain", new KillChainPolicy().id());
  }
}
