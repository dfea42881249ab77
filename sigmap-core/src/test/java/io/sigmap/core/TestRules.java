package io.sigmap.core;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test helpers: the mini ATT&amp;CK fixture, rules from YAML text, and the shared data folder. */
final class TestRules {

  static final TechniqueIndex INDEX = load();

  private TestRules() {}

  private static TechniqueIndex load() {
    try (InputStream in = TestRules.class.getResourceAsStream("mini-attack.json")) {
      return TechniqueIndex.builder().addBundle(in, "mini-attack.json", "18.1").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final SigmaReader READER = SigmaReader.create();

  /** A detection rule with the given tags, product and status. */
  static String yaml(String product, String status, String... tags) {
    StringBuilder sb = new StringBuilder("title: Test rule\nid: 929a690e-bef0-4204-a928-ef5e620d6fcc\n");
    if (status != null) {
      sb.append("status: ").append(status).append('\n');
    }
    sb.append("logsource:\n  category: process_creation\n");
    if (product != null) {
      sb.append("  product: ").append(product).append('\n');
    }
    sb.append("detection:\n  selection:\n    Image|endswith: '\\powershell.exe'\n  condition: selection\nlevel: high\n");
    if (tags.length > 0) {
      sb.append("tags:\n");
      for (String t : tags) {
        sb.append("  - ").append(t).append('\n');
      }
    }
    return sb.toString();
  }

  static SigmaRule rule(String yaml) {
    SigmaFile f = READER.readString(yaml, "test.yml");
    return f.results().get(0).orThrow();
  }

  static SigmaRule tagged(String... tags) {
    return rule(yaml("windows", "test", tags));
  }

  static SigmaFile file(String yaml, String name) {
    return READER.readString(yaml, name);
  }

  /** The shared data folder from {@code sigmap.shared} or {@code SIGMAP_SHARED}, if set and present. */
  static Optional<Path> shared() {
    for (String v : new String[] {System.getProperty("sigmap.shared"), System.getenv("SIGMAP_SHARED")}) {
      if (v != null && !v.isBlank() && !v.startsWith("${") && Files.isDirectory(Path.of(v))) {
        return Optional.of(Path.of(v));
      }
    }
    return Optional.empty();
  }

  static boolean sharedAvailable() {
    return shared().isPresent();
  }

  static List<String> codes(EnrichmentResult r) {
    return r.findings().stream().map(f -> f.code().name()).toList();
  }
}
