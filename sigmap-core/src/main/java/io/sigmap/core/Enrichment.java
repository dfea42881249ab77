package io.sigmap.core;

import io.sigmap.stix.Tactic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ATT&amp;CK attributes enrichment adds to a rule: what output writes as {@code mitre_technique},
 * {@code mitre_tactics}, {@code mitre_tactic}, {@code technique_confidence}, {@code correlation_weight} and
 * {@code attack_version}.
 *
 * @param techniques the mapped techniques, in tag order, without repeats
 * @param tactics the rule's tactics in matrix order: those of its techniques, narrowed to the tagged ones when
 *     the rule tags some of them
 * @param primaryTactic the tactic with the highest weight, ties broken by matrix order; empty without techniques
 * @param techniqueConfidence the rule's confidence in [0, 1]: the mean of its techniques' confidences
 * @param correlationWeight the weight in [0, 10] from the policy: the highest over the rule's tactics
 * @param attackVersion the ATT&amp;CK version of the data the rule was checked against
 * @since 0.1.0
 */
public record Enrichment(
    List<MappedTechnique> techniques,
    List<Tactic> tactics,
    Optional<Tactic> primaryTactic,
    double techniqueConfidence,
    int correlationWeight,
    String attackVersion) {

  /**
   * Validates the components and copies the lists.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the confidence or weight is out of range
   */
  public Enrichment {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    Objects.requireNonNull(primaryTactic, "primaryTactic");
    Objects.requireNonNull(attackVersion, "attackVersion");
    if (!(techniqueConfidence >= 0 && techniqueConfidence <= 1)) {
      throw new IllegalArgumentException("techniqueConfidence must be in [0, 1]: " + techniqueConfidence);
    }
    if (correlationWeight < 0 || correlationWeight > 10) {
      throw new IllegalArgumentException("correlationWeight must be in [0, 10]: " + correlationWeight);
    }
  }

  /**
   * Returns whether the rule maps to at least one technique.
   *
   * @return true when {@link #techniques()} is not empty
   */
  public boolean mapped() {
    return !techniques.isEmpty();
  }
}
