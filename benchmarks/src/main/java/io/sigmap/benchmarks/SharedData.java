package io.sigmap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared real-data folder the way the tests do: the {@code sigmap.shared} system property, else the
 * {@code SIGMAP_SHARED} environment variable.
 */
final class SharedData {

  private SharedData() {}

  static Optional<Path> folder() {
    for (String v : new String[] {System.getProperty("sigmap.shared"), System.getenv("SIGMAP_SHARED")}) {
      if (v != null && !v.isBlank() && !v.startsWith("${") && Files.isDirectory(Path.of(v))) {
        return Optional.of(Path.of(v));
      }
    }
    return Optional.empty();
  }

  static Path file(String relative) {
    Path dir = folder().orElseThrow(() -> new IllegalStateException(
        "this benchmark needs the shared data folder: set SIGMAP_SHARED or -Dsigmap.shared"));
    Path p = dir.resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException(p + " does not exist");
    }
    return p;
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String ENTERPRISE = "attack/enterprise-attack-18.1.json";
}
