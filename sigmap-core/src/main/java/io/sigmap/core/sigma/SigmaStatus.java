package io.sigmap.core.sigma;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The maturity of a rule, from its {@code status} attribute.
 *
 * @since 0.1.0
 */
public enum SigmaStatus {
  /** Considered stable; may be used in production systems or dashboards. */
  STABLE,
  /** Mostly stable; could require slight adjustments depending on the environment. */
  TEST,
  /** Experimental; could be noisy or lead to false positives. */
  EXPERIMENTAL,
  /** Replaced or covered by another rule (named in {@code related}). */
  DEPRECATED,
  /** Cannot be used in its current state (old correlation format, custom fields). */
  UNSUPPORTED;

  /**
   * Returns the value as written in a rule, e.g. {@code experimental}.
   *
   * @return the lower-case id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the status written as {@code id}, in any case and with surrounding white space ignored.
   *
   * @param id the attribute value
   * @return the status, or empty when the value is not a Sigma status
   * @throws NullPointerException if {@code id} is null
   */
  public static Optional<SigmaStatus> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.strip();
    for (SigmaStatus s : values()) {
      if (s.name().equalsIgnoreCase(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
