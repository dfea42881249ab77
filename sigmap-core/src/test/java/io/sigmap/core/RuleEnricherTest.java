package io.sigmap.core;

import static io.sigmap.core.TestRules.INDEX;
import static io.sigmap.core.TestRules.codes;
import static io.sigmap.core.TestRules.rule;
import static io.sigmap.core.TestRules.tagged;
import static io.sigmap.core.TestRules.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEnricherTest {

  private final RuleEnricher enricher = RuleEnricher.builder(INDEX).build();

  private Enrichment validated(String... tags) {
    EnrichmentResult r = enricher.enrich(tagged(tags));
    assertInstanceOf(EnrichmentResult.Validated.class, r, () -> r.findings().toString());
    return r.enrichment().orElseThrow();
  }

  private static List<String> ids(Enrichment e) {
    return e.techniques().stream().map(m -> m.technique().id()).toList();
  }

  private static List<String> tactics(Enrichment e) {
    return e.tactics().stream().map(Tactic::shortname).toList();
  }

  private static Finding only(EnrichmentResult r, FindingCode code) {
    List<Finding> found = r.findings().stream().filter(f -> f.code() == code).toList();
    assertEquals(1, found.size(), () -> code + " in " + r.findings());
    return found.get(0);
  }

  @Test
  void enrich_subTechniqueTagMaps() {
    // The Python sketch split attack.t1059.001 on the last dot, so every sub-technique failed.
    Enrichment e = validated("attack.execution", "attack.t1059.001");
    assertEquals(List.of("T1059.001"), ids(e));
    assertEquals("PowerShell", e.techniques().get(0).technique().name());
    assertEquals(List.of("execution"), tactics(e));
    assertEquals("execution", e.primaryTactic().orElseThrow().shortname());
    assertEquals(1.0, e.techniqueConfidence());
    assertEquals(8, e.correlationWeight());
    assertEquals("18.1", e.attackVersion());
  }

  @Test
  void enrich_everyTacticOfAMultiTacticTechnique() {
    // The Python sketch kept only the first kill chain phase.
    Enrichment e = validated("attack.t1055.011");
    assertEquals(List.of("privilege-escalation", "defense-evasion"), tactics(e));
    assertEquals("privilege-escalation", e.primaryTactic().orElseThrow().shortname(), "8 beats 6 in baseline");
    assertEquals(8, e.correlationWeight());
  }

  @Test
  void enrich_taggedTacticsNarrowTheTechniquesTactics() {
    Enrichment e = validated("attack.defense-evasion", "attack.t1055.011");
    assertEquals(List.of("defense-evasion"), tactics(e));
    assertEquals("defense-evasion", e.primaryTactic().orElseThrow().shortname());
    assertEquals(6, e.correlationWeight());
  }

  @Test
  void enrich_primaryTacticTiesGoToMatrixOrder() {
    RuleEnricher uniform = RuleEnricher.builder(INDEX).policy(TacticWeightPolicy.uniform()).build();
    Enrichment e = uniform.enrich(tagged("attack.t1078.004")).enrichment().orElseThrow();
    assertEquals(List.of("initial-access", "persistence", "privilege-escalation", "defense-evasion"), tactics(e));
    assertEquals("initial-access", e.primaryTactic().orElseThrow().shortname());
    assertEquals(5, e.correlationWeight());
  }

  @Test
  void enrich_policySeesTheTechnique() {
    TacticWeightPolicy t1003 = new TacticWeightPolicy() {
      @Override
      public String id() {
        return "t1003-first";
      }

      @Override
      public String description() {
        return "credential dumping above all";
      }

      @Override
      public int weight(Tactic tactic) {
        return 4;
      }

      @Override
      public int weight(Tactic tactic, Technique technique) {
        return technique.id().startsWith("T1003") ? 10 : weight(tactic);
      }
    };
    RuleEnricher e = RuleEnricher.builder(INDEX).policy(t1003).build();
    assertEquals(10, e.enrich(tagged("attack.t1003.001")).enrichment().orElseThrow().correlationWeight());
    assertEquals(4, e.enrich(tagged("attack.t1059.001")).enrichment().orElseThrow().correlationWeight());
  }

  @Test
  void enrich_revokedMapsToReplacementWithWarning() {
    EnrichmentResult r = enricher.enrich(tagged("attack.execution", "attack.t1086"));
    assertInstanceOf(EnrichmentResult.Validated.class, r);
    MappedTechnique m = r.enrichment().orElseThrow().techniques().get(0);
    assertEquals("T1059.001", m.technique().id());
    assertEquals("T1086", m.replaced().orElseThrow());
    assertEquals(0.8, m.confidence());
    Finding f = only(r, FindingCode.REVOKED_TECHNIQUE);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("attack.t1086", f.tag().orElseThrow());
    assertEquals(14, f.line(), "the tag's line");
    assertTrue(f.message().contains("mapped to its replacement T1059.001 PowerShell"), f.message());
  }

  @Test
  void enrich_revokedChainFollowedToTheEnd() {
    EnrichmentResult r = enricher.enrich(rule(yaml("macos", "test", "attack.t1150")));
    MappedTechnique m = r.enrichment().orElseThrow().techniques().get(0);
    assertEquals("T1647", m.technique().id());
    assertEquals(0.7, m.confidence());
    assertTrue(only(r, FindingCode.REVOKED_TECHNIQUE).message().contains("via [T1547.011]"));
  }

  @Test
  void enrich_strictRevokedIsAnErrorAndDoesNotMap() {
    RuleEnricher strict = RuleEnricher.builder(INDEX).options(EnrichOptions.builder().strict(true).build()).build();
    EnrichmentResult r = strict.enrich(tagged("attack.t1086"));
    assertInstanceOf(EnrichmentResult.Quarantined.class, r);
    assertEquals(Severity.ERROR, only(r, FindingCode.REVOKED_TECHNIQUE).severity());
    assertTrue(codes(r).contains("NO_TECHNIQUE_MAPPING"));
  }

  @Test
  void enrich_revokedWithoutActiveEndIsAnError() {
    EnrichmentResult r = enricher.enrich(tagged("attack.t1454"));
    assertInstanceOf(EnrichmentResult.Quarantined.class, r);
    Finding f = only(r, FindingCode.REVOKED_TECHNIQUE);
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains("no active replacement"), f.message());
  }

  @Test
  void enrich_deprecatedDoesNotMap() {
    EnrichmentResult r = enricher.enrich(tagged("attack.t1064"));
    EnrichmentResult.Quarantined q = assertInstanceOf(EnrichmentResult.Quarantined.class, r);
    assertTrue(only(r, FindingCode.DEPRECATED_TECHNIQUE).message().contains("T1064 Scripting is deprecated"));
    assertEquals(List.of(FindingCode.NO_TECHNIQUE_MAPPING), q.reasons().stream().map(Finding::code).toList());
    assertEquals(0, q.attributes().correlationWeight());
    assertTrue(q.attributes().primaryTactic().isEmpty());
  }

  @Test
  void enrich_unknownSaysWhetherNewer() {
    EnrichmentResult newer = enricher.enrich(tagged("attack.t1685"));
    assertEquals("T1685 is not in ATT&CK 18.1 (its highest technique is T1681); newer release?",
        only(newer, FindingCode.UNKNOWN_TECHNIQUE).message());
    EnrichmentResult gap = enricher.enrich(tagged("attack.t1010"));
    assertEquals("T1010 is not in ATT&CK 18.1", only(gap, FindingCode.UNKNOWN_TECHNIQUE).message());
  }

  @Test
  void enrich_malformedTagSaysWhy() {
    EnrichmentResult r = enricher.enrich(tagged("attack.t1059_001", "attack.1059"));
    List<Finding> f = r.findings().stream().filter(x -> x.code() == FindingCode.MALFORMED_ATTACK_TAG).toList();
    assertEquals(2, f.size());
    assertTrue(f.get(0).message().contains("dot and three digits"), f.get(0).message());
    assertInstanceOf(EnrichmentResult.Quarantined.class, r);
    assertEquals("no technique tag of the rule maps to an active technique of ATT&CK 18.1",
        only(r, FindingCode.NO_TECHNIQUE_MAPPING).message(), "attack.t1059_001 was meant as a technique tag");
  }

  @Test
  void enrich_unknownTacticFromANewerRelease() {
    EnrichmentResult r = enricher.enrich(tagged("attack.stealth", "attack.t1059.001"));
    assertTrue(only(r, FindingCode.UNKNOWN_TACTIC).message().contains("newer release"));
    assertInstanceOf(EnrichmentResult.Validated.class, r, "an unknown tactic alone does not quarantine");
  }

  @Test
  void enrich_tacticWithoutTechnique() {
    EnrichmentResult r = enricher.enrich(tagged("attack.persistence", "attack.t1059.001"));
    Finding f = only(r, FindingCode.TACTIC_WITHOUT_TECHNIQUE);
    assertTrue(f.message().contains("none of the rule's techniques (T1059.001) has that tactic"), f.message());
    assertEquals(List.of("execution"), tactics(r.enrichment().orElseThrow()));
    EnrichmentResult tacticsOnly = enricher.enrich(tagged("attack.execution"));
    assertTrue(codes(tacticsOnly).containsAll(List.of("NO_TECHNIQUE_MAPPING", "TACTIC_WITHOUT_TECHNIQUE")));
    assertTrue(only(tacticsOnly, FindingCode.NO_TECHNIQUE_MAPPING).message().contains("no ATT&CK technique tag"));
  }

  @Test
  void enrich_contradictingTacticLowersConfidence() {
    EnrichmentResult r = enricher.enrich(tagged("attack.execution", "attack.t1003.001"));
    Finding f = only(r, FindingCode.TECHNIQUE_TACTIC_NOT_TAGGED);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(0.7, r.enrichment().orElseThrow().techniqueConfidence());
    EnrichmentResult untagged = enricher.enrich(tagged("attack.t1003.001"));
    assertEquals(Severity.INFO, only(untagged, FindingCode.TECHNIQUE_TACTIC_NOT_TAGGED).severity());
    assertEquals(1.0, untagged.enrichment().orElseThrow().techniqueConfidence());
  }

  @Test
  void enrich_platformMismatchLowersConfidence() {
    EnrichmentResult r = enricher.enrich(tagged("attack.defense-evasion", "attack.t1647"));
    Finding f = only(r, FindingCode.PLATFORM_MISMATCH);
    assertTrue(f.message().contains("applies to [macOS], but the rule reads windows logs (Windows)"), f.message());
    assertEquals(0.6, r.enrichment().orElseThrow().techniqueConfidence());
    // Products the table does not know say nothing.
    EnrichmentResult zeek = enricher.enrich(rule(yaml("zeek", "test", "attack.defense-evasion", "attack.t1647")));
    assertFalse(codes(zeek).contains("PLATFORM_MISMATCH"));
    EnrichmentResult azure = enricher.enrich(rule(yaml("azure", "test", "attack.initial-access", "attack.t1078.004")));
    assertFalse(codes(azure).contains("PLATFORM_MISMATCH"));
  }

  @Test
  void enrich_ruleConfidenceIsTheMean() {
    Enrichment e = validated("attack.execution", "attack.defense-evasion", "attack.t1059.001", "attack.t1647");
    // T1059.001: 1.0; T1647 (macOS only, windows rule): 0.6; mean 0.8.
    assertEquals(0.8, e.techniqueConfidence());
  }

  @Test
  void enrich_otherAttackObjects() {
    EnrichmentResult r = enricher.enrich(tagged("attack.t1059.001", "attack.g9999", "attack.g0099", "attack.s0002",
        "attack.g0016", "attack.ds0009", "attack.a0001"));
    assertEquals("G9999 is not a group in ATT&CK 18.1", only(r, FindingCode.UNKNOWN_ATTACK_OBJECT).message());
    assertTrue(only(r, FindingCode.REVOKED_ATTACK_OBJECT).message()
        .contains("G0099 Old Group is revoked; tag attack.g0016 (APT29)"));
    assertTrue(only(r, FindingCode.DEPRECATED_ATTACK_OBJECT).message().contains("S0002 Old Malware"));
    assertInstanceOf(EnrichmentResult.Validated.class, r);
  }

  @Test
  void enrich_duplicateAndNonCanonicalTags() {
    EnrichmentResult r = enricher.enrich(tagged("attack.t1071.004", "attack.T1071.004", "attack.Command_And_Control",
        "attack.command-and-control"));
    Finding dup = r.findings().stream().filter(f -> f.code() == FindingCode.DUPLICATE_TAG).findFirst().orElseThrow();
    assertEquals("attack.T1071.004", dup.tag().orElseThrow());
    assertEquals(2, r.findings().stream().filter(f -> f.code() == FindingCode.DUPLICATE_TAG).count());
    assertEquals(2, r.findings().stream().filter(f -> f.code() == FindingCode.NON_CANONICAL_TAG).count());
    assertTrue(r.findings().stream().anyMatch(f -> f.message().equals(
        "write attack.command-and-control (lower case, words joined by hyphens)")));
    assertEquals(List.of("T1071.004"), ids(r.enrichment().orElseThrow()));
  }

  @Test
  void enrich_revokedOntoAnAlreadyTaggedTechnique() {
    // T1086 remaps onto T1059.001, already tagged exactly: one technique, at full confidence.
    EnrichmentResult r = enricher.enrich(tagged("attack.execution", "attack.t1059.001", "attack.t1086"));
    assertEquals(List.of("T1059.001"), ids(r.enrichment().orElseThrow()));
    assertEquals(1.0, r.enrichment().orElseThrow().techniques().get(0).confidence());
    assertEquals(Severity.WARNING, only(r, FindingCode.REVOKED_TECHNIQUE).severity());
  }

  @Test
  void enrich_deprecatedOrUnsupportedRuleIsQuarantinedButMapped() {
    for (String status : List.of("deprecated", "unsupported")) {
      EnrichmentResult r = enricher.enrich(rule(yaml("windows", status, "attack.t1059.001")));
      EnrichmentResult.Quarantined q = assertInstanceOf(EnrichmentResult.Quarantined.class, r);
      assertEquals(List.of(FindingCode.RULE_DEPRECATED), q.reasons().stream().map(Finding::code).toList());
      assertEquals(List.of("T1059.001"), ids(q.attributes()));
    }
  }

  @Test
  void enrich_filterRuleIsSkipped() {
    EnrichmentResult r = enricher.enrich(rule("title: Filter out admin\nlogsource:\n  product: windows\n"
        + "filter:\n  rules:\n    - 929a690e-bef0-4204-a928-ef5e620d6fcc\n  selection:\n    User: admin\n"
        + "  condition: not selection\n"));
    assertInstanceOf(EnrichmentResult.Skipped.class, r);
    assertTrue(r.findings().isEmpty());
    assertTrue(r.enrichment().isEmpty());
  }

  @Test
  void enrich_findingsMostSeriousFirst() {
    EnrichmentResult r = enricher.enrich(tagged("attack.Execution", "attack.t1086", "attack.t9999"));
    List<Severity> severities = r.findings().stream().map(Finding::severity).toList();
    assertEquals(severities.stream().sorted().toList(), severities);
    assertEquals(Severity.ERROR, severities.get(0));
  }

  @Test
  void enrich_feedbackLowersWeightOrQuarantines() {
    RuleEnricher lowered = RuleEnricher.builder(INDEX).feedback(Map.of("929A690E-BEF0-4204-A928-EF5E620D6FCC",
        new RuleFeedback(0.5, false, "false-positive ratio 0.40 over 30 days (20 verdicts)"))).build();
    EnrichmentResult r = lowered.enrich(tagged("attack.t1059.001"));
    assertEquals(4, r.enrichment().orElseThrow().correlationWeight());
    assertTrue(only(r, FindingCode.FEEDBACK_WEIGHT_LOWERED).message().contains("from 8 to 4"));
    RuleEnricher quarantining = RuleEnricher.builder(INDEX).feedback(Map.of("929a690e-bef0-4204-a928-ef5e620d6fcc",
        new RuleFeedback(1, true, "false-positive ratio 0.90"))).build();
    EnrichmentResult q = quarantining.enrich(tagged("attack.t1059.001"));
    assertEquals(List.of(FindingCode.FEEDBACK_QUARANTINE),
        assertInstanceOf(EnrichmentResult.Quarantined.class, q).reasons().stream().map(Finding::code).toList());
  }

  @Test
  void enrich_correlationAloneHasOnlyItsOwnTags() {
    EnrichmentResult r = enricher.enrich(rule(CORRELATION));
    assertTrue(codes(r).contains("UNRESOLVED_RULE_REFERENCE"));
    assertEquals(List.of("T1003.001"), ids(r.enrichment().orElseThrow()));
  }

  /** Found by RuleEnricherPropertiesTest: a mean of 0.5985 rounded either way depending on tag order. */
  @Test
  void enrich_confidenceDoesNotDependOnTagOrder_regression() {
    List<String> tags = List.of("attack.t1150", "attack.t1059", "attack.persistence", "attack.t1003.001",
        "attack.t1059.001");
    Enrichment forward = enricher.enrich(tagged(tags.toArray(new String[0]))).enrichment().orElseThrow();
    List<String> reversed = new java.util.ArrayList<>(tags);
    java.util.Collections.reverse(reversed);
    Enrichment backward = enricher.enrich(tagged(reversed.toArray(new String[0]))).enrichment().orElseThrow();
    assertEquals(0.294, forward.techniques().stream().filter(m -> m.technique().id().equals("T1647"))
        .findFirst().orElseThrow().confidence(), "0.7 x 0.7 x 0.6, in exact thousandths");
    assertEquals(0.599, forward.techniqueConfidence(), "(700 + 700 + 700 + 294) / 4 = 598.5, rounded half up");
    assertEquals(forward.techniqueConfidence(), backward.techniqueConfidence());
  }

  static final String CORRELATION = "title: Many PowerShell launches then LSASS access\n"
      + "id: 0e95725d-7320-415d-80f7-004da920fc11\nstatus: test\n"
      + "correlation:\n  type: temporal\n  rules:\n    - ps-launch\n    - 929a690e-bef0-4204-a928-ef5e620d6fcc\n"
      + "  group-by:\n    - Computer\n  timespan: 5m\nlevel: high\ntags:\n  - attack.t1003.001\n";
}
