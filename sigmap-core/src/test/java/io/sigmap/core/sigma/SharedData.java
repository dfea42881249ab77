package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared, read-only test data ({@code SIGMAP_SHARED} or {@code -Dsigmap.shared}). */
final class SharedData {

  private SharedData() {}

  /** Returns the SigmaHQ corpus folder, or null when it is not available (see {@link #skipReason()}). */
  static Path sigmaHqOrNull() {
    String value = shared();
    if (absent(value)) {
      return null;
    }
    Path dir = Path.of(value).resolve("sigma").resolve("sigmahq-2025-12-25");
    return Files.isDirectory(dir) ? dir : null;
  }

  /** Skips the calling test, with the reason, when the corpus is not available. */
  static void assumeSigmaHq(Path dir) {
    assumeTrue(dir != null, skipReason());
  }

  private static String skipReason() {
    String value = shared();
    return absent(value) ? "SIGMAP_SHARED (or -Dsigmap.shared) is not set: real-data test skipped"
        : "no SigmaHQ corpus under " + value + "/sigma/sigmahq-2025-12-25: real-data test skipped";
  }

  private static String shared() {
    String value = System.getProperty("sigmap.shared");
    return absent(value) ? System.getenv("SIGMAP_SHARED") : value;
  }

  private static boolean absent(String value) {
    return value == null || value.isBlank() || value.startsWith("${");
  }
}
