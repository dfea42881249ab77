package io.sigmap.core.sigma;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The criticality of a rule's match, from its {@code level} attribute; declared from least to most critical, so
 * {@link #compareTo} orders by criticality.
 *
 * @since 0.1.0
 */
public enum SigmaLevel {
  /** For enrichment of events; no alert expected. */
  INFORMATIONAL,
  /** Notable but rarely an incident. */
  LOW,
  /** Relevant; to be reviewed manually on a regular basis. */
  MEDIUM,
  /** Relevant; should raise an internal alert and a prompt review. */
  HIGH,
  /** Highly relevant; indicates an incident and must be reviewed immediately. */
  CRITICAL;

  /**
   * Returns the value as written in a rule, e.g. {@code high}.
   *
   * @return the lower-case id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the level written as {@code id}, in any case and with surrounding white space ignored.
   *
   * @param id the attribute value
   * @return the level, or empty when the value is not a Sigma level
   * @throws NullPointerException if {@code id} is null
   */
  public static Optional<SigmaLevel> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.strip();
    for (SigmaLevel l : values()) {
      if (l.name().equalsIgnoreCase(key)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
