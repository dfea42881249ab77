package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AttackDiff} and {@code sigmap attack diff}, on two small releases written by the test. */
class AttackDiffTest {

  @TempDir
  Path dir;

  static TestBundle older() {
    return TestBundle.enterprise().version("17.1")
        .tactic("TA0002", "execution", "Execution")
        .tactic("TA0003", "persistence", "Persistence")
        .tactic("TA0005", "defense-evasion", "Defense Evasion")
        .technique("T1001", "Old Name", "execution")
        .technique("T1002", "Revoked Soon", "execution")
        .technique("T1003", "Moves Tactic", "execution")
        .technique("T1004", "Gets Platforms", "persistence").platforms("T1004", "Windows", "macOS")
        .technique("T1005", "Deprecated Soon", "persistence")
        .technique("T1007", "Removed", "persistence")
        .technique("T1008", "Replacement", "execution")
        .technique("T1009", "Unchanged", "execution")
        .technique("T1010", "Was Deprecated", "execution").deprecate("T1010");
  }

  static TestBundle newer() {
    return TestBundle.enterprise().version("18.1")
        .tactic("TA0002", "execution", "Execution")
        .tactic("TA0003", "persistence", "Persistence")
        .tactic("TA0112", "stealth", "Stealth")
        .technique("T1001", "New Name", "execution")
        .technique("T1002", "Revoked Soon", "execution").revoke("T1002", "T1008")
        .technique("T1003", "Moves Tactic", "persistence", "stealth")
        .technique("T1004", "Gets Platforms", "persistence").platforms("T1004", "Windows", "Linux")
        .technique("T1005", "Deprecated Soon", "persistence").deprecate("T1005")
        .technique("T1006", "Added", "stealth")
        .technique("T1008", "Replacement", "execution")
        .technique("T1009", "Unchanged", "execution")
        .technique("T1010", "Was Deprecated", "execution");
  }

  private static List<String> ids(List<Technique> ts) {
    return ts.stream().map(Technique::id).toList();
  }

  @Test
  void compute_findsEveryKindOfChange() {
    AttackDiff d = AttackDiff.compute(TechniqueIndex.builder().addBundle(older().bytes(), "old", "x").build(),
        TechniqueIndex.builder().addBundle(newer().bytes(), "new", "x").build());
    assertEquals(EnumSet.of(AttackDomain.ENTERPRISE), d.domains());
    assertEquals(Map.of(AttackDomain.ENTERPRISE, "17.1"), d.oldVersions());
    assertEquals(Map.of(AttackDomain.ENTERPRISE, "18.1"), d.newVersions());
    assertEquals(List.of("T1006"), ids(d.added()));
    assertEquals(List.of("T1007"), ids(d.removed()));
    assertEquals(1, d.revoked().size());
    assertEquals("T1002", d.revoked().get(0).technique().id());
    assertEquals("T1008", d.revoked().get(0).replacement().orElseThrow().id());
    assertEquals(List.of("T1008"), ids(d.revoked().get(0).chain()));
    assertEquals(List.of("T1005"), ids(d.deprecated()));
    assertEquals(List.of("T1010"), ids(d.reactivated()));
    assertEquals(1, d.renamed().size());
    assertEquals("Old Name", d.renamed().get(0).oldName());
    assertEquals("New Name", d.renamed().get(0).technique().name());
    assertEquals(1, d.tacticsChanged().size());
    assertEquals(List.of("execution"), d.tacticsChanged().get(0).oldTactics().stream().map(Tactic::shortname).toList());
    assertEquals(List.of("persistence", "stealth"),
        d.tacticsChanged().get(0).technique().tactics().stream().map(Tactic::shortname).toList());
    assertEquals(1, d.platformsChanged().size());
    assertEquals(List.of("Linux"), d.platformsChanged().get(0).addedPlatforms());
    assertEquals(List.of("macOS"), d.platformsChanged().get(0).removedPlatforms());
    assertEquals(List.of("TA0112"), d.tacticsAdded().stream().map(Tactic::id).toList());
    assertEquals(List.of("TA0005"), d.tacticsRemoved().stream().map(Tactic::id).toList());
    assertTrue(!d.isEmpty());
  }

