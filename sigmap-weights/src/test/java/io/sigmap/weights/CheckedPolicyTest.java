package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The checking decorator. */
class CheckedPolicyTest {

  private static final Tactic CREDENTIAL_ACCESS = Fixtures.tactic(AttackDomain.ENTERPRISE, "credential-access");
  private static final Technique T1003 = Fixtures.index().technique("T1003").orElseThrow();

  /** Returns a fixed weight, or throws what it is given. */
  private static class Fixed implements TacticWeightPolicy {
    final int weight;
    final RuntimeException thrown;
    final AtomicInteger calls = new AtomicInteger();

    Fixed(int weight, RuntimeException thrown) {
      this.weight = weight;
      this.thrown = thrown;
    }

    @Override
    public String id() {
      return "acme-weights";
    }

    @Override
    public String description() {
      return "fixed";
    }

    @Override
    public int weight(Tactic tactic) {
      calls.incrementAndGet();
      if (thrown != null) {
        throw thrown;
      }
      return weight;
    }
  }

  @Property(tries = 200)
  void weight_withinScale_passedThrough(@ForAll @IntRange(min = 0, max = 10) int w) {
    CheckedPolicy p = CheckedPolicy.of(new Fixed(w, null));
    assertEquals(w, p.weight(CREDENTIAL_ACCESS));
    assertEquals(w, p.weight(CREDENTIAL_ACCESS, T1003));
  }

  @Property(tries = 200)
  void weight_outsideScale_rejected(@ForAll int w) {
    net.jqwik.api.Assume.that(w < 0 || w > 10);
    CheckedPolicy p = CheckedPolicy.of(new Fixed(w, null));
    TacticWeightPolicyException e =
        assertThrows(TacticWeightPolicyException.class, () -> p.weight(CREDENTIAL_ACCESS));
    assertEquals("weight cannot be outside 0-10: " + w + " (policy acme-weights, tactic TA0006 credential-access)",
        e.getMessage());
    e = assertThrows(TacticWeightPolicyException.class, () -> p.weight(CREDENTIAL_ACCESS, T1003));
    assertEquals("weight cannot be outside 0-10: " + w
        + " (policy acme-weights, tactic TA0006 credential-access, technique T1003)", e.getMessage());
    assertEquals("TA0006", e.tacticId().orElseThrow());
  }

  @Test
  void weight_policyThrows_wrapped() {
    IllegalStateException cause = new IllegalStateException("lookup table not loaded");
    CheckedPolicy p = CheckedPolicy.of(new Fixed(5, cause));
    TacticWeightPolicyException e =
        assertThrows(TacticWeightPolicyException.class, () -> p.weight(CREDENTIAL_ACCESS, T1003));
    assertSame(cause, e.getCause());
    assertEquals("policy threw java.lang.IllegalStateException: lookup table not loaded (policy acme-weights, "
        + "tactic TA0006 credential-access, technique T1003)", e.getMessage());
    assertEquals("acme-weights", e.policyId().orElseThrow());
  }

  @Test
  void weight_policyThrowsLinkageError_wrapped() {
    TacticWeightPolicy p = new Fixed(5, null) {
      @Override
      public int weight(Tactic tactic) {
        throw new NoClassDefFoundError("com/acme/Missing");
      }
    };
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
        () -> CheckedPolicy.of(p).weight(CREDENTIAL_ACCESS));
    assertInstanceOf(NoClassDefFoundError.class, e.getCause());
  }

  @Test
  void weight_nullArguments_npeNotWrapped() {
    CheckedPolicy p = CheckedPolicy.of(new Fixed(5, null));
    assertThrows(NullPointerException.class, () -> p.weight(null));
    assertThrows(NullPointerException.class, () -> p.weight(CREDENTIAL_ACCESS, null));
    assertThrows(NullPointerException.class, () -> p.weight(null, T1003));
  }

  @Test
  void of_alreadyChecked_sameInstance() {
    CheckedPolicy p = CheckedPolicy.of(new Fixed(5, null));
    assertSame(p, CheckedPolicy.of(p));
  }

  @Test
  void of_identityReadOnce() {
    AtomicInteger idCalls = new AtomicInteger();
    TacticWeightPolicy counting = new Fixed(5, null) {
      @Override
      public String id() {
        idCalls.incrementAndGet();
        return "counted";
      }
    };
    CheckedPolicy p = CheckedPolicy.of(counting);
    p.id();
    p.id();
    p.weight(CREDENTIAL_ACCESS);
    assertEquals(1, idCalls.get());
  }

  @Test
  void of_nullDescription_rejected() {
    TacticWeightPolicy p = new Fixed(5, null) {
      @Override
      public String description() {
        return null;
      }
    };
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class, () -> CheckedPolicy.of(p));
    assertTrue(e.getMessage().contains("null description"), e.getMessage());
  }

  @Test
  void bind_thisOrNewCheckedWithSameId() {
    TechniqueIndex index = Fixtures.index();
    CheckedPolicy uniform = CheckedPolicy.of(TacticWeightPolicy.uniform());
    assertSame(uniform, uniform.bind(index));
    CheckedPolicy killChain = CheckedPolicy.of(TacticWeightPolicy.killChain());
    TacticWeightPolicy bound = killChain.bind(index);
    assertInstanceOf(CheckedPolicy.class, bound);
    assertEquals("kill-chain", bound.id());
    assertEquals(10, bound.weight(Fixtures.tactic(AttackDomain.ENTERPRISE, "impact")));
  }

  @Test
  void bind_throws_wrapped() {
    TacticWeightPolicy p = new Fixed(5, null) {
      @Override
      public TacticWeightPolicy bind(TechniqueIndex index) {
        throw new UnsupportedOperationException("no ICS");
      }
    };
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
        () -> CheckedPolicy.of(p).bind(Fixtures.index()));
    assertTrue(e.getMessage().contains("no ICS"), e.getMessage());
    assertEquals("acme-weights", e.policyId().orElseThrow());
  }

  @Test
  void toString_delegates() {
    assertEquals("TacticWeightPolicy[baseline]", CheckedPolicy.of(TacticWeightPolicy.baseline()).toString());
  }
}
