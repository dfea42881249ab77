package io.sigmap.core.sigma;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one YAML document: the rule ({@link Parsed}) or why it could not be read
 * ({@link Failed}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface SigmaReadResult permits SigmaReadResult.Parsed, SigmaReadResult.Failed {

  /**
   * Returns the path of the file (or the name given for a string or stream).
   *
   * @return the path, with {@code /} separators
   */
  String path();

  /**
   * Returns the 0-based index of the document in the file.
   *
   * @return the index
   */
  int documentIndex();

  /**
   * Returns the rule.
   *
   * @return the rule, or empty for a failure
   */
  Optional<SigmaRule> rule();

  /**
   * Returns the error.
   *
   * @return the error, or empty for a success
   */
  Optional<SigmaRuleException> error();

  /**
   * Returns the rule, or throws the error: the strict way to consume a result.
   *
   * @return the rule
   * @throws SigmaRuleException if the document could not be read
   */
  SigmaRule orThrow();

  /**
   * Returns whether the document was read.
   *
   * @return true for {@link Parsed}
   */
  default boolean isParsed() {
    return this instanceof Parsed;
  }

  /**
   * A document read into a rule (possibly with {@linkplain SigmaRule#warnings() warnings}).
   *
   * @param value the rule
   * @since 0.1.0
   */
  record Parsed(SigmaRule value) implements SigmaReadResult {

    /**
     * Validates the rule.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Parsed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String path() {
      return value.source().path();
    }

    @Override
    public int documentIndex() {
      return value.source().documentIndex();
    }

    @Override
    public Optional<SigmaRule> rule() {
      return Optional.of(value);
    }

    @Override
    public Optional<SigmaRuleException> error() {
      return Optional.empty();
    }

    @Override
    public SigmaRule orThrow() {
      return value;
    }
  }

  /**
   * A document (or a whole file) that could not be read.
   *
   * @param exception why, with path, line and column
   * @since 0.1.0
   */
  record Failed(SigmaRuleException exception) implements SigmaReadResult {

    /**
     * Validates the exception.
     *
     * @throws NullPointerException if {@code exception} is null
     */
    public Failed {
      Objects.requireNonNull(exception, "exception");
    }

    @Override
    public String path() {
      return exception.path();
    }

    @Override
    public int documentIndex() {
      return exception.documentIndex();
    }

    @Override
    public Optional<SigmaRule> rule() {
      return Optional.empty();
    }

    @Override
    public Optional<SigmaRuleException> error() {
      return Optional.of(exception);
    }

    @Override
    public SigmaRule orThrow() {
      throw exception;
    }
  }
}
