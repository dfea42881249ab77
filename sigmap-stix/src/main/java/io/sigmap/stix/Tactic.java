package io.sigmap.stix;

import java.util.Objects;

/**
 * An ATT&amp;CK tactic: the adversary's goal, such as {@code privilege-escalation}.
 *
 * <p>Tactics belong to one domain; Enterprise and Mobile both have an {@code initial-access} tactic, with
 * different ids ({@code TA0001}, {@code TA0027}). {@link #order()} is the tactic's position in its domain's
 * matrix, read from the bundle's {@code x-mitre-matrix} object, never from a built-in list.
 *
 * @param id the ATT&amp;CK id, for example {@code TA0004}
 * @param shortname the {@code x_mitre_shortname}, for example {@code privilege-escalation}
 * @param name the display name, for example {@code Privilege Escalation}
 * @param domain the domain the tactic belongs to
 * @param order the 0-based position in the domain's matrix; tactics in no current matrix come last
 * @param stixId the STIX id
 * @param url the ATT&amp;CK web page, or an empty string when the bundle gives none
 * @param deprecated whether the tactic is deprecated (Mobile's {@code network-effects}, for example)
 * @since 0.1.0
 */
public record Tactic(
    String id,
    String shortname,
    String name,
    AttackDomain domain,
    int order,
    String stixId,
    String url,
    boolean deprecated) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code order} is negative or the id or shortname is blank
   */
  public Tactic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shortname, "shortname");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(stixId, "stixId");
    Objects.requireNonNull(url, "url");
    if (id.isBlank() || shortname.isBlank()) {
      throw new IllegalArgumentException("tactic id and shortname must not be blank");
    }
    if (order < 0) {
      throw new IllegalArgumentException("order must not be negative: " + order);
    }
  }
}