  @Test
  void changes_perTechnique_forRuleImpact() {
    AttackDiff d = AttackDiff.compute(TechniqueIndex.builder().addBundle(older().bytes(), "old", "x").build(),
        TechniqueIndex.builder().addBundle(newer().bytes(), "new", "x").build());
    assertEquals(Set.of(AttackDiff.Change.REVOKED), d.changes("t1002"));
    assertEquals(Set.of(AttackDiff.Change.RENAMED), d.changes("T1001"));
    assertEquals(Set.of(AttackDiff.Change.TACTICS_CHANGED), d.changes("T1003"));
    assertEquals(Set.of(AttackDiff.Change.PLATFORMS_CHANGED), d.changes("T1004"));
    assertEquals(Set.of(AttackDiff.Change.DEPRECATED), d.changes("T1005"));
    assertEquals(Set.of(AttackDiff.Change.REMOVED), d.changes("T1007"));
    assertEquals(Set.of(), d.changes("T1009"));
    assertEquals(Set.of(), d.changes("T1006"), "an added technique affects no existing rule");
    assertEquals(List.of("T1001", "T1002", "T1003", "T1004", "T1005", "T1007"), List.copyOf(d.changesById().keySet()));
  }

  @Test
  void compute_sameRelease_isEmpty() {
    TechniqueIndex i = TechniqueIndex.load(Fixtures.miniEnterprise());
    assertTrue(AttackDiff.compute(i, i).isEmpty());
  }

