package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmap.core.BatchResult;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.correlate.spi.AssetCriticality;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public entry point rejects null with a NullPointerException naming the argument. */
class NullChecksTest {

  @Test
  void publicEntryPoints_rejectNullNamingTheArgument() {
    Correlator c = Correlator.builder(Fixtures.catalog()).build();
    FeedbackLedger ledger = FeedbackLedger.inMemory();
    Map<String, Executable> calls = new LinkedHashMap<>();
    calls.put("catalog", () -> Correlator.builder(null));
    calls.put("alert", () -> c.accept(null));
    calls.put("verdict", () -> c.feedback(null));
    calls.put("alerts", () -> c.replay((Path) null));
    calls.put("alerts ", () -> c.replay((Reader) null, "x"));
    calls.put("name  ", () -> c.replay(new StringReader(""), null));
    calls.put("correlatorOptions", () -> Correlator.builder(Fixtures.catalog()).options(null));
    calls.put("context", () -> Correlator.builder(Fixtures.catalog()).assets(null));
    calls.put("eventSink", () -> Correlator.builder(Fixtures.catalog()).sink(null));
    calls.put("feedbackLedger", () -> Correlator.builder(Fixtures.catalog()).feedback(null));
    calls.put("state", () -> Correlator.builder(Fixtures.catalog()).restore(null));
    calls.put("path", () -> RuleCatalog.builder().read(null));
    calls.put("rule", () -> RuleCatalog.builder().add((RuleProfile) null));
    calls.put("result", () -> RuleCatalog.builder().add((EnrichmentResult) null));
    calls.put("results", () -> RuleCatalog.builder().addResults(null));
    calls.put("batch", () -> RuleCatalog.builder().addAll((BatchResult) null));
    calls.put("result ", () -> RuleProfile.from(null));
    calls.put("index", () -> RuleCatalog.builder().tactics((io.sigmap.stix.TechniqueIndex) null));
    calls.put("matrix", () -> RuleCatalog.builder().tactics((java.util.List<io.sigmap.stix.Tactic>) null));
    calls.put("table", () -> RuleCatalog.builder().sourceTable(null));
    calls.put("id", () -> Fixtures.catalog().rule(null));
    calls.put("shortname", () -> Fixtures.catalog().tacticPosition(null));
    calls.put("file", () -> FeedbackLedger.open(null));
    calls.put("options", () -> FeedbackLedger.inMemory(null));
    calls.put("verdict ", () -> ledger.append(null));
    calls.put("ruleId", () -> ledger.adjustment(null, T0));
    calls.put("json", () -> CorrelationJson.parseAlert(null));
    calls.put("out", () -> CorrelationJson.jsonLines(null));
    calls.put("event", () -> CorrelationJson.toJson((CorrelationEvent) null));
    calls.put("report", () -> CorrelationJson.toJson((CorrelationReport) null));
    calls.put("summary", () -> CorrelationJson.toJson((ReplaySummary) null));
    calls.put("ruleId ", () -> Alert.builder("a", null, T0));
    calls.put("name", () -> Alert.builder("a", "r", T0).field(null, "v"));
    calls.put("value", () -> Alert.builder("a", "r", T0).host(null));
    calls.put("time", () -> Alert.builder("a", "r", (java.time.Instant) null));
    calls.put("kind", () -> EntityKey.of(null, "v"));
    calls.put("logSource", () -> SourceTable.standard().classify(null));
    calls.put("techniqueId", () -> RuleProfile.builder("r").technique(null));
    calls.put("criticality", () -> AssetTable.builder().put(EntityKind.HOST, "h", null));
    calls.put("file ", () -> AssetTable.read((Path) null));
    calls.put("entry", () -> CorrelatorOptions.builder().allow(null));
    calls.put("chain", () -> Verdict.onChain(T0, null, VerdictKind.TRUE_POSITIVE));
    calls.put("other", () -> c.report().merge(null));
    calls.put("tactic", () -> SuppressionOptions.builder().tacticWindow(null, java.time.Duration.ZERO));
    calls.put("id ", () -> AssetCriticality.fromId(null));
    for (Map.Entry<String, Executable> e : calls.entrySet()) {
      NullPointerException npe = assertThrows(NullPointerException.class, e.getValue(), e.getKey());
      assertEquals(e.getKey().trim(), npe.getMessage(), e.getKey());
    }
  }
}
