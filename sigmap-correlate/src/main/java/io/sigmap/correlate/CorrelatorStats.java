package io.sigmap.correlate;

/**
 * A {@link Correlator}'s counters and the size of its state: what came in, what went out, what is held,
 * and what the state bounds evicted or refused.
 *
 * @param alertsIn the alerts accepted
 * @param decisions the decisions emitted; {@code alertsIn - decisions == buffered}
 * @param buffered the alerts waiting in the lateness buffer
 * @param lateAlerts the alerts that arrived later than the allowed lateness
 * @param entities the entities held
 * @param entitiesEvictedByTtl entities evicted because they were idle longer than the entity TTL
 * @param entitiesEvictedByCapacity entities evicted because the entity limit was reached
 * @param chainAlertsDropped chain alerts dropped because a chain held its maximum
 * @param mergesRefused chain merges and attachments refused because a chain held its maximum of entities
 * @param saturatedEntities entities that stopped linking because they reached the link cap
 * @param assetLookupFailures asset-context calls that failed and counted as medium criticality
 * @param watermark the newest event time seen minus the allowed lateness, or {@link Long#MIN_VALUE} before
 *     the first alert
 * @since 0.1.0
 */
public record CorrelatorStats(
    long alertsIn,
    long decisions,
    int buffered,
    long lateAlerts,
    int entities,
    long entitiesEvictedByTtl,
    long entitiesEvictedByCapacity,
    long chainAlertsDropped,
    long mergesRefused,
    long saturatedEntities,
    long assetLookupFailures,
    long watermark) {
}
