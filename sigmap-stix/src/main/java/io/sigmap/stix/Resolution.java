package io.sigmap.stix;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a technique id means in a {@link TechniqueIndex}: the answer of
 * {@link TechniqueIndex#resolve(CharSequence)}.
 *
 * <p>There are five outcomes, each its own record; {@link #status()} names it for a {@code switch}:
 * <ul>
 *   <li>{@link Active}: the id names a current technique;
 *   <li>{@link Revoked}: the id names a revoked technique; its {@code revoked-by} chain is followed to the end,
 *       which is an active technique or a reported problem (a cycle, a dangling reference, a deprecated end);
 *   <li>{@link Deprecated}: the id names a technique withdrawn without replacement;
 *   <li>{@link Unknown}: the id is well formed but not in the data, possibly because it comes from a newer
 *       ATT&amp;CK release ({@link Unknown#probablyNewer()});
 *   <li>{@link Malformed}: the text is not a technique id.
 * </ul>
 *
 * @since 0.1.0
 */
public sealed interface Resolution
    permits Resolution.Active, Resolution.Revoked, Resolution.Deprecated, Resolution.Unknown,
        Resolution.Malformed {

  /**
   * The outcome of a resolution.
   *
   * @since 0.1.0
   */
  enum Status {
    /** See {@link Active}. */
    ACTIVE,
    /** See {@link Revoked}. */
    REVOKED,
    /** See {@link Deprecated}. */
    DEPRECATED,
    /** See {@link Unknown}. */
    UNKNOWN,
    /** See {@link Malformed}. */
    MALFORMED
  }

  /**
   * Returns which of the five outcomes this is.
   *
   * @return the status
   */
  Status status();

  /**
   * Returns the canonical id ({@code T1059.001}) or, for a malformed input, the input text.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the technique the id names, whatever its status.
   *
   * @return the technique, empty for unknown and malformed ids
   */
  default Optional<Technique> technique() {
    return Optional.empty();
  }

  /**
   * Returns the active technique a rule tagged with this id should map to: the technique itself when active,
   * the end of the replacement chain when revoked and resolvable.
   *
   * @return the technique to map to, or empty when there is none
   */
  default Optional<Technique> mapsTo() {
    return Optional.empty();
  }

  /**
   * The id names an active technique.
   *
   * @param activeTechnique the technique
   * @since 0.1.0
   */
  record Active(Technique activeTechnique) implements Resolution {
    /**
     * Validates the component.
     *
     * @throws NullPointerException if the technique is null
     */
    public Active {
      Objects.requireNonNull(activeTechnique, "activeTechnique");
    }

    @Override
    public Status status() {
      return Status.ACTIVE;
    }

    @Override
    public String id() {
      return activeTechnique.id();
    }

    @Override
    public Optional<Technique> technique() {
      return Optional.of(activeTechnique);
    }

    @Override
    public Optional<Technique> mapsTo() {
      return Optional.of(activeTechnique);
    }
  }

  /**
   * The id names a revoked technique.
   *
   * @param revokedTechnique the revoked technique
   * @param chain the replacements in order, starting with the direct replacement; the last one is the
   *     replacement when there is one; empty when the bundle names no replacement
   * @param replacement the active technique at the end of the chain, when the chain ends in one
   * @param problem why the chain has no active end (a cycle, a dangling reference, a deprecated or revoked
   *     technique with no replacement); present exactly when {@code replacement} is empty
   * @since 0.1.0
   */
  record Revoked(
      Technique revokedTechnique,
      List<Technique> chain,
      Optional<Technique> replacement,
      Optional<String> problem)
      implements Resolution {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException unless exactly one of {@code replacement} and {@code problem} is present
     */
    public Revoked {
      Objects.requireNonNull(revokedTechnique, "revokedTechnique");
      chain = List.copyOf(chain);
      Objects.requireNonNull(replacement, "replacement");
      Objects.requireNonNull(problem, "problem");
      if (replacement.isPresent() == problem.isPresent()) {
        throw new IllegalArgumentException("exactly one of replacement and problem must be present");
      }
    }

    @Override
    public Status status() {
      return Status.REVOKED;
    }

    @Override
    public String id() {
      return revokedTechnique.id();
    }

    @Override
    public Optional<Technique> technique() {
      return Optional.of(revokedTechnique);
    }

    @Override
    public Optional<Technique> mapsTo() {
      return replacement;
    }
  }

  /**
   * The id names a deprecated technique, withdrawn without a replacement.
   *
   * @param deprecatedTechnique the technique
   * @since 0.1.0
   */
  record Deprecated(Technique deprecatedTechnique) implements Resolution {
    /**
     * Validates the component.
     *
     * @throws NullPointerException if the technique is null
     */
    public Deprecated {
      Objects.requireNonNull(deprecatedTechnique, "deprecatedTechnique");
    }

    @Override
    public Status status() {
      return Status.DEPRECATED;
    }

    @Override
    public String id() {
      return deprecatedTechnique.id();
    }

    @Override
    public Optional<Technique> technique() {
      return Optional.of(deprecatedTechnique);
    }
  }

  /**
   * The id is a well-formed technique id that the index does not hold.
   *
   * @param id the canonical id, for example {@code T1685}
   * @param highestKnownNumber the highest technique number in the index, for example {@code 1681}
   * @param probablyNewer true when the number is above {@code highestKnownNumber}, or the sub-technique number
   *     is above the highest one its parent has: the id probably comes from a newer ATT&amp;CK release
   * @since 0.1.0
   */
  record Unknown(String id, int highestKnownNumber, boolean probablyNewer) implements Resolution {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if the id is null
     */
    public Unknown {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Status status() {
      return Status.UNKNOWN;
    }
  }

  /**
   * The text is not a technique id ({@code T} and four digits, optionally a dot and three digits, optionally
   * after an {@code attack.} prefix, any case).
   *
   * @param id the text as given
   * @param reason why it is not a technique id
   * @since 0.1.0
   */
  record Malformed(String id, String reason) implements Resolution {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Malformed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Status status() {
      return Status.MALFORMED;
    }
  }
}
