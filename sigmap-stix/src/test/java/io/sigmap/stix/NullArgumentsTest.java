package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Public entry points reject null with a NullPointerException naming the argument. */
class NullArgumentsTest {

  private final TechniqueIndex index = Fixtures.mini();

  private static void rejects(String name, Runnable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call::run);
    org.junit.jupiter.api.Assertions.assertEquals(name, e.getMessage());
  }

  @Test
  void index_lookupsRejectNull() {
    rejects("id", () -> index.technique(null));
    rejects("id", () -> index.resolve(null));
    rejects("key", () -> index.findTactics(null));
    rejects("domain", () -> index.tactic(null, "execution"));
    rejects("key", () -> index.tactic(AttackDomain.ENTERPRISE, null));
    rejects("id", () -> index.attackObject(null));
    rejects("kind", () -> index.attackObjects(null));
    rejects("domain", () -> index.techniques(null));
    rejects("domain", () -> index.tactics(null));
    rejects("domain", () -> index.attackVersion(null));
  }

  @Test
  void builder_rejectsNull() {
    TechniqueIndex.Builder b = TechniqueIndex.builder();
    rejects("options", () -> b.options(null));
    rejects("path", () -> b.addBundle((Path) null));
    rejects("versionLabel", () -> b.addBundle(Path.of("x.json"), null));
    rejects("in", () -> b.addBundle((InputStream) null, "name"));
    rejects("sourceName", () -> b.addBundle(InputStream.nullInputStream(), null));
    rejects("bundle", () -> b.addBundle((byte[]) null, "n", "v"));
  }

  @Test
  void values_rejectNull() {
    rejects("id", () -> AttackDomain.fromId(null));
    rejects("killChainName", () -> AttackDomain.fromKillChainName(null));
    rejects("activeTechnique", () -> new Resolution.Active(null));
    rejects("id", () -> new Resolution.Unknown(null, 1, false));
    rejects("source", () -> new StixFormatException(null, 0, 0, null, "m", null));
  }
}
