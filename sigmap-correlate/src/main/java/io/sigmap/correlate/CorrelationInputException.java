package io.sigmap.correlate;

import java.util.Objects;

/**
 * Thrown when an input (a catalogue file or directory, an alert line, an asset file, a feedback ledger, a
 * snapshot) cannot be read at all, or, for inputs read strictly, has a bad item. The message starts with
 * {@code source:line:} when the line is known.
 *
 * @since 0.1.0
 */
public final class CorrelationInputException extends CorrelationException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String detail;

  /**
   * Creates an exception.
   *
   * @param source the file or stream name
   * @param line the 1-based line, or 0 when not known
   * @param message what is wrong
   * @param cause the underlying exception, or {@code null}
   */
  public CorrelationInputException(String source, int line, String message, Throwable cause) {
    super((line > 0 ? source + ':' + line + ": " : source + ": ") + message, cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = Math.max(0, line);
    this.detail = Objects.requireNonNull(message, "message");
  }

  /**
   * Returns what is wrong, without the source and line.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns the file or stream name.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line, or 0 when not known.
   *
   * @return the line
   */
  public int line() {
    return line;
  }
}
