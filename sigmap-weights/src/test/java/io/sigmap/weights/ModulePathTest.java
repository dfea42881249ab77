package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.weights.testing.ExamplePolicyJar;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs discovery on the module path: a new {@link ModuleLayer} holds io.sigmap.weights (as the explicit module
 * that {@code target/classes} is), its dependencies and the example host policy jar as an automatic module.
 * Named modules ignore {@code META-INF/services}, so the built-ins found here come from module-info's
 * {@code provides}. The layer's classes are not the test's, so they are driven by reflection.
 */
class ModulePathTest {

  private static ModuleLayer layer;
  private static ClassLoader loader;

  @BeforeAll
  static void defineLayer() throws Exception {
    Set<Path> paths = new LinkedHashSet<>();
    paths.add(ExamplePolicyJar.targetDir().resolve("classes"));
    paths.add(ExamplePolicyJar.jar());
    for (String type : List.of("io.sigmap.stix.Tactic", "org.slf4j.Logger", "org.slf4j.simple.SimpleLogger",
        "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
        "org.yaml.snakeyaml.LoaderOptions")) {
      paths.add(location(Class.forName(type)));
    }
    ModuleFinder finder = ModuleFinder.of(paths.toArray(new Path[0]));
    Configuration cf = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.sigmap.weights", ExamplePolicyJar.MODULE_NAME));
    layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    loader = layer.findLoader("io.sigmap.weights");
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void layer_weightsIsExplicitModuleAndExampleIsAutomatic() throws ClassNotFoundException {
    ModuleDescriptor weights = layer.findModule("io.sigmap.weights").orElseThrow().getDescriptor();
    assertFalse(weights.isAutomatic());
    ModuleDescriptor example = layer.findModule(ExamplePolicyJar.MODULE_NAME).orElseThrow().getDescriptor();
    assertTrue(example.isAutomatic());
    // An automatic module's provides come from its META-INF/services file.
    assertEquals(1, example.provides().size());
    Class<?> spi = spi();
    assertNotSame(io.sigmap.weights.spi.TacticWeightPolicy.class, spi, "the layer must have its own classes");
    assertEquals("io.sigmap.weights", spi.getModule().getName());
  }

  @Test
  void serviceLoader_layer_findsBuiltInsThroughProvidesAndTheExample() throws Exception {
    Set<String> types = new TreeSet<>();
    ServiceLoader.load(layer, spi()).stream().forEach(p -> types.add(p.type().getName()));
    assertEquals(Set.of("io.sigmap.weights.internal.BaselinePolicy", "io.sigmap.weights.internal.KillChainPolicy",
        "io.sigmap.weights.internal.UniformPolicy", ExamplePolicyJar.CLASS_NAME), types);
  }

  @Test
  void registry_layerClassLoader_discoversExampleAndWeighs() throws Exception {
    Class<?> registryType = loader.loadClass("io.sigmap.weights.TacticWeightPolicies");
    Object builder = registryType.getMethod("builder").invoke(null);
    Class<?> builderType = builder.getClass();
    builderType.getMethod("classLoader", ClassLoader.class).invoke(builder, loader);
    Object registry = builderType.getMethod("build").invoke(builder);

    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) registryType.getMethod("ids").invoke(registry);
    assertEquals(List.of(ExamplePolicyJar.ID, "baseline", "kill-chain", "uniform"), ids);
    String origin = (String) registryType.getMethod("origin", String.class).invoke(registry, ExamplePolicyJar.ID);
    assertTrue(origin.contains("acme-weights.jar"), origin);

    Object acme = registryType.getMethod("policy", String.class).invoke(registry, ExamplePolicyJar.ID);
    Object baseline = registryType.getMethod("policy", String.class).invoke(registry, "baseline");
    Object credentialAccess = tactic("TA0006", "credential-access", 7);
    Object discovery = tactic("TA0007", "discovery", 8);
    Method weight = spi().getMethod("weight", loader.loadClass("io.sigmap.stix.Tactic"));
    List<Object> weights = new ArrayList<>();
    for (Object policy : List.of(acme, baseline)) {
      for (Object tactic : List.of(credentialAccess, discovery)) {
        weights.add(weight.invoke(policy, tactic));
      }
    }
    assertEquals(List.of(9, 4, 9, 5), weights);
  }

  private static Class<?> spi() throws ClassNotFoundException {
    return loader.loadClass("io.sigmap.weights.spi.TacticWeightPolicy");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object tactic(String id, String shortname, int order) throws Exception {
    Class<?> tacticType = loader.loadClass("io.sigmap.stix.Tactic");
    Class<? extends Enum> domainType = (Class<? extends Enum>) loader.loadClass("io.sigmap.stix.AttackDomain");
    Constructor<?> c = tacticType.getConstructor(String.class, String.class, String.class, domainType, int.class,
        String.class, String.class, boolean.class);
    return c.newInstance(id, shortname, shortname, Enum.valueOf(domainType, "ENTERPRISE"), order,
        "x-mitre-tactic--" + id, "", false);
  }
}
