package io.sigmap.correlate.spi;

import io.sigmap.correlate.EntityKind;

/**
 * The host's knowledge of its assets: how critical a host, user, address or cloud account is. The
 * {@link io.sigmap.correlate.Correlator} asks it once per entity of every scored alert, on its own thread, so an
 * implementation must be fast (an in-memory lookup, refreshed elsewhere) and safe to call from the threads of
 * every correlator it is given to.
 *
 * <pre>{@code
 * AssetContext cmdb = (kind, value) -> value.startsWith("dc") ? AssetCriticality.EXTREME : AssetCriticality.MEDIUM;
 * Correlator c = Correlator.builder(catalog).assets(cmdb).build();
 * }</pre>
 *
 * <p>Values arrive normalised as {@link io.sigmap.correlate.EntityKey} normalises them (trimmed, lower case).
 * An implementation that throws or returns {@code null} does not stop the correlator: the entity counts as
 * {@link AssetCriticality#MEDIUM} and the failure is counted in
 * {@link io.sigmap.correlate.CorrelatorStats#assetLookupFailures()} (logged once); with
 * {@link io.sigmap.correlate.CorrelatorOptions#strictAssets()} it is rethrown as a
 * {@link io.sigmap.correlate.CorrelationException} naming the entity.
 *
 * <p>A file-backed implementation is {@link io.sigmap.correlate.AssetTable}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AssetContext {

  /**
   * Tells how critical an entity is.
   *
   * @param kind the kind of entity
   * @param value the normalised value
   * @return the criticality; {@link AssetCriticality#MEDIUM} for an entity the context does not know
   */
  AssetCriticality criticality(EntityKind kind, String value);

  /**
   * Returns a context that knows no asset: every entity is {@link AssetCriticality#MEDIUM}.
   *
   * @return the context
   */
  static AssetContext none() {
    return NoAssets.INSTANCE;
  }
}
