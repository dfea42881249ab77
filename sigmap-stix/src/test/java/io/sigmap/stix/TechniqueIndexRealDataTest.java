package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** ATT&amp;CK 18.1 as MITRE publishes it, from the shared data folder; skipped when it is not configured. */
@EnabledIf(value = "io.sigmap.stix.Fixtures#sharedAvailable",
    disabledReason = "real-data test skipped: set SIGMAP_SHARED (or -Dsigmap.shared) to the shared data folder")
class TechniqueIndexRealDataTest {

  private static TechniqueIndex enterprise;

  @BeforeAll
  static void load() {
    enterprise = TechniqueIndex.load(Fixtures.sharedFile("attack/enterprise-attack-18.1.json"));
  }

  private static long count(AttackStatus status) {
    return enterprise.techniques().stream().filter(t -> t.status() == status).count();
  }

  @Test
  void enterprise_attackPatternCounts() {
    assertEquals(835, enterprise.techniques().size());
    assertEquals(691, count(AttackStatus.ACTIVE));
    assertEquals(132, count(AttackStatus.REVOKED));
    assertEquals(12, count(AttackStatus.DEPRECATED));
    assertEquals(475, enterprise.techniques().stream()
        .filter(t -> t.status() == AttackStatus.ACTIVE && t.isSubtechnique()).count());
    assertEquals(1681, enterprise.highestTechniqueNumber());
    assertEquals("18.1", enterprise.attackVersion(AttackDomain.ENTERPRISE).orElseThrow());
    assertEquals("2.0", enterprise.bundles().get(0).specVersion());
    assertEquals(24771, enterprise.bundles().get(0).objectCount());
    assertTrue(enterprise.warnings().isEmpty(), enterprise.warnings().toString());
  }

  @Test
  void enterprise_multiTacticTechniques() {
    // 159 techniques that are not revoked have more than one tactic: 154 active and 5 deprecated.
    assertEquals(154, enterprise.techniques().stream()
        .filter(t -> t.status() == AttackStatus.ACTIVE && t.tactics().size() > 1).count());
    assertEquals(159, enterprise.techniques().stream()
        .filter(t -> !t.revoked() && t.tactics().size() > 1).count());
    assertEquals(List.of("privilege-escalation", "defense-evasion"),
        enterprise.technique("T1055.011").orElseThrow().tactics().stream().map(Tactic::shortname).toList());
  }

  @Test
  void enterprise_tacticsInMatrixOrder() {
    assertEquals(List.of("TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0006", "TA0007",
            "TA0008", "TA0009", "TA0011", "TA0010", "TA0040"),
        enterprise.tactics(AttackDomain.ENTERPRISE).stream().map(Tactic::id).toList());
    assertEquals("defense-evasion", enterprise.findTactics("attack.defense_evasion").get(0).shortname());
  }

  @Test
  void enterprise_revocationsAndDeprecations() {
    Resolution t1086 = enterprise.resolve("attack.t1086");
    assertEquals(Resolution.Status.REVOKED, t1086.status());
    assertEquals("T1059.001", t1086.mapsTo().orElseThrow().id());
    assertEquals("PowerShell", t1086.mapsTo().orElseThrow().name());
    assertEquals("T1566.001", enterprise.resolve("T1193").mapsTo().orElseThrow().id());
    Resolution t1064 = enterprise.resolve("T1064");
    assertEquals(Resolution.Status.DEPRECATED, t1064.status());
    assertEquals("Scripting", t1064.technique().orElseThrow().name());
  }

  @Test
  void enterprise_chainsLongerThanOneStep() {
    List<Resolution.Revoked> revoked = enterprise.techniques().stream()
        .filter(Technique::revoked)
        .map(t -> assertInstanceOf(Resolution.Revoked.class, enterprise.resolve(t.id())))
        .toList();
    assertEquals(132, revoked.size());
    assertTrue(revoked.stream().allMatch(r -> r.replacement().isPresent()), "every enterprise chain ends active");
    Set<String> multiStep = revoked.stream().filter(r -> r.chain().size() > 1).map(Resolution::id)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(Set.of("T1073", "T1150", "T1162"), multiStep);
    assertEquals("T1647", enterprise.resolve("T1150").mapsTo().orElseThrow().id());
    assertEquals("T1574.001", enterprise.resolve("T1073").mapsTo().orElseThrow().id());
  }

  @Test
  void enterprise_unknownAndOtherObjects() {
    Resolution.Unknown v19 = assertInstanceOf(Resolution.Unknown.class, enterprise.resolve("attack.t1685"));
    assertTrue(v19.probablyNewer());
    assertEquals("APT29", enterprise.attackObject("attack.g0016").orElseThrow().name());
    assertEquals(AttackObjectKind.SOFTWARE, enterprise.attackObject("S0002").orElseThrow().kind());
    assertEquals(187, enterprise.attackObjects(AttackObjectKind.GROUP).size());
    assertEquals(787, enterprise.attackObjects(AttackObjectKind.SOFTWARE).size());
    assertEquals(52, enterprise.attackObjects(AttackObjectKind.CAMPAIGN).size());
    assertEquals(44, enterprise.attackObjects(AttackObjectKind.MITIGATION).size());
    assertEquals(38, enterprise.attackObjects(AttackObjectKind.DATA_SOURCE).size());
    assertEquals(109, enterprise.attackObjects(AttackObjectKind.DATA_COMPONENT).size());
    assertEquals(691, enterprise.attackObjects(AttackObjectKind.DETECTION_STRATEGY).size());
  }

  @Test
  void allDomains_loadAndMerge() {
    TechniqueIndex all = TechniqueIndex.load(Fixtures.sharedFile("attack/enterprise-attack-18.1.json"),
        Fixtures.sharedFile("attack/mobile-attack-18.1.json"), Fixtures.sharedFile("attack/ics-attack-18.1.json"));
    assertEquals(Set.of(AttackDomain.ENTERPRISE, AttackDomain.MOBILE, AttackDomain.ICS), all.domains());
    assertEquals(835 + 190 + 95, all.techniques().size());
    assertEquals(190, all.techniques(AttackDomain.MOBILE).size());
    assertEquals(95, all.techniques(AttackDomain.ICS).size());
    BundleInfo ics = all.bundles().get(2);
    assertEquals("2.1", ics.specVersion());
    assertEquals("18.1", ics.attackVersion());
    assertEquals(14, all.tactics(AttackDomain.MOBILE).size());
    assertEquals(12, all.tactics(AttackDomain.ICS).size());
    assertEquals(List.of("network-effects", "remote-service-effects"), all.tactics(AttackDomain.MOBILE).stream()
        .filter(Tactic::deprecated).map(Tactic::shortname).toList());
    assertEquals(3, all.findTactics("execution").size());
    // An object carried by several bundles (Sandworm Team is in all three) becomes one object.
    assertEquals(Set.of(AttackDomain.ENTERPRISE, AttackDomain.MOBILE, AttackDomain.ICS),
        all.attackObject("G0034").orElseThrow().domains());
    // The real data holds one ATT&CK id on two different objects, and Mobile chains that end in deprecated
    // techniques: both are reported, not fatal.
    assertTrue(all.warnings().stream().anyMatch(w -> w.kind() == StixWarning.Kind.DUPLICATE_ID
        && w.message().startsWith("S0017")), all.warnings().toString());
    assertEquals(9, all.warnings().stream().filter(w -> w.kind() == StixWarning.Kind.NO_REPLACEMENT).count());
    assertEquals(10, all.warnings().size(), all.warnings().toString());
  }
}
