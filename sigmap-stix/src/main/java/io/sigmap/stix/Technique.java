package io.sigmap.stix;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * An ATT&amp;CK technique or sub-technique, as the index read it from a STIX {@code attack-pattern}.
 *
 * <p>{@link #tactics()} holds every tactic of the technique, in matrix order: a technique such as
 * {@code T1055.011} serves both defense evasion and privilege escalation.
 *
 * @param id the ATT&amp;CK id, for example {@code T1059.001}
 * @param stixId the STIX id
 * @param name the display name, for example {@code PowerShell}
 * @param url the ATT&amp;CK web page, or an empty string when the bundle gives none
 * @param tactics every tactic of the technique, in matrix order, without repeats
 * @param platforms the {@code x_mitre_platforms}, as the bundle writes them
 * @param domains the domains the technique belongs to, in enum order
 * @param parentId for a sub-technique, the id of its parent technique
 * @param subtechniqueIds for a technique, the ids of its sub-techniques (any status), sorted
 * @param version the object's {@code x_mitre_version}, or an empty string
 * @param modified the object's {@code modified} time, or {@link Instant#EPOCH} when missing
 * @param deprecated the {@code x_mitre_deprecated} flag
 * @param revoked the {@code revoked} flag
 * @param revokedBy the id of the technique that directly replaces this one, from its {@code revoked-by}
 *     relationship; follow the whole chain with {@link TechniqueIndex#resolve(CharSequence)}
 * @since 0.1.0
 */
public record Technique(
    String id,
    String stixId,
    String name,
    String url,
    List<Tactic> tactics,
    List<String> platforms,
    Set<AttackDomain> domains,
    Optional<String> parentId,
    List<String> subtechniqueIds,
    String version,
    Instant modified,
    boolean deprecated,
    boolean revoked,
    Optional<String> revokedBy) {

  /**
   * Validates the components and makes defensive, immutable copies of the collections.
   *
   * @throws NullPointerException if a component or a collection element is null
   */
  public Technique {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stixId, "stixId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    tactics = List.copyOf(tactics);
    platforms = List.copyOf(platforms);
    domains = domains.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(domains));
    Objects.requireNonNull(parentId, "parentId");
    subtechniqueIds = List.copyOf(subtechniqueIds);
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(revokedBy, "revokedBy");
  }

  /**
   * Returns the lifecycle status; revocation wins over deprecation.
   *
   * @return the status
   */
  public AttackStatus status() {
    return AttackStatus.of(revoked, deprecated);
  }

  /**
   * Returns whether this is a sub-technique (its id has a {@code .nnn} part).
   *
   * @return true for a sub-technique
   */
  public boolean isSubtechnique() {
    return parentId.isPresent();
  }
}
