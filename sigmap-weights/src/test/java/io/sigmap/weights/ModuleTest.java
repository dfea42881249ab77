package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.weights.testing.ExamplePolicyJar;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the module boundary: exact exports, uses, provides and requires, read from the compiled
 * {@code module-info.class}; and that every provider is registered twice, in module-info and in
 * {@code META-INF/services}.
 */
class ModuleTest {

  private static final String SERVICE = "io.sigmap.weights.spi.TacticWeightPolicy";
  private static final List<String> PROVIDERS = List.of(
      "io.sigmap.weights.internal.BaselinePolicy",
      "io.sigmap.weights.internal.KillChainPolicy",
      "io.sigmap.weights.internal.UniformPolicy");

  private static Path classes() {
    return ExamplePolicyJar.targetDir().resolve("classes");
  }

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void descriptor_name() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals("io.sigmap.weights", d.name());
    assertFalse(d.isAutomatic());
    assertFalse(d.isOpen());
  }

  @Test
  void descriptor_exactExports() throws IOException {
    Map<String, Set<String>> exports = new TreeMap<>();
    descriptor().exports().forEach(e -> exports.put(e.source(), new TreeSet<>(e.targets())));
    assertEquals(Map.of("io.sigmap.weights", Set.of(), "io.sigmap.weights.spi", Set.of()), exports);
    assertTrue(descriptor().opens().isEmpty());
  }

  @Test
  void descriptor_exactUsesAndProvides() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals(Set.of(SERVICE), d.uses());
    assertEquals(1, d.provides().size());
    ModuleDescriptor.Provides p = d.provides().iterator().next();
    assertEquals(SERVICE, p.service());
    assertEquals(PROVIDERS, p.providers());
  }

  @Test
  void descriptor_exactRequires() throws IOException {
    Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires = new TreeMap<>();
    descriptor().requires().forEach(r -> requires.put(r.name(), r.modifiers()));
    assertEquals(Set.of("java.base", "io.sigmap.stix", "org.slf4j", "com.fasterxml.jackson.core",
        "com.fasterxml.jackson.dataformat.yaml", "org.yaml.snakeyaml"), requires.keySet());
    assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE), requires.get("io.sigmap.stix"),
        "the SPI's signatures use io.sigmap.stix types");
    assertEquals(Set.of(), requires.get("com.fasterxml.jackson.core"), "Jackson is not part of the API");
  }

  @Test
  void descriptor_packages() throws IOException {
    assertEquals(Set.of("io.sigmap.weights", "io.sigmap.weights.spi", "io.sigmap.weights.internal"),
        descriptor().packages());
  }

  @Test
  void servicesFile_sameProvidersAsModuleInfo() throws IOException {
    Path file = classes().resolve("META-INF/services/" + SERVICE);
    List<String> listed = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .collect(Collectors.toList());
    assertEquals(PROVIDERS, listed);
  }
}
