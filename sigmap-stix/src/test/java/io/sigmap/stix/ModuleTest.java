package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the module's boundary: a change to what it exports, uses or provides shows up here. */
class ModuleTest {

  private static ModuleDescriptor descriptor() throws IOException {
    Path classes = Path.of(TechniqueIndex.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void module_exportsOnlyTheApi() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals("io.sigmap.stix", d.name());
    assertEquals(Set.of("io.sigmap.stix", "io.sigmap.stix.internal to [io.sigmap.core]"),
        d.exports().stream().map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : ""))
            .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(Set.of(), d.uses());
    assertEquals(Set.of(), d.provides());
    assertEquals(Set.of("com.fasterxml.jackson.core", "java.base", "org.slf4j"),
        d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
  }
}
