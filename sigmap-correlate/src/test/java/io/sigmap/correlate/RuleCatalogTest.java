package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.BatchResult;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.EnrichmentWriter;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {

  static final String FULL = "{\"status\":\"validated\",\"rule_id\":\"5b3ce4b8\",\"title\":\"Suspicious PowerShell\","
      + "\"source\":{\"path\":\"rules/windows/x.yml\",\"document\":0},\"level\":\"high\",\"rule_status\":\"test\","
      + "\"logsource\":{\"product\":\"windows\",\"category\":\"process_creation\",\"service\":\"sysmon\"},"
      + "\"mitre_technique\":[{\"id\":\"T1059.001\",\"name\":\"PowerShell\",\"tactics\":[\"execution\"],"
      + "\"platforms\":[\"Windows\"],\"parent\":\"T1059\",\"confidence\":1.0,\"replaced\":\"T1086\"}],"
      + "\"mitre_tactic\":\"execution\",\"mitre_tactics\":[\"execution\"],\"technique_confidence\":0.9,"
      + "\"correlation_weight\":8,\"attack_version\":\"18.1\",\"findings\":[{\"code\":\"REVOKED_TECHNIQUE\","
      + "\"severity\":\"warning\",\"tag\":\"attack.t1086\",\"message\":\"...\",\"line\":12}]}";

  @Test
  void read_contractObject_allFields(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x.json"), FULL, StandardCharsets.UTF_8);
    RuleCatalog c = RuleCatalog.read(dir);
    assertEquals(List.of(), c.issues());
    RuleProfile p = c.rule("5b3ce4b8").orElseThrow();
    assertEquals("Suspicious PowerShell", p.title());
    assertEquals(RuleStatus.VALIDATED, p.status());
    assertEquals(Optional.of(Level.HIGH), p.level());
    assertEquals(LogSource.EMPTY.withProduct("windows").withCategory("process_creation").withService("sysmon"),
        p.logSource());
    assertEquals(List.of("T1059.001"), p.techniques());
    assertEquals(List.of("execution"), p.tactics());
    assertEquals(0.9, p.techniqueConfidence());
    assertEquals(8, p.correlationWeight());
    assertEquals(Optional.of("rules/windows/x.yml"), p.path());
    assertEquals(SourceType.ENDPOINT, p.sourceType(c.sourceTable()));
    assertTrue(p.mapped());
  }

  @Test
  void read_directoryOfMixedFiles_lenientWithIssues(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.json"), "[{\"status\":\"quarantined\",\"rule_id\":\"q1\"},"
        + "{\"status\":\"validated\",\"rule_id\":\"v1\",\"mitre_tactics\":[\"credential_access\"],"
        + "\"correlation_weight\":12,\"technique_confidence\":1.5}]");
    Files.writeString(dir.resolve("b.jsonl"), String.join("\n",
        "{\"status\":\"validated\",\"rule_id\":\"v2\",\"level\":\"severe\",\"mitre_technique\":[{\"id\":\"T1003\","
            + "\"tactics\":[\"credential-access\"]}]}",
        "{broken",
        "{\"rule_id\":\"nostatus\"}",
        "",
        "{\"status\":\"validated\",\"rule_id\":\"v1\"}",
        "[1,2]"));
    Files.writeString(dir.resolve("sub/c.json"), "{\"status\":\"skipped\",\"source\":{\"path\":\"rules/y.yml\","
        + "\"document\":2}}");
    Files.writeString(dir.resolve("ignored.txt"), "not read");
    RuleCatalog c = RuleCatalog.read(dir);
    assertEquals(List.of("q1", "rules/y.yml#2", "v1", "v2"),
        c.rules().stream().map(RuleProfile::id).collect(Collectors.toList()));
    List<String> issues = c.issues().stream().map(InputIssue::toString).collect(Collectors.toList());
    assertEquals(List.of(
        "a.json[1]: rule v1: technique_confidence 1.5 outside [0, 1], clamped to 1.0",
        "a.json[1]: rule v1: correlation_weight 12 is not an integer in [0, 10]; 10 used",
        "b.jsonl:1: rule v2: unknown level 'severe' ignored",
        "b.jsonl:2: not JSON, skipped: Unexpected character ('b' (code 98)): was expecting double-quote to start "
            + "field name",
        "b.jsonl:3: no 'status'; rule skipped",
        "b.jsonl:5: duplicate rule id 'v1'; the first is kept",
        "b.jsonl:6: not a JSON object, skipped"), issues);
    assertEquals(List.of("credential-access"), c.rule("v1").orElseThrow().tactics());
    assertEquals(List.of("credential-access"), c.rule("v2").orElseThrow().tactics(), "from the technique");
    assertEquals(RuleStatus.SKIPPED, c.rule("rules/y.yml#2").orElseThrow().status());
  }

  @Test
  void read_missingPath_throws(@TempDir Path dir) {
    CorrelationInputException e = assertThrows(CorrelationInputException.class,
        () -> RuleCatalog.read(dir.resolve("nope")));
    assertTrue(e.getMessage().endsWith("nope: no such file or directory"), e.getMessage());
  }

  @Test
  void tactics_fromMatrix_orderedAndForeignTacticsAppended() {
    RuleCatalog c = RuleCatalog.builder().tactics(Fixtures.matrix())
        .add(RuleProfile.builder("r").tactic("impact").tactic("execution").tactic("zz-custom").build()).build();
    assertEquals(List.of(Fixtures.ENTERPRISE).size() + 1, c.tacticOrder().size());
    assertEquals("reconnaissance", c.tacticOrder().get(0));
    assertEquals("zz-custom", c.tacticOrder().get(c.tacticOrder().size() - 1));
    assertEquals(3, c.tacticPosition("execution"));
    assertEquals(-1, c.tacticPosition("nothing"));
    assertEquals(1, c.issues().size());
    assertTrue(c.issues().get(0).message().contains("zz-custom"));
  }

  @Test
  void tactics_withoutMatrix_derivedFromRuleOrders() {
    RuleCatalog c = RuleCatalog.builder()
        .add(RuleProfile.builder("a").tactics(List.of("execution", "persistence")).build())
        .add(RuleProfile.builder("b").tactics(List.of("initial-access", "execution")).build())
        .add(RuleProfile.builder("c").tactics(List.of("persistence", "privilege-escalation")).build())
        .add(RuleProfile.builder("d").tactics(List.of("impact")).build()).build();
    assertEquals(List.of("impact", "initial-access", "execution", "persistence", "privilege-escalation"),
        c.tacticOrder(), "a topological merge; ties by name");
    assertTrue(c.tacticOrderOrigin().startsWith("derived"));
  }

  @Test
  void tactics_cycleInRuleOrders_brokenByName() {
    RuleCatalog c = RuleCatalog.builder()
        .add(RuleProfile.builder("a").tactics(List.of("b", "a")).build())
        .add(RuleProfile.builder("b").tactics(List.of("a", "b")).build()).build();
    assertEquals(List.of("a", "b"), c.tacticOrder());
  }

  @Test
  void tactics_fromIndex_enterpriseMatrix() {
    Optional<Path> shared = Fixtures.shared();
    org.junit.jupiter.api.Assumptions.assumeTrue(shared.isPresent(), "SIGMAP_SHARED is not set");
    TechniqueIndex index = TechniqueIndex.load(shared.get().resolve("attack/enterprise-attack-18.1.json"));
    RuleCatalog c = RuleCatalog.builder().tactics(index).build();
    assertEquals(List.of(Fixtures.ENTERPRISE), c.tacticOrder());
    assertEquals("ATT&CK enterprise-attack 18.1", c.tacticOrderOrigin());
  }

  @Test
  void add_duplicate_keepsFirst() {
    RuleCatalog c = RuleCatalog.builder().add(RuleProfile.builder("x").title("first").build())
        .add(RuleProfile.builder("x").title("second").build()).build();
    assertEquals("first", c.rule("x").orElseThrow().title());
    assertEquals(1, c.size());
    assertEquals("catalogue: duplicate rule id 'x'; the first is kept", c.issues().get(0).toString());
  }

  @Test
  void addAll_enricherBatch_equalsTheCatalogueReadFromItsJsonFiles(@TempDir Path dir) {
    BatchResult batch = Fixtures.enrichedExamples();
    assertEquals(Set.of(EnrichmentResult.Status.values()),
        batch.results().stream().map(EnrichmentResult::status).collect(Collectors.toSet()),
        "the fixture has every outcome");
    EnrichmentWriter.writeJsonFiles(batch.results(), dir.resolve("files"));
    EnrichmentWriter.writeJsonLinesFile(batch.results(), dir.resolve("all.jsonl"));
    RuleCatalog fromJava = RuleCatalog.builder().tactics(Fixtures.matrix()).addAll(batch).build();
    RuleCatalog fromFiles = RuleCatalog.builder().tactics(Fixtures.matrix()).read(dir.resolve("files")).build();
    RuleCatalog fromLines = RuleCatalog.builder().tactics(Fixtures.matrix()).read(dir.resolve("all.jsonl")).build();
    assertEquals(batch.results().size(), fromJava.size());
    assertEquals(List.of(), fromJava.issues());
    assertEquals(List.of(), fromFiles.issues());
    assertEquals(fromFiles.rules(), fromJava.rules());
    assertEquals(fromLines.rules(), fromJava.rules());
    assertEquals(fromFiles.tacticOrder(), fromJava.tacticOrder());
    // and through the derived order too: both read the same partial orders
    assertEquals(RuleCatalog.read(dir.resolve("files")).rules(),
        RuleCatalog.builder().addResults(batch.results()).build().rules());
  }

  @Test
  void add_enrichmentResults_mapsEveryField() {
    BatchResult batch = Fixtures.enrichedExamples();
    RuleCatalog c = RuleCatalog.builder().addAll(batch).build();
    RuleProfile ps = c.rule("7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c03").orElseThrow();
    assertEquals("PowerShell Downloads and Runs a Script", ps.title());
    assertEquals(RuleStatus.VALIDATED, ps.status());
    assertEquals(Optional.of(Level.HIGH), ps.level());
    assertEquals(LogSource.EMPTY.withProduct("windows").withCategory("process_creation"), ps.logSource());
    assertEquals(List.of("T1059.001"), ps.techniques(), "the revoked T1086 follows its replacement");
    assertEquals(List.of("execution"), ps.tactics());
    assertEquals(0.8, ps.techniqueConfidence(), "remapped from a revoked id");
    assertEquals(Optional.of("proc_creation_win_powershell_revoked_tag.yml"), ps.path());
    EnrichmentResult.Validated v = (EnrichmentResult.Validated) batch.results().stream()
        .filter(r -> r.path().equals(ps.path().orElseThrow())).findFirst().orElseThrow();
    assertEquals(v.attributes().correlationWeight(), ps.correlationWeight());
    assertEquals(RuleStatus.QUARANTINED, c.rule("9c4d5e6f-7a8b-4c2d-9e0f-1a2b3c4d5e04").orElseThrow().status());
    assertEquals(RuleStatus.SKIPPED, c.rule("6d7e8f9a-0b1c-4d2e-3f4a-5b6c7d8e9f10").orElseThrow().status());
    RuleProfile broken = c.rule("registry_set_run_key_broken_yaml.yml#0").orElseThrow();
    assertEquals(RuleStatus.UNREADABLE, broken.status());
    assertEquals(0.0, broken.techniqueConfidence());
    RuleProfile correlation = c.rule("5c6d7e8f-9a0b-4c1d-2e3f-4a5b6c7d8e09").orElseThrow();
    assertEquals(LogSource.EMPTY, correlation.logSource(), "a correlation rule has no log source");
    assertEquals(List.of("lateral-movement"), correlation.tactics());
    assertEquals("ATT&CK enterprise-attack matrix of the enriched rules' tactics", c.tacticOrderOrigin());
    assertEquals(List.of("execution", "credential-access", "lateral-movement"), c.tacticOrder(),
        "the matrix positions of the results' tactics, not a derivation");
  }

  @Test
  void add_enrichmentResultsMixedWithOtherRules_derivesTheOrder() {
    RuleCatalog c = RuleCatalog.builder().addAll(Fixtures.enrichedExamples())
        .add(RuleProfile.builder("custom").tactic("zz-custom").build()).build();
    assertTrue(c.tacticOrderOrigin().startsWith("derived"), c.tacticOrderOrigin());
    assertTrue(c.tacticOrder().contains("zz-custom"));
  }

  @Test
  void add_duplicateEnrichmentResult_reportedWithItsPath() {
    BatchResult batch = Fixtures.enrichedExamples();
    RuleCatalog c = RuleCatalog.builder().addAll(batch).add(batch.results().get(0)).build();
    assertEquals(batch.results().size(), c.size());
    assertEquals(1, c.issues().size());
    assertTrue(c.issues().get(0).toString().startsWith(batch.results().get(0).path() + ": duplicate rule id"),
        c.issues().toString());
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> random = Arbitraries.strings().ofMaxLength(200);
    Arbitrary<String> mutated = Arbitraries.integers().between(0, FULL.length() - 1).list().ofMaxSize(6)
        .map(cuts -> {
          StringBuilder b = new StringBuilder(FULL);
          for (int cut : cuts) {
            if (cut < b.length()) {
              b.setCharAt(cut, "{}[]\":,0x-".charAt(cut % 10));
            }
          }
          return b.toString();
        });
    return Arbitraries.oneOf(random, mutated);
  }

  @Property(tries = 300)
  void read_anyLine_neverThrows(@ForAll("lines") String line) throws IOException {
    Path dir = Files.createTempDirectory("catalog");
    try {
      Files.writeString(dir.resolve("x.jsonl"), line, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("y.json"), line, StandardCharsets.UTF_8);
      RuleCatalog c = RuleCatalog.read(dir);
      // Whatever the line, each problem is reported against one of the two files, with a message.
      for (InputIssue issue : c.issues()) {
        assertTrue(issue.source().endsWith("x.jsonl") || issue.source().endsWith("y.json"), issue.toString());
        assertTrue(issue.line() >= 0 && !issue.message().isBlank(), issue.toString());
      }
      assertTrue(c.size() <= 2, "at most one rule per file: " + c.size());
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
