package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap coverage}: per tactic and technique, uncovered techniques, duplicates, CSV and the layer. */
class CoverageCommandTest {

  @TempDir
  Path dir;

  private Cli.Run coverage(String... args) {
    List<String> a = new ArrayList<>(List.of("coverage", "--attack", RuleFiles.attack()));
    a.addAll(List.of(args));
    return new Cli(dir.resolve("cache")).run(a.toArray(String[]::new));
  }

  @Test
  void text_examples() {
    Cli.Run r = coverage(RuleFiles.examplesRules().toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    String expected = ""
        + "ATT&CK enterprise 18.1; 10 rules read, 5 validated (only validated rules count)\n"
        + "\n"
        + "enterprise tactics (matrix order)\n"
        + "  id      tactic                rules  techniques covered\n"
        + "  TA0043  reconnaissance        0      0 of 0\n"
        + "  TA0042  resource-development  0      0 of 0\n"
        + "  TA0001  initial-access        0      0 of 2\n"
        + "  TA0002  execution             2      1 of 3\n"
        + "  TA0003  persistence           0      0 of 2\n"
        + "  TA0004  privilege-escalation  0      0 of 4\n"
        + "  TA0005  defense-evasion       0      0 of 2\n"
        + "  TA0006  credential-access     1      1 of 2\n"
        + "  TA0007  discovery             0      0 of 0\n"
        + "  TA0008  lateral-movement      2      1 of 2\n"
        + "  TA0009  collection            0      0 of 0\n"
        + "  TA0011  command-and-control   0      0 of 2\n"
        + "  TA0010  exfiltration          0      0 of 0\n"
        + "  TA0040  impact                0      0 of 0\n"
        + "\n"
        + "enterprise techniques covered (3 of 15 active)\n"
        + "  T1003.001  LSASS Memory              credential-access  1  LSASS Memory Read by an Unusual Process\n"
        + "  T1021.002  SMB/Windows Admin Shares  lateral-movement   2  One Account Connects to Many Admin Shares; "
        + "Connection to an Admin Share From a Workstation\n"
        + "  T1059.001  PowerShell                execution          2  PowerShell Started With an Encoded Command; "
        + "PowerShell Downloads and Runs a Script\n"
        + "\n"
        + "enterprise covered only through sub-techniques (3)\n"
        + "  T1003  OS Credential Dumping              credential-access  1  LSASS Memory Read by an Unusual Process\n"
        + "  T1021  Remote Services                    lateral-movement   2  One Account Connects to Many Admin "
        + "Shares; Connection to an Admin Share From a Workstation\n"
        + "  T1059  Command and Scripting Interpreter  execution          2  PowerShell Started With an Encoded "
        + "Command; PowerShell Downloads and Runs a Script\n"
        + "\n"
        + "enterprise uncovered techniques (9 of 15 active)\n"
        + "  T1055      Process Injection                   privilege-escalation,defense-evasion\n"
        + "  T1055.011  Extra Window Memory Injection       privilege-escalation,defense-evasion\n"
        + "  T1059.003  Windows Command Shell               execution\n"
        + "  T1071      Application Layer Protocol          command-and-control\n"
        + "  T1071.004  DNS                                 command-and-control\n"
        + "  T1547      Boot or Logon Autostart Execution   persistence,privilege-escalation\n"
        + "  T1547.001  Registry Run Keys / Startup Folder  persistence,privilege-escalation\n"
        + "  T1566      Phishing                            initial-access\n"
        + "  T1566.001  Spearphishing Attachment            initial-access\n";
    assertEquals(expected, r.out());
  }

  @Test
  void json_countsAndRules() throws IOException {
    Cli.Run r = coverage("--format", "json", RuleFiles.examplesRules().toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode root = ValidateCommandTest.JSON.readTree(r.out());
    assertEquals(List.of("attack_version", "rules", "domains", "duplicate_ids", "duplicate_detections"),
        ValidateCommandTest.names(root));
    assertEquals(5, root.get("rules").get("validated").asInt());
    JsonNode d = root.get("domains").get(0);
    assertEquals("enterprise", d.get("domain").asText());
    assertEquals(15, d.get("techniques_active").asInt());
    assertEquals(3, d.get("techniques_covered").asInt());
    assertEquals(3, d.get("techniques_via_subtechniques_only").asInt());
    assertEquals(9, d.get("techniques_uncovered").asInt());
    assertEquals(15, d.get("techniques").size());
    Map<String, JsonNode> byId = new HashMap<>();
    d.get("techniques").forEach(t -> byId.put(t.get("id").asText(), t));
    assertEquals(2, byId.get("T1059.001").get("rules").asInt());
    assertEquals("T1059", byId.get("T1059.001").get("parent").asText());
    assertEquals(0, byId.get("T1059").get("rules").asInt());
    assertEquals(2, byId.get("T1059").get("rules_via_subtechniques").asInt());
    assertFalse(byId.get("T1059.001").has("rules_via_subtechniques"));
    assertEquals("PowerShell Started With an Encoded Command", byId.get("T1059.001").get("covered_by").get(0)
        .get("title").asText());
    assertEquals(9, d.get("uncovered").size());
    assertEquals("T1055", d.get("uncovered").get(0).asText());
  }

  @Test
  void csv_rfc4180() throws IOException {
    Path rules = dir.resolve("rules");
    RuleFiles.write(rules, "a.yml", RuleFiles.rule("Quote \"this\", please", "attack.execution",
        "attack.t1059.003"));
    RuleFiles.clean(rules);
    Cli.Run r = coverage("--format", "csv", rules.toString());
    assertEquals(0, r.code(), r.toString());
    String[] lines = r.out().split("\r\n", -1);
    assertEquals(CoverageCommand.CSV_HEADER, lines[0]);
    assertEquals(17, lines.length, "header, 15 techniques, and the empty string after the last CRLF");
    assertEquals("", lines[16]);
    assertFalse(r.out().replace("\r\n", "").contains("\n"), "only CRLF line ends");
    assertTrue(List.of(lines).contains("enterprise,T1059.003,Windows Command Shell,T1059,execution,1,,"
        + "\"Quote \"\"this\"\", please\""), r.out());
    assertTrue(List.of(lines).contains("enterprise,T1059,Command and Scripting Interpreter,,execution,0,2,"),
        r.out());
    assertTrue(List.of(lines).contains("enterprise,T1055,Process Injection,,privilege-escalation;defense-evasion,0,"
        + "0,"), r.out());
  }

  @Test
  void layer_hasTheRequiredFields_andKnownTechniques() throws IOException {
    Path layer = dir.resolve("layer.json");
    Cli.Run r = coverage("--layer", layer.toString(), "--format", "json", RuleFiles.examplesRules().toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode l = ValidateCommandTest.JSON.readTree(layer.toFile());
    TechniqueIndex index = TechniqueIndex.load(Fixtures.miniEnterprise());
    LayerCheck.check(l, index);
    assertEquals("enterprise-attack", l.get("domain").asText());
    assertEquals("18", l.get("versions").get("attack").asText());
    JsonNode coverage = ValidateCommandTest.JSON.readTree(r.out()).get("domains").get(0).get("techniques");
    Map<String, Integer> rules = new HashMap<>();
    coverage.forEach(t -> rules.put(t.get("id").asText(), t.get("rules").asInt()));
    int scored = 0;
    for (JsonNode t : l.get("techniques")) {
      if (t.has("score")) {
        scored++;
        assertEquals(rules.get(t.get("techniqueID").asText()), t.get("score").asInt(), t.toString());
      } else {
        assertEquals(NavigatorLayer.VIA_SUBTECHNIQUES, t.get("color").asText(), t.toString());
      }
    }
    assertEquals(3, scored);
    assertEquals(6, l.get("techniques").size());
    assertEquals("2 rules: PowerShell Started With an Encoded Command; PowerShell Downloads and Runs a Script",
        find(l, "T1059.001").get("comment").asText());
  }

  @Test
  void layer_oneEntryPerTactic() throws IOException {
    Path rules = dir.resolve("rules");
    RuleFiles.write(rules, "inj.yml", RuleFiles.rule("Injection", "attack.t1055.011"));
    Path layer = dir.resolve("layer.json");
    assertEquals(0, coverage("--layer", layer.toString(), rules.toString()).code());
    JsonNode l = ValidateCommandTest.JSON.readTree(layer.toFile());
    List<String> entries = new ArrayList<>();
    l.get("techniques").forEach(t -> entries.add(t.get("techniqueID").asText() + "/" + t.get("tactic").asText()));
    assertEquals(List.of("T1055/privilege-escalation", "T1055/defense-evasion", "T1055.011/privilege-escalation",
        "T1055.011/defense-evasion"), entries);
  }

  @Test
  void layer_severalDomains_isAListOfLayers() throws IOException {
    Path ics = TestBundle.ics().version("18.1").tactic("TA0104", "execution", "Execution")
        .technique("T0807", "Command-Line Interface", "execution").write(dir.resolve("ics-attack-18.1.json"));
    Path rules = dir.resolve("rules");
    RuleFiles.write(rules, "ics.yml", RuleFiles.rule("ICS Shell", "attack.execution", "attack.t0807"));
    RuleFiles.clean(rules);
    Path layer = dir.resolve("layers.json");
    Cli.Run r = new Cli(dir.resolve("cache")).run("coverage", "--attack", RuleFiles.attack(), "--attack",
        ics.toString(), "--layer", layer.toString(), rules.toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode l = ValidateCommandTest.JSON.readTree(layer.toFile());
    assertTrue(l.isArray());
    assertEquals(2, l.size());
    TechniqueIndex index = TechniqueIndex.builder().addBundle(Fixtures.miniEnterprise()).addBundle(ics).build();
    LayerCheck.check(l.get(0), index);
    LayerCheck.check(l.get(1), index);
    assertEquals("enterprise-attack", l.get(0).get("domain").asText());
    assertEquals("ics-attack", l.get(1).get("domain").asText());
    assertEquals("T0807", l.get(1).get("techniques").get(0).get("techniqueID").asText());
    assertTrue(r.out().contains("\nics tactics (matrix order)\n"), r.out());
  }

  @Test
  void correlation_doesNotCountInheritedTechniques() throws IOException {
    Path rules = dir.resolve("rules");
    RuleFiles.write(rules, "base.yml", "title: Base\nid: 11111111-1111-4111-8111-111111111111\nname: base_rule\n"
        + "status: test\ntags:\n    - attack.t1059.001\nlogsource:\n    product: windows\n    category: "
        + "process_creation\ndetection:\n    sel:\n        Image: x\n    condition: sel\n");
    RuleFiles.write(rules, "corr.yml", "title: Many Base\nid: 22222222-2222-4222-8222-222222222222\nstatus: test\n"
        + "correlation:\n    type: event_count\n    rules:\n        - base_rule\n    group-by:\n        - User\n"
        + "    timespan: 5m\n    condition:\n        gte: 3\n");
    Cli.Run r = coverage("--format", "json", rules.toString());
    JsonNode root = ValidateCommandTest.JSON.readTree(r.out());
    assertEquals(2, root.get("rules").get("validated").asInt(), r.out());
    for (JsonNode t : root.get("domains").get(0).get("techniques")) {
      if (t.get("id").asText().equals("T1059.001")) {
        assertEquals(1, t.get("rules").asInt(), t.toString());
      }
    }
  }

  @Test
  void duplicates_areListed() {
    Path rules = dir.resolve("rules");
    String text = RuleFiles.rule("Same", "attack.execution", "attack.t1059.001");
    RuleFiles.write(rules, "a/one.yml", text);
    RuleFiles.write(rules, "b/two.yml", text);
    Cli.Run r = coverage(rules.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\nduplicate rule ids (1)\n"), r.out());
    assertTrue(r.out().contains("\nduplicate detections (same techniques, logsource and detection in different "
        + "files) (1)\n  T1059.001; logsource process_creation/windows/-; detection "), r.out());
    assertTrue(r.out().contains("    " + rules + "/a/one.yml:1  Same\n    " + rules + "/b/two.yml:1  Same\n"),
        r.out());
  }

  @Test
  void errors() throws IOException {
    Cli.Run missing = coverage(dir.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    Path file = Files.writeString(dir.resolve("file"), "x", StandardCharsets.UTF_8);
    Cli.Run unwritable = coverage("--layer", file.resolve("layer.json").toString(),
        RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.IO_ERROR, unwritable.code(), unwritable.toString());
    assertEquals("", unwritable.out(), "nothing is reported when the layer cannot be written");
    Cli.Run format = coverage("--format", "sarif", RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, format.code(), format.toString());
  }

  private static JsonNode find(JsonNode layer, String id) {
    for (JsonNode t : layer.get("techniques")) {
      if (t.get("techniqueID").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no " + id);
  }

  /** The fields a Navigator layer 4.5 requires, and techniques and tactics that exist in the data. */
  static final class LayerCheck {
    private LayerCheck() {}

    static void check(JsonNode l, TechniqueIndex index) {
      assertTrue(l.get("name").isTextual() && !l.get("name").asText().isEmpty());
      assertTrue(List.of("enterprise-attack", "mobile-attack", "ics-attack").contains(l.get("domain").asText()));
      assertEquals("4.5", l.get("versions").get("layer").asText());
      String navigator = l.get("versions").get("navigator").asText();
      assertTrue(Integer.parseInt(navigator.split("\\.")[0]) >= 5 || navigator.compareTo("4.9.0") >= 0, navigator);
      assertTrue(l.get("description").isTextual());
      assertTrue(l.get("sorting").isInt());
      assertTrue(l.get("layout").isObject());
      JsonNode g = l.get("gradient");
      assertTrue(g.get("colors").size() >= 2);
      g.get("colors").forEach(c -> assertTrue(c.asText().matches("#[0-9a-f]{6}"), c.toString()));
      assertTrue(g.get("minValue").asDouble() < g.get("maxValue").asDouble());
      l.get("legendItems").forEach(x -> assertTrue(x.has("label") && x.has("color")));
      for (JsonNode t : l.get("techniques")) {
        String id = t.get("techniqueID").asText();
        Technique technique = index.technique(id).orElseThrow(() -> new AssertionError(id + " is not in the data"));
        assertEquals(id, technique.id());
        List<String> tactics = technique.tactics().stream().map(Tactic::shortname).toList();
        assertTrue(tactics.contains(t.get("tactic").asText()), t + " tactic of " + tactics);
        assertTrue(t.get("enabled").asBoolean());
        assertTrue(t.has("score") || t.has("color"), t.toString());
        assertTrue(!t.has("score") || t.get("score").isNumber());
        assertTrue(t.get("comment").isTextual());
      }
    }
  }
}
