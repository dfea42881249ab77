package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public entry point rejects a null argument with a {@link NullPointerException} naming it, before doing
 * anything: found by reflection, so a new method is covered without editing this test.
 */
class NullArgumentsTest {

  private static final TechniqueIndex INDEX = Fixtures.index();

  /** A valid argument of each parameter type; a supplier, because streams and builders are used up. */
  private static Object sample(Class<?> type) {
    Map<Class<?>, Supplier<Object>> samples = Map.ofEntries(
        Map.entry(Tactic.class, () -> Fixtures.tactic(AttackDomain.ENTERPRISE, "impact")),
        Map.entry(Technique.class, () -> INDEX.technique("T1003").orElseThrow()),
        Map.entry(TechniqueIndex.class, () -> INDEX),
        Map.entry(String.class, () -> "baseline"),
        Map.entry(Path.class, NullArgumentsTest::table),
        Map.entry(InputStream.class, () -> new ByteArrayInputStream(new byte[] {'{', '}'})),
        Map.entry(Map.class, Map::of),
        Map.entry(ClassLoader.class, () -> NullArgumentsTest.class.getClassLoader()),
        Map.entry(TacticWeightPolicy.class, () -> TacticWeightPolicy.uniform(7)),
        Map.entry(int.class, () -> 5),
        Map.entry(boolean.class, () -> Boolean.TRUE));
    Supplier<Object> s = samples.get(type);
    if (s == null) {
      throw new AssertionError("no sample for " + type + ": add one");
    }
    return s.get();
  }

  private static Path table() {
    try {
      return Path.of(NullArgumentsTest.class.getResource("/tables/acme.yml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls every public method of {@code type} declared in sigmap on {@code target}, once per nullable argument. */
  private static int check(Class<?> type, Supplier<Object> target, boolean statics) throws Exception {
    int checked = 0;
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) != statics || !m.getDeclaringClass().getName().startsWith("io.sigmap")
          || m.isSynthetic()) {
        continue;
      }
      Class<?>[] params = m.getParameterTypes();
      for (int i = 0; i < params.length; i++) {
        if (params[i].isPrimitive()) {
          continue;
        }
        Object[] args = new Object[params.length];
        for (int j = 0; j < params.length; j++) {
          args[j] = j == i ? null : sample(params[j]);
        }
        String what = m + " argument " + i;
        try {
          m.invoke(statics ? null : target.get(), args);
          fail(what + " accepted null");
        } catch (InvocationTargetException e) {
          Throwable cause = e.getCause();
          assertInstanceOf(NullPointerException.class, cause, () -> what + ": " + cause);
          assertNotNull(cause.getMessage(), () -> what + ": NPE without the argument's name");
          checked++;
        }
      }
    }
    return checked;
  }

  @Test
  void spi_staticFactoriesAndDefaultMethods() throws Exception {
    assertEquals(3, check(TacticWeightPolicy.class, () -> null, true));
    List<Supplier<Object>> policies = new ArrayList<>(List.of(TacticWeightPolicy::baseline,
        TacticWeightPolicy::killChain, () -> TacticWeightPolicy.killChain(INDEX), TacticWeightPolicy::uniform,
        () -> TacticWeightPolicy.table(Map.of("techniques", Map.of("T1003", 9)))));
    TacticWeightPolicies registry = TacticWeightPolicies.builder().discover(false).build();
    for (String id : registry.ids()) {
      policies.add(() -> registry.policy(id));
    }
    for (Supplier<Object> p : policies) {
      assertEquals(4, check(TacticWeightPolicy.class, p, false), () -> String.valueOf(p.get()));
    }
  }

  @Test
  void registry_andBuilder() throws Exception {
    TacticWeightPolicies registry = TacticWeightPolicies.builder().discover(false).build();
    assertEquals(3, check(TacticWeightPolicies.class, () -> registry, false));
    assertEquals(4, check(TacticWeightPolicies.Builder.class, TacticWeightPolicies::builder, false));
  }

  @Test
  void tableLoader_andBuilder() throws Exception {
    assertEquals(5, check(TablePolicyLoader.class, () -> TablePolicyLoader.DEFAULT, false));
    assertEquals(1, check(TablePolicyLoader.Builder.class, TablePolicyLoader::builder, false));
    assertTrue(TablePolicyLoader.DEFAULT.load(table()).findings().isEmpty());
  }
}
