package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading table policies from YAML, JSON and maps: weights, findings, errors with line and column, limits. */
class TablePolicyLoaderTest {

  private static final TechniqueIndex INDEX = Fixtures.index();
  private static final TablePolicyLoader WITH_INDEX = TablePolicyLoader.builder().index(INDEX).build();

  private static Path resource(String name) {
    try {
      return Path.of(TablePolicyLoaderTest.class.getResource("/tables/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LoadedTablePolicy yaml(TablePolicyLoader loader, String text) {
    return loader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.yml");
  }

  private static TacticWeightTableException yamlError(String text) {
    return assertThrows(TacticWeightTableException.class, () -> yaml(TablePolicyLoader.DEFAULT, text));
  }

  private static Tactic tactic(AttackDomain d, String shortname) {
    return Fixtures.tactic(d, shortname);
  }

  private static Technique technique(String id) {
    return INDEX.technique(id).orElseThrow();
  }

  /** Checks the weights acme.yml, acme.json and the equivalent map give. */
  private static void assertAcme(TacticWeightPolicy p) {
    assertEquals("acme-weights", p.id());
    assertEquals("ACME SOC weights, reviewed 2026-01", p.description());
    assertEquals(9, p.weight(tactic(AttackDomain.ENTERPRISE, "initial-access")));
    assertEquals(10, p.weight(tactic(AttackDomain.MOBILE, "initial-access")), "the TA id row wins");
    assertEquals(9, p.weight(tactic(AttackDomain.ENTERPRISE, "credential-access")));
    assertEquals(9, p.weight(tactic(AttackDomain.MOBILE, "credential-access")));
    assertEquals(6, p.weight(tactic(AttackDomain.ENTERPRISE, "defense-evasion")));
    assertEquals(4, p.weight(tactic(AttackDomain.ENTERPRISE, "execution")), "default");
    assertEquals(4, p.weight(tactic(AttackDomain.ICS, "evasion")), "default");
    assertEquals(8, p.weight(tactic(AttackDomain.ICS, "impact")));
    Tactic credentialAccess = tactic(AttackDomain.ENTERPRISE, "credential-access");
    Tactic execution = tactic(AttackDomain.ENTERPRISE, "execution");
    assertEquals(10, p.weight(credentialAccess, technique("T1003")));
    assertEquals(10, p.weight(credentialAccess, technique("T1003.001")), "sub-techniques inherit");
    assertEquals(2, p.weight(execution, technique("T1059.001")));
    assertEquals(4, p.weight(execution, technique("T1059")), "parents do not inherit from sub-techniques");
  }

  @Test
  void load_yamlFile() {
    LoadedTablePolicy loaded = WITH_INDEX.load(resource("acme.yml"));
    assertAcme(loaded.policy());
    assertEquals(List.of(), loaded.findings());
  }

  @Test
  void load_jsonFile() {
    LoadedTablePolicy loaded = WITH_INDEX.load(resource("acme.json"));
    assertAcme(loaded.policy());
    assertEquals(List.of(), loaded.findings());
  }

  @Test
  void load_map() {
    Map<String, Object> tactics = new LinkedHashMap<>();
    tactics.put("initial-access", 9);
    tactics.put("credential_access", 9L);
    tactics.put("Defense Evasion", (short) 6);
    tactics.put("TA0027", (byte) 10);
    tactics.put("impact", java.math.BigInteger.valueOf(8));
    LoadedTablePolicy loaded = WITH_INDEX.load(Map.of("id", "acme-weights", "description",
        "ACME SOC weights, reviewed 2026-01", "default", 4, "tactics", tactics,
        "techniques", Map.of("T1003", 10, "attack.t1059.001", 2)), "acme map");
    assertAcme(loaded.policy());
  }

  @Test
  void load_spiFactories() {
    assertAcme(TacticWeightPolicy.table(resource("acme.yml")));
    TacticWeightPolicy empty = TacticWeightPolicy.table(Map.of());
    assertEquals("table", empty.id());
    assertEquals(5, empty.weight(tactic(AttackDomain.ENTERPRISE, "impact")));
    assertEquals("weights from the table table map: 0 tactic rows, 0 technique rows, default 5",
        empty.description());
  }

  @Test
  void load_newerRelease_findingsNotFatal() {
    LoadedTablePolicy loaded = WITH_INDEX.load(resource("newer-release.yml"));
    List<String> found = loaded.findings().stream()
        .map(f -> f.kind() + " " + f.key() + " " + f.line() + ":" + f.column())
        .collect(Collectors.toList());
    assertEquals(List.of("UNKNOWN_TACTIC stealth 5:3", "UNKNOWN_TACTIC defense-impairment 6:3",
        "INACTIVE_TECHNIQUE T1086 8:3", "INACTIVE_TECHNIQUE T1064 9:3", "UNKNOWN_TECHNIQUE T9999 10:3",
        "UNKNOWN_KEY weights 11:1"), found);
    String revoked = loaded.findings().get(2).message();
    assertTrue(revoked.contains("replaced by T1059.001"), revoked);
    assertTrue(loaded.findings().get(0).toString().endsWith("newer-release.yml:5:3: UNKNOWN_TACTIC: 'stealth' "
        + "names no tactic of the loaded ATT&CK data (enterprise fixture, mobile fixture, ics fixture): written "
        + "for another release? The row is kept and matches only a tactic of that name"),
        loaded.findings().get(0).toString());
    // The rows are kept: under a v19-like index they apply.
    TacticWeightPolicy p = loaded.policy();
    Tactic stealth = Fixtures.v19Like().tactic(AttackDomain.ENTERPRISE, "stealth").orElseThrow();
    assertEquals(7, p.weight(stealth));
  }

  @Test
  void load_newerReleaseAgainstV19_onlyTechniqueFindings() {
    LoadedTablePolicy loaded =
        TablePolicyLoader.builder().index(Fixtures.v19Like()).build().load(resource("newer-release.yml"));
    List<TablePolicyFinding.Kind> kinds = new ArrayList<>();
    loaded.findings().forEach(f -> kinds.add(f.kind()));
    assertEquals(List.of(TablePolicyFinding.Kind.UNKNOWN_TECHNIQUE, TablePolicyFinding.Kind.UNKNOWN_TECHNIQUE,
        TablePolicyFinding.Kind.UNKNOWN_TECHNIQUE, TablePolicyFinding.Kind.UNKNOWN_KEY), kinds);
  }

  @Test
  void load_newerReleaseWithoutIndex_onlyShapeChecked() {
    LoadedTablePolicy loaded = TablePolicyLoader.DEFAULT.load(resource("newer-release.yml"));
    assertEquals(1, loaded.findings().size());
    assertEquals(TablePolicyFinding.Kind.UNKNOWN_KEY, loaded.findings().get(0).kind());
  }

  @Test
  void load_realIndex_acmeCleanNewerReleaseReported() {
    java.util.Optional<TechniqueIndex> real = Fixtures.real();
    org.junit.jupiter.api.Assumptions.assumeTrue(real.isPresent(), Fixtures.NO_SHARED);
    TablePolicyLoader loader = TablePolicyLoader.builder().index(real.get()).build();
    assertEquals(List.of(), loader.load(resource("acme.yml")).findings());
    List<String> found = loader.load(resource("newer-release.yml")).findings().stream()
        .map(f -> f.kind() + " " + f.key())
        .collect(Collectors.toList());
    assertEquals(List.of("UNKNOWN_TACTIC stealth", "UNKNOWN_TACTIC defense-impairment", "INACTIVE_TECHNIQUE T1086",
        "INACTIVE_TECHNIQUE T1064", "UNKNOWN_TECHNIQUE T9999", "UNKNOWN_KEY weights"), found);
  }

  @Test
  void load_strict_firstFindingThrown() {
    TablePolicyLoader strict = WITH_INDEX.toBuilder().strict(true).build();
    TacticWeightTableException e =
        assertThrows(TacticWeightTableException.class, () -> strict.load(resource("newer-release.yml")));
    assertTrue(e.getMessage().endsWith("newer-release.yml:5:3: UNKNOWN_TACTIC: 'stealth' names no tactic of the "
        + "loaded ATT&CK data (enterprise fixture, mobile fixture, ics fixture): written for another release? "
        + "The row is kept and matches only a tactic of that name (strict mode, from "
        + "TablePolicyLoader.strict())"), e.getMessage());
    assertEquals(5, e.line());
    assertEquals("v19-weights", e.policyId().orElseThrow());
  }

  @Test
  void load_badlyShapedTacticWithoutIndex_finding() {
    LoadedTablePolicy loaded = yaml(TablePolicyLoader.DEFAULT, "tactics:\n  'credential access!': 9\n");
    assertEquals(1, loaded.findings().size());
    assertEquals(TablePolicyFinding.Kind.UNKNOWN_TACTIC, loaded.findings().get(0).kind());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tactics:\\n  execution: 12\\n|t.yml:2:14: weight cannot be outside 0-10: 12 (tactics.execution)",
      "tactics:\\n  execution: -1\\n|t.yml:2:14: weight cannot be outside 0-10: -1 (tactics.execution)",
      "tactics:\\n  execution: 99999999999999999999999\\n|t.yml:2:14: weight cannot be outside 0-10: "
          + "99999999999999999999999 (tactics.execution)",
      "tactics:\\n  execution: high\\n|t.yml:2:14: weight must be an integer from 0 to 10, not the text 'high' "
          + "(tactics.execution)",
      "tactics:\\n  execution: '5'\\n|t.yml:2:14: weight must be an integer from 0 to 10, not the text '5' "
          + "(tactics.execution)",
      "tactics:\\n  execution: 5.5\\n|t.yml:2:14: weight must be an integer from 0 to 10, not the decimal 5.5 "
          + "(tactics.execution)",
      "tactics:\\n  execution: [1, 2]\\n|t.yml:2:14: weight must be an integer from 0 to 10, not a list "
          + "(tactics.execution)",
      "tactics:\\n  execution: {a: 1}\\n|t.yml:2:14: weight must be an integer from 0 to 10, not a map "
          + "(tactics.execution)",
      "tactics:\\n  execution:\\n|t.yml:2:13: weight must be an integer from 0 to 10, not no value "
          + "(tactics.execution)",
      "tactics:\\n  execution: true\\n|t.yml:2:14: weight must be an integer from 0 to 10, not the boolean true "
          + "(tactics.execution)",
      "default: 11\\n|t.yml:1:10: weight cannot be outside 0-10: 11 (default)",
      "techniques:\\n  T1003: 100\\n|t.yml:2:10: weight cannot be outside 0-10: 100 (techniques.T1003)",
      "techniques:\\n  credential-access: 9\\n|t.yml:2:3: 'credential-access' is not a technique id such as "
          + "T1003 or T1003.001 (techniques)",
      "tactics:\\n  credential-access: 9\\n  Credential_Access: 8\\n|t.yml:3:3: duplicate row "
          + "'Credential_Access': the same as 'credential-access' at line 2",
      "techniques:\\n  T1003: 9\\n  attack.t1003: 8\\n|t.yml:3:3: duplicate row 'attack.t1003': the same as "
          + "'T1003' at line 2",
      "tactics: [execution]\\n|t.yml:1:10: tactics must be a map of tactic to weight, not a list",
      "techniques: 5\\n|t.yml:1:13: techniques must be a map of technique to weight, not 5",
      "id: acme weights\\n|t.yml:1:5: invalid id: the id 'acme weights' contains whitespace or a control "
          + "character at index 4",
      "id: [a]\\n|t.yml:1:5: id must be a text such as acme-weights, not a list",
      "description: 5\\n|t.yml:1:14: description must be a text, not 5",
      "default: 1\\ndefault: 2\\n|t.yml:2:1: duplicate key 'default'",
      "- tactics\\n|t.yml:1:1: the table must be a map with the keys id, description, default, tactics, "
          + "techniques, not a list",
      "just text\\n|t.yml:1:1: the table must be a map with the keys id, description, default, tactics, "
          + "techniques, not the text 'just text'",
      "''\\n|t.yml:1:1: the table must be a map with the keys id, description, default, tactics, techniques, not "
          + "no value",
      "'5'\\n|t.yml:1:1: the table must be a map with the keys id, description, default, tactics, techniques, not "
          + "the text '5'",
  })
  void load_invalidValue_errorNamesFileLineColumn(String text, String message) {
    TacticWeightTableException e = yamlError(text.replace("\\n", "\n"));
    assertEquals(message, e.getMessage());
    assertEquals("t.yml", e.source());
    assertTrue(e.line() > 0, "line");
  }

  /** Regression: found by TablePolicyLoaderFuzzTest.load_validTables_roundTrip with an empty row list. */
  @Test
  void load_sectionsWithoutValue_noRows() {
    LoadedTablePolicy loaded = yaml(TablePolicyLoader.DEFAULT, "tactics:\n#  impact: 9\ntechniques:\n");
    assertEquals(5, loaded.policy().weight(tactic(AttackDomain.ENTERPRISE, "impact")));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("tactics", null);
    map.put("default", 2);
    assertEquals(2, TablePolicyLoader.DEFAULT.load(map, "m").policy().weight(tactic(AttackDomain.ICS, "impact")));
  }

  @Test
  void load_emptyFile_error() {
    TacticWeightTableException e = yamlError("# nothing\n");
    assertEquals("t.yml: the table is empty: expected a map with the keys id, description, default, tactics, "
        + "techniques", e.getMessage());
    assertEquals(0, e.line());
  }

  @Test
  void load_invalidYaml_errorWithLine() {
    TacticWeightTableException e = yamlError("tactics:\n  execution: 5\n  - impact\n");
    assertEquals("t.yml:3:3: not valid YAML: expected <block end>, but found '-' (while parsing a block mapping "
        + "started at line 2)", e.getMessage());
  }

  @Test
  void load_invalidJson_errorWithLine() {
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class, () -> TablePolicyLoader.DEFAULT
        .load(new ByteArrayInputStream("{\n \"tactics\": {\"execution\": 5,}\n}".getBytes(StandardCharsets.UTF_8)),
            "t.json"));
    assertTrue(e.getMessage().startsWith("t.json:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    e = assertThrows(TacticWeightTableException.class, () -> TablePolicyLoader.DEFAULT
        .load(new ByteArrayInputStream("{\"tactics\": {\"execution\": 5".getBytes(StandardCharsets.UTF_8)),
            "t.json"));
    assertTrue(e.getMessage().contains("truncated JSON"), e.getMessage());
  }

  @Test
  void load_jsonWithTrailingContent_error() {
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class, () -> TablePolicyLoader.DEFAULT
        .load(new ByteArrayInputStream("{} {}".getBytes(StandardCharsets.UTF_8)), "t.json"));
    assertTrue(e.getMessage().contains("unexpected content after the table"), e.getMessage());
  }

  @Test
  void load_invalidMapValues_errorNamesSource() {
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class,
        () -> TablePolicyLoader.DEFAULT.load(Map.of("tactics", Map.of("execution", 12)), "acme map"));
    assertEquals("acme map: weight cannot be outside 0-10: 12 (tactics.execution)", e.getMessage());
    assertEquals(0, e.line());
    e = assertThrows(TacticWeightTableException.class,
        () -> TablePolicyLoader.DEFAULT.load(Map.of("tactics", Map.of("execution", 5.0)), "acme map"));
    assertEquals("acme map: weight must be an integer from 0 to 10, not the decimal 5.0 (tactics.execution)",
        e.getMessage());
    e = assertThrows(TacticWeightTableException.class,
        () -> TablePolicyLoader.DEFAULT.load(Map.of("tactics", Map.of(1, 5)), "acme map"));
    assertEquals("acme map: the keys of tactics must be text, not 1", e.getMessage());
    e = assertThrows(TacticWeightTableException.class,
        () -> TablePolicyLoader.DEFAULT.load(Map.of("tactics", List.of("a")), "acme map"));
    assertEquals("acme map: tactics must be a map of tactic to weight, not a list", e.getMessage());
    Map<String, Object> nullValue = new LinkedHashMap<>();
    nullValue.put("execution", null);
    e = assertThrows(TacticWeightTableException.class,
        () -> TablePolicyLoader.DEFAULT.load(Map.of("tactics", nullValue), "acme map"));
    assertEquals("acme map: weight must be an integer from 0 to 10, not no value (tactics.execution)",
        e.getMessage());
  }

