package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Broken, hostile and inconsistent bundles: typed errors with locations, or warnings and a complete index. */
class TechniqueIndexBadInputTest {

  private static TechniqueIndex load(String json) {
    return load(json, StixReadOptions.DEFAULT);
  }

  private static TechniqueIndex load(String json, StixReadOptions options) {
    return TechniqueIndex.builder().options(options)
        .addBundle(json.getBytes(StandardCharsets.UTF_8), "test.json", "18.1").build();
  }

  private static StixFormatException fails(String json) {
    return assertThrows(StixFormatException.class, () -> load(json));
  }

  private static String bundle(String... objects) {
    return "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"spec_version\": \"2.0\", \"objects\": [\n"
        + String.join(",\n", objects) + "\n]}";
  }

  private static String technique(String stixId, String attackId, String modified, String extra) {
    return String.format(Locale.ROOT, "{\"type\": \"attack-pattern\", \"id\": \"%s\", \"name\": \"Name of %s\","
        + " \"modified\": \"%s\", \"external_references\": [{\"source_name\": \"mitre-attack\","
        + " \"external_id\": \"%s\"}], \"kill_chain_phases\": [{\"kill_chain_name\": \"mitre-attack\","
        + " \"phase_name\": \"execution\"}]%s}", stixId, attackId, modified, attackId, extra);
  }

  private static String tactic(String stixId, String id, String shortname) {
    return String.format(Locale.ROOT, "{\"type\": \"x-mitre-tactic\", \"id\": \"%s\", \"name\": \"%s\","
        + " \"x_mitre_shortname\": \"%s\", \"external_references\": [{\"source_name\": \"mitre-attack\","
        + " \"external_id\": \"%s\"}], \"x_mitre_domains\": [\"enterprise-attack\"]}", stixId, shortname, shortname,
        id);
  }

  private static String matrix(String... tacticStixIds) {
    return "{\"type\": \"x-mitre-matrix\", \"id\": \"x-mitre-matrix--1\", \"name\": \"Enterprise ATT&CK\","
        + " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"enterprise-attack\"}],"
        + " \"tactic_refs\": [\"" + String.join("\", \"", tacticStixIds) + "\"]}";
  }

  private static String revokedBy(String id, String from, String to) {
    return String.format(Locale.ROOT, "{\"type\": \"relationship\", \"id\": \"%s\", \"relationship_type\":"
        + " \"revoked-by\", \"source_ref\": \"%s\", \"target_ref\": \"%s\"}", id, from, to);
  }

  private static final String EXECUTION = tactic("x-mitre-tactic--e", "TA0002", "execution");
  private static final String MATRIX = matrix("x-mitre-tactic--e");

