package io.sigmap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes small Sigma rules for tests, checked against the example bundle (a subset of Enterprise 18.1). */
final class RuleFiles {

  private RuleFiles() {}

  /** The repository's example rules, relative to the working directory, as a user would type it. */
  static Path examplesRules() {
    return Path.of("").toAbsolutePath().relativize(Fixtures.examples().toAbsolutePath().resolve("rules"));
  }

  /** The example bundle, as a string for --attack. */
  static String attack() {
    return Fixtures.miniEnterprise().toString();
  }

  /** A detection rule on Windows process creation with the given title and tags. */
  static String rule(String title, String... tags) {
    StringBuilder sb = new StringBuilder();
    sb.append("title: ").append(title).append('\n');
    sb.append("id: ").append(UUID.nameUUIDFromBytes(title.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .append('\n');
    sb.append("status: test\n");
    if (tags.length > 0) {
      sb.append("tags:\n");
      for (String t : tags) {
        sb.append("    - ").append(t).append('\n');
      }
    }
    sb.append("logsource:\n    category: process_creation\n    product: windows\n");
    sb.append("detection:\n    selection:\n        Image|endswith: '\\").append(title.length()).append(".exe'\n");
    sb.append("    condition: selection\n");
    sb.append("level: medium\n");
    return sb.toString();
  }

  static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      return Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rule that validates with no finding. */
  static Path clean(Path dir) {
    return write(dir, "clean.yml", rule("Clean PowerShell", "attack.execution", "attack.t1059.001"));
  }

  /** A rule that validates with a warning: a revoked technique remapped. */
  static Path warning(Path dir) {
    return write(dir, "warning.yml", rule("Revoked PowerShell Tag", "attack.execution", "attack.t1086"));
  }

  /** A rule that validates with an error finding: one valid technique, one unknown. */
  static Path error(Path dir) {
    return write(dir, "error.yml", rule("Half Known", "attack.execution", "attack.t1059.001", "attack.t1685"));
  }

  /** A rule that is quarantined: no technique tag. */
  static Path quarantined(Path dir) {
    return write(dir, "quarantined.yml", rule("No Technique", "attack.execution"));
  }
}
