package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the module's boundary: exactly what it exports, requires, uses and provides. */
class ModuleTest {

  private static ModuleDescriptor descriptor() throws IOException {
    Path info = Path.of("target", "classes", "module-info.class");
    try (InputStream in = Files.newInputStream(info)) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void descriptor_name() throws IOException {
    assertEquals("io.sigmap.core", descriptor().name());
  }

  @Test
  void descriptor_exportsTheApiPackages() throws IOException {
    ModuleDescriptor d = descriptor();
    Set<String> exports = d.exports().stream()
        .map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : ""))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("io.sigmap.core", "io.sigmap.core.sigma"), exports);
    assertTrue(d.opens().isEmpty(), "opens nothing");
  }

  @Test
  void descriptor_requires() throws IOException {
    Set<String> requires = descriptor().requires().stream()
        .map(r -> r.name() + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)
            ? " transitive" : ""))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("java.base", "io.sigmap.stix transitive", "io.sigmap.weights transitive",
        "org.yaml.snakeyaml", "com.fasterxml.jackson.core", "org.slf4j")), requires);
  }

  @Test
  void descriptor_usesAndProvidesNothing() throws IOException {
    ModuleDescriptor d = descriptor();
    assertTrue(d.uses().isEmpty(), "uses: " + d.uses());
    assertTrue(d.provides().isEmpty(), "provides: " + d.provides());
  }
}