  @Test
  void load_notJson() {
    StixFormatException e = fails("this is not json");
    assertEquals("test.json", e.source());
    assertEquals(1, e.line());
    assertTrue(e.getMessage().startsWith("test.json:1:"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void load_emptyInput() {
    assertTrue(fails("").getMessage().contains("empty input"));
  }

  @Test
  void load_truncatedNamesTheLine() {
    String full = bundle(EXECUTION, MATRIX, technique("attack-pattern--1", "T1059", "2025-01-01T00:00:00.000Z", ""));
    StixFormatException e = fails(full.substring(0, full.length() - 40));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.line() >= 3, "line " + e.line());
  }

  @Test
  void load_notABundle() {
    assertTrue(fails("[1, 2]").getMessage().contains("not a STIX bundle: the top level is an array"));
    assertTrue(fails("{\"type\": \"indicator\", \"objects\": []}").getMessage()
        .contains("\"type\" is \"indicator\", not \"bundle\""));
    assertTrue(fails("{\"type\": \"bundle\", \"id\": \"bundle--1\"}").getMessage()
        .contains("there is no \"objects\" array"));
    assertTrue(fails("{\"type\": \"bundle\", \"objects\": {}}").getMessage()
        .contains("\"objects\" is an object, not an array"));
    assertTrue(fails(bundle(EXECUTION) + " {}").getMessage().contains("unexpected content after the end"));
  }

  @Test
  void load_mistypedFieldSkipsObjectWithWarningAtItsLine() {
    String bad = "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--2\",\n \"name\": 42,"
        + " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"T1003\"}]}";
    TechniqueIndex index = load(bundle(EXECUTION, MATRIX,
        technique("attack-pattern--1", "T1059", "2025-01-01T00:00:00.000Z", ""), bad));
    assertTrue(index.technique("T1059").isPresent());
    assertTrue(index.technique("T1003").isEmpty());
    StixWarning w = index.warnings().get(0);
    assertEquals(StixWarning.Kind.INVALID_FIELD, w.kind());
    assertEquals(6, w.line());
    assertEquals("attack-pattern--2", w.stixId().orElseThrow());
    assertTrue(w.message().contains("\"name\" is a number, not a string"), w.message());
    assertTrue(w.toString().startsWith("test.json:6:"), w.toString());
  }

  @Test
  void load_wrongTypesEverywhereNeverThrowUnchecked() {
    String[] broken = {
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--3\", \"kill_chain_phases\": \"execution\"}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--4\", \"external_references\": {}}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--5\", \"revoked\": \"yes\"}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--6\", \"x_mitre_platforms\": [1, 2]}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--7\", \"modified\": \"yesterday\"}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--8\", \"kill_chain_phases\": [{\"phase_name\": 1}]}",
      "{\"type\": 7, \"id\": \"x--1\"}",
      "{\"id\": \"no-type--1\"}",
      "[\"not an object\"]",
      "\"a string\"",
      "{\"type\": \"attack-pattern\", \"name\": \"no id\"}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--9\", \"name\": \"no attack id\"}",
      "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--10\", \"name\": \"bad id\","
          + " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"t1059\"}]}",
      "{\"type\": \"x-mitre-tactic\", \"id\": \"x-mitre-tactic--z\", \"name\": \"No shortname\"}",
      "{\"type\": \"intrusion-set\", \"id\": \"intrusion-set--z\", \"name\": \"Bad\","
          + " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"X0001\"}]}",
      "{\"type\": \"relationship\", \"id\": \"relationship--z\", \"relationship_type\": \"revoked-by\"}",
    };
    String[] objects = new String[broken.length + 3];
    objects[0] = EXECUTION;
    objects[1] = MATRIX;
    objects[2] = technique("attack-pattern--1", "T1059", "2025-01-01T00:00:00.000Z", "");
    System.arraycopy(broken, 0, objects, 3, broken.length);
    TechniqueIndex index = load(bundle(objects));
    assertEquals(List.of("T1059"), index.techniques().stream().map(Technique::id).toList());
    assertEquals(broken.length, index.warnings().size(), index.warnings().toString());
    assertTrue(index.warnings().stream().allMatch(w -> w.line() > 0));
  }

  @Test
  void load_strictThrowsOnFirstWarning() {
    String json = bundle(EXECUTION, MATRIX, "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--2\","
        + " \"name\": [], \"external_references\": []}");
    StixReadOptions strict = StixReadOptions.builder().strict(true).build();
    StixFormatException e = assertThrows(StixFormatException.class, () -> load(json, strict));
    assertEquals("attack-pattern--2", e.stixId().orElseThrow());
    assertTrue(e.getMessage().contains("INVALID_FIELD"), e.getMessage());
    assertTrue(e.getMessage().contains("StixReadOptions.strict()"), e.getMessage());
  }

  @Test
  void load_duplicateIdNewestModifiedWins() {
    TechniqueIndex index = load(bundle(EXECUTION, MATRIX,
        technique("attack-pattern--old", "T1059", "2020-01-01T00:00:00.000Z", ""),
        technique("attack-pattern--new", "T1059", "2025-01-01T00:00:00.000Z", ""),
        technique("attack-pattern--older", "T1059", "2019-01-01T00:00:00.000Z", "")));
    assertEquals("attack-pattern--new", index.technique("T1059").orElseThrow().stixId());
    assertEquals(2, index.warnings().size());
    assertTrue(index.warnings().stream().allMatch(w -> w.kind() == StixWarning.Kind.DUPLICATE_ID));
    assertTrue(index.warnings().get(0).message().contains("the newest, attack-pattern--new, was kept"));
  }

  @Test
  void load_duplicateIdAcrossBundlesIsDeterministic() {
    String a = bundle(EXECUTION, MATRIX, technique("attack-pattern--a", "T1059", "2025-01-01T00:00:00.000Z", ""));
    String b = bundle(EXECUTION, MATRIX, technique("attack-pattern--b", "T1059", "2025-01-01T00:00:00.000Z", ""));
    TechniqueIndex ab = TechniqueIndex.builder().addBundle(a.getBytes(StandardCharsets.UTF_8), "a", "1")
        .addBundle(b.getBytes(StandardCharsets.UTF_8), "b", "1").build();
    // Equal modified times: the first bundle's object is kept.
    assertEquals("attack-pattern--a", ab.technique("T1059").orElseThrow().stixId());
    assertEquals(StixWarning.Kind.DUPLICATE_ID, ab.warnings().get(0).kind());
  }

  @Test
  void load_revokedByCycleIsReportedNotLooped() {
    String revoked = ", \"revoked\": true";
    TechniqueIndex index = load(bundle(EXECUTION, MATRIX,
        technique("attack-pattern--1", "T1001", "2025-01-01T00:00:00.000Z", revoked),
        technique("attack-pattern--2", "T1002", "2025-01-01T00:00:00.000Z", revoked),
        technique("attack-pattern--3", "T1003", "2025-01-01T00:00:00.000Z", revoked),
        revokedBy("relationship--1", "attack-pattern--1", "attack-pattern--2"),
        revokedBy("relationship--2", "attack-pattern--2", "attack-pattern--3"),
        revokedBy("relationship--3", "attack-pattern--3", "attack-pattern--1")));
    Resolution.Revoked r = assertInstanceOf(Resolution.Revoked.class, index.resolve("T1001"));
    assertTrue(r.replacement().isEmpty());
    assertTrue(r.problem().orElseThrow().contains("loops back to T1001"), r.problem().orElseThrow());
    assertEquals(3, index.warnings().stream().filter(w -> w.kind() == StixWarning.Kind.REVOKED_BY_CYCLE).count());
  }

  @Test
  void load_danglingRevokedByIsReported() {
    TechniqueIndex index = load(bundle(EXECUTION, MATRIX,
        technique("attack-pattern--1", "T1001", "2025-01-01T00:00:00.000Z", ", \"revoked\": true"),
        revokedBy("relationship--1", "attack-pattern--1", "attack-pattern--missing")));
    Resolution.Revoked r = assertInstanceOf(Resolution.Revoked.class, index.resolve("T1001"));
    assertTrue(r.problem().orElseThrow().contains("no revoked-by relationship"), r.problem().orElseThrow());
    assertTrue(index.warnings().stream().anyMatch(w -> w.kind() == StixWarning.Kind.DANGLING_REFERENCE
        && w.message().contains("attack-pattern--missing")));
    assertTrue(index.warnings().stream().anyMatch(w -> w.kind() == StixWarning.Kind.NO_REPLACEMENT));
  }

  @Test
  void load_unknownTacticPhaseDropped() {
    String t = "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--1\", \"name\": \"X\","
        + " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"T1001\"}],"
        + " \"kill_chain_phases\": [{\"kill_chain_name\": \"mitre-attack\", \"phase_name\": \"stealth\"},"
        + " {\"kill_chain_name\": \"lockheed\", \"phase_name\": \"recon\"},"
        + " {\"kill_chain_name\": \"mitre-attack\", \"phase_name\": \"execution\"}]}";
    TechniqueIndex index = load(bundle(EXECUTION, MATRIX, t));
    assertEquals(List.of("execution"),
        index.technique("T1001").orElseThrow().tactics().stream().map(Tactic::shortname).toList());
    assertEquals(1, index.warnings().size());
    assertEquals(StixWarning.Kind.UNKNOWN_TACTIC, index.warnings().get(0).kind());
  }

  @Test
  void load_withoutMatrixOrdersTacticsByIdAndSaysSo() {
    TechniqueIndex index = load(bundle(tactic("x-mitre-tactic--p", "TA0004", "privilege-escalation"),
        EXECUTION, technique("attack-pattern--1", "T1059", "2025-01-01T00:00:00.000Z", "")));
    assertEquals(List.of("TA0002", "TA0004"),
        index.tactics(AttackDomain.ENTERPRISE).stream().map(Tactic::id).toList());
    assertEquals(StixWarning.Kind.NO_MATRIX_ORDER, index.warnings().get(0).kind());
  }

  @Test
  void load_objectWithoutAnyDomainAssumesEnterpriseAndWarns() {
    String noDomain = "{\"type\": \"intrusion-set\", \"id\": \"intrusion-set--1\", \"name\": \"G\","
        + " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"G0001\"}]}";
    TechniqueIndex index = load(bundle(noDomain));
    assertEquals(java.util.Set.of(AttackDomain.ENTERPRISE), index.attackObject("G0001").orElseThrow().domains());
    assertEquals(StixWarning.Kind.UNKNOWN_DOMAIN, index.warnings().get(0).kind());
  }

  @Test
  void load_limitsNameTheSetting() {
    String json = bundle(EXECUTION, MATRIX, technique("attack-pattern--1", "T1059", "2025-01-01T00:00:00.000Z", ""));
    StixFormatException objects = assertThrows(StixFormatException.class,
        () -> load(json, StixReadOptions.builder().maxObjects(2).build()));
    assertTrue(objects.getMessage().contains("(2, from StixReadOptions.maxObjects())"), objects.getMessage());

    // Strings the reader skips are never decoded, so only a field it reads can hit the limit.
    String longName = "{\"type\": \"bundle\", \"objects\": [{\"type\": \"attack-pattern\", \"name\": \""
        + "a".repeat(5000) + "\"}]}";
    StixFormatException string = assertThrows(StixFormatException.class,
        () -> load(longName, StixReadOptions.builder().maxStringLength(1000).build()));
    assertTrue(string.getMessage().contains("StixReadOptions.maxStringLength()"), string.getMessage());

    String deep = "{\"type\": \"bundle\", \"objects\": [{\"type\": \"x\", \"d\": " + "[".repeat(200)
        + "]".repeat(200) + "}]}";
    StixFormatException depth = assertThrows(StixFormatException.class, () -> load(deep));
    assertTrue(depth.getMessage().contains("StixReadOptions.maxNestingDepth()"), depth.getMessage());

    StixReadOptions small = StixReadOptions.builder().maxBundleBytes(100).build();
    StixFormatException size = assertThrows(StixFormatException.class, () -> load(json, small));
    assertTrue(size.getMessage().contains("StixReadOptions.maxBundleBytes()"), size.getMessage());
    StixFormatException streamed = assertThrows(StixFormatException.class, () -> TechniqueIndex.builder()
        .options(small).addBundle(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s")
        .build());
    assertTrue(streamed.getMessage().contains("StixReadOptions.maxBundleBytes()"), streamed.getMessage());
  }

  @Test
  void load_corruptGzipIsTyped() {
    byte[] notGzip = {0x1f, (byte) 0x8b, 1, 2, 3};
    StixFormatException e = assertThrows(StixFormatException.class,
        () -> TechniqueIndex.builder().addBundle(notGzip, "broken.json.gz", "1").build());
    assertEquals("broken.json.gz", e.source());
    assertInstanceOf(SigmapException.class, e);
  }
}
