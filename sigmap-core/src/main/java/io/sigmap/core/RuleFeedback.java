package io.sigmap.core;

import java.util.Objects;

/**
 * What analyst feedback says about one rule, for {@link RuleEnricher.Builder#feedback(java.util.Map)}: a factor
 * that lowers its correlation weight, and whether to quarantine it. {@code sigmap-correlate}'s feedback ledger
 * produces these from analyst verdicts.
 *
 * @param weightFactor the factor in [0, 1] applied to the policy's correlation weight (rounded down)
 * @param quarantine whether to quarantine the rule
 * @param reason why, for the finding's message (for example the false-positive ratio and sample)
 * @since 0.1.0
 */
public record RuleFeedback(double weightFactor, boolean quarantine, String reason) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code weightFactor} is outside [0, 1]
   */
  public RuleFeedback {
    if (!(weightFactor >= 0 && weightFactor <= 1)) {
      throw new IllegalArgumentException("weightFactor must be in [0, 1]: " + weightFactor);
    }
    Objects.requireNonNull(reason, "reason");
  }
}