  @Test
  void compute_noCommonDomain_isUsageError() {
    TechniqueIndex ics = TechniqueIndex.builder().addBundle(TestBundle.ics().version("18.1")
        .tactic("TA0104", "execution", "Execution").technique("T0807", "CLI", "execution").bytes(), "ics", "x")
        .build();
    CliException e = assertThrows(CliException.class,
        () -> AttackDiff.compute(TechniqueIndex.load(Fixtures.miniEnterprise()), ics));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("the old data holds enterprise and the new data holds ics"), e.getMessage());
  }

  private Cli.Run diff(String... more) {
    Path o = older().write(dir.resolve("enterprise-attack-17.1.json"));
    Path n = newer().write(dir.resolve("enterprise-attack-18.1.json"));
    String[] args = new String[4 + more.length];
    args[0] = "attack";
    args[1] = "diff";
    args[2] = o.toString();
    args[3] = n.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return new Cli(dir.resolve("cache")).run(args);
  }

  @Test
  void command_text() {
    Cli.Run r = diff();
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    String expected = ""
        + "ATT&CK enterprise 17.1 -> enterprise 18.1\n"
        + "1 added, 1 removed, 1 revoked, 1 deprecated, 1 reactivated, 1 renamed, 1 with other tactics, "
        + "1 with other platforms; 1 tactics added, 1 removed\n"
        + "\n"
        + "added (1)\n"
        + "  T1006  Added  stealth\n"
        + "\n"
        + "removed (1)\n"
        + "  T1007  Removed\n"
        + "\n"
        + "revoked (1)\n"
        + "  T1002  Revoked Soon  -> T1008 Replacement\n"
        + "\n"
        + "deprecated (1)\n"
        + "  T1005  Deprecated Soon\n"
        + "\n"
        + "reactivated (1)\n"
        + "  T1010  Was Deprecated\n"
        + "\n"
        + "renamed (1)\n"
        + "  T1001  Old Name -> New Name\n"
        + "\n"
        + "tactics changed (1)\n"
        + "  T1003  Moves Tactic  execution -> persistence, stealth\n"
        + "\n"
        + "platforms changed (1)\n"
        + "  T1004  Gets Platforms  +Linux -macOS\n"
        + "\n"
        + "matrix tactics added (1)\n"
        + "  TA0112  stealth  enterprise\n"
        + "\n"
        + "matrix tactics removed (1)\n"
        + "  TA0005  defense-evasion  enterprise\n";
    assertEquals(expected, r.out());
  }

  @Test
  void command_json() {
    Cli.Run r = diff("--format", "json");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.contains("\"old\": {\n    \"source\": \"" + dir.resolve("enterprise-attack-17.1.json")
        + "\",\n    \"versions\": {\n      \"enterprise\": \"17.1\"\n    }\n  },"), out);
    assertTrue(out.contains("\"summary\": {\n    \"added\": 1,\n    \"removed\": 1,\n    \"revoked\": 1,"), out);
    assertTrue(out.contains("\"revoked\": [\n    {\n      \"id\": \"T1002\",\n      \"name\": \"Revoked Soon\",\n"
        + "      \"chain\": [\n        \"T1008\"\n      ],\n"
        + "      \"replacement\": {\n        \"id\": \"T1008\","), out);
    assertTrue(out.contains("\"old_tactics\": [\n        \"execution\"\n      ],\n      \"new_tactics\": [\n"
        + "        \"persistence\",\n        \"stealth\"\n      ]"), out);
    assertTrue(out.contains("\"renamed\": [\n    {\n      \"id\": \"T1001\",\n      \"old_name\": \"Old Name\",\n"
        + "      \"new_name\": \"New Name\"\n    }\n  ]"), out);
    assertTrue(out.endsWith("}\n"), out);
  }

  @Test
  void command_exitCode_whenTheReleasesDiffer() {
    assertEquals(ExitCodes.GATE_FAILED, diff("--exit-code").code());
    Path same = Fixtures.miniEnterprise();
    Cli.Run r = new Cli(dir).run("attack", "diff", same.toString(), same.toString(), "--exit-code");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("0 added, 0 removed"), r.out());
  }

  @Test
  void command_missingArgument_isUsageError() {
    Cli.Run r = new Cli(dir).run("attack", "diff", Fixtures.miniEnterprise().toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("Missing required parameter: 'NEW'"), r.toString());
  }

  @Test
  void command_uncachedRelease_isUsageError() {
    Cli.Run r = new Cli(dir).run("attack", "diff", "enterprise@17.1", Fixtures.miniEnterprise().toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("enterprise@17.1 is not in the cache"), r.toString());
  }

  private Path impactRules() {
    Path rules = dir.resolve("rules");
    RuleFiles.write(rules, "a_revoked.yml", RuleFiles.rule("Uses Revoked", "attack.execution", "attack.t1002"));
    RuleFiles.write(rules, "b_renamed_and_moved.yml", RuleFiles.rule("Uses Renamed", "attack.t1001",
        "attack.T1003"));
    RuleFiles.write(rules, "c_unchanged.yml", RuleFiles.rule("Uses Unchanged", "attack.t1009"));
    RuleFiles.write(rules, "d_removed.yml", RuleFiles.rule("Uses Removed", "attack.t1007", "attack.t1005"));
    RuleFiles.write(rules, "e_broken.yml", "title: [\n");
    return rules;
  }

  @Test
  void command_rules_listsTheAffectedRulesByChange() {
    Path rules = impactRules();
    Cli.Run r = diff("--rules", rules.toString());
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    String expected = ""
        + "\n"
        + "rules affected: 3 of 5 rules read (1 unreadable, not checked)\n"
        + "\n"
        + "  removed (1)\n"
        + "    " + rules + "/d_removed.yml:5  attack.t1007  not in the new release  Uses Removed\n"
        + "\n"
        + "  revoked (1)\n"
        + "    " + rules + "/a_revoked.yml:6  attack.t1002  -> T1008 Replacement  Uses Revoked\n"
        + "\n"
        + "  deprecated (1)\n"
        + "    " + rules + "/d_removed.yml:6  attack.t1005  deprecated, no replacement  Uses Removed\n"
        + "\n"
        + "  renamed (1)\n"
        + "    " + rules + "/b_renamed_and_moved.yml:5  attack.t1001  Old Name -> New Name  Uses Renamed\n"
        + "\n"
        + "  tactics changed (1)\n"
        + "    " + rules + "/b_renamed_and_moved.yml:6  attack.T1003  execution -> persistence, stealth  "
        + "Uses Renamed\n";
    assertTrue(out.endsWith(expected), out);
    assertEquals(ExitCodes.GATE_FAILED, diff("--rules", rules.toString(), "--exit-code").code());
    Path unaffected = dir.resolve("unaffected");
    RuleFiles.write(unaffected, "c.yml", RuleFiles.rule("Uses Unchanged", "attack.t1009"));
    Cli.Run none = diff("--rules", unaffected.toString(), "--exit-code");
    assertEquals(0, none.code(), "the releases differ, but no rule is affected: " + none);
    assertTrue(none.out().endsWith("\nrules affected: 0 of 1 rules read\n"), none.out());
  }

  @Test
  void command_rules_json() throws java.io.IOException {
    Path rules = impactRules();
    Cli.Run r = diff("--rules", rules.toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    com.fasterxml.jackson.databind.JsonNode impact = ValidateCommandTest.JSON.readTree(r.out()).get("rules");
    assertEquals(5, impact.get("read").asInt());
    assertEquals(1, impact.get("unreadable").asInt());
    assertEquals(3, impact.get("affected").asInt());
    assertEquals(List.of("removed", "revoked", "deprecated", "renamed", "tactics_changed"),
        ValidateCommandTest.names(impact.get("by_change")));
    com.fasterxml.jackson.databind.JsonNode revoked = impact.get("by_change").get("revoked").get(0);
    assertEquals(rules + "/a_revoked.yml", revoked.get("path").asText());
    assertEquals(6, revoked.get("line").asInt());
    assertEquals("Uses Revoked", revoked.get("title").asText());
    assertEquals("attack.t1002", revoked.get("tag").asText());
    assertEquals("T1002", revoked.get("technique").asText());
    assertEquals("-> T1008 Replacement", revoked.get("detail").asText());
    assertTrue(revoked.get("rule_id").isTextual());
  }

  @Test
  void command_rules_missingPath_isUsageError() {
    Cli.Run r = diff("--rules", dir.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: " + dir.resolve("nope") + ": no such file or folder"), r.err());
  }
}
