package io.sigmap.correlate;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One entity an alert is about: a host, a user, an IP address or a cloud account.
 *
 * <p>The value is trimmed and lower-cased ({@link Locale#ROOT}), so {@code WS01} and {@code ws01} are one
 * entity; values that are already normalised are kept as given, without copying.
 *
 * @param kind the kind of entity
 * @param value the normalised value, never blank, at most 512 characters
 * @since 0.1.0
 */
public record EntityKey(EntityKind kind, String value) implements Comparable<EntityKey> {

  /** The longest value accepted. */
  public static final int MAX_VALUE_LENGTH = 512;

  private static final Comparator<EntityKey> ORDER =
      Comparator.comparing(EntityKey::kind).thenComparing(EntityKey::value);

  /**
   * Normalises and validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the value is blank or longer than {@link #MAX_VALUE_LENGTH}
   */
  public EntityKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    value = value.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("entity value must not be blank (kind " + kind.id() + ")");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "entity value length (%d) exceeds the maximum allowed (%d, EntityKey.MAX_VALUE_LENGTH)",
          value.length(), MAX_VALUE_LENGTH));
    }
  }

  /**
   * Creates a key.
   *
   * @param kind the kind of entity
   * @param value the value, normalised by the constructor
   * @return the key
   */
  public static EntityKey of(EntityKind kind, String value) {
    return new EntityKey(kind, value);
  }

  /** Orders by kind (precedence order), then value. */
  @Override
  public int compareTo(EntityKey other) {
    return ORDER.compare(this, other);
  }

  /** Returns {@code kind:value}, for example {@code host:ws01}. */
  @Override
  public String toString() {
    return kind.id() + ':' + value;
  }
}
