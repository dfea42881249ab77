package io.sigmap.core.sigma;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of a rule's {@code related} list: another rule's id and how the two relate.
 *
 * @param id the related rule's id
 * @param type the relation as written, e.g. {@code derived}; see {@link #isKnownType()}
 * @param line the 1-based line of the entry, or 0 when not read from a file
 * @param column the 1-based column of the entry, or 0 when not read from a file
 * @since 0.1.0
 */
public record SigmaRelated(UUID id, String type, int line, int column) {

  /** The relation types the Sigma specification defines, in lower case. */
  private static final Set<String> KNOWN_TYPES =
      Set.of("correlation", "derived", "obsolete", "merged", "renamed", "similar");

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code id} or {@code type} is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SigmaRelated {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }

  /**
   * Returns whether the type is one the Sigma specification defines: {@code correlation}, {@code derived},
   * {@code obsolete}, {@code merged}, {@code renamed} or {@code similar} (in any case).
   *
   * @return true for a specified type
   */
  public boolean isKnownType() {
    return KNOWN_TYPES.contains(type.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaRelated r && r.id.equals(id) && r.type.equals(type);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + type.hashCode();
  }
}
