package io.sigmap.correlate;

import io.sigmap.stix.SigmapException;

/**
 * Thrown when the correlation runtime cannot do what it was asked: an output that cannot be written, a
 * snapshot that cannot be restored, a host {@link io.sigmap.correlate.spi.AssetContext} that failed in strict
 * mode. Input files that cannot be read throw the subtype {@link CorrelationInputException}.
 *
 * @since 0.1.0
 */
public class CorrelationException extends SigmapException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what happened, the value and the limit or setting involved
   */
  public CorrelationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what happened, the value and the limit or setting involved
   * @param cause the underlying exception
   */
  public CorrelationException(String message, Throwable cause) {
    super(message, cause);
  }
}
