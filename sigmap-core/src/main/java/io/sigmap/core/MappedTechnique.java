package io.sigmap.core;

import io.sigmap.stix.Technique;
import java.util.Objects;
import java.util.Optional;

/**
 * A technique a rule maps to, with how it got there and how much to trust it.
 *
 * @param technique the active technique
 * @param tag the tag that named it, as written ({@code attack.t1086} for a remapped revoked id)
 * @param replaced the revoked id the tag named, when the technique is its replacement
 * @param inheritedFrom for a correlation rule, the rule (id or name, as the correlation writes it) whose
 *     technique this is
 * @param confidence the technique confidence in [0, 1]; see {@link RuleEnricher} for the formula
 * @since 0.1.0
 */
public record MappedTechnique(
    Technique technique, String tag, Optional<String> replaced, Optional<String> inheritedFrom, double confidence) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code confidence} is outside [0, 1]
   */
  public MappedTechnique {
    Objects.requireNonNull(technique, "technique");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(replaced, "replaced");
    Objects.requireNonNull(inheritedFrom, "inheritedFrom");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
  }
}
