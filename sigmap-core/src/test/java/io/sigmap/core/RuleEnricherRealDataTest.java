package io.sigmap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.core.sigma.SigmaTag;
import io.sigmap.stix.TechniqueIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The SigmaHQ repository (2025-12-25) against ATT&amp;CK Enterprise 18.1, from the shared data folder. */
@EnabledIf(value = "io.sigmap.core.TestRules#sharedAvailable",
    disabledReason = "real-data test skipped: set SIGMAP_SHARED (or -Dsigmap.shared) to the shared data folder")
class RuleEnricherRealDataTest {

  private static TechniqueIndex index;
  private static RuleEnricher enricher;
  private static BatchResult batch;

  @BeforeAll
  static void enrichTheCorpus() {
    Path shared = TestRules.shared().orElseThrow();
    index = TechniqueIndex.load(shared.resolve("attack/enterprise-attack-18.1.json"));
    enricher = RuleEnricher.builder(index).build();
    batch = enricher.enrichPaths(List.of(shared.resolve("sigma/sigmahq-2025-12-25")));
  }

  @Test
  void sigmahq_counts() {
    BatchSummary s = batch.summary();
    assertEquals(3921, s.read());
    assertEquals(3199, s.validated());
    assertEquals(722, s.quarantined());
    assertEquals(0, s.unreadable());
    assertEquals(0, s.skipped());
    Map<FindingCode, Integer> expected = new TreeMap<>(Map.of(
        FindingCode.REVOKED_TECHNIQUE, 4, FindingCode.DEPRECATED_TECHNIQUE, 1,
        FindingCode.TACTIC_WITHOUT_TECHNIQUE, 916, FindingCode.TECHNIQUE_TACTIC_NOT_TAGGED, 21,
        FindingCode.PLATFORM_MISMATCH, 140, FindingCode.DEPRECATED_ATTACK_OBJECT, 1,
        FindingCode.NON_CANONICAL_TAG, 192, FindingCode.NO_TECHNIQUE_MAPPING, 489, FindingCode.RULE_DEPRECATED, 246));
    assertEquals(expected, new TreeMap<>(s.findingsByCode()));
    // SigmaHQ checks its own tags: no unknown or malformed ATT&CK tag anywhere.
    assertTrue(!s.findingsByCode().containsKey(FindingCode.UNKNOWN_TECHNIQUE));
    assertTrue(!s.findingsByCode().containsKey(FindingCode.MALFORMED_ATTACK_TAG));
    assertEquals(2, s.duplicateIds().size(), "two legacy collections repeat their global id");
    assertEquals(0, s.duplicateDetections().size());
  }

  @Test
  void sigmahq_rulesWithoutTechniqueTagAreQuarantined() {
    List<EnrichmentResult> untagged = batch.results().stream()
        .filter(r -> r.rule().orElseThrow().tags().stream().noneMatch(t -> t.kind() == SigmaTag.Kind.TECHNIQUE))
        .toList();
    assertEquals(488, untagged.size());
    assertTrue(untagged.stream().allMatch(r -> r.status() == EnrichmentResult.Status.QUARANTINED));
    Map<String, Long> byFolder = batch.results().stream()
        .filter(r -> r.status() == EnrichmentResult.Status.QUARANTINED)
        .collect(Collectors.groupingBy(r -> r.path().split("/")[0], TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("deprecated", 161L, "rules", 350L, "rules-compliance", 3L, "rules-emerging-threats", 109L,
        "rules-threat-hunting", 14L, "unsupported", 85L), byFolder);
  }

  @Test
  void sigmahq_spotChecks() {
    EnrichmentResult ps = find("rules/windows/process_creation/proc_creation_win_powershell_encode.yml");
    assertEquals(EnrichmentResult.Status.VALIDATED, ps.status());
    Enrichment e = ps.enrichment().orElseThrow();
    assertEquals(List.of("T1059.001"), e.techniques().stream().map(m -> m.technique().id()).toList());
    assertEquals("execution", e.primaryTactic().orElseThrow().shortname());
    assertEquals(8, e.correlationWeight());
    assertEquals(1.0, e.techniqueConfidence());
    EnrichmentResult old = find("deprecated/windows/sysmon_powershell_execution_moduleload.yml");
    assertEquals(EnrichmentResult.Status.QUARANTINED, old.status());
    assertEquals("T1059.001", old.enrichment().orElseThrow().techniques().get(0).technique().id());
    assertTrue(old.findings().stream().anyMatch(f -> f.code() == FindingCode.REVOKED_TECHNIQUE));
  }

  private static EnrichmentResult find(String path) {
    return batch.results().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
  }

  /** Real rules with their tags rewritten into every kind of mistake, checked finding by finding. */
  @Test
  void sigmahq_mutatedTags() {
    List<SigmaRule> sample = batch.results().stream()
        .filter(r -> r.status() == EnrichmentResult.Status.VALIDATED && r.path().startsWith("rules/windows/"))
        .limit(40).map(r -> r.rule().orElseThrow()).toList();
    Map<String, FindingCode> mutations = Map.of(
        "attack.t1086", FindingCode.REVOKED_TECHNIQUE,
        "attack.t1064", FindingCode.DEPRECATED_TECHNIQUE,
        "attack.t9999", FindingCode.UNKNOWN_TECHNIQUE,
        "attack.T1059.001", FindingCode.NON_CANONICAL_TAG,
        "attack.defense_evasion", FindingCode.NON_CANONICAL_TAG,
        "attack.t1059_001", FindingCode.MALFORMED_ATTACK_TAG);
    int checked = 0;
    for (SigmaRule rule : sample) {
      for (Map.Entry<String, FindingCode> m : mutations.entrySet()) {
        String text = rule.source().text();
        int tags = text.indexOf("\ntags:\n");
        if (tags < 0 || rule.source().inherits()) {
          continue;
        }
        String mutated = text.substring(0, tags) + "\ntags:\n    - " + m.getKey() + "\n" + text.substring(tags + 7);
        SigmaRule r = TestRules.READER.readString(mutated, rule.source().path()).results().get(0).orThrow();
        EnrichmentResult result = enricher.enrich(r);
        Finding f = result.findings().stream().filter(x -> x.tag().orElse("").equals(m.getKey())
            && x.code() == m.getValue()).findFirst().orElseThrow(() -> new AssertionError(
                m.getKey() + " in " + rule.source().path() + ": " + result.findings()));
        assertTrue(f.line() > 0);
        if (m.getValue() == FindingCode.UNKNOWN_TECHNIQUE) {
          assertTrue(f.message().endsWith("newer release?"), f.message());
        }
        if (m.getKey().equals("attack.t1086")) {
          // Remapped to T1059.001 (or merged into the rule's own exact T1059.001 tag).
          assertTrue(result.enrichment().orElseThrow().techniques().stream()
              .anyMatch(t -> t.technique().id().equals("T1059.001")));
        }
        checked++;
      }
    }
    assertTrue(checked >= 200, "checked " + checked);
  }
}
