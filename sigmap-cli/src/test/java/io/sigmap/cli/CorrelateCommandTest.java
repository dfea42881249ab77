package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmap.core.BatchResult;
import io.sigmap.core.EnrichmentWriter;
import io.sigmap.core.RuleEnricher;
import io.sigmap.stix.TechniqueIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigmap correlate} in this JVM, over the example rules enriched by the real {@link RuleEnricher} and
 * written by {@link EnrichmentWriter}, and the example alert scenario.
 */
class CorrelateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;

  static Path enrichedDir;
  static Path enrichedLines;

  @TempDir
  Path dir;

  @BeforeAll
  static void enrichTheExamples() {
    TechniqueIndex index = TechniqueIndex.load(Fixtures.miniEnterprise());
    BatchResult batch = RuleEnricher.builder(index).build().enrichPaths(List.of(Fixtures.examples().resolve("rules")));
    enrichedDir = shared.resolve("enriched");
    EnrichmentWriter.writeJsonFiles(batch.results(), enrichedDir);
    enrichedLines = EnrichmentWriter.writeJsonLinesFile(batch.results(), shared.resolve("enriched.jsonl"));
  }

  static Path scenario() {
    return Fixtures.examples().resolve("alerts/intrusion.jsonl");
  }

  static Path assets() {
    return Fixtures.examples().resolve("alerts/assets.jsonl");
  }

  private Cli.Run run(String... args) {
    List<String> a = new ArrayList<>(List.of("correlate"));
    a.addAll(List.of(args));
    return new Cli(dir.resolve("cache")).run(a.toArray(String[]::new));
  }

  static List<JsonNode> lines(String text) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not a JSON line: " + line, e);
        }
      }
    }
    return out;
  }

  /** Alert ids of the input file's valid lines. */
  private static List<String> alertIds(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode n : lines(Files.readString(file))) {
      ids.add(n.get("id").asText());
    }
    return ids;
  }

  /** Checks the stream's invariants and returns the count of each event kind. */
  static Map<String, Integer> checkStream(List<JsonNode> events, List<String> alertIds, JsonNode summary) {
    Map<String, Integer> decided = new HashMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (JsonNode e : events) {
      String kind = e.get("event").asText();
      kinds.merge(kind, 1, Integer::sum);
      if (kind.startsWith("alert_")) {
        decided.merge(e.get("alert_id").asText(), 1, Integer::sum);
      }
    }
    for (String id : alertIds) {
      assertEquals(1, decided.getOrDefault(id, 0), "exactly one decision for alert " + id);
    }
    assertEquals(alertIds.size(), decided.size(), "no decision for an alert that is not in the input");
    JsonNode report = summary.get("report");
    assertEquals(alertIds.size(), summary.get("alerts").asInt());
    assertEquals(alertIds.size(), report.get("alerts").asInt());
    assertEquals(alertIds.size(), summary.get("stats").get("decisions").asInt());
    assertEquals(kinds.getOrDefault("alert_scored", 0), report.get("scored").asInt());
    assertEquals(kinds.getOrDefault("alert_allowlisted", 0), report.get("allowlisted").asInt());
    assertEquals((int) kinds.getOrDefault("alert_suppressed", 0), sum(report.get("suppressed")));
    assertEquals((int) kinds.getOrDefault("alert_routed_aside", 0), sum(report.get("routed_aside")));
    assertEquals((int) kinds.getOrDefault("chain_escalated", 0), sum(report.get("escalations")));
    return kinds;
  }

  private static int sum(JsonNode counts) {
    int n = 0;
    for (JsonNode v : counts) {
      n += v.asInt();
    }
    return n;
  }

  @Test
  void scenario_everyAlertDecidedOnce_summaryLastAndConsistent() throws IOException {
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--assets",
        assets().toString(), "--attack", RuleFiles.attack());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("", r.err(), "quiet on success");
    List<JsonNode> all = lines(r.out());
    JsonNode summary = all.get(all.size() - 1);
    assertEquals("summary", summary.get("event").asText());
    assertEquals(0, summary.get("rejected").asInt());
    Map<String, Integer> kinds = checkStream(all.subList(0, all.size() - 1), alertIds(scenario()), summary);
    assertEquals(Map.of("alert_routed_aside", 2, "alert_scored", 9, "alert_suppressed", 1, "chain_escalated", 3,
        "chain_updated", 5), kinds);
    // the intrusion: one chain over the workstation, the user and the servers, across three source types
    JsonNode last = null;
    for (JsonNode e : all) {
      if (e.get("event").asText().equals("chain_escalated")) {
        last = e;
      }
    }
    JsonNode chain = last.get("chain");
    assertEquals("chain:a-04", chain.get("id").asText());
    assertEquals("[\"execution\",\"credential-access\",\"lateral-movement\"]", chain.get("tactics").toString(),
        "matrix order from --attack");
    assertEquals("[\"endpoint\",\"identity\"]", chain.get("sources").toString());
    assertEquals("[\"high_fidelity\",\"risk_threshold\",\"tactic_breadth\"]", chain.get("escalations").toString());
  }

  @Test
  void scenario_sameOutput_fromTheJsonLinesCatalogue_andOnEveryRun() {
    Cli.Run files = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString());
    Cli.Run jsonl = run("--rules", enrichedLines.toString(), "--alerts", scenario().toString());
    Cli.Run again = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString());
    assertEquals(ExitCodes.OK, files.code(), files.toString());
    assertEquals(files.out(), jsonl.out());
    assertEquals(files.out(), again.out());
  }

  @Test
  void withoutAttackOrCache_tacticsOrderedByTheRules() {
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("", r.err(), "nothing cached is not a problem: " + r);
    assertTrue(r.out().contains("\"event\":\"chain_escalated\""), r.toString());
  }

  @Test
  void summaryFile_andOutputFile() throws IOException {
    Path out = dir.resolve("decisions.jsonl");
    Path sum = dir.resolve("summary.json");
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--output",
        out.toString(), "--summary", sum.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("", r.out());
    List<JsonNode> events = lines(Files.readString(out));
    assertTrue(events.stream().noneMatch(e -> e.get("event").asText().equals("summary")));
    List<JsonNode> summary = lines(Files.readString(sum));
    assertEquals(1, summary.size());
    checkStream(events, alertIds(scenario()), summary.get(0));
    Cli.Run same = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--output",
        out.toString(), "--summary", out.toString());
    assertEquals(ExitCodes.USAGE, same.code(), same.toString());
    assertTrue(same.err().contains("--summary and --output name the same file"), same.toString());
  }

  @Test
  void badAlertLines_reportedWithFileAndLine_countedNotFatal() throws IOException {
    Path alerts = dir.resolve("alerts.jsonl");
    List<String> text = new ArrayList<>(Files.readAllLines(scenario()));
    text.add(2, "{not json");
    text.add(5, "{\"id\":\"x\",\"time\":\"2026-01-05T10:00:00Z\"}");
    text.add(7, "");
    text.add("{\"id\":\"y\",\"rule_id\":\"r\",\"time\":\"yesterday\"}");
    Files.write(alerts, text, StandardCharsets.UTF_8);
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", alerts.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    List<String> err = List.of(r.err().split("\n"));
    assertEquals(3, err.size(), r.toString());
    assertTrue(err.get(0).startsWith("sigmap: warning: " + alerts + ":3: not JSON: "), r.toString());
    assertEquals("sigmap: warning: " + alerts + ":6: no 'rule_id'; skipped", err.get(1));
    assertEquals("sigmap: warning: " + alerts + ":16: no valid 'time' (ISO-8601 instant or epoch milliseconds);"
        + " skipped", err.get(2));
    List<JsonNode> all = lines(r.out());
    JsonNode summary = all.get(all.size() - 1);
    assertEquals(16, summary.get("lines").asInt());
    assertEquals(3, summary.get("rejected").asInt());
    assertEquals(3, summary.get("issues").size());
    checkStream(all.subList(0, all.size() - 1), alertIds(scenario()), summary);
  }

  @Test
  void notUtf8_isARejectedLine() throws IOException {
    Path alerts = dir.resolve("latin1.jsonl");
    byte[] good = Files.readAllBytes(scenario());
    byte[] bad = "{\"id\":\"z\",\"rule_id\":\"\u00e9\",\"time\":0}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[bad.length + good.length];
    System.arraycopy(bad, 0, all, 0, bad.length);
    System.arraycopy(good, 0, all, bad.length, good.length);
    Files.write(alerts, all);
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", alerts.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    // the byte becomes U+FFFD: the line is read, its alert routed aside as an unknown rule
    assertTrue(r.out().contains("\"rule_id\":\"\ufffd\""), r.toString());
  }

  @Test
  void standardInput() throws IOException {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(scenario())));
      Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", "-");
      assertEquals(ExitCodes.OK, r.code(), r.toString());
      Cli.Run file = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString());
      assertEquals(file.out().replace("\"source\":\"" + scenario() + "\"", "\"source\":\"stdin\""), r.out());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void failOnEscalation_exit1_onlyWhenAChainEscalated() throws IOException {
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--fail-on-escalation");
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    assertTrue(r.out().endsWith("}\n"), "the output is complete: " + r);
    Path benign = dir.resolve("benign.jsonl");
    Files.write(benign, Files.readAllLines(scenario()).subList(0, 3), StandardCharsets.UTF_8);
    Cli.Run quiet = run("--rules", enrichedDir.toString(), "--alerts", benign.toString(), "--fail-on-escalation");
    assertEquals(ExitCodes.OK, quiet.code(), quiet.toString());
  }

  @Test
  void thresholdOptions_changeTheOutcome() {
    Cli.Run strict = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--min-sources", "4",
        "--risk-threshold", "1000");
    assertEquals(ExitCodes.OK, strict.code(), strict.toString());
    List<JsonNode> events = lines(strict.out());
    assertEquals(List.of("high_fidelity"), events.stream()
        .filter(e -> e.get("event").asText().equals("chain_escalated")).map(e -> e.get("reason").asText()).toList(),
        "only the high-fidelity rule escalates when four source types are needed");
    Cli.Run all = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--chain-updates", "all",
        "--lateness", "0", "--kill-chain", "3", "--min-tactics", "2");
    assertEquals(ExitCodes.OK, all.code(), all.toString());
    long updates = lines(all.out()).stream().filter(e -> e.get("event").asText().equals("chain_updated")).count();
    assertTrue(updates > 6, "every chain change: " + all);
  }

  @Test
  void feedbackLedger_lowersTheWeightOfANoisyRule() throws IOException {
    Path ledger = dir.resolve("verdicts.jsonl");
    List<String> verdicts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      verdicts.add(String.format("{\"time\":\"2026-01-04T%02d:00:00Z\",\"verdict\":\"false_positive\","
          + "\"alert_id\":\"old-%d\",\"rule_id\":\"3b6c8f0e-6a4d-4a57-9a1e-0c5f5d2b7a01\"}", i, i));
    }
    verdicts.add("{torn");
    Files.write(ledger, verdicts, StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(ledger);
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--feedback",
        ledger.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("sigmap: warning: " + ledger + ":13: not JSON: Unexpected character ('t' (code 116)): was "
        + "expecting double-quote to start field name; skipped\n", r.err());
    List<JsonNode> events = lines(r.out());
    JsonNode first = events.get(0);
    assertEquals("feedback_recommendation", first.get("event").asText(), r.out());
    assertEquals("3b6c8f0e-6a4d-4a57-9a1e-0c5f5d2b7a01", first.get("rule_id").asText());
    JsonNode scored = events.get(1);
    assertEquals("a-01", scored.get("alert_id").asText());
    assertTrue(scored.get("factors").get("weight").asDouble() < 8.0, scored.toString());
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(ledger),
        "the ledger is read, never written");
  }

  @Test
  void usageErrors_exit2() throws IOException {
    String rules = enrichedDir.toString();
    String alerts = scenario().toString();
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path badAssets = Files.writeString(dir.resolve("assets.jsonl"), "{\"kind\":\"host\",\"value\":\"x\"}\n");
    Map<List<String>, String> cases = new LinkedHashMap<>();
    cases.put(List.of("--rules", dir.resolve("nope").toString(), "--alerts", alerts), "no such file or folder");
    cases.put(List.of("--rules", empty.toString(), "--alerts", alerts), "holds no enriched rule");
    cases.put(List.of("--rules", rules, "--alerts", dir.resolve("none.jsonl").toString()),
        "--alerts " + dir.resolve("none.jsonl") + ": no such file");
    cases.put(List.of("--rules", rules, "--alerts", dir.toString()), "is a folder");
    cases.put(List.of("--rules", rules, "--alerts", alerts, "--assets", dir.resolve("no.jsonl").toString()),
        "--assets");
    cases.put(List.of("--rules", rules, "--alerts", alerts, "--assets", badAssets.toString()),
        "invalid asset file: " + badAssets + ":1:");
    cases.put(List.of("--rules", rules, "--alerts", alerts, "--feedback", dir.resolve("no.jsonl").toString()),
        "--feedback");
    cases.put(List.of("--rules", rules), "Missing required option: '--alerts=FILE'");
    cases.put(List.of("--rules", rules, "--alerts", alerts, "--lateness", "-5m"), "--lateness");
    cases.put(List.of("--rules", rules, "--alerts", alerts, "--min-sources", "-1"), "riskMinSources");
    cases.put(List.of("--rules", rules, "--alerts", alerts, "--attack", dir.resolve("x.json").toString()),
        "no such file");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      Cli.Run r = run(c.getKey().toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), c.getKey() + ": " + r);
      assertEquals("", r.out(), c.getKey() + ": " + r);
      assertTrue(r.err().contains(c.getValue()), c.getKey() + ": " + r);
    }
  }

  @Test
  void unwritableOutput_exit3_andNoHalfFile() {
    Path out = dir.resolve("no-such-folder").resolve("decisions.jsonl");
    Cli.Run r = run("--rules", enrichedDir.toString(), "--alerts", scenario().toString(), "--output", out.toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void unreadableRuleFiles_warnedAndSkipped() throws IOException {
    Path rules = dir.resolve("rules");
    EnrichmentWriter.writeJsonFiles(RuleEnricher.builder(TechniqueIndex.load(Fixtures.miniEnterprise())).build()
        .enrichPaths(List.of(Fixtures.examples().resolve("rules"))).results(), rules);
    Files.writeString(rules.resolve("broken_enriched.json"), "{\"status\":");
    Cli.Run r = run("--rules", rules.toString(), "--alerts", scenario().toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: warning: " + rules.resolve("broken_enriched.json")
        + ":1: not JSON, skipped"),
        r.toString());
  }
}
