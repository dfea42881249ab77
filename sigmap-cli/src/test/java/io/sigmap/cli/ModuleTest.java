package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the module's boundary: a change to what it exports, opens, uses or requires shows up here. */
class ModuleTest {

  /** Read from target/classes, or from the module jar when failsafe runs the tests against it. */
  private static ModuleDescriptor descriptor() throws IOException {
    Path classes = Path.of(Sigmap.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    if (Files.isRegularFile(classes)) {
      try (JarFile jar = new JarFile(classes.toFile());
          InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
        return ModuleDescriptor.read(in);
      }
    }
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void module_exportsOnlyTheEntryPoint() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals("io.sigmap.cli", d.name());
    assertEquals(Set.of("io.sigmap.cli"), d.exports().stream()
        .map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : ""))
        .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(Set.of("io.sigmap.cli to [info.picocli]"), d.opens().stream()
        .map(o -> o.source() + (o.isQualified() ? " to " + o.targets() : ""))
        .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(Set.of(), d.uses());
    assertEquals(Set.of(), d.provides());
    assertEquals(Set.of("com.fasterxml.jackson.core", "info.picocli", "io.sigmap.stix", "io.sigmap.weights",
        "io.sigmap.core", "io.sigmap.correlate", "java.base", "java.net.http", "org.slf4j"),
        d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
  }

  @Test
  void publicTypes_areTheEntryPointAndTheExitCodes() {
    assertEquals(true, Modifier.isPublic(Sigmap.class.getModifiers()));
    assertEquals(true, Modifier.isPublic(ExitCodes.class.getModifiers()));
    assertEquals(false, Modifier.isPublic(AttackCache.class.getModifiers()));
    assertEquals(false, Modifier.isPublic(RootCommand.class.getModifiers()));
  }
}
