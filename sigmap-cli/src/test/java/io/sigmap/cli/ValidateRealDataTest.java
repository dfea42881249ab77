package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigmap.core.BatchSummary;
import io.sigmap.core.FindingCode;
import io.sigmap.core.RuleEnricher;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SigmaHQ rules (2025-12-25) against Enterprise 18.1, from the shared data folder, in-process. */
class ValidateRealDataTest {

  @TempDir
  Path dir;

  @Test
  void validate_countsMatchTheLibrarysBatch() throws IOException {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    Path rules = Fixtures.sharedFile("sigma/sigmahq-2025-12-25");
    Cli.Run r = new Cli(dir).run("validate", "--attack", bundle.toString(), "--format", "json", "--fail-on", "never",
        rules.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode s = ValidateCommandTest.JSON.readTree(r.out()).get("summary");

    TechniqueIndex index = TechniqueIndex.load(bundle);
    BatchSummary expected = RuleEnricher.builder(index).build().enrichPaths(List.of(rules)).summary();
    assertEquals(expected.read(), s.get("read").asInt());
    assertEquals(expected.validated(), s.get("validated").asInt());
    assertEquals(expected.quarantined(), s.get("quarantined").asInt());
    assertEquals(expected.unreadable(), s.get("unreadable").asInt());
    assertEquals(expected.skipped(), s.get("skipped").asInt());
    Map<String, Integer> byCode = new TreeMap<>();
    s.get("findings_by_code").properties().forEach(e -> byCode.put(e.getKey(), e.getValue().asInt()));
    Map<String, Integer> libraryByCode = new TreeMap<>();
    expected.findingsByCode().forEach((k, v) -> libraryByCode.put(k.name(), v));
    assertEquals(libraryByCode, byCode);
    assertEquals(expected.duplicateIds().size(), s.get("duplicate_ids").size());
    assertEquals(expected.duplicateDetections().size(), s.get("duplicate_detections").size());
    // the figures sigmap-core's own real-data test pins
    assertEquals(3921, s.get("read").asInt());
    assertEquals(3199, s.get("validated").asInt());
    assertEquals(722, s.get("quarantined").asInt());
    assertEquals(489, byCode.get(FindingCode.NO_TECHNIQUE_MAPPING.name()));
    assertEquals(0, s.get("failing").asInt());
  }

  @Test
  void coverage_layerTechniquesExistInTheData() throws IOException {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    Path rules = Fixtures.sharedFile("sigma/sigmahq-2025-12-25");
    Path layer = dir.resolve("layer.json");
    Cli.Run r = new Cli(dir).run("coverage", "--attack", bundle.toString(), "--format", "json", "--layer",
        layer.toString(), rules.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode d = ValidateCommandTest.JSON.readTree(r.out()).get("domains").get(0);
    assertEquals(3199, ValidateCommandTest.JSON.readTree(r.out()).get("rules").get("validated").asInt());
    assertEquals(d.get("techniques_active").asInt(), d.get("techniques_covered").asInt()
        + d.get("techniques_via_subtechniques_only").asInt() + d.get("techniques_uncovered").asInt());
    assertTrue(d.get("techniques_covered").asInt() > 200, d.get("techniques_covered").toString());
    JsonNode l = ValidateCommandTest.JSON.readTree(layer.toFile());
    CoverageCommandTest.LayerCheck.check(l, TechniqueIndex.load(bundle));
    assertEquals("18", l.get("versions").get("attack").asText());
  }
}
