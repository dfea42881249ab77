/**
 * The service provider interface for tactic weights: {@link io.sigmap.weights.spi.TacticWeightPolicy}, which
 * host applications implement and register with {@link java.util.ServiceLoader} to plug their own weighting
 * into sigmap, and whose static factories return the built-in policies.
 *
 * <p>Weights are integers from 0 to 10. Implementations must be immutable or otherwise thread-safe.
 *
 * @since 0.1.0
 */
package io.sigmap.weights.spi;
