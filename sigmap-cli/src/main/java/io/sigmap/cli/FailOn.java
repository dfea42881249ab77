package io.sigmap.cli;

import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.Finding;
import io.sigmap.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --fail-on LEVEL}: what fails the gate of {@code validate} and {@code enrich}. The levels are ordered
 * from the least to the most demanding: {@code never} &lt; {@code quarantine} &lt; {@code error} &lt;
 * {@code warning}; everything that fails one level fails every more demanding level too, because a quarantined
 * or unreadable rule always carries an error finding.
 */
enum FailOn {
  /** Any rule quarantined (no technique maps, deprecated or unsupported status, feedback) or unreadable. */
  quarantine,
  /** Any finding of severity error: every quarantine reason and unreadable document, and also an unknown,
   *  deprecated or malformed tag in a rule that another tag validates. */
  error,
  /** Any finding of severity warning or error. */
  warning,
  /** Nothing: the command reports and exits 0. */
  never;

  /** The help text of the option, one sentence per level. */
  static final String HELP = "What fails the gate (exit 1): quarantine (default): a rule quarantined or "
      + "unreadable; error: also any error finding, such as an unknown tag next to a valid one; warning: also "
      + "any warning, such as a revoked technique or a platform mismatch; never: report only, exit 0.";

  /** Whether a result reaches this level. */
  boolean fails(EnrichmentResult r) {
    return switch (this) {
      case quarantine -> r.status() == EnrichmentResult.Status.QUARANTINED
          || r.status() == EnrichmentResult.Status.UNREADABLE;
      case error -> any(r, Severity.ERROR);
      case warning -> any(r, Severity.WARNING);
      case never -> false;
    };
  }

  /**
   * The findings of a result that the text report lists: those of a failing result for {@code quarantine}; the
   * errors for {@code error}; the errors and warnings for {@code warning} and {@code never} (a report without a
   * gate lists everything but advice). Info findings are never listed in text; JSON and SARIF carry them.
   */
  List<Finding> listed(EnrichmentResult r) {
    Severity floor = this == error ? Severity.ERROR : Severity.WARNING;
    if (this == quarantine && !fails(r)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      if (f.severity().atLeast(floor)) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean any(EnrichmentResult r, Severity floor) {
    for (Finding f : r.findings()) {
      if (f.severity().atLeast(floor)) {
        return true;
      }
    }
    return false;
  }
}
