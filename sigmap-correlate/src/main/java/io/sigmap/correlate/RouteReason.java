package io.sigmap.correlate;

/**
 * Why an alert was routed aside instead of scored.
 *
 * @since 0.1.0
 */
public enum RouteReason {
  /** The rule id is not in the catalogue. */
  UNKNOWN_RULE("unknown_rule"),
  /** The enricher quarantined the rule. */
  QUARANTINED_RULE("quarantined_rule"),
  /** The enricher could not read the rule. */
  UNREADABLE_RULE("unreadable_rule"),
  /** The enricher skipped the rule. */
  SKIPPED_RULE("skipped_rule"),
  /** The rule is validated but names no technique and no tactic. */
  UNMAPPED_RULE("unmapped_rule"),
  /** The alert arrived later than the allowed lateness and {@link CorrelatorOptions.LatePolicy#ROUTE_ASIDE}
   *  is in effect. */
  LATE("late");

  private final String id;

  RouteReason(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in JSON, for example {@code unknown_rule}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }
}
