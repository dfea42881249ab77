package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.BatchResult;
import io.sigmap.core.RuleEnricher;
import io.sigmap.correlate.spi.AssetContext;
import io.sigmap.correlate.spi.AssetCriticality;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The javadoc examples, compiled and run. */
class ExamplesTest {

  @Test
  void correlator_quickStart(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ps.json"), RuleCatalogTest.FULL);
    Files.writeString(dir.resolve("c2.json"), "{\"status\":\"validated\",\"rule_id\":\"c2\",\"level\":\"high\","
        + "\"logsource\":{\"category\":\"proxy\"},\"mitre_technique\":[{\"id\":\"T1071.001\"}],"
        + "\"mitre_tactics\":[\"command-and-control\"],\"correlation_weight\":8}");
    RuleCatalog catalog = RuleCatalog.builder().tactics(Fixtures.matrix()).read(dir).build();
    AssetContext cmdb = (kind, value) -> value.startsWith("dc") ? AssetCriticality.EXTREME : AssetCriticality.MEDIUM;
    List<String> incidents = new ArrayList<>();
    Correlator correlator = Correlator.builder(catalog)
        .assets(cmdb)
        .feedback(FeedbackLedger.open(dir.resolve("verdicts.jsonl")))
        .sink(event -> {
          if (event instanceof ChainEscalated e) {
            incidents.add(e.chain().id() + " " + e.reason() + ": " + e.detail());
          }
        })
        .build();
    List<Alert> alerts = List.of(
        Alert.builder("alert-17", "5b3ce4b8", Instant.parse("2026-01-05T10:15:00Z")).host("WS0042").user("alice")
            .field("Image", "C:\\Windows\\System32\\wsmprovhost.exe").build(),
        Alert.builder("alert-18", "c2", Instant.parse("2026-01-05T10:16:00Z")).host("ws0042").build());
    for (Alert alert : alerts) {
      correlator.accept(alert);
    }
    correlator.flush();
    assertEquals(1, incidents.size(), incidents.toString());
    assertTrue(incidents.get(0).startsWith("chain:alert-17 RISK_THRESHOLD: risk sum "), incidents.get(0));
  }

  @Test
  void catalog_straightFromTheEnricher() {
    TechniqueIndex index = TechniqueIndex.load(Fixtures.examples().resolve("attack/mini-enterprise-attack.json"));
    BatchResult batch = RuleEnricher.builder(index).build().enrichPaths(List.of(Fixtures.examples().resolve("rules")));
    RuleCatalog same = RuleCatalog.builder().tactics(index).addAll(batch).build();
    assertEquals(batch.results().size(), same.size());
    assertEquals("ATT&CK enterprise-attack 18.1", same.tacticOrderOrigin());
    RuleProfile p = RuleProfile.from(batch.results().get(0));
    assertEquals(same.rule(p.id()).orElseThrow(), p);
  }

  @Test
  void options_andAllowlist() {
    CorrelatorOptions o = CorrelatorOptions.DEFAULT.toBuilder()
        .allowedLateness(Duration.ofMinutes(2))
        .linking(LinkOptions.builder().stopValue(EntityKind.HOST, "dc01").build())
        .build();
    AllowlistEntry sccm = AllowlistEntry.builder("AL-7 SCCM client")
        .rule("5b3ce4b8-...")
        .field("Image", "C:\\Windows\\CCM\\*.exe")
        .field("ParentImage", "*\\CcmExec.exe")
        .build();
    assertEquals(Duration.ofMinutes(2), o.toBuilder().allow(sccm).build().allowedLateness());
    RuleProfile p = RuleProfile.builder("5b3ce4b8-...")
        .title("Suspicious PowerShell")
        .level(Level.HIGH)
        .logSource(LogSource.EMPTY.withProduct("windows").withCategory("process_creation"))
        .technique("T1059.001").tactic("execution")
        .techniqueConfidence(1.0).correlationWeight(8)
        .build();
    assertTrue(p.mapped());
  }

  @Test
  void ledger_andAdjustments(@TempDir Path dir) {
    long now = T0;
    String ruleId = "5b3c";
    try (FeedbackLedger ledger = FeedbackLedger.open(dir.resolve("verdicts.jsonl"))) {
      ledger.append(Verdict.onAlert(now, "alert-17", ruleId, VerdictKind.FALSE_POSITIVE).withAnalyst("kim"));
      SortedMap<String, RuleAdjustment> byRule = ledger.adjustments(now);
      RuleAdjustment a = byRule.get(ruleId);
      int newWeight = a.adjustedWeight(8);
      boolean quarantine = a.recommendation() == RuleAdjustment.Recommendation.QUARANTINE;
      assertEquals(8, newWeight);
      assertTrue(!quarantine);
    }
  }

  @Test
  void replay_toJsonLines(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("alerts.jsonl"), "{\"id\":\"a\",\"rule_id\":\"ps\",\"time\":1767571200000,"
        + "\"entities\":{\"host\":\"h1\"}}\n");
    RuleCatalog catalog = Fixtures.catalog();
    Path decisions = dir.resolve("decisions.jsonl");
    try (Writer out = Files.newBufferedWriter(decisions)) {
      Correlator c = Correlator.builder(catalog).sink(CorrelationJson.jsonLines(out)).build();
      ReplaySummary summary = c.replay(dir.resolve("alerts.jsonl"));
      out.write(CorrelationJson.toJson(summary));
      out.write('\n');
    }
    List<String> lines = Files.readAllLines(decisions);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("{\"event\":\"alert_scored\""));
    assertTrue(lines.get(1).startsWith("{\"event\":\"summary\""));
  }
}
