package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap policies} and the {@code --policy} option. */
class PoliciesCommandTest {

  @TempDir
  Path dir;

  @Test
  void policies_text_marksTheDefault() {
    Cli.Run r = new Cli(dir).run("policies");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), "choosing baseline explicitly logs no 'no policy selected' warning");
    String[] lines = r.out().split("\n");
    assertEquals("baseline (default)", lines[0]);
    assertTrue(lines[1].startsWith("    "), lines[1]);
    assertEquals("    io.sigmap.weights.internal.BaselinePolicy (built-in)", lines[2]);
    assertEquals("kill-chain", lines[3]);
    assertEquals("uniform", lines[6]);
    assertEquals(9, lines.length, r.out());
  }

  @Test
  void policies_json() {
    Cli.Run r = new Cli(dir).run("policies", "--format", "json", "--policy", "kill-chain");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("{\n  \"default\": \"kill-chain\",\n  \"policies\": [\n    {\n"
        + "      \"id\": \"baseline\",\n      \"description\": "), r.out());
    assertTrue(r.out().contains("\"origin\": \"io.sigmap.weights.internal.KillChainPolicy (built-in)\",\n"
        + "      \"default\": true\n"), r.out());
    assertTrue(r.out().endsWith("  ],\n  \"skipped\": []\n}\n"), r.out());
  }

  @Test
  void policy_unknownId_isUsageError_listingTheIds() {
    Cli.Run r = new Cli(dir).run("policies", "--policy", "acme");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("unknown tactic weight policy 'acme'; available: [baseline, kill-chain, uniform]"),
        r.toString());
  }

  @Test
  void policy_tableFile_isRegisteredAndSelected() throws IOException {
    Path table = Files.writeString(dir.resolve("acme.yml"), "id: acme-weights\ndescription: ACME SOC weights\n"
        + "tactics:\n  credential-access: 9\n");
    Cli.Run r = new Cli(dir).run("policies", "--policy", table.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("acme-weights (default)\n    ACME SOC weights\n"), r.out());
  }

  @Test
  void policy_invalidTable_isUsageError_withLine() throws IOException {
    Path table = Files.writeString(dir.resolve("bad.yml"), "tactics:\n  credential-access: 12\n");
    Cli.Run r = new Cli(dir).run("policies", "--policy", table.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: " + table + ":2:"), r.toString());
  }

  @Test
  void policy_missingTable_isUsageError() {
    Cli.Run r = new Cli(dir).run("policies", "--policy", dir.resolve("none.yml").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("none.yml: no such file"), r.toString());
  }

  @Test
  void resolve_withIndex_bindsThePolicy() {
    PolicyOptions o = new PolicyOptions();
    o.policy = "kill-chain";
    PolicyOptions.Selected s = o.resolve(Optional.of(
        io.sigmap.stix.TechniqueIndex.load(Fixtures.miniEnterprise())));
    assertEquals("kill-chain", s.policy().id());
    assertTrue(s.table().isEmpty());
  }
}
