package io.sigmap.weights;

import java.util.Objects;

/**
 * Something in a table policy that cannot take effect but did not stop the load: a tactic name that no loaded
 * ATT&amp;CK domain has (a table written for a newer release), a technique the index does not know or no
 * longer uses, a key the format does not define. With {@link TablePolicyLoader.Builder#strict(boolean)} each
 * is thrown as a {@link TacticWeightTableException} instead.
 *
 * @param kind what kind of finding
 * @param source the file name, or the name given for a stream or map
 * @param line the 1-based line of the key, or 0 when not known
 * @param column the 1-based column of the key, or 0 when not known
 * @param key the key as the table writes it, for example {@code defense_evasion}
 * @param message what is wrong and what the policy does about it
 * @since 0.1.0
 */
public record TablePolicyFinding(Kind kind, String source, int line, int column, String key, String message) {

  /**
   * The kinds of findings.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /**
     * A {@code tactics} key names no tactic: of the index given, or, without an index, it is not even shaped
     * like a shortname or TA id. The row is kept but can only match a tactic of that name.
     */
    UNKNOWN_TACTIC,
    /** A {@code techniques} key is a well-formed id that the index given does not have. */
    UNKNOWN_TECHNIQUE,
    /**
     * A {@code techniques} key is revoked or deprecated in the index given: rules mapped to its replacement do
     * not get its weight.
     */
    INACTIVE_TECHNIQUE,
    /** A top-level key the format does not define; it was ignored. */
    UNKNOWN_KEY
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TablePolicyFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    line = Math.max(0, line);
    column = Math.max(0, column);
  }

  /**
   * Formats the finding as {@code source:line:column: KIND: message}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return TacticWeightTableException.format(source, line, column, kind + ": " + message);
  }
}
