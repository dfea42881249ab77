package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap attack info}. */
class AttackInfoCommandTest {

  @TempDir
  Path cacheDir;

  private Cli.Run info(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "attack";
    all[1] = "info";
    System.arraycopy(args, 0, all, 2, args.length);
    return new Cli(cacheDir).run(all);
  }

  @Test
  void info_text() {
    String bundle = Fixtures.miniEnterprise().toString();
    Cli.Run r = info(bundle);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    String expected = ""
        + "source          " + bundle + "\n"
        + "domains         enterprise\n"
        + "ATT&CK version  18.1\n"
        + "STIX version    2.0\n"
        + "objects         51\n"
        + "\n"
        + "enterprise 18.1\n"
        + "  techniques            17 (15 active, 1 revoked, 1 deprecated; 8 sub-techniques)\n"
        + "  groups                1\n"
        + "  software              1\n"
        + "  campaigns             0\n"
        + "  mitigations           1\n"
        + "  data sources          0\n"
        + "  data components       0\n"
        + "  detection strategies  0\n"
        + "  tactics (14, matrix order)\n"
        + "    TA0043  reconnaissance        Reconnaissance\n"
        + "    TA0042  resource-development  Resource Development\n"
        + "    TA0001  initial-access        Initial Access\n"
        + "    TA0002  execution             Execution\n"
        + "    TA0003  persistence           Persistence\n"
        + "    TA0004  privilege-escalation  Privilege Escalation\n"
        + "    TA0005  defense-evasion       Defense Evasion\n"
        + "    TA0006  credential-access     Credential Access\n"
        + "    TA0007  discovery             Discovery\n"
        + "    TA0008  lateral-movement      Lateral Movement\n"
        + "    TA0009  collection            Collection\n"
        + "    TA0011  command-and-control   Command and Control\n"
        + "    TA0010  exfiltration          Exfiltration\n"
        + "    TA0040  impact                Impact\n"
        + "\n"
        + "warnings  0\n";
    assertEquals(expected, r.out());
  }

  @Test
  void info_json() {
    Cli.Run r = info(Fixtures.miniEnterprise().toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("{\n  \"bundles\": [\n    {\n      \"source\": "), out);
    assertTrue(out.contains("      \"attack_version\": \"18.1\",\n      \"stix_version\": \"2.0\",\n"
        + "      \"objects\": 51\n"), out);
    assertTrue(out.contains("\"techniques\": {\n        \"total\": 17,\n        \"active\": 15,\n"
        + "        \"revoked\": 1,\n        \"deprecated\": 1,\n        \"subtechniques\": 8\n      }"), out);
    assertTrue(out.contains("{\n          \"id\": \"TA0043\",\n          \"shortname\": \"reconnaissance\",\n"
        + "          \"name\": \"Reconnaissance\",\n          \"deprecated\": false\n        }"), out);
    assertTrue(out.contains("\"objects\": {\n        \"group\": 1,\n        \"software\": 1,\n"), out);
    assertTrue(out.endsWith("  \"warnings\": {\n    \"count\": 0\n  }\n}\n"), out);
    assertEquals(out, info(Fixtures.miniEnterprise().toString(), "--format", "json").out(), "deterministic");
  }

  @Test
  void info_warnings_areListedOnRequest() throws IOException {
    // a technique naming a tactic the matrix does not have: a load warning, not an error
    Path b = TestBundle.enterprise().version("18.1").tactic("TA0002", "execution", "Execution")
        .technique("T1059", "Command and Scripting Interpreter", "execution", "no-such-tactic")
        .write(cacheDir.resolve("warned-attack.json"));
    Cli.Run r = info(b.toString(), "--warnings");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("warnings  1\n  "), r.out());
    assertTrue(r.out().contains("UNKNOWN_TACTIC"), r.out());
    Cli.Run json = info(b.toString(), "--warnings", "--format", "json");
    assertTrue(json.out().contains("\"kind\": \"UNKNOWN_TACTIC\""), json.out());
  }

  @Test
  void info_severalSources_showsEachDomain() throws IOException {
    Path ics = TestBundle.ics().version("18.1").tactic("TA0104", "execution", "Execution")
        .technique("T0807", "Command-Line Interface", "execution").write(cacheDir.resolve("ics-attack-18.1.json"));
    Cli.Run r = info(Fixtures.miniEnterprise().toString(), ics.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\nenterprise 18.1\n"), r.out());
    assertTrue(r.out().contains("\nics 18.1\n  techniques            1 (1 active"), r.out());
  }

  @Test
  void info_missingFile_isUsageError() {
    Cli.Run r = info(cacheDir.resolve("missing.json").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("sigmap: " + cacheDir.resolve("missing.json") + ": no such file\nhint: "),
        r.toString());
  }

  @Test
  void info_corruptFile_isUsageError_withLineAndColumn() throws IOException {
    Path bad = Files.writeString(cacheDir.resolve("bad.json"),
        "{\"type\": \"bundle\", \"objects\": [\n  {\"type\": ]}");
    Cli.Run r = info(bad.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap: unusable ATT&CK data: " + bad + ":2:"), r.toString());
  }

  @Test
  void info_noSourceAndEmptyCache_givesTheAdvice() {
    Cli.Run r = info();
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("no ATT&CK data"), r.toString());
    assertTrue(r.err().contains("hint: run 'sigmap attack fetch'"), r.toString());
  }

  @Test
  void info_output_toFile() throws IOException {
    Path out = cacheDir.resolve("info.txt");
    Cli.Run r = info(Fixtures.miniEnterprise().toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals(info(Fixtures.miniEnterprise().toString()).out(), Files.readString(out));
  }
}
