package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TechniqueIndexTest {

  private final TechniqueIndex index = Fixtures.mini();

  private static List<String> ids(List<Tactic> tactics) {
    return tactics.stream().map(Tactic::shortname).toList();
  }

  @Test
  void technique_anyCaseAndPrefix() {
    Technique t = index.technique("T1059.001").orElseThrow();
    assertEquals("PowerShell", t.name());
    assertSame(t, index.technique("t1059.001").orElseThrow());
    assertSame(t, index.technique("attack.t1059.001").orElseThrow());
    assertSame(t, index.technique("ATTACK.T1059.001").orElseThrow());
    assertSame(t, index.technique(new StringBuilder("attack.T1059.001")).orElseThrow());
    assertEquals("https://attack.mitre.org/techniques/T1059/001", t.url());
    assertEquals(List.of("Windows"), t.platforms());
    assertEquals(Set.of(AttackDomain.ENTERPRISE), t.domains());
    assertEquals("1.2", t.version());
  }

  @Test
  void technique_missesAreEmpty() {
    assertTrue(index.technique("T9999").isEmpty());
    assertTrue(index.technique("T1059.999").isEmpty());
    assertTrue(index.technique("attack.t1059_001").isEmpty());
    assertTrue(index.technique("").isEmpty());
    assertTrue(index.technique("attack.").isEmpty());
    assertTrue(index.technique("G0016").isEmpty());
  }

  @Test
  void technique_allTacticsInMatrixOrder() {
    // The bundle lists defense-evasion before privilege-escalation; the matrix puts privilege-escalation first.
    assertEquals(List.of("privilege-escalation", "defense-evasion"),
        ids(index.technique("T1055.011").orElseThrow().tactics()));
    assertEquals(List.of("persistence", "privilege-escalation"),
        ids(index.technique("T1547.001").orElseThrow().tactics()));
  }

  @Test
  void technique_parentAndSubtechniques() {
    Technique parent = index.technique("T1059").orElseThrow();
    assertFalse(parent.isSubtechnique());
    assertEquals(List.of("T1059.001"), parent.subtechniqueIds());
    Technique sub = index.technique("T1059.001").orElseThrow();
    assertTrue(sub.isSubtechnique());
    assertEquals("T1059", sub.parentId().orElseThrow());
    assertEquals(List.of("T1547.001", "T1547.011"), index.technique("T1547").orElseThrow().subtechniqueIds());
  }

  @Test
  void tactics_matrixOrderFromTheBundle() {
    assertEquals(List.of("execution", "persistence", "privilege-escalation", "defense-evasion", "credential-access"),
        ids(index.tactics(AttackDomain.ENTERPRISE)));
    List<Tactic> tactics = index.tactics(AttackDomain.ENTERPRISE);
    for (int i = 0; i < tactics.size(); i++) {
      assertEquals(i, tactics.get(i).order());
    }
    assertTrue(index.tactics(AttackDomain.MOBILE).isEmpty());
  }

  @Test
  void findTactics_anySpelling() {
    Tactic de = index.findTactics("defense-evasion").get(0);
    assertEquals("TA0005", de.id());
    assertEquals(List.of(de), index.findTactics("attack.defense_evasion"));
    assertEquals(List.of(de), index.findTactics("Defense Evasion"));
    assertEquals(List.of(de), index.findTactics("DEFENSE_EVASION"));
    assertEquals(List.of(de), index.findTactics("ta0005"));
    assertEquals(de, index.tactic(AttackDomain.ENTERPRISE, "defense_evasion").orElseThrow());
    assertTrue(index.tactic(AttackDomain.ICS, "defense_evasion").isEmpty());
    assertTrue(index.findTactics("stealth").isEmpty());
    assertTrue(index.findTactics("").isEmpty());
  }

  @Test
  void resolve_active() {
    Resolution r = index.resolve("attack.t1003.001");
    assertEquals(Resolution.Status.ACTIVE, r.status());
    assertEquals("T1003.001", r.id());
    assertEquals(r.technique(), r.mapsTo());
    assertSame(r, index.resolve("T1003.001"), "resolutions of known ids are built once");
  }

  @Test
  void resolve_revokedOneStep() {
    Resolution.Revoked r = assertInstanceOf(Resolution.Revoked.class, index.resolve("attack.t1086"));
    assertEquals("T1086", r.id());
    assertEquals("T1059.001", r.mapsTo().orElseThrow().id());
    assertEquals(List.of("T1059.001"), r.chain().stream().map(Technique::id).toList());
    assertTrue(r.problem().isEmpty());
    assertEquals("T1059.001", index.technique("T1086").orElseThrow().revokedBy().orElseThrow());
  }

  @Test
  void resolve_revokedChainFollowedToTheEnd() {
    Resolution.Revoked r = assertInstanceOf(Resolution.Revoked.class, index.resolve("T1150"));
    assertEquals(List.of("T1547.011", "T1647"), r.chain().stream().map(Technique::id).toList());
    assertEquals("T1647", r.replacement().orElseThrow().id());
  }

  @Test
  void resolve_deprecated() {
    Resolution r = index.resolve("T1064");
    assertEquals(Resolution.Status.DEPRECATED, r.status());
    assertEquals("Scripting", r.technique().orElseThrow().name());
    assertTrue(r.mapsTo().isEmpty());
  }

  @Test
  void resolve_unknownAboveHighestIsProbablyNewer() {
    assertEquals(1647, index.highestTechniqueNumber());
    Resolution.Unknown newer = assertInstanceOf(Resolution.Unknown.class, index.resolve("attack.t1685"));
    assertEquals("T1685", newer.id());
    assertTrue(newer.probablyNewer());
    assertEquals(1647, newer.highestKnownNumber());
    Resolution.Unknown gap = assertInstanceOf(Resolution.Unknown.class, index.resolve("T1010"));
    assertFalse(gap.probablyNewer());
    Resolution.Unknown newSub = assertInstanceOf(Resolution.Unknown.class, index.resolve("T1059.002"));
    assertTrue(newSub.probablyNewer(), "a sub-technique number above its parent's highest");
    assertTrue(index.resolve("T1001.001") instanceof Resolution.Unknown u && !u.probablyNewer());
  }

  @Test
  void resolve_malformedSaysWhy() {
    Resolution.Malformed m = assertInstanceOf(Resolution.Malformed.class, index.resolve("attack.t1059_001"));
    assertEquals("attack.t1059_001", m.id());
    assertTrue(m.reason().contains("dot and three digits"), m.reason());
    assertInstanceOf(Resolution.Malformed.class, index.resolve("attack.1059"));
    assertInstanceOf(Resolution.Malformed.class, index.resolve("attack."));
    assertInstanceOf(Resolution.Malformed.class, index.resolve("T1059.000"));
    assertInstanceOf(Resolution.Malformed.class, index.resolve("T1059.1"));
    assertInstanceOf(Resolution.Malformed.class, index.resolve(" T1059"));
    assertTrue(((Resolution.Malformed) index.resolve("attack.")).reason().contains("nothing follows"));
  }

  @Test
  void attackObject_kindsStatusesAndReplacement() {
    AttackObject g = index.attackObject("attack.g0016").orElseThrow();
    assertEquals(AttackObjectKind.GROUP, g.kind());
    assertEquals("APT29", g.name());
    assertEquals(AttackStatus.ACTIVE, g.status());
    assertEquals(Set.of(AttackDomain.ENTERPRISE, AttackDomain.MOBILE), g.domains());
    AttackObject old = index.attackObject("G0099").orElseThrow();
    assertEquals(AttackStatus.REVOKED, old.status());
    assertEquals("G0016", old.revokedBy().orElseThrow());
    assertEquals(AttackObjectKind.SOFTWARE, index.attackObject("S0039").orElseThrow().kind());
    assertEquals(AttackStatus.DEPRECATED, index.attackObject("s0002").orElseThrow().status());
    assertEquals(AttackObjectKind.CAMPAIGN, index.attackObject("C0022").orElseThrow().kind());
    assertEquals(AttackObjectKind.MITIGATION, index.attackObject("M1026").orElseThrow().kind());
    assertEquals(AttackObjectKind.DATA_SOURCE, index.attackObject("ds0009").orElseThrow().kind());
    assertEquals(AttackObjectKind.DATA_COMPONENT, index.attackObject("DC0032").orElseThrow().kind());
    assertEquals(AttackObjectKind.DETECTION_STRATEGY, index.attackObject("det0103").orElseThrow().kind());
    assertTrue(index.attackObject("T1174").isEmpty(), "old mitigations named after techniques are skipped");
    assertTrue(index.attackObject("AN0110").isEmpty());
    assertEquals(List.of("S0002", "S0039"),
        index.attackObjects(AttackObjectKind.SOFTWARE).stream().map(AttackObject::id).toList());
  }

  @Test
  void techniques_sortedByNumber() {
    List<String> ids = index.techniques().stream().map(Technique::id).toList();
    assertEquals(List.of("T1003", "T1003.001", "T1055", "T1055.011", "T1059", "T1059.001", "T1064", "T1086",
        "T1150", "T1547", "T1547.001", "T1547.011", "T1600", "T1647"), ids);
    assertEquals(ids, index.techniques(AttackDomain.ENTERPRISE).stream().map(Technique::id).toList());
  }

  @Test
  void bundles_versionFromLabelAndSpec() {
    BundleInfo info = index.bundles().get(0);
    assertEquals("2.0", info.specVersion());
    assertEquals("18.1", info.attackVersion());
    assertEquals(Set.of(AttackDomain.ENTERPRISE), info.domains());
    assertEquals(42, info.objectCount());
    assertEquals("18.1", index.attackVersion(AttackDomain.ENTERPRISE).orElseThrow());
    assertTrue(index.attackVersion(AttackDomain.MOBILE).isEmpty());
    assertTrue(index.warnings().isEmpty(), index.warnings().toString());
  }

  @Test
  void load_versionUnknownWithoutLabelOrNameOrCollection() {
    TechniqueIndex plain = TechniqueIndex.load(Fixtures.miniEnterprise());
    assertEquals("unknown", plain.attackVersion(AttackDomain.ENTERPRISE).orElseThrow());
  }

  @Test
  void load_versionFromFileName(@TempDir Path dir) throws IOException {
    Path named = dir.resolve("enterprise-attack-17.2.json");
    Files.copy(Fixtures.miniEnterprise(), named);
    assertEquals("17.2", TechniqueIndex.load(named).attackVersion(AttackDomain.ENTERPRISE).orElseThrow());
    assertEquals("17.2", TechniqueIndex.Builder.versionFromName(Path.of("x/ics-attack-v17.2.json.gz")));
    assertEquals("unknown", TechniqueIndex.Builder.versionFromName(Path.of("bundle.json")));
  }

  @Test
  void load_stix21CollectionVersionAndMerge() {
    TechniqueIndex both = TechniqueIndex.builder()
        .addBundle(Fixtures.miniEnterprise(), "18.1")
        .addBundle(Fixtures.miniIcs(), "label ignored: the collection says 18.1")
        .build();
    assertEquals(Set.of(AttackDomain.ENTERPRISE, AttackDomain.ICS), both.domains());
    BundleInfo ics = both.bundles().get(1);
    assertEquals("2.1", ics.specVersion());
    assertEquals("18.1", ics.attackVersion());
    assertEquals(List.of("initial-access", "execution", "impact"), ids(both.tactics(AttackDomain.ICS)));
    assertEquals(Set.of(AttackDomain.ICS), both.technique("T0865").orElseThrow().domains());
    assertEquals(AttackDomain.ICS, both.technique("T0865").orElseThrow().tactics().get(0).domain());
    // The same group object in both bundles: one object, the union of domains, the newest fields.
    AttackObject g = both.attackObject("G0016").orElseThrow();
    assertEquals(Set.of(AttackDomain.ENTERPRISE, AttackDomain.MOBILE, AttackDomain.ICS), g.domains());
    assertEquals("2025-06-04T17:07:43.344Z", g.modified().toString());
    assertEquals(2, both.findTactics("execution").size());
    assertEquals(List.of(AttackDomain.ENTERPRISE, AttackDomain.ICS),
        both.findTactics("execution").stream().map(Tactic::domain).toList());
    assertTrue(both.warnings().isEmpty(), both.warnings().toString());
  }

  @Test
  void load_gzipFileStreamAndBytes(@TempDir Path dir) throws IOException {
    byte[] json = Files.readAllBytes(Fixtures.miniEnterprise());
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(json);
    }
    Path gzFile = dir.resolve("enterprise-attack-18.1.json.gz");
    Files.write(gzFile, gz.toByteArray());
    TechniqueIndex fromGz = TechniqueIndex.load(gzFile);
    assertEquals("18.1", fromGz.attackVersion(AttackDomain.ENTERPRISE).orElseThrow());
    assertEquals(index.techniques(), fromGz.techniques());

    try (InputStream in = Files.newInputStream(Fixtures.miniEnterprise())) {
      TechniqueIndex fromStream = TechniqueIndex.builder().addBundle(in, "stream", "18.1").build();
      assertEquals(index.techniques(), fromStream.techniques());
      assertEquals("stream", fromStream.bundles().get(0).source());
    }
    assertEquals(index.techniques(),
        TechniqueIndex.builder().addBundle(json, "bytes", "18.1").build().techniques());
    assertEquals(index.techniques(),
        TechniqueIndex.builder().addBundle(gz.toByteArray(), "gz-bytes", "18.1").build().techniques());
  }

  @Test
  void build_withoutBundleIsMisuse() {
    assertThrows(IllegalStateException.class, () -> TechniqueIndex.builder().build());
  }

  @Test
  void load_missingFileNamesIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    StixFormatException e = assertThrows(StixFormatException.class, () -> TechniqueIndex.load(missing));
    assertEquals(missing.toString(), e.source());
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void toString_summarises() {
    assertEquals("TechniqueIndex{ENTERPRISE=18.1}[14 techniques, 5 tactics, 9 other objects]", index.toString());
  }
}
