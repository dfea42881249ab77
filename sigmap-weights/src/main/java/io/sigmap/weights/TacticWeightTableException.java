package io.sigmap.weights;

import java.util.Objects;

/**
 * Thrown when a table policy cannot be loaded: the file cannot be read, is not YAML or JSON, exceeds a limit
 * of {@link TablePolicyLoader}, or holds an invalid value (a weight of 12, {@code high}, -1, a list). In strict
 * mode, a name that matches no tactic or technique is thrown as well.
 *
 * <p>The message starts with {@code source:line:column}; the parts are also available separately.
 *
 * @since 0.1.0
 */
public final class TacticWeightTableException extends TacticWeightPolicyException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  /**
   * Creates an exception.
   *
   * @param source the file name, or the name given for a stream or map
   * @param line the 1-based line, or 0 when not known (a map has none)
   * @param column the 1-based column, or 0 when not known
   * @param policyId the table's id when read before the fault, or {@code null}
   * @param message what is wrong, with the value and the allowed range
   * @param cause the parser's exception, or {@code null}
   */
  public TacticWeightTableException(
      String source, int line, int column, String policyId, String message, Throwable cause) {
    super(format(source, line, column, message), policyId, null, cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
  }

  static String format(String source, int line, int column, String message) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(message).toString();
  }

  /**
   * Returns the table's file name, or the name given for a stream or map.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line of the fault.
   *
   * @return the line, or 0 when not known
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the fault.
   *
   * @return the column, or 0 when not known
   */
  public int column() {
    return column;
  }
}
