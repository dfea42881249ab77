package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import io.sigmap.weights.testing.LogCapture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry without discovery: built-ins, registration, selection, the default and binding. */
class TacticWeightPoliciesTest {

  /** A minimal host policy created by the application itself. */
  private static class HostPolicy implements TacticWeightPolicy {
    private final String id;
    private final int weight;

    HostPolicy(String id, int weight) {
      this.id = id;
      this.weight = weight;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return "host policy " + id;
    }

    @Override
    public int weight(Tactic tactic) {
      return weight;
    }
  }

  private static TacticWeightPolicies.Builder builder() {
    return TacticWeightPolicies.builder().discover(false);
  }

  private static final Tactic IMPACT = Fixtures.tactic(AttackDomain.ENTERPRISE, "impact");

  @Test
  void build_noDiscovery_builtInsSorted() {
    TacticWeightPolicies policies = builder().build();
    assertEquals(List.of("baseline", "kill-chain", "uniform"), policies.ids());
    assertEquals(3, policies.policies().size());
    assertEquals("kill-chain", policies.policies().get(1).id());
    assertEquals("io.sigmap.weights.internal.KillChainPolicy (built-in)", policies.origin("kill-chain"));
    assertEquals("TacticWeightPolicies[baseline, kill-chain, uniform][default baseline]", policies.toString());
  }

  @Test
  void register_hostPolicy_availableAndDefault() {
    TacticWeightPolicies policies = builder().register(new HostPolicy("acme", 3)).build();
    assertEquals(List.of("acme", "baseline", "kill-chain", "uniform"), policies.ids());
    assertEquals(3, policies.policy("acme").weight(IMPACT));
    assertTrue(policies.origin("acme").contains("(registered"), policies.origin("acme"));
    LogCapture.Captured<TacticWeightPolicy> def = LogCapture.capture(policies::defaultPolicy);
    assertEquals("acme", def.value().id());
    assertEquals(1, def.at("INFO").size(), () -> String.valueOf(def.lines()));
    assertTrue(def.lines().get(0).contains("the only host policy"), def.lines().get(0));
  }

  @Test
  void defaultPolicy_severalHostsNoSelection_baselineWithOneWarning() {
    TacticWeightPolicies policies = builder().register(new HostPolicy("a", 1)).register(new HostPolicy("b", 2))
        .build();
    LogCapture.Captured<TacticWeightPolicy> def = LogCapture.capture(policies::defaultPolicy);
    assertEquals("baseline", def.value().id());
    assertEquals(1, def.at("WARN").size(), () -> String.valueOf(def.lines()));
    assertTrue(def.lines().get(0).contains("host policies [a, b]"), def.lines().get(0));
    assertTrue(LogCapture.capture(policies::defaultPolicy).lines().isEmpty());
  }

  @Test
  void defaultPolicy_selected_noLog() {
    TacticWeightPolicies policies = builder().register(new HostPolicy("a", 1)).select("uniform").build();
    LogCapture.Captured<TacticWeightPolicy> def = LogCapture.capture(policies::defaultPolicy);
    assertEquals("uniform", def.value().id());
    assertTrue(def.lines().isEmpty(), () -> String.valueOf(def.lines()));
  }

  @Test
  void register_duplicateIds_failsNamingBothClasses() {
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
        () -> builder().register(new HostPolicy("acme", 1)).register(TacticWeightPolicy.table(Map.of("id", "acme")))
            .build());
    assertTrue(e.getMessage().contains("'acme'"), e.getMessage());
    assertTrue(e.getMessage().contains(HostPolicy.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("io.sigmap.weights.TablePolicy"), e.getMessage());
  }

