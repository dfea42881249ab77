package io.sigmap.correlate;

/**
 * The condition an attack chain met when it escalated. A chain escalates again for a reason only on rules
 * that joined it after the reason last fired (see {@link EscalationOptions}).
 *
 * @since 0.1.0
 */
public enum EscalationReason {
  /** A scored alert of a high-fidelity rule (by default credential dumping T1003 and its sub-techniques,
   *  registry run keys T1547.001) joined the chain, the rule's first in the chain since this reason fired. */
  HIGH_FIDELITY("high_fidelity"),
  /** The chain's capped risk sum in the risk window (24 hours) exceeded the risk threshold (100) with at
   *  least the required number of source types (2). */
  RISK_THRESHOLD("risk_threshold"),
  /** The chain showed at least the required number of tactics (3) and distinct rules (4), from at least the
   *  required number of source types (2), in the breadth window (7 days). */
  TACTIC_BREADTH("tactic_breadth"),
  /** The chain's alerts advanced through at least the required number of tactics in ATT&amp;CK matrix order
   *  (RapSheet's ordering), from the required number of source types, in the breadth window; off by
   *  default. */
  KILL_CHAIN("kill_chain");

  private final String id;

  EscalationReason(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in JSON, for example {@code risk_threshold}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }
}
