package io.sigmap.correlate;

import java.util.List;
import java.util.Objects;

/**
 * An attack chain changed: a new rule, tactic, source type or entity, or a merge with another chain. Which
 * changes are emitted is set by {@link CorrelatorOptions#chainUpdates()}.
 *
 * @param time the processing time of the alert that changed the chain
 * @param chain the chain after the change
 * @param alertId the id of that alert
 * @param merged the ids of the chains merged into this one by the alert, sorted; usually empty
 * @since 0.1.0
 */
public record ChainUpdated(long time, AttackChain chain, String alertId, List<String> merged)
    implements CorrelationEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ChainUpdated {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(alertId, "alertId");
    merged = List.copyOf(merged);
  }
}
