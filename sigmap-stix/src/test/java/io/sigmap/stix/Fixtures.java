package io.sigmap.stix;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Test fixtures: the hand-written mini bundles, and the shared real-data folder when configured. */
final class Fixtures {

  private Fixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path miniEnterprise() {
    return resource("mini-enterprise-attack.json");
  }

  static Path miniIcs() {
    return resource("mini-ics-attack.json");
  }

  static TechniqueIndex mini() {
    return TechniqueIndex.builder().addBundle(miniEnterprise(), "18.1").build();
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

  /** Whether the shared data folder is configured; the condition of real-data test classes. */
  static boolean sharedAvailable() {
    return shared().isPresent();
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
