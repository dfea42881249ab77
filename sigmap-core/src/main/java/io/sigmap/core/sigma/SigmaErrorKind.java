package io.sigmap.core.sigma;

/**
 * What kind of problem made a document or file unreadable; see {@link SigmaRuleException#kind()}.
 *
 * @since 0.1.0
 */
public enum SigmaErrorKind {
  /** The file could not be read (missing, unreadable, a directory walk failure). */
  IO,
  /** The bytes are not valid UTF-8 (or are UTF-16/UTF-32, which Sigma does not allow). */
  ENCODING,
  /** The file is empty or holds only comments and white space. */
  EMPTY,
  /** The text is not valid YAML, including tabs used for indentation. */
  SYNTAX,
  /** A mapping holds the same key twice. */
  DUPLICATE_KEY,
  /** A configured limit of {@link SigmaReadOptions} was exceeded (size, depth, aliases, nodes, tags...). */
  LIMIT_EXCEEDED,
  /** A document is not a YAML mapping. */
  NOT_A_MAPPING,
  /** A mandatory attribute is missing ({@code title}, {@code detection}, {@code logsource}...). */
  MISSING_ATTRIBUTE,
  /** An attribute has the wrong YAML type ({@code tags} as a string, {@code title} as a list...). */
  WRONG_TYPE,
  /** An attribute has the right type but a value that is not allowed ({@code id} not a UUID...). */
  INVALID_VALUE,
  /** The document uses a YAML or Sigma feature the reader does not support (custom YAML tags, unknown actions). */
  UNSUPPORTED,
  /** A {@link SigmaWarning} promoted to an error by {@link SigmaReadOptions#strict()}. */
  STRICT_WARNING,
  /** A bug in the reader; the message asks for a report. */
  INTERNAL
}
