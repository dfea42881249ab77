/**
 * Tactic weight policies: the {@link io.sigmap.weights.spi.TacticWeightPolicy} SPI, the built-in
 * {@code baseline}, {@code kill-chain}, {@code uniform} and {@code table} policies, and
 * {@link io.sigmap.weights.TacticWeightPolicies}, which discovers host policies with
 * {@link java.util.ServiceLoader}.
 *
 * @uses io.sigmap.weights.spi.TacticWeightPolicy
 * @provides io.sigmap.weights.spi.TacticWeightPolicy the built-in {@code baseline}, {@code kill-chain} and
 *     {@code uniform} policies
 * @since 0.1.0
 */
module io.sigmap.weights {
  requires transitive io.sigmap.stix;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports io.sigmap.weights;
  exports io.sigmap.weights.spi;

  uses io.sigmap.weights.spi.TacticWeightPolicy;

  provides io.sigmap.weights.spi.TacticWeightPolicy with
      io.sigmap.weights.internal.BaselinePolicy,
      io.sigmap.weights.internal.KillChainPolicy,
      io.sigmap.weights.internal.UniformPolicy;
}
