package com.acme.weights;

import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.weights.spi.TacticWeightPolicy;

/**
 * An example host policy, as a SOC team would ship it in its own jar: credential theft and impact first,
 * OS Credential Dumping (T1003 and its sub-techniques) above every other technique.
 *
 * <p>The sigmap-weights tests compile this file on its own, package it with its
 * {@code META-INF/services/io.sigmap.weights.spi.TacticWeightPolicy} entry into a jar, and discover it from
 * that jar on the class path and on the module path (as an automatic module).
 */
public final class AcmeWeights implements TacticWeightPolicy {

  /** ServiceLoader needs a public no-argument constructor. */
  public AcmeWeights() {}

  @Override
  public String id() {
    return "acme-weights";
  }

  @Override
  public String description() {
    return "ACME SOC: credential access 9, impact 10, initial access 8, T1003 10, other tactics 4";
  }

  @Override
  public int weight(Tactic tactic) {
    switch (tactic.shortname()) {
      case "credential-access":
        return 9;
      case "impact":
        return 10;
      case "initial-access":
        return 8;
      default:
        return 4;
    }
  }

  @Override
  public int weight(Tactic tactic, Technique technique) {
    String id = technique.parentId().orElse(technique.id());
    return id.equals("T1003") ? 10 : weight(tactic);
  }
}
