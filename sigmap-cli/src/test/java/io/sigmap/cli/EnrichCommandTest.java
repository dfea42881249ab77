package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigmap.core.EnrichmentWriter;
import io.sigmap.core.RuleFeedback;
import io.sigmap.correlate.FeedbackOptions;
import io.sigmap.correlate.RuleAdjustment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap enrich}: output formats, the gate, analyst feedback and unwritable output. */
class EnrichCommandTest {

  static final String ENCODED = "3b6c8f0e-6a4d-4a57-9a1e-0c5f5d2b7a01";
  static final String LSASS = "5d1e2f7a-0c3b-4e8d-b6a9-1f2e3d4c5b02";

  @TempDir
  Path dir;

  private Cli.Run enrich(String... args) {
    List<String> a = new ArrayList<>(List.of("enrich", "--attack", RuleFiles.attack()));
    a.addAll(List.of(args));
    return new Cli(dir.resolve("cache")).run(a.toArray(String[]::new));
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .toList();
    }
  }

  @Test
  void json_oneFilePerRule_mirroringTheFolder_andTheGateReport() throws IOException {
    Path out = dir.resolve("out");
    Cli.Run r = enrich("--out", out.toString(), RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("wrote 10 files under " + out + "\nproc_creation_win_cmd_malformed_tag.yml:8:"),
        r.out());
    assertTrue(r.out().endsWith("\nFAILED: 4 rules reach --fail-on quarantine\n"), r.out());
    List<String> names = files(out);
    assertEquals(10, names.size(), names.toString());
    assertTrue(names.contains("proc_creation_win_powershell_revoked_tag_enriched.json"), names.toString());
    JsonNode revoked = ValidateCommandTest.JSON.readTree(out.resolve(
        "proc_creation_win_powershell_revoked_tag_enriched.json").toFile());
    assertEquals("validated", revoked.get("status").asText());
    assertEquals("proc_creation_win_powershell_revoked_tag.yml", revoked.get("source").get("path").asText());
    assertEquals("T1059.001", revoked.get("mitre_technique").get(0).get("id").asText());
    assertEquals("T1086", revoked.get("mitre_technique").get(0).get("replaced").asText());
    assertEquals(8, revoked.get("correlation_weight").asInt());
  }

  @Test
  void jsonl_oneFile() throws IOException {
    Path out = dir.resolve("out");
    Cli.Run r = enrich("--out", out.toString(), "--format", "jsonl", "--fail-on", "never",
        RuleFiles.examplesRules().toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("wrote 1 file under " + out + "\n"), r.out());
    assertEquals(List.of(EnrichCommand.JSONL_FILE), files(out));
    List<String> lines = Files.readAllLines(out.resolve(EnrichCommand.JSONL_FILE), StandardCharsets.UTF_8);
    assertEquals(10, lines.size());
    for (String line : lines) {
      assertTrue(ValidateCommandTest.JSON.readTree(line).has("status"), line);
    }
  }

  @Test
  void sigma_keepsTheRulesText_andAppendsTheBlock() throws IOException {
    Path out = dir.resolve("out");
    Path rules = RuleFiles.examplesRules();
    Cli.Run r = enrich("--out", out.toString(), "--format", "sigma", rules.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    String original = Files.readString(rules.resolve("proc_access_win_lsass_dump.yml"), StandardCharsets.UTF_8);
    String enriched = Files.readString(out.resolve("proc_access_win_lsass_dump.yml"), StandardCharsets.UTF_8);
    assertTrue(enriched.startsWith(original), enriched);
    assertTrue(enriched.contains("\n" + EnrichmentWriter.SIGMA_MARKER + ": ATT&CK 18.1"), enriched);
    assertTrue(enriched.contains("\nsigmap_status: validated\n"), enriched);
    for (String name : files(out)) {
      assertTrue(name.endsWith(".yml"), name);
    }
  }

  @Test
  void writesNothingOutsideTheFolder() throws IOException {
    Path out = dir.resolve("a/b/out");
    enrich("--out", out.toString(), RuleFiles.examplesRules().toString());
    try (Stream<Path> s = Files.walk(dir.resolve("a"))) {
      s.filter(Files::isRegularFile).forEach(p -> assertTrue(p.startsWith(out), p.toString()));
    }
  }

  @Test
  void sameFilesWhateverTheThreadCount() throws IOException {
    Path one = dir.resolve("one");
    Path four = dir.resolve("four");
    String rules = RuleFiles.examplesRules().toString();
    Cli.Run a = enrich("--out", one.toString(), "--threads", "1", rules);
    Cli.Run b = enrich("--out", four.toString(), "--threads", "4", rules);
    assertEquals(a.out().replace(one.toString(), "DIR"), b.out().replace(four.toString(), "DIR"));
    assertEquals(files(one), files(four));
    for (String f : files(one)) {
      assertEquals(Files.readString(one.resolve(f)), Files.readString(four.resolve(f)), f);
    }
  }

  @Test
  void outIsAFile_isUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Cli.Run r = enrich("--out", file.toString(), RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: --out " + file + " is a file; name a folder"), r.toString());
  }

  @Test
  void outCannotBeCreated_isExit3() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path out = file.resolve("sub");
    Cli.Run r = enrich("--out", out.toString(), RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("sigmap: cannot create the folder " + out + ": "), r.toString());
    assertTrue(r.err().contains("\nhint: "), r.toString());
  }

  @Test
  void outMissing_isUsageError() {
    Cli.Run r = enrich(RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("Missing required option: '--out=DIR'"), r.toString());
  }

  private Path ledger() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      // the encoded-command rule: half false positives, lowered; the LSASS rule: all false positives, quarantined
      sb.append(String.format("{\"time\":\"2026-01-0%dT08:00:00Z\",\"verdict\":\"%s\",\"alert_id\":\"e%d\","
          + "\"rule_id\":\"%s\"}\n", 1 + i % 4, i % 2 == 0 ? "false_positive" : "true_positive", i, ENCODED));
      sb.append(String.format("{\"time\":\"2026-01-0%dT09:00:00Z\",\"verdict\":\"false_positive\",\"alert_id\":"
          + "\"l%d\",\"rule_id\":\"%s\"}\n", 1 + i % 4, i, LSASS));
    }
    sb.append("{not json\n");
    return Files.writeString(dir.resolve("verdicts.jsonl"), sb.toString());
  }

  @Test
  void feedback_lowersWeights_andQuarantines() throws IOException {
    Path out = dir.resolve("out");
    Path ledger = ledger();
    Cli.Run r = enrich("--out", out.toString(), "--feedback", ledger.toString(), "--fail-on", "never",
        RuleFiles.examplesRules().toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("sigmap: warning: " + ledger + ":21: not JSON: ", r.err().substring(0, r.err().indexOf("JSON: ")
        + 6));
    JsonNode encoded = ValidateCommandTest.JSON.readTree(out.resolve(
        "proc_creation_win_powershell_encoded_command_enriched.json").toFile());
    assertEquals("validated", encoded.get("status").asText());
    assertEquals(4, encoded.get("correlation_weight").asInt(), "8 x (1 - 0.5)");
    assertEquals("FEEDBACK_WEIGHT_LOWERED", encoded.get("findings").get(0).get("code").asText());
    assertTrue(encoded.get("findings").get(0).get("message").asText().endsWith(": false-positive ratio 0.50 over "
        + "30 days (10 verdicts: 5 false positive, 0 benign true positive, 5 true positive)"), encoded.toString());
    JsonNode lsass = ValidateCommandTest.JSON.readTree(out.resolve("proc_access_win_lsass_dump_enriched.json")
        .toFile());
    assertEquals("quarantined", lsass.get("status").asText());
    assertEquals("FEEDBACK_QUARANTINE", lsass.get("findings").get(0).get("code").asText());
  }

  @Test
  void feedback_windowEndsAtNow() throws IOException {
    Path out = dir.resolve("out");
    Cli.Run r = enrich("--out", out.toString(), "--feedback", ledger().toString(), "--now", "2026-03-01",
        RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    JsonNode lsass = ValidateCommandTest.JSON.readTree(out.resolve("proc_access_win_lsass_dump_enriched.json")
        .toFile());
    assertEquals("validated", lsass.get("status").asText(), "the verdicts are older than 30 days on March 1");
  }

  @Test
  void feedback_missingFile_orBadNow_isUsageError() {
    Cli.Run r = enrich("--out", dir.resolve("out").toString(), "--feedback", dir.resolve("nope.jsonl").toString(),
        RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: --feedback " + dir.resolve("nope.jsonl") + ": no such file"), r.err());
    Cli.Run now = enrich("--out", dir.resolve("out").toString(), "--now", "yesterday",
        RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, now.code(), now.toString());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void help_describesTheLedgersDefaults() {
    FeedbackOptions d = FeedbackOptions.DEFAULT;
    assertEquals(List.of(10, 30L, 0.5, 0.2, 0.8, 0.1), List.of(d.minSample(), d.window().toDays(), d.benignWeight(),
        d.lowerRatio(), d.quarantineRatio(), d.minMultiplier()), "update the enrich help with the defaults");
    String help = new Cli(dir).run("enrich", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("A rule with at least 10 verdicts in the 30 days before --now whose false-positive "
        + "ratio ((FP + BTP/2) / n) reaches 0.2 gets its correlation_weight multiplied by 1 - ratio (at least 0.1); "
        + "from 0.8 on it is also quarantined."), help);
  }

  @Test
  void toFeedback_onlyForLoweringAndQuarantine() {
    RuleAdjustment keep = new RuleAdjustment("r", 9, 1, 0, 0.1, 1.0, RuleAdjustment.Recommendation.KEEP);
    RuleAdjustment few = new RuleAdjustment("r", 0, 2, 0, 1.0, 1.0,
        RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE);
    RuleAdjustment lower = new RuleAdjustment("r", 6, 3, 2, 0.4, 0.6, RuleAdjustment.Recommendation.LOWER_WEIGHT);
    RuleAdjustment quarantine = new RuleAdjustment("r", 1, 9, 0, 0.9, 0.1,
        RuleAdjustment.Recommendation.QUARANTINE);
    assertEquals(Optional.empty(), EnrichCommand.toFeedback(keep, 30));
    assertEquals(Optional.empty(), EnrichCommand.toFeedback(few, 30));
    assertEquals(Optional.of(new RuleFeedback(0.6, false, "false-positive ratio 0.40 over 30 days (11 verdicts: 3 "
        + "false positive, 2 benign true positive, 6 true positive)")), EnrichCommand.toFeedback(lower, 30));
    RuleFeedback q = EnrichCommand.toFeedback(quarantine, 7).orElseThrow();
    assertTrue(q.quarantine());
    assertEquals(0.1, q.weightFactor());
    assertTrue(q.reason().startsWith("false-positive ratio 0.90 over 7 days"), q.reason());
  }
}
