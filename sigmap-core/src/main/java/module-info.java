/**
 * Reads Sigma rules (detection, correlation and filter rules, and legacy rule collections) into an immutable
 * model with precise, typed errors; see {@link io.sigmap.core.sigma.SigmaReader}.
 *
 * @since 0.1.0
 */
module io.sigmap.core {
  requires transitive io.sigmap.stix;
  requires org.yaml.snakeyaml;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  requires transitive io.sigmap.weights;

  exports io.sigmap.core;
  exports io.sigmap.core.sigma;
}
