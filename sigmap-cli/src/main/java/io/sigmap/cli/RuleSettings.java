package io.sigmap.cli;

import io.sigmap.core.EnrichOptions;
import picocli.CommandLine.Option;

/** {@code --strict} and {@code --threads N}: how rules are enriched. */
final class RuleSettings {

  @Option(names = "--strict",
      description = "Strict mode: a revoked technique is an error and does not map (by default it maps to its "
          + "replacement with a warning).")
  boolean strict;

  @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class,
      description = "Threads to read and enrich rules with (default: the number of processors). Output is the "
          + "same whatever the number.")
  Integer threads;

  int threads() {
    return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  EnrichOptions options() {
    return EnrichOptions.builder().strict(strict).threads(threads()).build();
  }
}
