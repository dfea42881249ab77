package io.sigmap.correlate;

import java.util.Objects;

/**
 * An attack chain met an escalation condition: the incident to hand to an analyst.
 *
 * @param time the processing time of the alert that made the chain meet the condition
 * @param chain the chain
 * @param reason the condition met
 * @param detail the figures that met it, in one sentence
 * @param alertId the id of that alert
 * @since 0.1.0
 */
public record ChainEscalated(long time, AttackChain chain, EscalationReason reason, String detail, String alertId)
    implements CorrelationEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ChainEscalated {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(alertId, "alertId");
  }
}
