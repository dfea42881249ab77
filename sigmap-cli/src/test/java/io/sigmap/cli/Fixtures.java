package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The example files and the shared real-data folder. */
final class Fixtures {

  private Fixtures() {}

  /** The repository's examples folder. */
  static Path examples() {
    String p = System.getProperty("sigmap.examples");
    Path dir = p != null && !p.isBlank() && !p.startsWith("${") ? Path.of(p) : Path.of("..", "examples");
    assertTrue(Files.isDirectory(dir), "no examples folder at " + dir.toAbsolutePath());
    return dir.normalize();
  }

  /** The example bundle: a small Enterprise 18.1 subset. */
  static Path miniEnterprise() {
    return examples().resolve("attack/mini-enterprise-attack.json");
  }

  static byte[] miniEnterpriseBytes() {
    try {
      return Files.readAllBytes(miniEnterprise());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared data folder from {@code sigmap.shared} or {@code SIGMAP_SHARED}, if set and present. */
  static Optional<Path> shared() {
    String v = System.getProperty("sigmap.shared");
    if (v == null || v.isBlank() || v.startsWith("${")) {
      v = System.getenv("SIGMAP_SHARED");
    }
    if (v == null || v.isBlank() || v.startsWith("${")) {
      return Optional.empty();
    }
    Path p = Path.of(v);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /** Returns a file under the shared folder, or skips the calling test with the reason. */
  static Path sharedFile(String relative) {
    Optional<Path> dir = shared();
    Assumptions.assumeTrue(dir.isPresent(),
        "real-data test skipped: set SIGMAP_SHARED (or -Dsigmap.shared) to the shared data folder");
    Path p = dir.get().resolve(relative);
    Assumptions.assumeTrue(Files.exists(p), "real-data test skipped: " + p + " does not exist");
    return p;
  }
}
