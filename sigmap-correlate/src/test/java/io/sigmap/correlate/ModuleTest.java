package io.sigmap.correlate;

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

/** Pins the module boundary: exact exports, requires, uses and provides. */
class ModuleTest {

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void module_exportsApiAndSpiOnly() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals("io.sigmap.correlate", d.name());
    assertEquals(Set.of("io.sigmap.correlate", "io.sigmap.correlate.spi"),
        d.exports().stream().map(e -> {
          assertTrue(e.targets().isEmpty(), "unqualified exports only: " + e);
          return e.source();
        }).collect(Collectors.toSet()));
    assertEquals(Set.of(), d.uses());
    assertEquals(Set.of(), d.provides());
    assertEquals(new TreeSet<>(Set.of("com.fasterxml.jackson.core", "com.fasterxml.jackson.databind", "io.sigmap.core",
        "io.sigmap.stix",
        "java.base", "org.slf4j")), d.requires().stream().map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toCollection(TreeSet::new)));
    assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("io.sigmap.stix")
        && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)),
        "TechniqueIndex and Tactic appear in the API");
    assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("io.sigmap.core")
        && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)),
        "EnrichmentResult and BatchResult appear in the API");
    assertEquals(Set.of("io.sigmap.correlate", "io.sigmap.correlate.spi"), d.packages());
  }
}
