package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.ExamplePolicyJar;
import io.sigmap.weights.testing.Fixtures;
import io.sigmap.weights.testing.LogCapture;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

/**
 * ServiceLoader discovery through throwaway class loaders: each sees one folder of
 * {@code src/test/resources/testservices}, whose {@code META-INF/services} file names fake providers compiled
 * with the tests, or the example host policy jar.
 */
class TacticWeightPoliciesDiscoveryTest {

  private static final List<String> BUILT_INS = List.of("baseline", "kill-chain", "uniform");

  private static URLClassLoader loader(String folder) {
    URL url = TacticWeightPoliciesDiscoveryTest.class.getResource("/testservices/" + folder + "/");
    if (url == null) {
      throw new IllegalStateException("missing test resource folder testservices/" + folder);
    }
    return new URLClassLoader(new URL[] {url}, TacticWeightPoliciesDiscoveryTest.class.getClassLoader());
  }

  private static URLClassLoader emptyLoader() {
    return new URLClassLoader(new URL[0], TacticWeightPoliciesDiscoveryTest.class.getClassLoader());
  }

  @Test
  void build_zeroProviders_builtInsAndOneWarning() throws IOException {
    try (URLClassLoader cl = emptyLoader()) {
      LogCapture.Captured<TacticWeightPolicies> built =
          LogCapture.capture(() -> TacticWeightPolicies.builder().classLoader(cl).build());
      TacticWeightPolicies policies = built.value();
      assertEquals(BUILT_INS, policies.ids());
      assertTrue(policies.skippedProviders().isEmpty());
      assertTrue(built.lines().isEmpty(), () -> "build logged " + built.lines());

      LogCapture.Captured<TacticWeightPolicy> first = LogCapture.capture(policies::defaultPolicy);
      LogCapture.Captured<TacticWeightPolicy> second = LogCapture.capture(policies::defaultPolicy);
      assertEquals("baseline", first.value().id());
      assertSame(first.value(), second.value());
      assertEquals(1, first.lines().size(), () -> "expected one line: " + first.lines());
      assertEquals(1, first.at("WARN").size(), () -> "expected one WARN line: " + first.lines());
      String warning = first.lines().get(0);
      assertTrue(warning.contains("'baseline'"), warning);
      assertTrue(warning.contains("select(id)"), warning);
      assertTrue(warning.contains("--policy"), warning);
      assertTrue(warning.contains("[baseline, kill-chain, uniform]"), warning);
      assertTrue(second.lines().isEmpty(), () -> "the warning was logged twice: " + second.lines());
    }
  }

  @Test
  void build_oneProvider_discoveredAndDefault() throws IOException {
    try (URLClassLoader cl = loader("one")) {
      LogCapture.Captured<TacticWeightPolicies> built =
          LogCapture.capture(() -> TacticWeightPolicies.builder().classLoader(cl).build());
      TacticWeightPolicies policies = built.value();
      assertEquals(List.of("baseline", "fake-one", "kill-chain", "uniform"), policies.ids());
      assertTrue(policies.origin("fake-one").startsWith("io.sigmap.weights.testservices.OnePolicy (discovered"),
          policies.origin("fake-one"));
      assertEquals(6, policies.policy("fake-one").weight(Fixtures.tactic(AttackDomain.ENTERPRISE, "impact")));

      LogCapture.Captured<TacticWeightPolicy> def = LogCapture.capture(policies::defaultPolicy);
      assertEquals("fake-one", def.value().id(), "the only host policy is the default, as in SLF4J");
      assertEquals(1, def.at("INFO").size(), () -> String.valueOf(def.lines()));
      assertTrue(def.at("WARN").isEmpty(), () -> String.valueOf(def.lines()));
    }
  }

