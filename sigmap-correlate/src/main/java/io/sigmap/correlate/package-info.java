/**
 * The alert-time runtime: {@link io.sigmap.correlate.Correlator} scores, suppresses and links the
 * {@link io.sigmap.correlate.Alert}s of the rules in a {@link io.sigmap.correlate.RuleCatalog} into
 * {@link io.sigmap.correlate.AttackChain}s and emits a stream of
 * {@link io.sigmap.correlate.CorrelationEvent}s; {@link io.sigmap.correlate.FeedbackLedger} records analyst
 * {@link io.sigmap.correlate.Verdict}s and turns them into {@link io.sigmap.correlate.RuleAdjustment}s;
 * {@link io.sigmap.correlate.CorrelationReport} summarises volume by tactic; {@link
 * io.sigmap.correlate.CorrelationJson} gives the JSON forms used by {@code sigmap correlate}.
 *
 * <p>Values and options are immutable and thread-safe; {@link io.sigmap.correlate.Correlator} is not
 * thread-safe (one per thread, partition or key group); {@link io.sigmap.correlate.FeedbackLedger} is.
 *
 * @since 0.1.0
 */
package io.sigmap.correlate;
