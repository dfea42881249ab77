package io.sigmap.stix;

import java.util.Objects;
import java.util.Optional;

/**
 * An ATT&amp;CK domain: one matrix family with its own tactics and techniques.
 *
 * @since 0.1.0
 */
public enum AttackDomain {
  /** Enterprise ATT&amp;CK ({@code enterprise-attack}, kill chain {@code mitre-attack}). */
  ENTERPRISE("enterprise-attack", "mitre-attack"),
  /** Mobile ATT&amp;CK ({@code mobile-attack}, kill chain {@code mitre-mobile-attack}). */
  MOBILE("mobile-attack", "mitre-mobile-attack"),
  /** ATT&amp;CK for ICS ({@code ics-attack}, kill chain {@code mitre-ics-attack}). */
  ICS("ics-attack", "mitre-ics-attack");

  private final String id;
  private final String killChainName;

  AttackDomain(String id, String killChainName) {
    this.id = id;
    this.killChainName = killChainName;
  }

  /**
   * Returns the domain's identifier as STIX writes it in {@code x_mitre_domains}.
   *
   * @return for example {@code enterprise-attack}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the {@code kill_chain_name} that this domain's techniques use in their kill chain phases.
   *
   * @return for example {@code mitre-attack}
   */
  public String killChainName() {
    return killChainName;
  }

  /**
   * Returns the identifier without its {@code -attack} suffix.
   *
   * @return for example {@code enterprise}
   */
  public String shortId() {
    return id.substring(0, id.length() - "-attack".length());
  }

  /**
   * Finds a domain by its identifier ({@code enterprise-attack}) or its short form ({@code enterprise}).
   *
   * @param id the identifier, case-insensitive
   * @return the domain, or empty when none has that identifier
   */
  public static Optional<AttackDomain> fromId(String id) {
    Objects.requireNonNull(id, "id");
    for (AttackDomain d : values()) {
      if (d.id.equalsIgnoreCase(id) || d.shortId().equalsIgnoreCase(id)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * Finds the domain whose techniques use a kill chain name.
   *
   * @param killChainName for example {@code mitre-attack}
   * @return the domain, or empty when the name is not one of ATT&amp;CK's
   */
  public static Optional<AttackDomain> fromKillChainName(String killChainName) {
    Objects.requireNonNull(killChainName, "killChainName");
    for (AttackDomain d : values()) {
      if (d.killChainName.equals(killChainName)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