  @Test
  void build_oneProviderSelectedBuiltIn_noLog() throws IOException {
    try (URLClassLoader cl = loader("one")) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).select("kill-chain").build();
      LogCapture.Captured<TacticWeightPolicy> def = LogCapture.capture(policies::defaultPolicy);
      assertEquals("kill-chain", def.value().id());
      assertTrue(def.lines().isEmpty(), () -> String.valueOf(def.lines()));
    }
  }

  @Test
  void build_duplicateId_failsNamingBothClasses() throws IOException {
    try (URLClassLoader cl = loader("duplicate")) {
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> TacticWeightPolicies.builder().classLoader(cl).build());
      assertTrue(e.getMessage().contains("'fake-dup'"), e.getMessage());
      assertTrue(e.getMessage().contains("io.sigmap.weights.testservices.DuplicateIdA"), e.getMessage());
      assertTrue(e.getMessage().contains("io.sigmap.weights.testservices.DuplicateIdB"), e.getMessage());
      assertEquals("fake-dup", e.policyId().orElseThrow());
    }
  }

  @Test
  void build_duplicateIdLenient_stillFails() throws IOException {
    try (URLClassLoader cl = loader("duplicate")) {
      assertThrows(TacticWeightPolicyException.class,
          () -> TacticWeightPolicies.builder().classLoader(cl).strict(false).build());
    }
  }

  @Test
  void build_providerTakesBuiltInId_failsNamingBothClasses() throws IOException {
    try (URLClassLoader cl = loader("builtin-clash")) {
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> TacticWeightPolicies.builder().classLoader(cl).build());
      assertTrue(e.getMessage().contains("io.sigmap.weights.internal.BaselinePolicy (built-in)"), e.getMessage());
      assertTrue(e.getMessage().contains("io.sigmap.weights.testservices.ClashWithBuiltIn (discovered"),
          e.getMessage());
    }
  }

  @Test
  void build_brokenProviders_loggedSkippedAndTheRestFound() throws IOException {
    try (URLClassLoader cl = loader("broken")) {
      LogCapture.Captured<TacticWeightPolicies> built =
          LogCapture.capture(() -> TacticWeightPolicies.builder().classLoader(cl).build());
      TacticWeightPolicies policies = built.value();
      assertEquals(List.of("baseline", "fake-survivor", "kill-chain", "uniform"), policies.ids());
      List<TacticWeightPolicyException> skipped = policies.skippedProviders();
      assertEquals(4, skipped.size(), () -> String.valueOf(skipped));
      assertEquals(4, built.at("WARN").size(), () -> String.valueOf(built.lines()));
      String all = skipped.toString();
      assertTrue(all.contains("ThrowingConstructorPolicy"), all);
      assertTrue(all.contains("acme license file not found"), all);
      assertTrue(all.contains("DoesNotExist"), all);
      assertTrue(all.contains("NotAPolicy"), all);
      assertTrue(all.contains("BlankIdPolicy") && all.contains("blank"), all);
      assertInstanceOf(ServiceConfigurationError.class, skipped.get(0).getCause());
    }
  }

  @Test
  void build_brokenProviderStrict_rethrows() throws IOException {
    try (URLClassLoader cl = loader("broken")) {
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> TacticWeightPolicies.builder().classLoader(cl).strict(true).build());
      assertTrue(e.getMessage().contains("ThrowingConstructorPolicy"), e.getMessage());
      assertTrue(e.getMessage().contains("strict"), e.getMessage());
      assertInstanceOf(ServiceConfigurationError.class, e.getCause());
    }
  }

  @Test
  void policy_unknownId_failsListingAvailableIds() throws IOException {
    try (URLClassLoader cl = loader("one")) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).build();
      TacticWeightPolicyException e =
          assertThrows(TacticWeightPolicyException.class, () -> policies.policy("acme-weights"));
      assertTrue(e.getMessage().contains("'acme-weights'"), e.getMessage());
      assertTrue(e.getMessage().contains("[baseline, fake-one, kill-chain, uniform]"), e.getMessage());
      assertEquals("acme-weights", e.policyId().orElseThrow());
      assertTrue(policies.find("acme-weights").isEmpty());
    }
  }

  @Test
  void build_unknownSelectedId_failsListingAvailableIds() throws IOException {
    try (URLClassLoader cl = loader("one")) {
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> TacticWeightPolicies.builder().classLoader(cl).select("nope").build());
      assertTrue(e.getMessage().contains("[baseline, fake-one, kill-chain, uniform]"), e.getMessage());
    }
  }

  @Test
  void build_discoveryOff_registeredOnly() throws IOException {
    try (URLClassLoader cl = loader("one")) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).discover(false)
          .register(TacticWeightPolicy.uniform(7)).build();
      assertEquals(List.of("baseline", "kill-chain", "uniform", "uniform-7"), policies.ids());
    }
  }

  @Test
  void build_noStaticState_eachLoaderSeesItsOwnProviders() throws IOException {
    try (URLClassLoader one = loader("one"); URLClassLoader empty = emptyLoader()) {
      TacticWeightPolicies a = TacticWeightPolicies.builder().classLoader(one).build();
      TacticWeightPolicies b = TacticWeightPolicies.builder().classLoader(empty).build();
      TacticWeightPolicies c = TacticWeightPolicies.builder().classLoader(one).build();
      assertTrue(a.ids().contains("fake-one"));
      assertFalse(b.ids().contains("fake-one"));
      assertEquals(a.ids(), c.ids());
    }
  }

  @Test
  void build_noClassLoader_usesContextClassLoader() throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    try (URLClassLoader cl = loader("one")) {
      thread.setContextClassLoader(cl);
      assertTrue(TacticWeightPolicies.builder().build().ids().contains("fake-one"));
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  @Test
  void weight_discoveredOutOfRange_failsNamingPolicyAndTactic() throws IOException {
    try (URLClassLoader cl = loader("faulty")) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).build();
      Tactic credentialAccess = Fixtures.tactic(AttackDomain.ENTERPRISE, "credential-access");
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> policies.policy("fake-out-of-range").weight(credentialAccess));
      assertEquals("weight cannot be outside 0-10: 12 (policy fake-out-of-range, tactic TA0006 credential-access)",
          e.getMessage());
      assertEquals("fake-out-of-range", e.policyId().orElseThrow());
      assertEquals("TA0006", e.tacticId().orElseThrow());
      assertEquals(5, policies.policy("fake-out-of-range").weight(Fixtures.tactic(AttackDomain.ENTERPRISE,
          "impact")));
    }
  }

  @Test
  void weight_discoveredThrows_wrappedNamingPolicyAndTactic() throws IOException {
    try (URLClassLoader cl = loader("faulty")) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).build();
      Tactic impact = Fixtures.tactic(AttackDomain.ICS, "impact");
      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> policies.policy("fake-throwing").weight(impact));
      assertEquals("policy threw java.lang.ArithmeticException: / by zero (policy fake-throwing, tactic TA0105 "
          + "impact)", e.getMessage());
      assertInstanceOf(ArithmeticException.class, e.getCause());
      assertEquals("TA0105", e.tacticId().orElseThrow());
    }
  }

  @Test
  void build_discoveredBindFails_skippedLenientThrownStrict() throws IOException {
    try (URLClassLoader cl = loader("bind-fails")) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).index(Fixtures.index()).build();
      assertEquals(List.of("baseline", "fake-one", "kill-chain", "uniform"), policies.ids());
      assertEquals(1, policies.skippedProviders().size());
      assertTrue(policies.skippedProviders().get(0).getMessage().contains("needs ATT&CK 19"));

      TacticWeightPolicyException e = assertThrows(TacticWeightPolicyException.class,
          () -> TacticWeightPolicies.builder().classLoader(cl).index(Fixtures.index()).strict(true).build());
      assertEquals("fake-bind-fails", e.policyId().orElseThrow());
      // Without an index nothing is bound, and the policy is available.
      assertTrue(TacticWeightPolicies.builder().classLoader(cl).build().ids().contains("fake-bind-fails"));
    }
  }

  @Test
  void build_examplePolicyJar_discoveredFromTheJar() throws IOException {
    URL jar = ExamplePolicyJar.jar().toUri().toURL();
    try (URLClassLoader cl = new URLClassLoader(new URL[] {jar}, getClass().getClassLoader())) {
      TacticWeightPolicies policies = TacticWeightPolicies.builder().classLoader(cl).build();
      assertEquals(List.of(ExamplePolicyJar.ID, "baseline", "kill-chain", "uniform"), policies.ids());
      assertTrue(policies.origin(ExamplePolicyJar.ID).contains("acme-weights.jar"),
          policies.origin(ExamplePolicyJar.ID));
      TacticWeightPolicy acme = policies.policy(ExamplePolicyJar.ID);
      Tactic credentialAccess = Fixtures.tactic(AttackDomain.ENTERPRISE, "credential-access");
      assertEquals(9, acme.weight(credentialAccess));
      assertEquals(10, acme.weight(credentialAccess, Fixtures.index().technique("T1003.001").orElseThrow()));
      assertEquals(4, acme.weight(Fixtures.tactic(AttackDomain.ENTERPRISE, "execution")));
      assertEquals(ExamplePolicyJar.ID, policies.defaultPolicy().id());
    }
    // The example's classes are not on the test class path: only the jar has them.
    assertThrows(ClassNotFoundException.class, () -> Class.forName(ExamplePolicyJar.CLASS_NAME));
  }
}