  @Test
  void load_mapRowsInKeyOrder_deterministicDuplicates() {
    // Map.of iterates in a per-JVM random order; rows are read sorted, so the duplicate reported is stable.
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class, () -> TablePolicyLoader.DEFAULT
        .load(Map.of("tactics", Map.of("impact", 1, "Impact", 2, "IMPACT", 3)), "m"));
    assertEquals("m: duplicate row 'Impact': the same as 'IMPACT'", e.getMessage());
  }

  @Test
  void load_missingFile_error() {
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class,
        () -> TablePolicyLoader.DEFAULT.load(Path.of("no/such/table.yml")));
    assertEquals(Path.of("no/such/table.yml") + ": no such file", e.getMessage());
  }

  @Test
  void load_overMaxBytes_error() {
    TablePolicyLoader small = TablePolicyLoader.builder().maxBytes(20).build();
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class,
        () -> yaml(small, "tactics:\n  execution: 5\n  impact: 6\n"));
    assertEquals("t.yml: table size exceeds the maximum allowed (20 bytes, from TablePolicyLoader.maxBytes())",
        e.getMessage());
    assertEquals(6, yaml(small, "tactics: {impact: 6}").policy().weight(tactic(AttackDomain.ICS, "impact")),
        "exactly 20 bytes");
  }

  @Test
  void load_overMaxEntries_error() {
    TablePolicyLoader small = TablePolicyLoader.builder().maxEntries(2).build();
    TacticWeightTableException e = assertThrows(TacticWeightTableException.class,
        () -> yaml(small, "tactics:\n  execution: 5\n  impact: 6\ntechniques:\n  T1003: 9\n"));
    assertEquals("t.yml:5:3: the table has more rows than the maximum allowed (2, from "
        + "TablePolicyLoader.maxEntries())", e.getMessage());
  }

  @Test
  void load_yamlAliases_notExpandedIntoWeights() {
    TacticWeightTableException e = yamlError("default: &w 5\ntactics:\n  impact: *w\n");
    assertTrue(e.getMessage().startsWith("t.yml:3:"), e.getMessage());
  }

  @Test
  void load_streamNotClosed() {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream("default: 3".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertEquals(3, TablePolicyLoader.DEFAULT.load(in, "s.yml").policy()
        .weight(tactic(AttackDomain.ENTERPRISE, "impact")));
    assertFalse(closed[0]);
  }

  @Test
  void builder_settingsAndToBuilder() {
    TablePolicyLoader a = TablePolicyLoader.builder().index(INDEX).strict(true).maxBytes(100).maxEntries(7).build();
    TablePolicyLoader b = a.toBuilder().build();
    assertSame(INDEX, b.index().orElseThrow());
    assertTrue(b.strict());
    assertEquals(100, b.maxBytes());
    assertEquals(7, b.maxEntries());
    assertTrue(TablePolicyLoader.DEFAULT.index().isEmpty());
    assertFalse(TablePolicyLoader.DEFAULT.strict());
    assertEquals(TablePolicyLoader.DEFAULT_MAX_BYTES, TablePolicyLoader.DEFAULT.maxBytes());
    assertEquals(TablePolicyLoader.DEFAULT_MAX_ENTRIES, TablePolicyLoader.DEFAULT.maxEntries());
    assertThrows(IllegalArgumentException.class, () -> TablePolicyLoader.builder().maxBytes(0));
    assertThrows(IllegalArgumentException.class, () -> TablePolicyLoader.builder().maxBytes(Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> TablePolicyLoader.builder().maxEntries(0));
    assertTrue(a.toString().contains("strict=true"), a.toString());
  }
}
