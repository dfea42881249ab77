package io.sigmap.correlate;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the enricher decided about a rule: the {@code status} field of the enrichment JSON contract. Only
 * {@link #VALIDATED} rules are scored; alerts of the others are routed aside.
 *
 * @since 0.1.0
 */
public enum RuleStatus {
  /** Every ATT&amp;CK tag was validated; the rule is mapped and weighted. */
  VALIDATED("validated"),
  /** The rule has a problem that makes its mapping untrustworthy (for example an unknown technique). */
  QUARANTINED("quarantined"),
  /** The rule file could not be read. */
  UNREADABLE("unreadable"),
  /** The enricher skipped the rule (for example a deprecated or filtered rule). */
  SKIPPED("skipped");

  private final String id;

  RuleStatus(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in JSON, for example {@code quarantined}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Finds a status by its identifier, in any case.
   *
   * @param id the identifier
   * @return the status, or empty if none has that identifier
   */
  public static Optional<RuleStatus> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (RuleStatus s : values()) {
      if (s.id.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
