/**
 * The service-provider interface a host implements to tell the correlator about its environment:
 * {@link io.sigmap.correlate.spi.AssetContext}, which rates entities by
 * {@link io.sigmap.correlate.spi.AssetCriticality}. Implementations are passed programmatically to
 * {@link io.sigmap.correlate.Correlator.Builder#assets}.
 *
 * @since 0.1.0
 */
package io.sigmap.correlate.spi;
