package io.sigmap.correlate.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How much an asset matters, as an odds multiplier on an alert's score (after Elastic's entity risk score:
 * 0.5, 1, 1.5, 2). An alert's criticality is the highest of its entities'.
 *
 * @since 0.1.0
 */
public enum AssetCriticality {
  /** A lab or kiosk machine, a test account: multiplier 0.5. */
  LOW("low", 0.5),
  /** An ordinary asset, and the value for assets the context does not know: multiplier 1. */
  MEDIUM("medium", 1.0),
  /** A server, an administrator: multiplier 1.5. */
  HIGH("high", 1.5),
  /** A domain controller, a break-glass account: multiplier 2. */
  EXTREME("extreme", 2.0);

  private final String id;
  private final double multiplier;

  AssetCriticality(String id, double multiplier) {
    this.id = id;
    this.multiplier = multiplier;
  }

  /**
   * Returns the identifier used in files, for example {@code extreme}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Returns the odds multiplier applied to scores.
   *
   * @return the multiplier
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Finds a criticality by its identifier, in any case.
   *
   * @param id the identifier
   * @return the criticality, or empty if none has that identifier
   */
  public static Optional<AssetCriticality> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (AssetCriticality c : values()) {
      if (c.id.equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
