/**
 * The ATT&amp;CK model and its index: {@link io.sigmap.stix.TechniqueIndex} built from STIX bundles, the
 * {@link io.sigmap.stix.Technique}, {@link io.sigmap.stix.Tactic} and {@link io.sigmap.stix.AttackObject}
 * values it holds, {@link io.sigmap.stix.Resolution} of technique ids, and
 * {@link io.sigmap.stix.SigmapException}, the root of sigmap's exceptions.
 *
 * <p>Every type here is immutable and thread-safe except the builders.
 *
 * @since 0.1.0
 */
package io.sigmap.stix;
