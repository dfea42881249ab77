package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared, read-only test data ({@code SIGMAP_SHARED} or {@code -Dsigmap.shared}). */
final class SharedData {

  private SharedData() {}

  /** Returns the SigmaHQ corpus folder, or skips the calling test with the reason. */
  static Path sigmaHq() {
    String value = System.getProperty("sigmap.shared");
    if (absent(value)) {
      value = System.getenv("SIGMAP_SHARED");
    }
    assumeTrue(!absent(value), "SIGMAP_SHARED (or -Dsigmap.shared) is not set: real-data test skipped");
    Path dir = Path.of(value).resolve("sigma").resolve("sigmahq-2025-12-25");
    assumeTrue(Files.isDirectory(dir), "no SigmaHQ corpus at " + dir + ": real-data test skipped");
    return dir;
  }

  private static boolean absent(String value) {
    return value == null || value.isBlank() || value.startsWith("${");
  }
}
