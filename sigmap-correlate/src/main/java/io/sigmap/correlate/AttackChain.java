package io.sigmap.correlate;

import java.util.List;
import java.util.Objects;

/**
 * A view of an attack chain (an incident candidate): the scored alerts on linked entities, as it stood when
 * an event was emitted.
 *
 * @param id the chain id: {@code chain:} followed by the id of the alert that founded it
 * @param created the event time of the founding alert
 * @param lastSeen the event time of the latest alert
 * @param entities the linked entities, sorted
 * @param tactics the tactics of the alerts in the breadth window, in ATT&amp;CK matrix order
 * @param sources the source types of the alerts in the breadth window, {@link SourceType#UNKNOWN} excluded
 * @param rules the ids of the rules of the alerts in the breadth window, sorted
 * @param alerts the scored alerts in the breadth window (at most {@link CorrelatorOptions#maxChainAlerts()})
 * @param riskSum the capped risk sum in the risk window, rounded to two decimals
 * @param progression the kill-chain progression: the length of the longest sequence of the chain's alerts
 *     whose tactics advance in matrix order as event time advances
 * @param escalations the conditions the chain has met, in declaration order
 * @since 0.1.0
 */
public record AttackChain(
    String id,
    long created,
    long lastSeen,
    List<EntityKey> entities,
    List<String> tactics,
    List<SourceType> sources,
    List<String> rules,
    int alerts,
    double riskSum,
    int progression,
    List<EscalationReason> escalations) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AttackChain {
    Objects.requireNonNull(id, "id");
    entities = List.copyOf(entities);
    tactics = List.copyOf(tactics);
    sources = List.copyOf(sources);
    rules = List.copyOf(rules);
    escalations = List.copyOf(escalations);
  }

  /**
   * Tells whether the chain has escalated.
   *
   * @return whether it met at least one escalation condition
   */
  public boolean escalated() {
    return !escalations.isEmpty();
  }
}
