/**
 * Finding and loading tactic weight policies: {@link io.sigmap.weights.TacticWeightPolicies}, the registry that
 * discovers host policies and selects one by id; {@link io.sigmap.weights.TablePolicyLoader}, which reads
 * {@code table} policies from YAML, JSON or maps; and {@link io.sigmap.weights.TacticWeightPolicyException},
 * thrown when a policy fails.
 *
 * <p>Every type here is immutable and thread-safe except the builders.
 *
 * @since 0.1.0
 */
package io.sigmap.weights;
