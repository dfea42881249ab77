/**
 * Reads Sigma rules (detection, correlation and filter rules, and legacy rule collections) into an immutable
 * model with precise, typed errors; see {@link io.sigmap.core.sigma.SigmaReader}.
 *
 * @since 0.1.0
 */
module io.sigmap.core {
  requires transitive io.sigmap.stix;
  requires org.yaml.snakeyaml;
  requires org.slf4j;

  exports io.sigmap.core.sigma;
}
