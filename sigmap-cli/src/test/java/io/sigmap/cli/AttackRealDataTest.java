package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.TechniqueIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on the real ATT&amp;CK 18.1 bundles from the shared folder; skipped without it. */
class AttackRealDataTest {

  @TempDir
  Path dir;

  @Test
  void fetch_realEnterprise_snapshotGivesTheSameIndex() throws Exception {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    byte[] bytes = Files.readAllBytes(bundle);
    try (TestServer server = TestServer.start()) {
      server.route("/enterprise-attack-18.1.json", x -> TestServer.send(x, 200, "text/plain; charset=utf-8", bytes));
      Cli.Run r = new Cli(dir).run("attack", "fetch", "--url",
          server.uri("/enterprise-attack-18.1.json").toString());
      assertEquals(0, r.code(), r.toString());
    }
    CacheEntry e = new AttackCache(dir).entries().get(0);
    assertEquals("enterprise@18.1", e.spec(), "a STIX 2.0 bundle: the release comes from its name");
    assertTrue(Files.isRegularFile(e.snapshot()));
    TechniqueIndex parsed = TechniqueIndex.load(bundle);
    TechniqueIndex cached = AttackSources.load(List.of(), new AttackCache(dir)).index();
    assertEquals(parsed.techniques(), cached.techniques());
    assertEquals(parsed.tactics(), cached.tactics());
    assertEquals(835, cached.techniques(AttackDomain.ENTERPRISE).size());
  }

  @Test
  void info_allThreeDomainsMerged() {
    Path enterprise = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    Path mobile = Fixtures.sharedFile("attack/mobile-attack-18.1.json");
    Path ics = Fixtures.sharedFile("attack/ics-attack-18.1.json");
    Cli.Run r = new Cli(dir).run("attack", "info", enterprise.toString(), mobile.toString(), ics.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\nenterprise 18.1\n"), r.out());
    assertTrue(r.out().contains("\nmobile 18.1\n"), r.out());
    assertTrue(r.out().contains("\nics 18.1\n"), r.out());
    assertTrue(r.out().contains("STIX version    2.1"), "the ICS bundle is STIX 2.1: " + r.out());
  }

  @Test
  void diff_realRelease_againstItself_isEmpty() {
    Path enterprise = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    Cli.Run r = new Cli(dir).run("attack", "diff", enterprise.toString(), enterprise.toString(), "--exit-code");
    assertEquals(0, r.code(), r.toString());
  }
}
