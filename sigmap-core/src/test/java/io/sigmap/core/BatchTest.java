package io.sigmap.core;

import static io.sigmap.core.TestRules.INDEX;
import static io.sigmap.core.TestRules.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch enrichment: one result per document, counts that add up, correlations, duplicates, determinism. */
class BatchTest {

  private static final String DETECTION = "title: PowerShell launch\nid: 929a690e-bef0-4204-a928-ef5e620d6fcc\n"
      + "name: ps-launch\nstatus: test\nlogsource:\n  category: process_creation\n  product: windows\n"
      + "detection:\n  selection:\n    Image|endswith: '\\powershell.exe'\n  condition: selection\nlevel: medium\n"
      + "tags:\n  - attack.execution\n  - attack.t1059.001\n";

  static Path tree(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("windows"));
    Files.writeString(dir.resolve("windows/ps.yml"), DETECTION);
    // The same detection, written differently (other title, id, search name, value order), in another file.
    Files.writeString(dir.resolve("windows/ps_copy.yml"), "title: Copy of the PowerShell rule\n"
        + "id: 11111111-bef0-4204-a928-ef5e620d6fcc\nstatus: test\nlogsource:\n  product: windows\n"
        + "  category: process_creation\ndetection:\n  sel:\n    Image|endswith: '\\powershell.exe'\n"
        + "  condition: sel\nlevel: high\ntags:\n  - attack.t1059.001\n");
    // A second rule with the first rule's id.
    Files.writeString(dir.resolve("windows/same_id.yml"), yaml("windows", "test", "attack.t1003.001")
        .replace("929a690e-bef0-4204-a928-ef5e620d6fcc", "929A690E-bef0-4204-a928-ef5e620d6fcc"));
    Files.writeString(dir.resolve("windows/untagged.yml"), yaml("windows", "test")
        .replace("929a690e-bef0-4204-a928-ef5e620d6fcc", "22222222-bef0-4204-a928-ef5e620d6fcc"));
    Files.writeString(dir.resolve("broken.yml"), "title: [unclosed\n");
    Files.writeString(dir.resolve("correlation.yml"), RuleEnricherTest.CORRELATION);
    Files.writeString(dir.resolve("filter.yml"), "title: Filter out admin\nlogsource:\n  product: windows\n"
        + "filter:\n  rules:\n    - ps-launch\n  selection:\n    User: admin\n  condition: not selection\n");
    Files.writeString(dir.resolve("collection.yml"), "action: global\ntitle: Collection\nstatus: test\n"
        + "logsource:\n  product: windows\ntags:\n  - attack.t1547.001\n---\nlogsource:\n  category: registry_set\n"
        + "detection:\n  selection:\n    TargetObject|contains: '\\Run\\'\n  condition: selection\n---\n"
        + "logsource:\n  category: file_event\ndetection:\n  selection:\n    TargetFilename|contains: '\\Startup\\'\n"
        + "  condition: selection\n");
    return dir;
  }

  @Test
  void enrichPaths_oneResultPerDocumentAndCountsAddUp(@TempDir Path dir) throws IOException {
    BatchResult batch = RuleEnricher.builder(INDEX).build().enrichPaths(List.of(tree(dir)));
    List<String> paths = batch.results().stream().map(r -> r.path() + "#" + r.documentIndex()).toList();
    assertEquals(List.of("broken.yml#0", "collection.yml#1", "collection.yml#2", "correlation.yml#0",
        "filter.yml#0", "windows/ps.yml#0", "windows/ps_copy.yml#0", "windows/same_id.yml#0",
        "windows/untagged.yml#0"), paths);
    BatchSummary s = batch.summary();
    assertEquals(9, s.read());
    assertEquals(6, s.validated());
    assertEquals(1, s.quarantined());
    assertEquals(1, s.unreadable());
    assertEquals(1, s.skipped());
    assertEquals(s.read(), s.validated() + s.quarantined() + s.unreadable() + s.skipped());
    assertEquals(1, s.findingsByCode().get(FindingCode.UNREADABLE));
    assertEquals(1, s.findingsByCode().get(FindingCode.NO_TECHNIQUE_MAPPING));
    Finding unreadable = batch.results().get(0).findings().get(0);
    assertTrue(unreadable.line() >= 1, "the reader's location: " + unreadable);
    assertTrue(unreadable.message().length() > 10, unreadable.message());
  }

  @Test
  void enrichPaths_correlationInheritsReferencedTechniques(@TempDir Path dir) throws IOException {
    BatchResult batch = RuleEnricher.builder(INDEX).build().enrichPaths(List.of(tree(dir)));
    EnrichmentResult c = batch.results().get(3);
    assertEquals("correlation.yml", c.path());
    List<MappedTechnique> techniques = c.enrichment().orElseThrow().techniques();
    assertEquals(List.of("T1003.001", "T1059.001"), techniques.stream().map(m -> m.technique().id()).toList());
    assertEquals("ps-launch", techniques.get(1).inheritedFrom().orElseThrow());
    assertTrue(c.findings().stream().noneMatch(f -> f.code() == FindingCode.UNRESOLVED_RULE_REFERENCE));
  }

  @Test
  void enrichPaths_legacyCollectionRulesInheritTheGlobalTags(@TempDir Path dir) throws IOException {
    BatchResult batch = RuleEnricher.builder(INDEX).build().enrichPaths(List.of(tree(dir)));
    for (int i : new int[] {1, 2}) {
      EnrichmentResult r = batch.results().get(i);
      assertInstanceOf(EnrichmentResult.Validated.class, r);
      assertEquals("T1547.001", r.enrichment().orElseThrow().techniques().get(0).technique().id());
    }
  }

  @Test
  void enrichPaths_duplicateCoverage(@TempDir Path dir) throws IOException {
    BatchSummary s = RuleEnricher.builder(INDEX).build().enrichPaths(List.of(tree(dir))).summary();
    assertEquals(1, s.duplicateIds().size());
    BatchSummary.DuplicateGroup ids = s.duplicateIds().get(0);
    assertEquals("929a690e-bef0-4204-a928-ef5e620d6fcc", ids.key());
    assertEquals(List.of("windows/ps.yml", "windows/same_id.yml"),
        ids.rules().stream().map(BatchSummary.RuleRef::path).toList());
    assertEquals(1, s.duplicateDetections().size());
    BatchSummary.DuplicateGroup same = s.duplicateDetections().get(0);
    assertTrue(same.key().startsWith("T1059.001; logsource process_creation/windows/-; detection "), same.key());
    assertEquals(List.of("windows/ps.yml", "windows/ps_copy.yml"),
        same.rules().stream().map(BatchSummary.RuleRef::path).toList());
  }

  @Test
  void enrichPaths_severalRootsKeepTheirNames(@TempDir Path dir) throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("x.yml"), DETECTION);
    Files.writeString(b.resolve("x.yml"), DETECTION);
    BatchResult batch = RuleEnricher.builder(INDEX).build().enrichPaths(List.of(a, b));
    assertEquals(List.of(a + "/x.yml", b + "/x.yml"), batch.results().stream().map(EnrichmentResult::path).toList());
  }

  @Test
  void enrichPaths_missingPathIsAnUnreadableResult(@TempDir Path dir) {
    BatchResult batch = RuleEnricher.builder(INDEX).build().enrichPaths(List.of(dir.resolve("nope.yml")));
    EnrichmentResult r = assertInstanceOf(EnrichmentResult.Unreadable.class, batch.results().get(0));
    assertTrue(r.findings().get(0).message().contains("does not exist"), r.findings().toString());
    assertEquals(1, batch.summary().unreadable());
  }

  @Test
  void enrichPaths_identicalOutputWhateverTheThreadCount(@TempDir Path dir) throws IOException {
    Path root = tree(dir);
    for (int i = 0; i < 80; i++) {
      Files.writeString(root.resolve("windows/gen_" + i + ".yml"),
          yaml("windows", "test", "attack.t" + (1000 + i % 90), "attack.execution"));
    }
    String one = jsonl(RuleEnricher.builder(INDEX).options(EnrichOptions.builder().threads(1).build())
        .build().enrichPaths(List.of(root)));
    String four = jsonl(RuleEnricher.builder(INDEX).options(EnrichOptions.builder().threads(4).build())
        .build().enrichPaths(List.of(root)));
    assertEquals(one, four);
    assertEquals(89, one.lines().count());
  }

  static String jsonl(BatchResult batch) {
    StringWriter out = new StringWriter();
    EnrichmentWriter.writeJsonLines(batch.results(), out);
    return out.toString();
  }
}
