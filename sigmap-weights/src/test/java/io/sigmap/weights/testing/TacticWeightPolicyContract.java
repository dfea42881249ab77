package io.sigmap.weights.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.TacticWeightPolicies;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TacticWeightPolicy} must meet, as tests to run against one: implement this
 * interface in a test class named {@code *Test} and return the policy from {@link #policy()}.
 *
 * <pre>{@code
 * class AcmeWeightsContractTest implements TacticWeightPolicyContract {
 *   public TacticWeightPolicy policy() {
 *     return new AcmeWeights();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the id is valid and stable, that every weight is within 0-10 and deterministic, and that
 * the policy never throws, unbound and bound: for every tactic and technique of a small fixture (Enterprise,
 * Mobile with its deprecated tactics, ICS, and a synthetic ATT&amp;CK v19-like Enterprise), of the real
 * ATT&amp;CK bundles when {@code SIGMAP_SHARED} points at them, and for random tactics and techniques (jqwik).
 * It needs JUnit Jupiter and jqwik on the test class path; it ships in the {@code sigmap-weights} tests jar.
 */
public interface TacticWeightPolicyContract {

  /**
   * Returns the policy under test. Called once per test; it may return a new instance each time.
   *
   * @return the policy
   */
  TacticWeightPolicy policy();

  @Test
  default void id_validAndStable() {
    TacticWeightPolicy p = policy();
    String id = p.id();
    assertNotNull(id, "id()");
    assertFalse(id.isBlank(), "id() is blank");
    assertTrue(id.length() <= 100, () -> "id() is longer than 100 characters: " + id);
    assertTrue(id.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)),
        () -> "id() contains whitespace or a control character: '" + id + "'");
    assertEquals(id, p.id(), "id() changed between two calls");
    assertEquals(id, policy().id(), "id() differs between two instances");
  }

  @Test
  default void description_nonBlank() {
    String d = policy().description();
    assertNotNull(d, "description()");
    assertFalse(d.isBlank(), "description() is blank");
  }

  @Test
  default void bind_keepsId() {
    TacticWeightPolicy p = policy();
    for (TechniqueIndex index : Fixtures.allIndexes()) {
      TacticWeightPolicy bound = p.bind(index);
      assertNotNull(bound, "bind() returned null");
      assertEquals(p.id(), bound.id(), "bind() changed the id");
    }
  }

  @Test
  default void weight_everyFixtureTactic_withinScaleUnboundAndBound() {
    assertEveryTactic(Fixtures.index());
    assertEveryTactic(Fixtures.v19Like());
  }

  @Test
  default void weight_everyRealTactic_withinScaleUnboundAndBound() {
    Optional<TechniqueIndex> real = Fixtures.real();
    Assumptions.assumeTrue(real.isPresent(), Fixtures.NO_SHARED);
    assertEveryTactic(real.get());
  }

  @Test
  default void weight_throughRegistry_noCheckFails() {
    TacticWeightPolicy p = policy();
    TacticWeightPolicies builtIns = TacticWeightPolicies.builder().discover(false).index(Fixtures.index()).build();
    // A built-in is already in every registry; any other policy is registered.
    TacticWeightPolicy checked = builtIns.find(p.id()).orElseGet(() -> TacticWeightPolicies.builder()
        .discover(false).register(p).index(Fixtures.index()).build().policy(p.id()));
    for (Technique technique : Fixtures.index().techniques()) {
      for (Tactic tactic : technique.tactics()) {
        assertDoesNotThrow(() -> checked.weight(tactic, technique));
      }
    }
    for (Tactic tactic : Fixtures.index().tactics()) {
      assertDoesNotThrow(() -> checked.weight(tactic));
    }
  }

  @Property(tries = 300)
  default void weight_anyTactic_withinScaleAndDeterministic(@ForAll("anyTactic") Tactic tactic) {
    for (TacticWeightPolicy p : unboundAndBound()) {
      int w = p.weight(tactic);
      assertWithinScale(w, p, tactic, null);
      assertEquals(w, p.weight(tactic), () -> "not deterministic for " + tactic);
    }
  }

  @Property(tries = 300)
  default void weight_anyTacticAndTechnique_withinScaleAndDeterministic(
      @ForAll("anyTactic") Tactic tactic, @ForAll("anyTechniqueId") String techniqueId,
      @ForAll boolean subtechnique) {
    Technique technique = technique(techniqueId, subtechnique, tactic);
    for (TacticWeightPolicy p : unboundAndBound()) {
      int w = p.weight(tactic, technique);
      assertWithinScale(w, p, tactic, technique);
      assertEquals(w, p.weight(tactic, technique), () -> "not deterministic for " + technique.id());
    }
  }

  /**
   * Random tactics: real shortnames and ids mixed with arbitrary ones, any domain, any order, deprecated or
   * not.
   *
   * @return the arbitrary
   */
  @Provide
  default Arbitrary<Tactic> anyTactic() {
    List<String> names = new ArrayList<>();
    Fixtures.index().tactics().forEach(t -> names.add(t.shortname()));
    names.addAll(List.of("stealth", "defense-impairment", "Credential_Access", "DEFENSE EVASION", "x"));
    Arbitrary<String> shortname = Arbitraries.oneOf(Arbitraries.of(names),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank()));
    Arbitrary<String> id = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 9999).map(n -> String.format(java.util.Locale.ROOT, "TA%04d", n)),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10));
    return Combinators.combine(id, shortname, Arbitraries.of(AttackDomain.class),
        Arbitraries.integers().between(0, 60), Arbitraries.of(true, false))
        .as((i, s, d, o, dep) -> new Tactic(i, s, s, d, o, "x-mitre-tactic--" + i, "", dep));
  }

  /**
   * Random technique ids, well formed.
   *
   * @return the arbitrary
   */
  @Provide
  default Arbitrary<String> anyTechniqueId() {
    return Arbitraries.integers().between(0, 9999).map(n -> String.format(java.util.Locale.ROOT, "T%04d", n));
  }

  private List<TacticWeightPolicy> unboundAndBound() {
    TacticWeightPolicy p = policy();
    List<TacticWeightPolicy> all = new ArrayList<>(List.of(p));
    all.add(p.bind(Fixtures.index()));
    all.add(p.bind(Fixtures.v19Like()));
    Fixtures.real().ifPresent(r -> all.add(p.bind(r)));
    return all;
  }

  private static Technique technique(String id, boolean subtechnique, Tactic tactic) {
    String full = subtechnique ? id + ".001" : id;
    return new Technique(full, "attack-pattern--" + full, "Random " + full, "", List.of(tactic),
        List.of("Windows"), Set.of(tactic.domain()), subtechnique ? Optional.of(id) : Optional.empty(),
        List.of(), "1.0", Instant.EPOCH, false, false, Optional.empty());
  }

  private void assertEveryTactic(TechniqueIndex index) {
    TacticWeightPolicy unbound = policy();
    TacticWeightPolicy bound = unbound.bind(index);
    TacticWeightPolicy boundAgain = policy().bind(index);
    for (TacticWeightPolicy p : List.of(unbound, bound)) {
      for (Tactic tactic : index.tactics()) {
        int w = assertDoesNotThrow(() -> p.weight(tactic), () -> "weight(" + tactic.id() + ")");
        assertWithinScale(w, p, tactic, null);
      }
      for (Technique technique : index.techniques()) {
        for (Tactic tactic : technique.tactics()) {
          int w = assertDoesNotThrow(() -> p.weight(tactic, technique),
              () -> "weight(" + tactic.id() + ", " + technique.id() + ")");
          assertWithinScale(w, p, tactic, technique);
        }
      }
    }
    for (Tactic tactic : index.tactics()) {
      assertEquals(bound.weight(tactic), boundAgain.weight(tactic),
          () -> "two policies bound to one index disagree on " + tactic.id());
    }
    for (Technique technique : index.techniques()) {
      for (Tactic tactic : technique.tactics()) {
        assertEquals(bound.weight(tactic, technique), boundAgain.weight(tactic, technique),
            () -> "two policies bound to one index disagree on " + technique.id());
      }
    }
  }

  private static void assertWithinScale(int w, TacticWeightPolicy p, Tactic tactic, Technique technique) {
    assertTrue(w >= TacticWeightPolicy.MIN_WEIGHT && w <= TacticWeightPolicy.MAX_WEIGHT,
        () -> "weight " + w + " outside 0-10 from " + p.id() + " for " + tactic
            + (technique == null ? "" : " and " + technique.id()));
  }
}
