/**
 * Reading Sigma rules: an immutable model of detection, correlation and filter rules, and
 * {@link io.sigmap.core.sigma.SigmaReader}, which turns files, directories, strings and streams into it with a
 * precise, typed error for every document it cannot read.
 *
 * <h2>Reading</h2>
 * {@link io.sigmap.core.sigma.SigmaReader} (immutable, thread-safe, configured by
 * {@link io.sigmap.core.sigma.SigmaReadOptions}) returns one {@link io.sigmap.core.sigma.SigmaFile} per file,
 * holding one {@link io.sigmap.core.sigma.SigmaReadResult} per rule document: a
 * {@link io.sigmap.core.sigma.SigmaReadResult.Parsed} rule or a {@link io.sigmap.core.sigma.SigmaReadResult.Failed}
 * error ({@link io.sigmap.core.sigma.SigmaRuleException}: path, line, column, an
 * {@link io.sigmap.core.sigma.SigmaErrorKind} and a message saying how to fix it). Reading never throws for bad
 * content, so one bad file never stops a scan; {@link io.sigmap.core.sigma.SigmaReadResult#orThrow()} is the
 * strict way to consume a result. Legacy collections ({@code action: global}, {@code reset}, {@code repeat})
 * are merged as {@code sigmac} did; {@link io.sigmap.core.sigma.SigmaFile} documents the accounting of
 * documents to results.
 *
 * <pre>{@code
 * SigmaReader reader = SigmaReader.create(SigmaReadOptions.builder().parallelism(4).build());
 * List<SigmaFile> files = reader.readDirectory(Path.of("sigma/rules"));
 * for (SigmaFile file : files) {
 *   for (SigmaReadResult result : file.results()) {
 *     if (result.rule().isPresent() && result.rule().get() instanceof DetectionRule rule) {
 *       System.out.println(rule.title() + " " + rule.logsource().product().orElse("-"));
 *     } else {
 *       result.error().ifPresent(e -> System.err.println(e.getMessage())); // path:line:column: detail
 *     }
 *   }
 * }
 * }</pre>
 *
 * <h2>The model</h2>
 * {@link io.sigmap.core.sigma.SigmaRule} is sealed: {@link io.sigmap.core.sigma.DetectionRule},
 * {@link io.sigmap.core.sigma.CorrelationRule}, {@link io.sigmap.core.sigma.FilterRule}. All share
 * {@link io.sigmap.core.sigma.SigmaMetadata} (title, id, status, level, tags, dates, custom attributes in file
 * order...) and a {@link io.sigmap.core.sigma.SigmaSource}: path (relative to the scanned directory, {@code /}
 * separators), document index, start line and the document's original text, byte for byte.
 * {@link io.sigmap.core.sigma.SigmaTag}s carry their line and column and an ATT&amp;CK classification
 * ({@link io.sigmap.core.sigma.SigmaTag.Kind}) and canonical form. A detection is a tree:
 * {@link io.sigmap.core.sigma.Detection} of {@link io.sigmap.core.sigma.SearchIdentifier}s over
 * {@link io.sigmap.core.sigma.SearchNode}s, with {@link io.sigmap.core.sigma.SigmaCondition}s parsed into
 * {@link io.sigmap.core.sigma.ConditionExpression}s; {@link io.sigmap.core.sigma.Detection#canonicalForm()}
 * is an order- and name-insensitive text for fingerprints. Values the model does not interpret are
 * {@link io.sigmap.core.sigma.SigmaValue}s. Problems that do not stop a rule are
 * {@link io.sigmap.core.sigma.SigmaWarning}s on the rule.
 *
 * <p>Every type here is immutable and thread-safe; no method returns null; public entry points reject null
 * arguments with {@link java.lang.NullPointerException}. Located values (tags, values, searches, conditions)
 * exclude their line and column from {@code equals}.
 *
 * @since 0.1.0
 */
package io.sigmap.core.sigma;
