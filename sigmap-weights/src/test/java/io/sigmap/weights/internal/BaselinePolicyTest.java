package io.sigmap.weights.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The background article's table. */
class BaselinePolicyTest {

  private static final TacticWeightPolicy BASELINE = TacticWeightPolicy.baseline();

  private static Tactic named(String shortname) {
    return new Tactic("TA0000", shortname, shortname, AttackDomain.ENTERPRISE, 0, "x-mitre-tactic--0", "", false);
  }

  @Test
  void weight_articleTable() {
    assertEquals(9, BASELINE.weight(named("initial-access")));
    assertEquals(8, BASELINE.weight(named("execution")));
    assertEquals(8, BASELINE.weight(named("privilege-escalation")));
    assertEquals(9, BASELINE.weight(named("credential-access")));
    assertEquals(7, BASELINE.weight(named("persistence")));
    assertEquals(6, BASELINE.weight(named("defense-evasion")));
    for (String other : new String[] {"reconnaissance", "discovery", "impact", "exfiltration", "evasion",
        "stealth", "defense-impairment", "network-effects", "x"}) {
      assertEquals(5, BASELINE.weight(named(other)), other);
    }
  }

  @Test
  void weight_shortnameSpellings() {
    assertEquals(9, BASELINE.weight(named("Credential_Access")));
    assertEquals(6, BASELINE.weight(named("DEFENSE EVASION")));
  }

  @Test
  void weight_everyDomainByShortname() {
    assertEquals(9, BASELINE.weight(Fixtures.tactic(AttackDomain.MOBILE, "credential-access")));
    assertEquals(9, BASELINE.weight(Fixtures.tactic(AttackDomain.ICS, "initial-access")));
    assertEquals(5, BASELINE.weight(Fixtures.tactic(AttackDomain.ICS, "evasion")), "ICS evasion is not listed");
  }

  @Test
  void weight_v19Like_retiredRowStillMatchesNewTacticsNeutral() {
    TechniqueIndex v19 = Fixtures.v19Like();
    assertEquals(5, BASELINE.weight(v19.tactic(AttackDomain.ENTERPRISE, "stealth").orElseThrow()));
    assertEquals(5, BASELINE.weight(v19.tactic(AttackDomain.ENTERPRISE, "defense-impairment").orElseThrow()));
  }

  @Test
  void weight_technique_ignored() {
    Tactic credentialAccess = Fixtures.tactic(AttackDomain.ENTERPRISE, "credential-access");
    assertEquals(9, BASELINE.weight(credentialAccess, Fixtures.index().technique("T1003").orElseThrow()));
  }

  @Test
  void bind_returnsThis() {
    assertSame(BASELINE, BASELINE.bind(Fixtures.index()));
    assertEquals("baseline", BASELINE.id());
    assertEquals("TacticWeightPolicy[baseline]", BASELINE.toString());
  }

  @Test
  void weight_realEnterprise() {
    Optional<TechniqueIndex> real = Fixtures.real();
    Assumptions.assumeTrue(real.isPresent(), Fixtures.NO_SHARED);
    Map<String, Integer> w = new TreeMap<>();
    real.get().tactics(AttackDomain.ENTERPRISE).forEach(t -> w.put(t.shortname(), BASELINE.weight(t)));
    Map<String, Integer> expected = new TreeMap<>(Map.of("initial-access", 9, "execution", 8,
        "privilege-escalation", 8, "credential-access", 9, "persistence", 7, "defense-evasion", 6));
    for (String other : new String[] {"reconnaissance", "resource-development", "discovery", "lateral-movement",
        "collection", "command-and-control", "exfiltration", "impact"}) {
      expected.put(other, 5);
    }
    assertEquals(expected, w);
  }
}
