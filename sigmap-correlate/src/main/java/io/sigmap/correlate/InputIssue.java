package io.sigmap.correlate;

import java.util.Objects;

/**
 * A problem found while reading an input file leniently (a rule catalogue, an alert file, a feedback
 * ledger): the item was skipped or a value was corrected, and reading went on.
 *
 * @param source the file name or stream name
 * @param line the 1-based line, or 0 when the problem is not on one line
 * @param message what is wrong and what was done about it
 * @since 0.1.0
 */
public record InputIssue(String source, int line, String message) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the line is negative
   */
  public InputIssue {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  /** Returns {@code source:line: message}, or {@code source: message} when the line is 0. */
  @Override
  public String toString() {
    return line > 0 ? source + ':' + line + ": " + message : source + ": " + message;
  }
}
