package io.sigmap.stix;

import java.util.Optional;

/**
 * The kinds of ATT&amp;CK objects, other than techniques and tactics, that Sigma rules tag.
 *
 * @since 0.1.0
 */
public enum AttackObjectKind {
  /** A group ({@code intrusion-set}), id {@code Gnnnn}. */
  GROUP("G", "intrusion-set"),
  /** Software ({@code malware} or {@code tool}), id {@code Snnnn}. */
  SOFTWARE("S", "malware"),
  /** A campaign, id {@code Cnnnn}. */
  CAMPAIGN("C", "campaign"),
  /** A mitigation ({@code course-of-action}), id {@code Mnnnn}. */
  MITIGATION("M", "course-of-action"),
  /** A data source, id {@code DSnnnn}. */
  DATA_SOURCE("DS", "x-mitre-data-source"),
  /** A data component, id {@code DCnnnn}. */
  DATA_COMPONENT("DC", "x-mitre-data-component"),
  /** A detection strategy, id {@code DETnnnn}. */
  DETECTION_STRATEGY("DET", "x-mitre-detection-strategy");

  private final String prefix;
  private final String stixType;

  AttackObjectKind(String prefix, String stixType) {
    this.prefix = prefix;
    this.stixType = stixType;
  }

  /**
   * Returns the letters that start this kind's ATT&amp;CK ids.
   *
   * @return for example {@code DS}
   */
  public String prefix() {
    return prefix;
  }

  /**
   * Returns the STIX type of this kind's objects ({@code malware} for software, which is also {@code tool}).
   *
   * @return the STIX type
   */
  public String stixType() {
    return stixType;
  }

  /**
   * Finds the kind of a STIX object type.
   *
   * @param stixType for example {@code intrusion-set} or {@code tool}
   * @return the kind, or empty for a type that is not one of these kinds
   */
  public static Optional<AttackObjectKind> fromStixType(String stixType) {
    if ("tool".equals(stixType)) {
      return Optional.of(SOFTWARE);
    }
    for (AttackObjectKind k : values()) {
      if (k.stixType.equals(stixType)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
