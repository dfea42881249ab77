/**
 * The alert-time runtime of sigmap: scores, suppresses and links the alerts that ATT&amp;CK-mapped Sigma rules
 * raise into attack chains, escalates the chains that meet multi-source thresholds, and learns from analyst
 * verdicts. Start at {@link io.sigmap.correlate.Correlator}.
 *
 * @since 0.1.0
 */
module io.sigmap.correlate {
  requires transitive io.sigmap.stix;
  // EnrichmentResult and BatchResult appear in RuleCatalog.Builder and RuleProfile.from
  requires transitive io.sigmap.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.sigmap.correlate;
  exports io.sigmap.correlate.spi;
}
