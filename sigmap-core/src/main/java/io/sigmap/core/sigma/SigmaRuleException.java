package io.sigmap.core.sigma;

import io.sigmap.stix.SigmapException;
import java.util.Objects;

/**
 * A Sigma rule file or document that cannot be read, with where and why.
 *
 * <p>The reader does not throw it for bad content: it returns it inside a {@link SigmaReadResult.Failed} and goes
 * on with the next document or file; {@link SigmaReadResult#orThrow()} throws it. The message starts with
 * {@code path:line:column:} (line and column left out when not known) and says what is wrong, the value, and for
 * a limit the limit and the {@link SigmaReadOptions} setting that changes it.
 *
 * @since 0.1.0
 */
public final class SigmaRuleException extends SigmapException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final int documentIndex;
  private final int line;
  private final int column;
  private final SigmaErrorKind kind;
  private final String detail;

  /**
   * Creates an exception.
   *
   * @param path the file's path (as in {@link SigmaSource#path()}) or the name given for a string or stream
   * @param documentIndex the 0-based index of the YAML document at fault; 0 for a problem of the whole file
   * @param line the 1-based line, or 0 when not known
   * @param column the 1-based column (in code points), or 0 when not known
   * @param kind what kind of problem
   * @param detail what is wrong, without the location
   * @param cause the underlying exception, or {@code null}
   * @throws NullPointerException if {@code path}, {@code kind} or {@code detail} is null
   */
  public SigmaRuleException(String path, int documentIndex, int line, int column, SigmaErrorKind kind,
      String detail, Throwable cause) {
    super(format(path, line, column, detail), cause);
    this.path = Objects.requireNonNull(path, "path");
    this.documentIndex = Math.max(0, documentIndex);
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  private static String format(String path, int line, int column, String detail) {
    StringBuilder sb = new StringBuilder(String.valueOf(path));
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(detail).toString();
  }

  /**
   * Returns the file's path, or the name given for a string or stream.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the 0-based index of the YAML document at fault.
   *
   * @return the index; 0 for a problem of the whole file
   */
  public int documentIndex() {
    return documentIndex;
  }

  /**
   * Returns the 1-based line of the problem in the file.
   *
   * @return the line, or 0 when not known
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem, counted in Unicode code points.
   *
   * @return the column, or 0 when not known
   */
  public int column() {
    return column;
  }

  /**
   * Returns the kind of problem.
   *
   * @return the kind
   */
  public SigmaErrorKind kind() {
    return kind;
  }

  /**
   * Returns what is wrong, without the {@code path:line:column:} prefix of {@link #getMessage()}.
   *
   * @return the detail message
   */
  public String detail() {
    return detail;
  }
}
