package io.sigmap.core.sigma;

/**
 * The kind of a {@link SigmaRule}, for code that switches on it (Java 17 has no pattern switch).
 *
 * @since 0.1.0
 */
public enum SigmaRuleKind {
  /** A {@link DetectionRule}: a document with {@code detection}. */
  DETECTION,
  /** A {@link CorrelationRule}: a document with {@code correlation}. */
  CORRELATION,
  /** A {@link FilterRule}: a document with {@code filter}. */
  FILTER
}