  @Test
  void register_builtInId_failsNamingBothClasses() {
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
        () -> builder().register(TacticWeightPolicy.uniform()).build());
    assertTrue(e.getMessage().contains("io.sigmap.weights.internal.UniformPolicy (built-in) and "
        + "io.sigmap.weights.internal.UniformPolicy (registered"), e.getMessage());
  }

  @Test
  void register_invalidId_fails() {
    for (String id : new String[] {"", " ", "acme weights", "tab\there", "x".repeat(101)}) {
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> builder().register(new HostPolicy(id, 1)).build(), id);
      assertTrue(e.getMessage().contains(HostPolicy.class.getName()), e.getMessage());
    }
    assertThrows(TacticWeightPolicyException.class, () -> builder().register(new HostPolicy(null, 1)).build());
    assertEquals(100, builder().register(new HostPolicy("x".repeat(100), 1)).build().ids().get(3).length());
  }

  @Test
  void register_idThrows_failsNamingClass() {
    TacticWeightPolicy broken = new HostPolicy("x", 1) {
      @Override
      public String id() {
        throw new IllegalStateException("no id yet");
      }
    };
    TacticWeightPolicyException e =
        assertThrows(TacticWeightPolicyException.class, () -> builder().register(broken).build());
    assertTrue(e.getMessage().contains("no id yet"), e.getMessage());
    assertTrue(e.policyId().isEmpty());
  }

  @Test
  void select_unknown_failsListingIds() {
    TacticWeightPolicyException e =
        assertThrows(TacticWeightPolicyException.class, () -> builder().select("Baseline").build());
    assertTrue(e.getMessage().startsWith("unknown tactic weight policy 'Baseline'; available: [baseline, "
        + "kill-chain, uniform]"), e.getMessage());
  }

  @Test
  void policy_checkedDecoratorForEveryPolicy() {
    TacticWeightPolicies policies = builder().register(new HostPolicy("eleven", 11)).build();
    for (TacticWeightPolicy p : policies.policies()) {
      assertTrue(p instanceof CheckedPolicy, p.id());
    }
    TacticWeightPolicyException e =
        assertThrows(TacticWeightPolicyException.class, () -> policies.policy("eleven").weight(IMPACT));
    assertEquals("weight cannot be outside 0-10: 11 (policy eleven, tactic TA0040 impact)", e.getMessage());
  }

  @Test
  void index_bindsEveryPolicy() {
    TechniqueIndex index = Fixtures.index();
    TacticWeightPolicies unbound = builder().build();
    TacticWeightPolicies bound = builder().index(index).build();
    // Enterprise in the fixture has 8 tactics, impact last: bound 10; unbound assumes 14 tactics: order 7 -> 6.
    assertEquals(10, bound.policy("kill-chain").weight(IMPACT));
    assertEquals(6, unbound.policy("kill-chain").weight(IMPACT));
    assertEquals(TacticWeightPolicy.killChain(index).weight(IMPACT), bound.policy("kill-chain").weight(IMPACT));
    assertTrue(bound.policy("kill-chain").description().contains("bound to enterprise fixture"));
    assertSame(bound.policy("baseline"), bound.find("baseline").orElseThrow());
  }

  @Test
  void index_registeredBindFails_thrown() {
    TacticWeightPolicy needy = new HostPolicy("needy", 5) {
      @Override
      public TacticWeightPolicy bind(TechniqueIndex index) {
        return null;
      }
    };
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
        () -> builder().register(needy).index(Fixtures.index()).build());
    assertTrue(e.getMessage().contains("returned null from bind"), e.getMessage());
    assertEquals("needy", e.policyId().orElseThrow());
  }

  @Test
  void find_absent_empty() {
    assertTrue(builder().build().find("acme").isEmpty());
    assertThrows(TacticWeightPolicyException.class, () -> builder().build().origin("acme"));
  }

  @Test
  void checked_directPolicyIsCheckedAndBound() {
    TacticWeightPolicy checked = TacticWeightPolicies.checked(new HostPolicy("too-heavy", 12), Fixtures.index());
    assertEquals("too-heavy", checked.id());
    TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class, () -> checked.weight(IMPACT));
    assertEquals("too-heavy", e.policyId().orElseThrow());
    assertTrue(e.getMessage().contains("weight cannot be outside 0-10: 12"), e.getMessage());
    TacticWeightPolicy killChain = TacticWeightPolicies.checked(TacticWeightPolicy.killChain(), Fixtures.index());
    assertEquals(10, killChain.weight(IMPACT));
  }
}
