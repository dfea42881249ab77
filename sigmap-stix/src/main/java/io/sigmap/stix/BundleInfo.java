package io.sigmap.stix;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the index knows of one bundle it loaded.
 *
 * @param source the file name, or the name given for a stream
 * @param domains the domains of the bundle's matrices (or, without a matrix, of its techniques)
 * @param specVersion the STIX version: {@code 2.0}, {@code 2.1}, or {@code unknown}
 * @param attackVersion the ATT&amp;CK version, from the {@code x-mitre-collection} when the bundle has one, else
 *     the caller's label, else the file name ({@code enterprise-attack-18.1.json}), else {@code unknown}
 * @param objectCount how many STIX objects the bundle holds
 * @since 0.1.0
 */
public record BundleInfo(
    String source, Set<AttackDomain> domains, String specVersion, String attackVersion, int objectCount) {

  /**
   * Validates the components and copies the domain set.
   *
   * @throws NullPointerException if a component is null
   */
  public BundleInfo {
    Objects.requireNonNull(source, "source");
    domains = domains.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(domains));
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(attackVersion, "attackVersion");
  }
}
