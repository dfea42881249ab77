package io.sigmap.correlate;

/**
 * Why an alert was suppressed.
 *
 * @since 0.1.0
 */
public enum SuppressionReason {
  /** The rule's alert on the same primary entity was scored within the rule's tactic-aware window. */
  DUPLICATE("duplicate"),
  /** A threshold rule's rolling 24-hour count on the entity is below its baseline-normalised threshold and
   *  no secondary signal arrived in the window. */
  BELOW_THRESHOLD("below_threshold");

  private final String id;

  SuppressionReason(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in JSON, for example {@code duplicate}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }
}
