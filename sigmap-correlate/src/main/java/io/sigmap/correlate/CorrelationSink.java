package io.sigmap.correlate;

/**
 * Receives a {@link Correlator}'s events, synchronously, on the thread that called the correlator. The
 * correlator allocates one event object per decision and per chain event and nothing else for delivery; a
 * sink that keeps events must copy nothing, since events are immutable.
 *
 * <p>A sink that throws stops the call in progress: the event's alert has been fully processed, later alerts
 * of the same call stay buffered, and the exception reaches the caller.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CorrelationSink {

  /**
   * Receives one event.
   *
   * @param event the event
   */
  void accept(CorrelationEvent event);

  /**
   * Returns a sink that ignores every event.
   *
   * @return the sink
   */
  static CorrelationSink discard() {
    return event -> { };
  }
}
