package io.sigmap.weights.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmap.stix.AttackDomain;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** One weight for every tactic. */
class UniformPolicyTest {

  @Test
  void uniform_defaultFive() {
    TacticWeightPolicy p = new UniformPolicy();
    assertEquals("uniform", p.id());
    assertEquals("every tactic weighs 5", p.description());
    Fixtures.index().tactics().forEach(t -> assertEquals(5, p.weight(t)));
  }

  @Test
  void uniform_weightInId() {
    assertEquals("uniform", TacticWeightPolicy.uniform(5).id());
    assertEquals("uniform-0", TacticWeightPolicy.uniform(0).id());
    assertEquals("uniform-10", TacticWeightPolicy.uniform(10).id());
    assertEquals(10, TacticWeightPolicy.uniform(10).weight(Fixtures.tactic(AttackDomain.ICS, "impact")));
    assertEquals("TacticWeightPolicy[uniform-10]", TacticWeightPolicy.uniform(10).toString());
  }

  @Test
  void uniform_outsideScale_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TacticWeightPolicy.uniform(11));
    assertEquals("uniform weight cannot be outside 0-10: 11", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TacticWeightPolicy.uniform(-1));
  }
}
