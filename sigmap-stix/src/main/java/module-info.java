/**
 * Reads MITRE ATT&amp;CK STIX bundles into an immutable {@link io.sigmap.stix.TechniqueIndex}.
 *
 * @since 0.1.0
 */
module io.sigmap.stix {
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports io.sigmap.stix;
  exports io.sigmap.stix.internal to io.sigmap.core;
}
