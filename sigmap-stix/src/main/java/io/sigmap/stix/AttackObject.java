package io.sigmap.stix;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ATT&amp;CK group, software, campaign, mitigation, data source, data component or detection strategy.
 *
 * @param kind the kind of object
 * @param id the ATT&amp;CK id, for example {@code G0016}
 * @param stixId the STIX id
 * @param name the display name
 * @param status active, revoked or deprecated
 * @param domains the domains the object belongs to, in enum order
 * @param modified the object's {@code modified} time, or {@link Instant#EPOCH} when missing
 * @param revokedBy for a revoked object, the ATT&amp;CK id of its direct replacement, when the bundle names it
 * @since 0.1.0
 */
public record AttackObject(
    AttackObjectKind kind,
    String id,
    String stixId,
    String name,
    AttackStatus status,
    Set<AttackDomain> domains,
    Instant modified,
    Optional<String> revokedBy) {

  /**
   * Validates the components and copies the domain set.
   *
   * @throws NullPointerException if a component is null
   */
  public AttackObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stixId, "stixId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    domains = domains.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(domains));
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(revokedBy, "revokedBy");
  }
}
