package io.sigmap.correlate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Correlator#replay(java.nio.file.Path)}: what was read, and the correlator's counters
 * and report after the last alert.
 *
 * @param source the alert file
 * @param lines the lines read
 * @param alerts the alerts accepted
 * @param issues the lines that were not valid alerts, skipped
 * @param stats the correlator's counters after the replay
 * @param report the report over every retained day
 * @since 0.1.0
 */
public record ReplaySummary(
    String source, long lines, long alerts, List<InputIssue> issues, CorrelatorStats stats,
    CorrelationReport report) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ReplaySummary {
    Objects.requireNonNull(source, "source");
    issues = List.copyOf(issues);
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(report, "report");
  }
}
