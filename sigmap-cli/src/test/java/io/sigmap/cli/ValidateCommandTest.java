package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmap.core.EnrichmentWriter;
import io.sigmap.core.FindingCode;
import io.sigmap.core.RuleEnricher;
import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap validate}: the gate, its fail levels, formats and errors. */
class ValidateCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Cli.Run validate(String... args) {
    List<String> a = new ArrayList<>(List.of("validate", "--attack", RuleFiles.attack()));
    a.addAll(List.of(args));
    return new Cli(dir.resolve("cache")).run(a.toArray(String[]::new));
  }

  @Test
  void examples_failTheGate_withOneLinePerProblemAndASummary() {
    String rules = RuleFiles.examplesRules().toString();
    Cli.Run r = validate(rules);
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    assertEquals("", r.err());
    String p = rules + "/";
    String expected = ""
        + p + "proc_creation_win_cmd_malformed_tag.yml:8:           error    NO_TECHNIQUE_MAPPING      no technique "
        + "tag of the rule maps to an active technique of ATT&CK 18.1\n"
        + p + "proc_creation_win_cmd_malformed_tag.yml:8:7:         warning  TACTIC_WITHOUT_TECHNIQUE  "
        + "attack.execution is tagged, but the rule maps to no technique\n"
        + p + "proc_creation_win_cmd_malformed_tag.yml:9:7:         error    MALFORMED_ATTACK_TAG      "
        + "attack.t1059_003 is not a valid ATT&CK tag: a sub-technique is written with a dot and three digits, as "
        + "in T1059.001\n"
        + p + "proc_creation_win_unknown_technique.yml:8:           error    NO_TECHNIQUE_MAPPING      no technique "
        + "tag of the rule maps to an active technique of ATT&CK 18.1\n"
        + p + "proc_creation_win_unknown_technique.yml:8:7:         warning  TACTIC_WITHOUT_TECHNIQUE  "
        + "attack.persistence is tagged, but the rule maps to no technique\n"
        + p + "proc_creation_win_unknown_technique.yml:9:7:         error    UNKNOWN_TECHNIQUE         T1685 is not "
        + "in ATT&CK 18.1 (its highest technique is T1566); newer release?\n"
        + p + "proc_creation_win_wscript_deprecated_rule.yml:9:     error    RULE_DEPRECATED           the rule's "
        + "status is deprecated; such rules are kept out of production\n"
        + p + "proc_creation_win_wscript_deprecated_rule.yml:9:     error    NO_TECHNIQUE_MAPPING      no technique "
        + "tag of the rule maps to an active technique of ATT&CK 18.1\n"
        + p + "proc_creation_win_wscript_deprecated_rule.yml:9:7:   warning  TACTIC_WITHOUT_TECHNIQUE  "
        + "attack.execution is tagged, but the rule maps to no technique\n"
        + p + "proc_creation_win_wscript_deprecated_rule.yml:10:7:  error    DEPRECATED_TECHNIQUE      T1064 "
        + "Scripting is deprecated in ATT&CK 18.1 and has no replacement; tag a current technique\n"
        + p + "registry_set_run_key_broken_yaml.yml:8:10:           error    UNREADABLE                invalid "
        + "YAML: expected ',' or ']', but got : (while parsing a flow sequence at line 7)\n"
        + "\n"
        + "ATT&CK       enterprise 18.1\n"
        + "policy       baseline\n"
        + "read         10\n"
        + "validated    5\n"
        + "quarantined  3\n"
        + "unreadable   1\n"
        + "skipped      1\n"
        + "\n"
        + "findings by code\n"
        + "  UNKNOWN_TECHNIQUE         1\n"
        + "  REVOKED_TECHNIQUE         1\n"
        + "  DEPRECATED_TECHNIQUE      1\n"
        + "  MALFORMED_ATTACK_TAG      1\n"
        + "  TACTIC_WITHOUT_TECHNIQUE  3\n"
        + "  NO_TECHNIQUE_MAPPING      3\n"
        + "  RULE_DEPRECATED           1\n"
        + "  UNREADABLE                1\n"
        + "\n"
        + "FAILED: 4 rules reach --fail-on quarantine\n";
    assertEquals(alignedTo(expected), r.out());
  }

  /** The expected text above is written with the widths of the repository layout; recompute the padding. */
  private static String alignedTo(String expected) {
    Text.Table t = new Text.Table();
    StringBuilder rest = new StringBuilder();
    boolean inTable = true;
    for (String line : expected.split("\n", -1)) {
      if (inTable && line.isEmpty()) {
        inTable = false;
      }
      if (inTable) {
        String[] cells = line.split("\\s{2,}", 4);
        t.row(cells);
      } else {
        rest.append(line).append('\n');
      }
    }
    java.io.StringWriter w = new java.io.StringWriter();
    t.print(new java.io.PrintWriter(w, true), "");
    String tail = rest.toString();
    return w.toString().replace(System.lineSeparator(), "\n") + tail.substring(0, tail.length() - 1);
  }

  @Test
  void passing_printsOneSummaryLine() {
    Path rule = RuleFiles.clean(dir);
    Cli.Run r = validate(rule.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("1 rules read: 1 validated, 0 quarantined, 0 unreadable, 0 skipped; ATT&CK enterprise 18.1; "
        + "passed (--fail-on quarantine)\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void failLevels_exitCodesPerLevel() {
    Path clean = RuleFiles.clean(dir.resolve("clean"));
    Path warning = RuleFiles.warning(dir.resolve("warning"));
    Path error = RuleFiles.error(dir.resolve("error"));
    Path quarantined = RuleFiles.quarantined(dir.resolve("quarantined"));
    // expected exit code for: quarantine, error, warning, never
    Map<Path, int[]> expected = Map.of(
        clean, new int[] {0, 0, 0, 0},
        warning, new int[] {0, 0, 1, 0},
        error, new int[] {0, 1, 1, 0},
        quarantined, new int[] {1, 1, 1, 0});
    String[] levels = {"quarantine", "error", "warning", "never"};
    expected.forEach((rule, codes) -> {
      for (int i = 0; i < levels.length; i++) {
        Cli.Run r = validate("--fail-on", levels[i], rule.toString());
        assertEquals(codes[i], r.code(), rule.getFileName() + " --fail-on " + levels[i] + ": " + r);
      }
    });
  }

  @Test
  void failOnError_listsOnlyErrors() {
    Path error = RuleFiles.error(dir);
    Cli.Run r = validate("--fail-on", "error", error.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    String first = r.out().split("\n")[0];
    assertTrue(first.startsWith(error + ":7:7:  error  UNKNOWN_TECHNIQUE  T1685 is not in ATT&CK 18.1"), r.out());
    assertTrue(r.out().endsWith("\nFAILED: 1 rule reaches --fail-on error\n"), r.out());
    assertFalse(r.out().contains("warning  "), r.out());
  }

  @Test
  void failOnNever_listsErrorsAndWarnings_andPasses() {
    Cli.Run r = validate("--fail-on", "never", RuleFiles.warning(dir).toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains(":6:7:  warning  REVOKED_TECHNIQUE  T1086 is revoked; mapped to its replacement "
        + "T1059.001 PowerShell: tag attack.t1059.001\n"), r.out());
    assertTrue(r.out().endsWith("\npassed (--fail-on never)\n"), r.out());
  }

  @Test
  void strict_revokedTechniqueQuarantines() {
    Path warning = RuleFiles.warning(dir);
    assertEquals(0, validate(warning.toString()).code());
    Cli.Run r = validate("--strict", warning.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    assertTrue(r.out().replaceAll(" {2,}", "  ").contains(":6:7:  error  REVOKED_TECHNIQUE  T1086 is revoked, "
        + "replaced by T1059.001"), r.out());
    assertTrue(r.out().contains("policy       baseline (strict)\n"), r.out());
  }

  @Test
  void json_resultsInTheContract_andASummary() throws IOException {
    Path rules = RuleFiles.examplesRules();
    Cli.Run r = validate("--format", "json", rules.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    assertTrue(r.out().startsWith("{\n  \"results\": [\n    {\n      \"status\": \"validated\",\n"), r.out());
    assertTrue(r.out().endsWith("}\n"));
    JsonNode root = JSON.readTree(r.out());
    assertEquals(List.of("results", "summary"), names(root));
    assertEquals(10, root.get("results").size());
    JsonNode s = root.get("summary");
    assertEquals(List.of("attack", "policy", "strict", "read", "validated", "quarantined", "unreadable", "skipped",
        "findings_by_code", "duplicate_ids", "duplicate_detections", "fail_on", "failing", "passed"), names(s));
    assertEquals("18.1", s.get("attack").get("enterprise").asText());
    assertEquals(10, s.get("read").asInt());
    assertEquals(5, s.get("validated").asInt());
    assertEquals(3, s.get("quarantined").asInt());
    assertEquals(1, s.get("unreadable").asInt());
    assertEquals(1, s.get("skipped").asInt());
    assertEquals(3, s.get("findings_by_code").get("NO_TECHNIQUE_MAPPING").asInt());
    assertEquals("quarantine", s.get("fail_on").asText());
    assertEquals(4, s.get("failing").asInt());
    assertFalse(s.get("passed").asBoolean());

    // Each result is the library's contract object for the same rule, named as PATH was given.
    TechniqueIndex index = TechniqueIndex.load(Fixtures.miniEnterprise());
    RuleEnricher enricher = RuleEnricher.builder(index).build();
    Path broken = rules.resolve("registry_set_run_key_broken_yaml.yml");
    Path revoked = rules.resolve("proc_creation_win_powershell_revoked_tag.yml");
    for (Path file : List.of(broken, revoked)) {
      String expected = EnrichmentWriter.toJson(enricher.enrichFiles(List.of(SigmaReader.create()
          .readFile(file))).results().get(0));
      JsonNode found = null;
      for (JsonNode x : root.get("results")) {
        if (x.get("source").get("path").asText().equals(file.toString())) {
          found = x;
        }
      }
      assertEquals(JSON.readTree(expected), found, file.toString());
    }
  }

  @Test
  void jsonLines_oneResultPerLine_thenTheSummary() throws IOException {
    Cli.Run r = validate("--format", "jsonl", RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    String[] lines = r.out().split("\n");
    assertEquals(11, lines.length);
    for (int i = 0; i < 10; i++) {
      JsonNode n = JSON.readTree(lines[i]);
      assertTrue(n.has("status"), lines[i]);
      assertFalse(lines[i].contains("\n"));
    }
    JsonNode last = JSON.readTree(lines[10]);
    assertEquals(List.of("summary"), names(last));
    assertEquals(10, last.get("summary").get("read").asInt());
    assertTrue(r.out().endsWith("}\n"));
  }

  @Test
  void sarif_hasTheRequiredStructure() throws IOException {
    Path rules = RuleFiles.examplesRules();
    Cli.Run r = validate("--format", "sarif", rules.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    JsonNode root = JSON.readTree(r.out());
    SarifCheck.check(root);
    JsonNode run = root.get("runs").get(0);
    assertEquals(12, run.get("results").size(), "one result per finding");
    JsonNode first = run.get("results").get(0);
    assertEquals("MALFORMED_ATTACK_TAG", first.get("ruleId").asText());
    assertEquals("error", first.get("level").asText());
    JsonNode loc = first.get("locations").get(0).get("physicalLocation");
    // ../examples is outside the working directory (the module folder): an absolute file URI.
    assertEquals(rules.resolve("proc_creation_win_cmd_malformed_tag.yml").toAbsolutePath().normalize().toUri()
        .toASCIIString(), loc.get("artifactLocation").get("uri").asText());
    assertEquals(9, loc.get("region").get("startLine").asInt());
    assertEquals(7, loc.get("region").get("startColumn").asInt());
  }

  /** A folder under the working directory, as in a CI checkout: locations are relative to it. */
  @Test
  void sarif_locationsRelativeToTheWorkingDirectory_orTheSourceRoot() throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    Path under = Files.createTempDirectory(cwd.resolve("target"), "sarif-");
    try {
      Path rel = cwd.relativize(under);
      RuleFiles.write(under, "windows/my rule.yml", RuleFiles.rule("No Technique", "attack.execution"));
      Cli.Run r = validate("--format", "sarif", rel.toString());
      assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
      JsonNode art = JSON.readTree(r.out()).get("runs").get(0).get("results").get(0).get("locations").get(0)
          .get("physicalLocation").get("artifactLocation");
      assertEquals(rel.toString().replace('\\', '/') + "/windows/my%20rule.yml", art.get("uri").asText());
      assertEquals("%SRCROOT%", art.get("uriBaseId").asText());

      Cli.Run rooted = validate("--format", "sarif", "--source-root", rel.toString(), rel.toString());
      JsonNode art2 = JSON.readTree(rooted.out()).get("runs").get(0).get("results").get(0).get("locations").get(0)
          .get("physicalLocation").get("artifactLocation");
      assertEquals("windows/my%20rule.yml", art2.get("uri").asText());

      Cli.Run absolute = validate("--format", "sarif", "--source-root", rel.toString(), dir.toString(),
          rel.toString());
      SarifCheck.check(JSON.readTree(absolute.out()));
    } finally {
      try (var walk = Files.walk(under)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void sarif_outsideTheRoot_isAnAbsoluteFileUri() throws IOException {
    Path rule = RuleFiles.quarantined(dir);
    Cli.Run r = validate("--format", "sarif", rule.toString());
    JsonNode art = JSON.readTree(r.out()).get("runs").get(0).get("results").get(0).get("locations").get(0)
        .get("physicalLocation").get("artifactLocation");
    assertEquals(rule.toUri().toASCIIString(), art.get("uri").asText());
    assertFalse(art.has("uriBaseId"));
  }

  @Test
  void sarif_rulesCoverEveryFindingCode_inCodeOrder() throws IOException {
    JsonNode root = JSON.readTree(validate("--format", "sarif", RuleFiles.clean(dir).toString()).out());
    JsonNode rules = root.get("runs").get(0).get("tool").get("driver").get("rules");
    assertEquals(FindingCode.values().length, rules.size());
    for (FindingCode c : FindingCode.values()) {
      assertEquals(c.name(), rules.get(c.ordinal()).get("id").asText());
      assertEquals(Sarif.level(c.defaultSeverity()), rules.get(c.ordinal()).get("defaultConfiguration")
          .get("level").asText());
    }
    assertEquals(0, root.get("runs").get(0).get("results").size());
  }

  @Test
  void output_sameBytesWhateverTheThreadCount() {
    String rules = RuleFiles.examplesRules().toString();
    for (String format : List.of("text", "json", "jsonl", "sarif")) {
      Cli.Run one = validate("--format", format, "--threads", "1", rules);
      Cli.Run four = validate("--format", format, "--threads", "4", rules);
      assertEquals(one.out(), four.out(), format);
      assertEquals(one.code(), four.code());
    }
  }

  @Test
  void output_toAFile() throws IOException {
    Path file = dir.resolve("report.sarif");
    Cli.Run r = validate("--format", "sarif", "--output", file.toString(), RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    assertEquals("", r.out());
    SarifCheck.check(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @Test
  void output_unwritable_isExit3() {
    Path file = RuleFiles.clean(dir).resolve("report.json");
    Cli.Run r = validate("--format", "json", "--output", file.toString(), RuleFiles.clean(dir).toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: cannot write " + file), r.toString());
  }

  @Test
  void missingPath_isUsageError_beforeTheAttackDataIsRead() {
    Path missing = dir.resolve("no-such-rules");
    Cli.Run r = new Cli(dir.resolve("empty-cache")).run("validate", missing.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("sigmap: " + missing + ": no such file or folder\nhint: "), r.toString());
  }

  @Test
  void noPath_isUsageError() {
    Cli.Run r = validate();
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("Missing required parameter: 'PATH'"), r.toString());
  }

  @Test
  void badOptions_areUsageErrors() {
    String rule = RuleFiles.clean(dir).toString();
    for (String[] args : List.of(new String[] {"--threads", "0"}, new String[] {"--threads", "x"},
        new String[] {"--fail-on", "sometimes"}, new String[] {"--format", "xml"},
        new String[] {"--policy", "no-such-policy"}, new String[] {"--nope"})) {
      List<String> a = new ArrayList<>(List.of(args));
      a.add(rule);
      Cli.Run r = validate(a.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), List.of(args) + ": " + r);
      assertEquals("", r.out(), List.of(args) + ": " + r);
    }
  }

  @Test
  void attackData_missingOrCorrupt_isUsageError() throws IOException {
    String rule = RuleFiles.clean(dir).toString();
    Cli.Run missing = new Cli(dir).run("validate", "--attack", dir.resolve("nope.json").toString(), rule);
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    assertTrue(missing.err().startsWith("sigmap: " + dir.resolve("nope.json") + ": no such file"), missing.err());
    Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"type\": \"bundle\", \"objects\": [ {]");
    Cli.Run bad = new Cli(dir).run("validate", "--attack", corrupt.toString(), rule);
    assertEquals(ExitCodes.USAGE, bad.code(), bad.toString());
    assertTrue(bad.err().startsWith("sigmap: unusable ATT&CK data: " + corrupt + ":1:"), bad.err());
    Cli.Run none = new Cli(dir.resolve("empty-cache")).run("validate", rule);
    assertEquals(ExitCodes.USAGE, none.code(), none.toString());
    assertTrue(none.err().startsWith("sigmap: no ATT&CK data"), none.err());
  }

  @Test
  void unreadableRules_areResults_notErrors() throws IOException {
    Files.write(dir.resolve("binary.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    Files.writeString(dir.resolve("empty.yml"), "");
    RuleFiles.clean(dir);
    Cli.Run r = validate("--format", "json", dir.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.code(), r.toString());
    JsonNode root = JSON.readTree(r.out());
    Set<String> statuses = new HashSet<>();
    root.get("results").forEach(x -> statuses.add(x.get("source").get("path").asText().replace(dir + "/", "")
        + "=" + x.get("status").asText()));
    assertTrue(statuses.contains("binary.yml=unreadable"), statuses.toString());
    assertTrue(statuses.contains("clean.yml=validated"), statuses.toString());
    assertEquals(0, new Cli(dir).run("validate", "--attack", RuleFiles.attack(), "--fail-on", "never",
        dir.toString()).code());
  }

  @Test
  void policy_changesTheWeights() throws IOException {
    Path rule = RuleFiles.clean(dir);
    JsonNode base = JSON.readTree(validate("--format", "json", rule.toString()).out());
    JsonNode kc = JSON.readTree(validate("--format", "json", "--policy", "uniform", rule.toString()).out());
    assertEquals("baseline", base.get("summary").get("policy").asText());
    assertEquals("uniform", kc.get("summary").get("policy").asText());
    assertTrue(base.get("results").get(0).has("correlation_weight"));
  }

  static List<String> names(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
