package io.sigmap.correlate;

/**
 * An output of a {@link Correlator}, delivered to its {@link CorrelationSink} in a deterministic order.
 *
 * <p>Every alert accepted yields exactly one {@link AlertDecision}; chain and feedback events come in
 * addition. After the decision for an alert come the chain events it caused ({@link ChainUpdated}, then one
 * {@link ChainEscalated} per newly met condition).
 *
 * @since 0.1.0
 */
public sealed interface CorrelationEvent
    permits AlertDecision, ChainUpdated, ChainEscalated, FeedbackRecommendation {

  /**
   * Returns the event time at which the event happened: the processing time of the alert that caused it, or
   * the time of the verdict.
   *
   * @return epoch milliseconds
   */
  long time();
}
