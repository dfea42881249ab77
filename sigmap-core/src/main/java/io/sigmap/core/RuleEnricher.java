package io.sigmap.core;

import io.sigmap.core.sigma.CorrelationRule;
import io.sigmap.core.sigma.DetectionRule;
import io.sigmap.core.sigma.FilterRule;
import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReadResult;
import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.core.sigma.SigmaRuleException;
import io.sigmap.core.sigma.SigmaStatus;
import io.sigmap.core.sigma.SigmaTag;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.AttackObject;
import io.sigmap.stix.Resolution;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.TacticWeightPolicies;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Maps Sigma rules to MITRE ATT&amp;CK: validates every {@code attack.*} tag against a {@link TechniqueIndex},
 * resolves techniques and tactics, weighs the rule with a {@link TacticWeightPolicy}, and decides whether the
 * rule is validated or quarantined.
 *
 * <pre>{@code
 * RuleEnricher enricher = RuleEnricher.builder(index).policy(TacticWeightPolicy.baseline()).build();
 * EnrichmentResult result = enricher.enrich(rule);              // Validated or Quarantined
 * BatchResult batch = enricher.enrichPaths(List.of(Path.of("rules")));
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Techniques.</b> Each technique tag is resolved ({@link TechniqueIndex#resolve(CharSequence)}): an
 *       active technique maps; a revoked one maps to the end of its replacement chain with a
 *       {@link FindingCode#REVOKED_TECHNIQUE} warning (in strict mode an error, and it does not map); deprecated,
 *       unknown and malformed ids do not map. An unknown id above the data's highest technique number is said to
 *       be probably from a newer release.
 *   <li><b>Status.</b> A rule is validated when at least one technique maps and its status is neither
 *       {@code deprecated} nor {@code unsupported} (and feedback does not quarantine it); otherwise quarantined,
 *       with {@link FindingCode#NO_TECHNIQUE_MAPPING}, {@link FindingCode#RULE_DEPRECATED} or
 *       {@link FindingCode#FEEDBACK_QUARANTINE}. Filter rules are skipped.
 *   <li><b>Tactics.</b> {@code mitre_tactics} is the union of the mapped techniques' tactics; when the rule also
 *       tags some of them, only the tagged ones (a rule tagging T1055.011 and {@code attack.privilege-escalation}
 *       is about privilege escalation). {@code mitre_tactic} is the one with the highest weight, ties broken by
 *       matrix order.
 *   <li><b>Weight.</b> {@code correlation_weight} is the highest policy weight over {@code mitre_tactics}, each
 *       tactic weighed with the techniques that have it ({@link TacticWeightPolicy#weight(Tactic, Technique)}),
 *       then multiplied by a feedback factor when one is given (rounded down).
 *   <li><b>Confidence.</b> A technique's confidence is {@code base * platform * tactic}: base 1.0 for an active
 *       tag, 0.8 for a revoked id remapped to its direct replacement, 0.7 for a longer chain; platform 0.6 when
 *       the rule's {@code logsource.product} names platforms (table below) that the technique does not have;
 *       tactic 0.7 when the rule tags tactics of the technique's domain but none of the technique's own. The
 *       rule's {@code technique_confidence} is the mean over its techniques, rounded to three decimals; 0 when
 *       nothing maps. A correlation rule's techniques inherited from the rules it references keep their
 *       confidence.
 *   <li><b>Correlation rules</b> are enriched from their own tags plus, in a batch, the techniques of the rules
 *       they reference (by id or name); a reference not in the batch is a
 *       {@link FindingCode#UNRESOLVED_RULE_REFERENCE} warning.
 * </ul>
 *
 * <table>
 *   <caption>logsource product to ATT&amp;CK platforms, for the platform factor</caption>
 *   <tr><th>product</th><th>platforms</th></tr>
 *   <tr><td>windows, rpc_firewall</td><td>Windows</td></tr>
 *   <tr><td>linux</td><td>Linux, ESXi (Sigma has no esxi product; ESXi shell logs are read as linux)</td></tr>
 *   <tr><td>macos</td><td>macOS</td></tr>
 *   <tr><td>aws</td><td>IaaS, Identity Provider, SaaS</td></tr>
 *   <tr><td>azure, gcp</td><td>IaaS, Identity Provider, Office Suite, SaaS</td></tr>
 *   <tr><td>google_workspace</td><td>Identity Provider, Office Suite, SaaS</td></tr>
 *   <tr><td>m365</td><td>Identity Provider, Office 365, Office Suite, SaaS</td></tr>
 *   <tr><td>okta, onelogin</td><td>Identity Provider, SaaS</td></tr>
 *   <tr><td>github, gitlab, bitbucket</td><td>SaaS</td></tr>
 *   <tr><td>kubernetes, docker</td><td>Containers</td></tr>
 *   <tr><td>esxi, vmware</td><td>ESXi</td></tr>
 *   <tr><td>cisco, juniper, fortigate, fortios, paloalto, huawei, checkpoint, sonicwall, f5</td>
 *       <td>Network Devices</td></tr>
 *   <tr><td>android / ios</td><td>Android / iOS</td></tr>
 *   <tr><td>anything else, or no product</td><td>no check</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe: build one and share it. Output is deterministic: the same input
 * gives the same results, in the same order, whatever the thread count.
 *
 * @since 0.1.0
 */
public final class RuleEnricher {

  private static final double REMAPPED = 0.8;
  private static final double REMAPPED_CHAIN = 0.7;
  private static final double PLATFORM_MISMATCH = 0.6;
  private static final double TACTIC_CONTRADICTED = 0.7;

  private final TechniqueIndex index;
  private final TacticWeightPolicy policy;
  private final EnrichOptions options;
  private final Map<String, RuleFeedback> feedback;
  private final Map<AttackDomain, String> versions = new EnumMap<>(AttackDomain.class);
  private final String dataVersion;
  private final Enrichment empty;

  private RuleEnricher(Builder b) {
    this.index = b.index;
    this.policy = TacticWeightPolicies.checked(b.policy, b.index);
    this.options = b.options;
    this.feedback = Map.copyOf(b.feedback);
    for (AttackDomain d : index.domains()) {
      versions.put(d, index.attackVersion(d).orElse("unknown"));
    }
    this.dataVersion = describe(versions);
    this.empty = new Enrichment(List.of(), List.of(), Optional.empty(), 0, 0, dataVersion);
  }

  private static String describe(Map<AttackDomain, String> versions) {
    if (versions.values().stream().distinct().count() <= 1) {
      return versions.values().stream().findFirst().orElse("unknown");
    }
    StringBuilder sb = new StringBuilder();
    versions.forEach((d, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(d.shortId()).append(' ').append(v));
    return sb.toString();
  }

  /**
   * Returns a builder for an enricher over an index.
   *
   * @param index the ATT&amp;CK data to validate against
   * @return a new builder
   */
  public static Builder builder(TechniqueIndex index) {
    return new Builder(Objects.requireNonNull(index, "index"));
  }

  /**
   * Returns the index rules are validated against.
   *
   * @return the index
   */
  public TechniqueIndex index() {
    return index;
  }

  /**
   * Returns the weight policy, checked and bound to the index.
   *
   * @return the policy
   */
  public TacticWeightPolicy policy() {
    return policy;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public EnrichOptions options() {
    return options;
  }

  /**
   * Enriches one rule: {@link EnrichmentResult.Validated} or {@link EnrichmentResult.Quarantined} for detection
   * and correlation rules, {@link EnrichmentResult.Skipped} for filter rules. A correlation rule enriched alone
   * has only its own tags; {@link #enrichFiles(List)} also gives it the techniques of the rules it references.
   *
   * @param rule the rule
   * @return the result; never throws for any rule
   * @throws io.sigmap.weights.TacticWeightPolicyException if the weight policy fails
   */
  public EnrichmentResult enrich(SigmaRule rule) {
    Objects.requireNonNull(rule, "rule");
    return enrich(rule, null);
  }

  /**
   * Enriches rules already read, one result per rule document in input order, with correlation rules
   * given the techniques of the rules they reference, and a summary with duplicate coverage.
   *
   * @param files the files read
   * @return the results and summary
   */
  public BatchResult enrichFiles(List<SigmaFile> files) {
    Objects.requireNonNull(files, "files");
    List<SigmaReadResult> read = new ArrayList<>();
    for (SigmaFile f : files) {
      read.addAll(f.results());
    }
    EnrichmentResult[] out = new EnrichmentResult[read.size()];
    // Detection and filter rules first, in parallel; correlation rules then see their referenced rules.
    parallel(out.length, i -> {
      SigmaReadResult r = read.get(i);
      if (r instanceof SigmaReadResult.Failed failed) {
        out[i] = EnrichmentResult.Unreadable.of(failed.exception());
      } else if (!(r.orThrow() instanceof CorrelationRule)) {
        out[i] = enrich(r.orThrow(), null);
      }
    });
    References refs = new References(out);
    List<Integer> correlations = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        correlations.add(i);
      }
    }
    // Two passes: a correlation may reference another correlation, which needs its own enrichment first.
    for (int pass = 0; pass < 2 && !correlations.isEmpty(); pass++) {
      EnrichmentResult[] next = new EnrichmentResult[correlations.size()];
      for (int k = 0; k < correlations.size(); k++) {
        next[k] = enrich(read.get(correlations.get(k)).orThrow(), refs);
      }
      for (int k = 0; k < correlations.size(); k++) {
        out[correlations.get(k)] = next[k];
      }
      refs = new References(out);
    }
    List<EnrichmentResult> results = List.of(out);
    return new BatchResult(results, Summaries.of(results), files);
  }

  /**
   * Reads files and directories (recursively, {@code *.yml} and {@code *.yaml}) and enriches them as
   * {@link #enrichFiles(List)} does. With one path, result paths are relative to it (a directory) or as given
   * (a file); with several, each path's results are named after the path as given, so they stay apart.
   *
   * @param paths the files and directories
   * @return the results and summary
   * @throws SigmaRuleException if a directory cannot be listed at all (a missing path is an unreadable result)
   */
  public BatchResult enrichPaths(List<Path> paths) {
    Objects.requireNonNull(paths, "paths");
    SigmaReader reader = SigmaReader.create(options.readOptions().toBuilder().parallelism(options.threads()).build());
    List<SigmaFile> files = new ArrayList<>();
    for (Path p : paths) {
      Objects.requireNonNull(p, "paths holds null");
      files.addAll(paths.size() == 1 ? reader.read(p) : reader.read(p, p.toString().replace('\\', '/')));
    }
    return enrichFiles(files);
  }

  private void parallel(int n, IntConsumer task) {
    if (options.threads() <= 1 || n < 64) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(options.threads());
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("batch enrichment was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdown();
    }
  }

  /** The mapped rules of a batch by id and by name, for correlation rules to inherit from. */
  private static final class References {
    private final Map<String, Enrichment> byKey = new HashMap<>();

    References(EnrichmentResult[] results) {
      for (EnrichmentResult r : results) {
        if (r == null || r.rule().isEmpty() || r.enrichment().isEmpty()) {
          continue;
        }
        SigmaRule rule = r.rule().get();
        Enrichment e = r.enrichment().get();
        rule.id().ifPresent(id -> byKey.putIfAbsent(id.toString().toLowerCase(Locale.ROOT), e));
        rule.name().ifPresent(name -> byKey.putIfAbsent(name, e));
      }
    }

    Enrichment find(String reference) {
      Enrichment e = byKey.get(reference);
      return e != null ? e : byKey.get(reference.toLowerCase(Locale.ROOT));
    }
  }

  // ------------------------------------------------------------------------------------------ one rule

  private EnrichmentResult enrich(SigmaRule rule, References refs) {
    if (rule instanceof FilterRule) {
      return new EnrichmentResult.Skipped(rule, "a filter rule modifies the rules it names and is not enriched");
    }
    Work w = new Work(rule);
    for (SigmaTag tag : rule.tags()) {
      if (tag.kind() != SigmaTag.Kind.OTHER) {
        w.tag(tag);
      }
    }
    if (rule instanceof CorrelationRule correlation) {
      w.inherit(correlation, refs);
    }
    return w.finish();
  }

  /** The state of one rule's enrichment. Not shared between threads. */
  private final class Work {
    private final SigmaRule rule;
    private final List<Finding> findings = new ArrayList<>(0);
    private final List<MappedTechnique> mapped = new ArrayList<>(2);
    private final List<Tactic> tagged = new ArrayList<>(0);
    private final List<SigmaTag> tacticTags = new ArrayList<>(0);
    private final List<Object> seen = new ArrayList<>(0);
    private int techniqueTags;

    Work(SigmaRule rule) {
      this.rule = rule;
    }

    void finding(FindingCode code, Severity severity, SigmaTag tag, String message) {
      findings.add(new Finding(code, severity, Optional.of(tag.text()), message, tag.line(), tag.column()));
    }

    void ruleFinding(FindingCode code, String message) {
      int line = rule.tags().isEmpty() ? rule.source().line() : rule.tags().get(0).line();
      findings.add(new Finding(code, code.defaultSeverity(), Optional.empty(), message, line, 0));
    }

    /** Records a tag's resolved key; returns false (and reports) when an earlier tag had the same one. */
    boolean first(Object key, SigmaTag tag) {
      for (int i = 0; i < seen.size(); i++) {
        Object k = seen.get(i);
        if (k == key || k.equals(key)) {
          finding(FindingCode.DUPLICATE_TAG, Severity.INFO, tag, tag.text() + " repeats an earlier tag of the rule");
          return false;
        }
      }
      seen.add(key);
      return true;
    }

    void tag(SigmaTag tag) {
      if (tag.kind() != SigmaTag.Kind.MALFORMED_ATTACK && !canonical(tag)) {
        finding(FindingCode.NON_CANONICAL_TAG, Severity.INFO, tag, "write " + tag.canonicalText()
            + (tag.kind() == SigmaTag.Kind.TACTIC ? " (lower case, words joined by hyphens)" : " (lower case)"));
      }
      switch (tag.kind()) {
        case TECHNIQUE:
          techniqueTags++;
          technique(tag);
          break;
        case TACTIC:
          tactic(tag);
          break;
        case MALFORMED_ATTACK:
          if (!tag.name().isEmpty() && (tag.name().charAt(0) == 't' || tag.name().charAt(0) == 'T')) {
            techniqueTags++; // meant as a technique (attack.t1059_001): the rule does have a technique tag
          }
          malformed(tag);
          break;
        case ASSET:
          break; // ICS assets are not part of the index; nothing to check
        default:
          attackObject(tag);
      }
    }

    void technique(SigmaTag tag) {
      Resolution r = index.resolve(tag.name());
      Resolution.Status status = r.status();
      // Known ids resolve to one shared object; unknown ones compare by their canonical id.
      boolean known = status != Resolution.Status.UNKNOWN && status != Resolution.Status.MALFORMED;
      if (!first(known ? r : r.id(), tag)) {
        return;
      }
      switch (status) {
        case ACTIVE:
          map(((Resolution.Active) r).activeTechnique(), tag, Optional.empty(), 1.0);
          break;
        case REVOKED:
          revoked((Resolution.Revoked) r, tag);
          break;
        case DEPRECATED:
          Technique d = ((Resolution.Deprecated) r).deprecatedTechnique();
          finding(FindingCode.DEPRECATED_TECHNIQUE, Severity.ERROR, tag, String.format(Locale.ROOT,
              "%s %s is deprecated in ATT&CK %s and has no replacement; tag a current technique",
              d.id(), d.name(), versionOf(d)));
          break;
        case UNKNOWN:
          Resolution.Unknown u = (Resolution.Unknown) r;
          finding(FindingCode.UNKNOWN_TECHNIQUE, Severity.ERROR, tag, u.probablyNewer()
              ? String.format(Locale.ROOT, "%s is not in ATT&CK %s (its highest technique is T%04d); newer release?",
                  u.id(), dataVersion, u.highestKnownNumber())
              : String.format(Locale.ROOT, "%s is not in ATT&CK %s", u.id(), dataVersion));
          break;
        default:
          malformed(tag);
      }
    }

    void revoked(Resolution.Revoked r, SigmaTag tag) {
      Technique old = r.revokedTechnique();
      if (r.replacement().isEmpty()) {
        finding(FindingCode.REVOKED_TECHNIQUE, Severity.ERROR, tag, String.format(Locale.ROOT,
            "%s %s is revoked and has no active replacement (%s); tag a current technique",
            old.id(), old.name(), r.problem().orElse("")));
        return;
      }
      Technique to = r.replacement().get();
      String via = r.chain().size() > 1
          ? " via " + r.chain().subList(0, r.chain().size() - 1).stream().map(Technique::id).toList() : "";
      if (options.strict()) {
        finding(FindingCode.REVOKED_TECHNIQUE, Severity.ERROR, tag, String.format(Locale.ROOT,
            "%s is revoked, replaced by %s %s%s; strict mode does not map revoked ids: tag attack.%s",
            old.id(), to.id(), to.name(), via, to.id().toLowerCase(Locale.ROOT)));
        return;
      }
      finding(FindingCode.REVOKED_TECHNIQUE, Severity.WARNING, tag, String.format(Locale.ROOT,
          "%s is revoked; mapped to its replacement %s %s%s: tag attack.%s", old.id(), to.id(), to.name(), via,
          to.id().toLowerCase(Locale.ROOT)));
      map(to, tag, Optional.of(old.id()), r.chain().size() == 1 ? REMAPPED : REMAPPED_CHAIN);
    }

    void map(Technique t, SigmaTag tag, Optional<String> replaced, double confidence) {
      for (int i = 0; i < mapped.size(); i++) {
        MappedTechnique m = mapped.get(i);
        if (m.technique() == t) {
          if (confidence > m.confidence()) {
            mapped.set(i, new MappedTechnique(t, tag.text(), replaced, Optional.empty(), confidence));
          }
          return;
        }
      }
      mapped.add(new MappedTechnique(t, tag.text(), replaced, Optional.empty(), confidence));
    }

    void tactic(SigmaTag tag) {
      List<Tactic> found = index.findTactics(tag.name());
      if (found.isEmpty()) {
        finding(FindingCode.UNKNOWN_TACTIC, Severity.ERROR, tag, String.format(Locale.ROOT,
            "%s is not a tactic of ATT&CK %s; a tactic of a newer release?", tag.canonicalName(), dataVersion));
        return;
      }
      if (first(found, tag)) {
        tagged.addAll(found);
        tacticTags.add(tag);
      }
    }

    void attackObject(SigmaTag tag) {
      Optional<AttackObject> found = index.attackObject(tag.name());
      if (!first(found.isPresent() ? found.get() : tag.canonicalName(), tag)) {
        return;
      }
      String kind = tag.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      if (found.isEmpty()) {
        finding(FindingCode.UNKNOWN_ATTACK_OBJECT, Severity.WARNING, tag, String.format(Locale.ROOT,
            "%s is not a %s in ATT&CK %s", tag.name().toUpperCase(Locale.ROOT), kind, dataVersion));
        return;
      }
      AttackObject o = found.get();
      switch (o.status()) {
        case REVOKED:
          String replacement = o.revokedBy()
              .map(id -> "; tag attack." + id.toLowerCase(Locale.ROOT)
                  + index.attackObject(id).map(r -> " (" + r.name() + ")").orElse(""))
              .orElse("");
          finding(FindingCode.REVOKED_ATTACK_OBJECT, Severity.WARNING, tag,
              String.format(Locale.ROOT, "%s %s is revoked%s", o.id(), o.name(), replacement));
          break;
        case DEPRECATED:
          finding(FindingCode.DEPRECATED_ATTACK_OBJECT, Severity.WARNING, tag,
              String.format(Locale.ROOT, "%s %s is deprecated in ATT&CK %s", o.id(), o.name(), dataVersion));
          break;
        default:
          break;
      }
    }

    void malformed(SigmaTag tag) {
      String name = tag.name();
      String why = !name.isEmpty() && (name.charAt(0) == 't' || name.charAt(0) == 'T')
          ? ((Resolution.Malformed) index.resolve(name)).reason()
          : "an ATT&CK tag names a technique (attack.t1059.001), a tactic (attack.defense-evasion) or an id such"
              + " as attack.g0016 or attack.s0002";
      finding(FindingCode.MALFORMED_ATTACK_TAG, Severity.ERROR, tag, tag.text() + " is not a valid ATT&CK tag: "
          + why);
    }

    void inherit(CorrelationRule correlation, References refs) {
      for (String ref : correlation.correlation().rules()) {
        Enrichment e = refs == null ? null : refs.find(ref);
        if (e == null) {
          findings.add(new Finding(FindingCode.UNRESOLVED_RULE_REFERENCE, Severity.WARNING, Optional.empty(),
              String.format(Locale.ROOT, "the correlation references rule %s, which is not in %s; its techniques"
                  + " are not inherited", ref, refs == null ? "what was enriched with it" : "the batch"),
              rule.source().line(), 0));
          continue;
        }
        for (MappedTechnique m : e.techniques()) {
          boolean have = false;
          for (MappedTechnique own : mapped) {
            have |= own.technique() == m.technique();
          }
          if (!have) {
            mapped.add(new MappedTechnique(m.technique(), m.tag(), m.replaced(), Optional.of(ref), m.confidence()));
          }
        }
      }
    }

    EnrichmentResult finish() {
      Enrichment enrichment = mapped.isEmpty() ? emptyWith() : attributes();
      Optional<SigmaStatus> status = rule.status();
      boolean deprecated = status.isPresent()
          && (status.get() == SigmaStatus.DEPRECATED || status.get() == SigmaStatus.UNSUPPORTED);
      if (deprecated) {
        ruleFinding(FindingCode.RULE_DEPRECATED, "the rule's status is " + status.get().id()
            + "; such rules are kept out of production");
      }
      if (mapped.isEmpty()) {
        ruleFinding(FindingCode.NO_TECHNIQUE_MAPPING, techniqueTags == 0
            ? "the rule has no ATT&CK technique tag; add one such as attack.t1059.001"
            : "no technique tag of the rule maps to an active technique of ATT&CK " + dataVersion);
      }
      boolean quarantine = deprecated || mapped.isEmpty();
      RuleFeedback fb = feedbackOf();
      if (fb != null && fb.quarantine()) {
        ruleFinding(FindingCode.FEEDBACK_QUARANTINE, "analyst feedback recommends quarantine: " + fb.reason());
        quarantine = true;
      }
      if (findings.size() > 1) {
        findings.sort(Comparator.comparing(Finding::severity)); // stable: tag order within a severity
      }
      return quarantine
          ? new EnrichmentResult.Quarantined(rule, enrichment, findings)
          : new EnrichmentResult.Validated(rule, enrichment, findings);
    }

    private Enrichment emptyWith() {
      for (SigmaTag t : tacticTags) {
        finding(FindingCode.TACTIC_WITHOUT_TECHNIQUE, Severity.WARNING, t,
            t.text() + " is tagged, but the rule maps to no technique");
      }
      return empty;
    }

    private RuleFeedback feedbackOf() {
      if (feedback.isEmpty()) {
        return null;
      }
      return rule.id().map(id -> feedback.get(id.toString().toLowerCase(Locale.ROOT))).orElse(null);
    }

    private Enrichment attributes() {
      List<Tactic> union = new ArrayList<>(4);
      for (MappedTechnique m : mapped) {
        for (Tactic t : m.technique().tactics()) {
          if (!union.contains(t)) {
            union.add(t);
          }
        }
      }
      List<Tactic> chosen = new ArrayList<>(union.size());
      for (Tactic t : union) {
        if (tagged.contains(t)) {
          chosen.add(t);
        }
      }
      if (chosen.isEmpty()) {
        chosen = union;
      }
      chosen.sort(MATRIX_ORDER);
      for (SigmaTag t : tacticTags) {
        List<Tactic> named = index.findTactics(t.name());
        boolean used = false;
        for (Tactic x : named) {
          used |= union.contains(x);
        }
        if (!used) {
          finding(FindingCode.TACTIC_WITHOUT_TECHNIQUE, Severity.WARNING, t, String.format(Locale.ROOT,
              "%s is tagged, but none of the rule's techniques (%s) has that tactic", t.text(), ids()));
        }
      }

      // Confidences are kept in exact thousandths, so the mean does not depend on the order of the tags.
      long thousandths = 0;
      for (int i = 0; i < mapped.size(); i++) {
        MappedTechnique m = mapped.get(i);
        long c = Math.round((m.inheritedFrom().isPresent() ? m.confidence() : adjust(m)) * 1000);
        if (c / 1000.0 != m.confidence()) {
          mapped.set(i, new MappedTechnique(m.technique(), m.tag(), m.replaced(), m.inheritedFrom(), c / 1000.0));
        }
        thousandths += c;
      }
      int n = mapped.size();
      double confidence = ((2 * thousandths + n) / (2L * n)) / 1000.0; // the mean, rounded half up

      int best = -1;
      Tactic primary = null;
      for (Tactic t : chosen) {
        int w = 0;
        for (MappedTechnique m : mapped) {
          if (m.technique().tactics().contains(t)) {
            w = Math.max(w, policy.weight(t, m.technique()));
          }
        }
        if (w > best) {
          best = w;
          primary = t;
        }
      }
      int weight = Math.max(best, 0);
      RuleFeedback fb = feedbackOf();
      if (fb != null && fb.weightFactor() < 1) {
        int lowered = (int) Math.floor(weight * fb.weightFactor());
        if (lowered < weight) {
          ruleFinding(FindingCode.FEEDBACK_WEIGHT_LOWERED, String.format(Locale.ROOT,
              "analyst feedback lowered the correlation weight from %d to %d: %s", weight, lowered, fb.reason()));
          weight = lowered;
        }
      }
      return new Enrichment(mapped, chosen, Optional.ofNullable(primary), confidence, weight, versionOf(mapped));
    }

    /** The technique's confidence after the platform and tactic factors, with their findings. */
    private double adjust(MappedTechnique m) {
      Technique t = m.technique();
      double c = m.confidence();
      boolean taggedInDomain = false;
      boolean taggedOwn = false;
      for (Tactic x : tagged) {
        if (t.domains().contains(x.domain())) {
          taggedInDomain = true;
          taggedOwn |= t.tactics().contains(x);
        }
      }
      if (!taggedOwn && !t.tactics().isEmpty()) {
        String own = t.tactics().stream().map(Tactic::shortname).toList().toString();
        if (taggedInDomain) {
          c *= TACTIC_CONTRADICTED;
          findings.add(new Finding(FindingCode.TECHNIQUE_TACTIC_NOT_TAGGED, Severity.WARNING,
              Optional.of(m.tag()), String.format(Locale.ROOT,
                  "%s %s has tactics %s, none of which the rule tags; its confidence is lowered",
                  t.id(), t.name(), own), lineOf(m.tag()), 0));
        } else {
          findings.add(new Finding(FindingCode.TECHNIQUE_TACTIC_NOT_TAGGED, Severity.INFO, Optional.of(m.tag()),
              String.format(Locale.ROOT, "the rule tags no tactic; %s has %s", t.id(), own), lineOf(m.tag()), 0));
        }
      }
      if (rule instanceof DetectionRule detection && detection.logsource().product().isPresent()
          && !t.platforms().isEmpty()) {
        String product = detection.logsource().product().get();
        List<String> platforms = ProductPlatforms.of(product);
        if (platforms != null && !ProductPlatforms.overlap(platforms, t.platforms())) {
          c *= PLATFORM_MISMATCH;
          findings.add(new Finding(FindingCode.PLATFORM_MISMATCH, Severity.WARNING, Optional.of(m.tag()),
              String.format(Locale.ROOT, "%s %s applies to %s, but the rule reads %s logs (%s); its confidence is"
                  + " lowered", t.id(), t.name(), t.platforms(), product, String.join(", ", platforms)),
              lineOf(m.tag()), 0));
        }
      }
      return c;
    }

    private int lineOf(String tagText) {
      for (SigmaTag t : rule.tags()) {
        if (t.text().equals(tagText)) {
          return t.line();
        }
      }
      return rule.source().line();
    }

    private String ids() {
      StringBuilder sb = new StringBuilder();
      for (MappedTechnique m : mapped) {
        sb.append(sb.length() == 0 ? "" : ", ").append(m.technique().id());
      }
      return sb.toString();
    }
  }

  private static final Comparator<Tactic> MATRIX_ORDER =
      Comparator.comparing(Tactic::domain).thenComparingInt(Tactic::order);

  /** Whether an ATT&amp;CK tag is in canonical form, without building the canonical text. */
  private static boolean canonical(SigmaTag tag) {
    String text = tag.text();
    boolean tactic = tag.kind() == SigmaTag.Kind.TACTIC;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z' || tactic && c == '_') {
        return false;
      }
    }
    return true;
  }

  private String versionOf(Technique t) {
    for (AttackDomain d : t.domains()) {
      String v = versions.get(d);
      if (v != null) {
        return v;
      }
    }
    return dataVersion;
  }

  private String versionOf(List<MappedTechnique> mapped) {
    String first = versionOf(mapped.get(0).technique());
    for (int i = 1; i < mapped.size(); i++) {
      if (!versionOf(mapped.get(i).technique()).equals(first)) {
        return dataVersion;
      }
    }
    return first;
  }

  @Override
  public String toString() {
    return "RuleEnricher[" + index + ", policy " + policy.id() + ", " + options + "]";
  }

  /**
   * Builds a {@link RuleEnricher}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final TechniqueIndex index;
    private TacticWeightPolicy policy = TacticWeightPolicy.baseline();
    private EnrichOptions options = EnrichOptions.DEFAULT;
    private Map<String, RuleFeedback> feedback = Map.of();

    private Builder(TechniqueIndex index) {
      this.index = index;
    }

    /**
     * Sets the weight policy; default {@link TacticWeightPolicy#baseline()}. It is wrapped in the checking
     * decorator and bound to the index ({@link TacticWeightPolicies#checked(TacticWeightPolicy, TechniqueIndex)}).
     *
     * @param policy the policy, for example {@code TacticWeightPolicies.builder().build().policy("kill-chain")}
     * @return this builder
     */
    public Builder policy(TacticWeightPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the options; default {@link EnrichOptions#DEFAULT}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(EnrichOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets analyst feedback by rule id (a UUID, any case): lowers correlation weights and quarantines rules.
     *
     * @param feedback the feedback per rule id
     * @return this builder
     */
    public Builder feedback(Map<String, RuleFeedback> feedback) {
      Map<String, RuleFeedback> copy = new TreeMap<>();
      Objects.requireNonNull(feedback, "feedback").forEach((k, v) ->
          copy.put(Objects.requireNonNull(k, "feedback key").toLowerCase(Locale.ROOT),
              Objects.requireNonNull(v, "feedback value")));
      this.feedback = Collections.unmodifiableMap(copy);
      return this;
    }

    /**
     * Returns the enricher.
     *
     * @return a new immutable enricher
     * @throws io.sigmap.weights.TacticWeightPolicyException if the policy's id is invalid or binding it fails
     */
    public RuleEnricher build() {
      return new RuleEnricher(this);
    }
  }
}
