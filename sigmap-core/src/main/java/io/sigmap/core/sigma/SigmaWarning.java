package io.sigmap.core.sigma;

import java.util.Objects;

/**
 * A problem in a rule that does not stop it from being read: the rule is returned, with its warnings.
 *
 * <p>With {@link SigmaReadOptions#strict()} every warning becomes an error instead.
 *
 * @param kind what kind of problem
 * @param message what is wrong and how to fix it
 * @param line the 1-based line in the file, or 0 when not known
 * @param column the 1-based column (in code points), or 0 when not known
 * @since 0.1.0
 */
public record SigmaWarning(Kind kind, String message, int line, int column) {

  /**
   * The kinds of warnings.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** {@code status} is not one of the Sigma statuses; {@link SigmaRule#status()} is then empty. */
    UNKNOWN_STATUS,
    /** {@code level} is not one of the Sigma levels; {@link SigmaRule#level()} is then empty. */
    UNKNOWN_LEVEL,
    /** {@code date} or {@code modified} is not a date; the attribute is then empty. */
    INVALID_DATE,
    /** {@code date} or {@code modified} uses the old {@code YYYY/MM/DD} form instead of {@code YYYY-MM-DD}. */
    NON_ISO_DATE,
    /** A {@code related} entry has a type the Sigma specification does not define. */
    UNKNOWN_RELATION_TYPE,
    /**
     * A detection condition could not be parsed into an expression; it is kept as text
     * ({@link SigmaCondition#expression()} is empty).
     */
    CONDITION_NOT_PARSED,
    /** A condition names a search identifier, or a pattern that matches none, that the detection lacks. */
    UNDEFINED_SEARCH_IDENTIFIER,
    /** A condition uses the obsolete aggregation syntax ({@code | count() by x > 5}, {@code | near}). */
    LEGACY_AGGREGATION,
    /** A detection holds the obsolete {@code timeframe} key (correlation rules replace it). */
    LEGACY_TIMEFRAME,
    /** A scalar attribute that should be text is a number or boolean ({@code title: 123}); its text is used. */
    NON_STRING_VALUE,
    /** A YAML document of the file is empty (only comments or white space) and was skipped. */
    EMPTY_DOCUMENT
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code kind} or {@code message} is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SigmaWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }
}
