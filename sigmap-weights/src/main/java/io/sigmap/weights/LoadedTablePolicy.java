package io.sigmap.weights;

import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A table policy and what its loader found in it that cannot take effect.
 *
 * @param policy the policy, ready to register; immutable and thread-safe
 * @param findings the findings, in the order of the table; empty when every name matched
 * @since 0.1.0
 */
public record LoadedTablePolicy(TacticWeightPolicy policy, List<TablePolicyFinding> findings) {

  /**
   * Validates the components and copies the list.
   *
   * @throws NullPointerException if a component or finding is null
   */
  public LoadedTablePolicy {
    Objects.requireNonNull(policy, "policy");
    findings = List.copyOf(findings);
  }
}
