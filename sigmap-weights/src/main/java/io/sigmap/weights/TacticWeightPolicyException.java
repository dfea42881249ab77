package io.sigmap.weights;

import io.sigmap.stix.SigmapException;
import java.util.Optional;

/**
 * Thrown when a tactic weight policy fails: a policy returned a weight outside 0-10 or threw, two policies
 * share an id, an unknown id was asked for, a provider jar is broken (in strict mode) or a table file is
 * invalid ({@link TacticWeightTableException}).
 *
 * <p>The message names the policy and, when the failure concerns one, the tactic: {@code "weight cannot be
 * outside 0-10: 12 (policy acme-weights, tactic TA0006 credential-access)"}.
 *
 * @since 0.1.0
 */
public class TacticWeightPolicyException extends SigmapException {

  private static final long serialVersionUID = 1L;

  private final String policyId;
  private final String tacticId;

  /**
   * Creates an exception.
   *
   * @param message what happened, with the policy id and tactic when known
   * @param policyId the id of the policy at fault, or {@code null} when it is not known (a provider that
   *     could not be instantiated)
   * @param tacticId the ATT&amp;CK id of the tactic being weighted, or {@code null}
   * @param cause the policy's own exception, or {@code null}
   */
  public TacticWeightPolicyException(String message, String policyId, String tacticId, Throwable cause) {
    super(message, cause);
    this.policyId = policyId;
    this.tacticId = tacticId;
  }

  /**
   * Returns the id of the policy at fault.
   *
   * @return the id, or empty when the policy could not be created to tell it
   */
  public Optional<String> policyId() {
    return Optional.ofNullable(policyId);
  }

  /**
   * Returns the ATT&amp;CK id of the tactic the policy was weighting.
   *
   * @return for example {@code TA0006}, or empty when the failure concerns no tactic
   */
  public Optional<String> tacticId() {
    return Optional.ofNullable(tacticId);
  }
}
