package io.sigmap.correlate;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An analyst's verdict on an alert or a chain.
 *
 * @since 0.1.0
 */
public enum VerdictKind {
  /** Malicious activity, correctly detected. */
  TRUE_POSITIVE("true_positive"),
  /** The rule fired on activity that does not match its intent. */
  FALSE_POSITIVE("false_positive"),
  /** The rule fired correctly on real but authorised activity (an administrator's work). */
  BENIGN_TRUE_POSITIVE("benign_true_positive");

  private final String id;

  VerdictKind(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in the ledger, for example {@code false_positive}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Finds a verdict kind by its identifier, in any case; {@code tp}, {@code fp} and {@code btp} are accepted.
   *
   * @param id the identifier
   * @return the kind, or empty if none has that identifier
   */
  public static Optional<VerdictKind> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (key) {
      case "tp":
        return Optional.of(TRUE_POSITIVE);
      case "fp":
        return Optional.of(FALSE_POSITIVE);
      case "btp":
        return Optional.of(BENIGN_TRUE_POSITIVE);
      default:
        for (VerdictKind k : values()) {
          if (k.id.equals(key)) {
            return Optional.of(k);
          }
        }
        return Optional.empty();
    }
  }
}
