package io.sigmap.stix;

/**
 * The root of every exception sigmap throws for bad input or a failed operation.
 *
 * <p>It is unchecked. Each kind has a subtype that carries where the problem is: {@link StixFormatException}
 * (source, line, column and STIX id), {@code SigmaRuleException} in {@code io.sigmap.core.sigma} (path, line, column)
 * and {@code TacticWeightPolicyException} in {@code io.sigmap.weights} (policy id). Misuse of the API (a null
 * argument, a builder used twice) stays {@link IllegalArgumentException}, {@link NullPointerException} or
 * {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public class SigmapException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what happened, the value and the limit or setting involved
   */
  public SigmapException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what happened, the value and the limit or setting involved
   * @param cause the underlying exception
   */
  public SigmapException(String message, Throwable cause) {
    super(message, cause);
  }
}
