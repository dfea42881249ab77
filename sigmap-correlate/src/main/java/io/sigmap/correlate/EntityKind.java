package io.sigmap.correlate;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The kind of an entity an alert is about. The declaration order is the precedence order: an alert's
 * <em>primary</em> entity, which keys suppression and prevalence, is its entity of the first kind here.
 *
 * @since 0.1.0
 */
public enum EntityKind {
  /** A host name (normalised to lower case). */
  HOST("host"),
  /** A user or account name (normalised to lower case). */
  USER("user"),
  /** An IP address of the system the alert is about (not a remote peer such as a C2 server). */
  IP("ip"),
  /** A cloud account, subscription or tenant id. */
  CLOUD_ACCOUNT("cloud_account");

  private final String id;

  EntityKind(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in JSON: {@code host}, {@code user}, {@code ip}, {@code cloud_account}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Finds a kind by its identifier, in any case.
   *
   * @param id the identifier, for example {@code host}
   * @return the kind, or empty if none has that identifier
   */
  public static Optional<EntityKind> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (EntityKind k : values()) {
      if (k.id.equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
