package io.sigmap.correlate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of {@link Correlator#replay(java.nio.file.Path)}: what was read, and the correlator's counters
 * and report after the last alert.
 *
 * @param source the alert file
 * @param lines the lines read
 * @param alerts the alerts accepted
 * @param rejected the lines that were not valid alerts, skipped
 * @param issues the first {@link Correlator#MAX_REPLAY_ISSUES} of the rejected lines, with the reason
 * @param stats the correlator's counters after the replay
 * @param report the report over every retained day
 * @since 0.1.0
 */
public record ReplaySummary(
    String source, long lines, long alerts, long rejected, List<InputIssue> issues, CorrelatorStats stats,
    CorrelationReport report) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a count is negative, or fewer lines were rejected than listed
   */
  public ReplaySummary {
    Objects.requireNonNull(source, "source");
    issues = List.copyOf(issues);
    if (lines < 0 || alerts < 0 || rejected < issues.size() || alerts + rejected > lines) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "inconsistent replay counts: %d lines, %d alerts, %d rejected, %d issues", lines, alerts, rejected,
          issues.size()));
    }
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(report, "report");
  }
}
