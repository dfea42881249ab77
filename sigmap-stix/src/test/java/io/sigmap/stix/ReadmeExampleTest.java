package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The README's and TechniqueIndex's javadoc example, compiled and run against the real bundle. */
@EnabledIf(value = "io.sigmap.stix.Fixtures#sharedAvailable",
    disabledReason = "real-data test skipped: set SIGMAP_SHARED (or -Dsigmap.shared) to the shared data folder")
class ReadmeExampleTest {

  @Test
  void readme_indexExample() {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    // --- README: index ---
    TechniqueIndex index = TechniqueIndex.load(bundle);          // or .builder().snapshot(...) to start fast
    Resolution r = index.resolve("attack.t1086");                 // REVOKED
    Technique t = r.mapsTo().orElseThrow();                        // T1059.001 PowerShell
    List<Tactic> tactics = index.technique("T1055.011").orElseThrow().tactics(); // privilege-escalation, defense-evasion
    // --- end ---
    assertEquals(Resolution.Status.REVOKED, r.status());
    assertEquals("T1059.001", t.id());
    assertEquals(List.of("TA0004", "TA0005"), tactics.stream().map(Tactic::id).toList());
  }
}
