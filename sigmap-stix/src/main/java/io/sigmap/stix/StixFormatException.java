package io.sigmap.stix;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a STIX bundle cannot be read: not JSON, truncated, not a bundle, over a configured limit, or (in
 * strict mode) an object with missing or mistyped fields.
 *
 * <p>The message starts with {@code source:line:column}; the parts are also available separately.
 *
 * @since 0.1.0
 */
public final class StixFormatException extends SigmapException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String stixId;

  /**
   * Creates an exception.
   *
   * @param source the bundle's file name or the name given for a stream
   * @param line the 1-based JSON line, or 0 when not known
   * @param column the 1-based JSON column, or 0 when not known
   * @param stixId the STIX id of the object at fault, or {@code null} when the fault is not in one object
   * @param message what is wrong
   * @param cause the underlying parser exception, or {@code null}
   */
  public StixFormatException(
      String source, int line, int column, String stixId, String message, Throwable cause) {
    super(format(Objects.requireNonNull(source, "source"), line, column, stixId,
        Objects.requireNonNull(message, "message")), cause);
    this.source = source;
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.stixId = stixId;
  }

  private static String format(String source, int line, int column, String stixId, String message) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ").append(message);
    if (stixId != null) {
      sb.append(String.format(Locale.ROOT, " (object %s)", stixId));
    }
    return sb.toString();
  }

  /**
   * Returns the bundle's file name, or the name given for a stream.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line in the JSON text where the problem is.
   *
   * @return the line, or 0 when not known
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column in the JSON text where the problem is.
   *
   * @return the column, or 0 when not known
   */
  public int column() {
    return column;
  }

  /**
   * Returns the STIX id of the object at fault.
   *
   * @return the id, or empty when the problem is not in one object
   */
  public Optional<String> stixId() {
    return Optional.ofNullable(stixId);
  }
}
