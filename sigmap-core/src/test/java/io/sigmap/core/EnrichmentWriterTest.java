package io.sigmap.core;

import static io.sigmap.core.TestRules.INDEX;
import static io.sigmap.core.TestRules.tagged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.core.sigma.SigmaRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentWriterTest {

  private final RuleEnricher enricher = RuleEnricher.builder(INDEX).build();

  @Test
  void toJson_fieldNamesAndOrderAreTheContract() {
    EnrichmentResult r = enricher.enrich(tagged("attack.execution", "attack.t1086"));
    assertEquals("""
        {
          "status": "validated",
          "rule_id": "929a690e-bef0-4204-a928-ef5e620d6fcc",
          "title": "Test rule",
          "kind": "detection",
          "source": {
            "path": "test.yml",
            "document": 0
          },
          "level": "high",
          "rule_status": "test",
          "logsource": {
            "category": "process_creation",
            "product": "windows"
          },
          "mitre_technique": [
            {
              "id": "T1059.001",
              "name": "PowerShell",
              "tactics": [
                "execution"
              ],
              "platforms": [
                "Windows"
              ],
              "parent": "T1059",
              "confidence": 0.8,
              "replaced": "T1086"
            }
          ],
          "mitre_tactic": "execution",
          "mitre_tactics": [
            "execution"
          ],
          "technique_confidence": 0.8,
          "correlation_weight": 8,
          "attack_version": "18.1",
          "findings": [
            {
              "code": "REVOKED_TECHNIQUE",
              "severity": "warning",
              "tag": "attack.t1086",
              "message": "T1086 is revoked; mapped to its replacement T1059.001 PowerShell: tag attack.t1059.001",
              "line": 14
            }
          ]
        }
        """, EnrichmentWriter.toJson(r));
  }

  @Test
  void toJson_unreadable() {
    SigmaFile broken = TestRules.file("title: [unclosed\n", "rules/broken.yml");
    EnrichmentResult r = EnrichmentResult.Unreadable.of(broken.errors().get(0));
    String json = EnrichmentWriter.toJson(r);
    assertTrue(json.startsWith("{\n  \"status\": \"unreadable\",\n  \"source\": {\n    \"path\": \"rules/broken.yml\""),
        json);
    assertTrue(json.contains("\"code\": \"UNREADABLE\""), json);
    assertFalse(json.contains("mitre_technique"), json);
  }

  @Test
  void writeJsonFiles_mirrorsTheTreeAndNamesDocuments(@TempDir Path dir) throws IOException {
    BatchResult batch = enricher.enrichPaths(List.of(BatchTest.tree(dir.resolve("rules"))));
    Path out = dir.resolve("out");
    List<Path> written = EnrichmentWriter.writeJsonFiles(batch.results(), out);
    assertEquals(batch.results().size(), written.size());
    assertTrue(Files.exists(out.resolve("windows/ps_enriched.json")));
    assertTrue(Files.exists(out.resolve("collection_1_enriched.json")));
    assertTrue(Files.exists(out.resolve("collection_2_enriched.json")));
    assertTrue(Files.exists(out.resolve("broken_enriched.json")));
    try (Stream<Path> s = Files.walk(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
    }
  }

  @Test
  void writeJsonFiles_neverLeavesTheDirectory(@TempDir Path dir) throws IOException {
    SigmaRule hostile = TestRules.READER.readString(TestRules.yaml("windows", "test", "attack.t1059.001"),
        "../../../etc/evil.yml").rules().get(0);
    Path out = dir.resolve("out");
    List<Path> written = EnrichmentWriter.writeJsonFiles(List.of(enricher.enrich(hostile)), out);
    assertEquals(out.resolve("etc/evil_enriched.json"), written.get(0));
    SigmaRule absolute = TestRules.READER.readString(TestRules.yaml("windows", "test", "attack.t1059.001"),
        "/tmp/abs.yml").rules().get(0);
    assertEquals(out.resolve("tmp/abs_enriched.json"),
        EnrichmentWriter.writeJsonFiles(List.of(enricher.enrich(absolute)), out).get(0));

    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(out.resolve("link"), outside);
    SigmaRule viaLink = TestRules.READER.readString(TestRules.yaml("windows", "test", "attack.t1059.001"),
        "link/x.yml").rules().get(0);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> EnrichmentWriter.writeJsonFiles(List.of(enricher.enrich(viaLink)), out));
    assertTrue(e.getMessage().contains("through a symbolic link"), e.getMessage());
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void writeJsonLinesFile_oneLinePerResult(@TempDir Path dir) throws IOException {
    BatchResult batch = enricher.enrichPaths(List.of(BatchTest.tree(dir.resolve("rules"))));
    Path file = EnrichmentWriter.writeJsonLinesFile(batch.results(), dir.resolve("out/enriched.jsonl"));
    List<String> lines = Files.readAllLines(file);
    assertEquals(batch.results().size(), lines.size());
    assertTrue(lines.get(0).startsWith("{\"status\":\"unreadable\""), lines.get(0));
  }

  @Test
  void writeSigmaFiles_keepsTheOriginalByteForByte(@TempDir Path dir) throws IOException {
    Path rules = BatchTest.tree(dir.resolve("rules"));
    String withComments = "# A comment kept as is\ntitle: Commented\nid: 33333333-bef0-4204-a928-ef5e620d6fcc\n"
        + "status: test\nlogsource:\n  product: windows\n  category: process_creation  # inline comment\n"
        + "detection:\n  selection:\n    CommandLine|contains: 'x'\n  condition: selection\ndescription: |\n"
        + "  A literal block\n  that ends the file\ntags:\n  - attack.t1059.001\n  - attack.execution";
    Files.writeString(rules.resolve("commented.yml"), withComments);
    BatchResult batch = enricher.enrichPaths(List.of(rules));
    Path out = dir.resolve("out");
    EnrichmentWriter.writeSigmaFiles(batch, out);

    String enriched = Files.readString(out.resolve("commented.yml"));
    assertTrue(enriched.startsWith(withComments + "\n" + EnrichmentWriter.SIGMA_MARKER), enriched);
    assertTrue(enriched.contains("\nmitre_technique:\n  - id: T1059.001\n    name: 'PowerShell'\n"), enriched);
    assertTrue(enriched.contains("\ncorrelation_weight: 8\n"), enriched);
    assertTrue(enriched.endsWith("sigmap_status: validated\n"), enriched);

    // The output reads back as the same rule, with the attributes as custom attributes.
    SigmaRule back = SigmaReader.create().readString(enriched, "commented.yml").rules().get(0);
    SigmaRule original = batch.results().stream().filter(r -> r.path().equals("commented.yml")).findFirst()
        .orElseThrow().rule().orElseThrow();
    assertEquals(original.title(), back.title());
    assertEquals(original.tags(), back.tags());
    assertTrue(back.customAttributes().keySet().containsAll(List.of("mitre_technique", "mitre_tactic",
        "mitre_tactics", "technique_confidence", "correlation_weight", "attack_version", "sigmap_status")));

    // Filters and unreadable files are copied or left out; collections keep their global document.
    assertEquals(Files.readString(rules.resolve("filter.yml")), Files.readString(out.resolve("filter.yml")));
    assertEquals(Files.readString(rules.resolve("broken.yml")), Files.readString(out.resolve("broken.yml")),
        "an unreadable document is copied as it is, so the output stays a complete rule set");
    String collection = Files.readString(out.resolve("collection.yml"));
    assertTrue(collection.startsWith("action: global\ntitle: Collection\n"), collection);
    assertEquals(2, collection.split(EnrichmentWriter.SIGMA_MARKER, -1).length - 1);
    assertEquals(3, SigmaReader.create().readString(collection, "c.yml").documents());
  }

  @Test
  void writeSigmaFiles_reEnrichingReplacesTheBlock(@TempDir Path dir) throws IOException {
    Path rules = BatchTest.tree(dir.resolve("rules"));
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    EnrichmentWriter.writeSigmaFiles(enricher.enrichPaths(List.of(rules)), once);
    EnrichmentWriter.writeSigmaFiles(enricher.enrichPaths(List.of(once)), twice);
    for (String f : List.of("windows/ps.yml", "collection.yml", "correlation.yml")) {
      assertEquals(Files.readString(once.resolve(f)), Files.readString(twice.resolve(f)), f);
    }
  }

  @Test
  void writeSigmaFiles_dropsOnlyTheByteOrderMark(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    String text = TestRules.yaml("windows", "test", "attack.t1059.001");
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(rules.resolve("bom.yml"), withBom);
    Path out = dir.resolve("out");
    EnrichmentWriter.writeSigmaFiles(enricher.enrichPaths(List.of(rules)), out);
    assertTrue(Files.readString(out.resolve("bom.yml")).startsWith(text + EnrichmentWriter.SIGMA_MARKER));
  }
}
