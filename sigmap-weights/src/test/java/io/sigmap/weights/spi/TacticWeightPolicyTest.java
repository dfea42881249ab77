package io.sigmap.weights.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.weights.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SPI's constants, default methods and static factories. */
class TacticWeightPolicyTest {

  /** A host policy implementing only the abstract methods. */
  private static final class Minimal implements TacticWeightPolicy {
    @Override
    public String id() {
      return "minimal";
    }

    @Override
    public String description() {
      return "minimal";
    }

    @Override
    public int weight(Tactic tactic) {
      return tactic.order() % 11;
    }
  }

  @Test
  void constants_scale() {
    assertEquals(0, TacticWeightPolicy.MIN_WEIGHT);
    assertEquals(10, TacticWeightPolicy.MAX_WEIGHT);
    assertEquals(5, TacticWeightPolicy.NEUTRAL_WEIGHT);
  }

  @Test
  void weightWithTechnique_defaultDelegates() {
    Minimal m = new Minimal();
    for (Technique technique : Fixtures.index().techniques()) {
      for (Tactic tactic : technique.tactics()) {
        assertEquals(m.weight(tactic), m.weight(tactic, technique));
      }
    }
  }

  @Test
  void bind_defaultReturnsThis() {
    Minimal m = new Minimal();
    assertSame(m, m.bind(Fixtures.index()));
    assertThrows(NullPointerException.class, () -> m.bind(null));
  }

  @Test
  void factories_ids() {
    assertEquals(List.of("baseline", "kill-chain", "kill-chain", "uniform", "uniform-3", "table"), List.of(
        TacticWeightPolicy.baseline().id(), TacticWeightPolicy.killChain().id(),
        TacticWeightPolicy.killChain(Fixtures.index()).id(), TacticWeightPolicy.uniform().id(),
        TacticWeightPolicy.uniform(3).id(), TacticWeightPolicy.table(Map.of()).id()));
  }

  @Test
  void table_map_techniqueOverride() {
    TacticWeightPolicy p = TacticWeightPolicy.table(Map.of("tactics", Map.of("credential-access", 7),
        "techniques", Map.of("T1003", 10)));
    Tactic credentialAccess = Fixtures.tactic(AttackDomain.ENTERPRISE, "credential-access");
    assertEquals(7, p.weight(credentialAccess));
    assertEquals(10, p.weight(credentialAccess, Fixtures.index().technique("T1003.001").orElseThrow()));
  }
}
