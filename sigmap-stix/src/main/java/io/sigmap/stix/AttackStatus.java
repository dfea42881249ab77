package io.sigmap.stix;

/**
 * The lifecycle status of an ATT&amp;CK object.
 *
 * @since 0.1.0
 */
public enum AttackStatus {
  /** Current: neither revoked nor deprecated. */
  ACTIVE,
  /** Replaced by another object ({@code revoked: true}, with a {@code revoked-by} relationship). */
  REVOKED,
  /** Withdrawn without a replacement ({@code x_mitre_deprecated: true}). */
  DEPRECATED;

  /**
   * Returns the status given the two STIX flags; revocation wins over deprecation.
   *
   * @param revoked the object's {@code revoked} flag
   * @param deprecated the object's {@code x_mitre_deprecated} flag
   * @return the status
   */
  public static AttackStatus of(boolean revoked, boolean deprecated) {
    return revoked ? REVOKED : deprecated ? DEPRECATED : ACTIVE;
  }
}
