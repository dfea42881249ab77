package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --attack} resolution: files, cached releases, URLs, the default, and the failures of each. */
class AttackSourcesTest {

  @TempDir
  Path dir;

  private AttackCache cache() {
    return new AttackCache(dir.resolve("cache"));
  }

  /** Puts a bundle into the cache as a fetch would name it (without a manifest). */
  private Path cached(AttackDomain domain, String release, byte[] bundle) throws IOException {
    Path p = cache().bundlePath(domain, release);
    Files.createDirectories(p.getParent());
    Files.write(p, bundle);
    return p;
  }

  @Test
  void resolve_file() {
    AttackSource s = AttackSources.resolve(Fixtures.miniEnterprise().toString(), cache());
    assertEquals(Fixtures.miniEnterprise(), s.bundle());
    assertTrue(s.cached().isEmpty());
  }

  @Test
  void resolve_fileUri() {
    AttackSource s = AttackSources.resolve(Fixtures.miniEnterprise().toAbsolutePath().toUri().toString(), cache());
    assertEquals(Fixtures.miniEnterprise().toAbsolutePath(), s.bundle());
  }

  @Test
  void resolve_missingFile_isUsageError() {
    CliException e = assertThrows(CliException.class,
        () -> AttackSources.resolve(dir.resolve("nope.json").toString(), cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().endsWith("nope.json: no such file"), e.getMessage());
  }

  @Test
  void resolve_folder_isUsageError() {
    CliException e = assertThrows(CliException.class, () -> AttackSources.resolve(dir.toString(), cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
  }

  @Test
  void resolve_cachedRelease_andNewest() throws IOException {
    byte[] b = Fixtures.miniEnterpriseBytes();
    cached(AttackDomain.ENTERPRISE, "9.0", b);
    Path newest = cached(AttackDomain.ENTERPRISE, "18.1", b);
    Path older = cached(AttackDomain.ENTERPRISE, "17.1", b);
    assertEquals(older, AttackSources.resolve("enterprise@17.1", cache()).bundle());
    assertEquals(older, AttackSources.resolve("Enterprise-Attack@17.1", cache()).bundle());
    assertEquals(newest, AttackSources.resolve("enterprise@latest", cache()).bundle());
    assertEquals(newest, AttackSources.resolve("enterprise", cache()).bundle());
    assertEquals(newest, AttackSources.defaultSource(cache()).bundle(), "18.1 is newer than 9.0");
    assertEquals("enterprise@18.1", AttackSources.defaultSource(cache()).spec());
  }

  @Test
  void resolve_uncachedRelease_saysHowToFetchIt() throws IOException {
    cached(AttackDomain.MOBILE, "18.1", TestBundle.enterprise().bytes());
    CliException e = assertThrows(CliException.class, () -> AttackSources.resolve("enterprise@17.1", cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("enterprise@17.1 is not in the cache"), e.getMessage());
    assertTrue(e.getMessage().contains("it holds mobile@18.1"), e.getMessage());
    assertTrue(e.hints().get(0).contains("sigmap attack fetch --domain enterprise --release 17.1"),
        e.hints().toString());
  }

  @Test
  void resolve_uncachedUrl_isRefused_neverDownloaded() {
    CliException e = assertThrows(CliException.class,
        () -> AttackSources.resolve("https://example.org/enterprise-attack.json", cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("not in the cache"), e.getMessage());
    assertTrue(e.hints().get(0).contains("sigmap attack fetch --url https://example.org/enterprise-attack.json"));
  }

  @Test
  void resolve_cachedFilePath_usesTheCacheEntry() throws IOException {
    Path p = cached(AttackDomain.ENTERPRISE, "18.1", Fixtures.miniEnterpriseBytes());
    AttackSource s = AttackSources.resolve(p.toString(), cache());
    assertTrue(s.cached().isPresent());
    assertEquals("18.1", s.cached().get().release());
  }

  @Test
  void default_withEmptyCache_saysToFetchOrPassAFile() {
    CliException e = assertThrows(CliException.class, () -> AttackSources.load(List.of(), cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().startsWith("no ATT&CK data: no --attack given"), e.getMessage());
    assertTrue(e.hints().get(0).contains("sigmap attack fetch"), e.hints().toString());
    assertTrue(e.hints().get(0).contains("--attack FILE"), e.hints().toString());
  }

  @Test
  void load_corruptFile_givesFileLineColumn() throws IOException {
    Path bad = dir.resolve("truncated-attack.json");
    String text = new String(Fixtures.miniEnterpriseBytes(), StandardCharsets.UTF_8);
    Files.writeString(bad, text.substring(0, text.length() / 2));
    CliException e = assertThrows(CliException.class, () -> AttackSources.load(List.of(bad.toString()), cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().matches("unusable ATT&CK data: .*truncated-attack\\.json:\\d+:\\d+: .*"), e.getMessage());
  }

  @Test
  void load_notABundle_isUsageError() throws IOException {
    Path bad = Files.writeString(dir.resolve("list.json"), "[1, 2, 3]");
    CliException e = assertThrows(CliException.class, () -> AttackSources.load(List.of(bad.toString()), cache()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("list.json:1:1"), e.getMessage());
  }

  @Test
  void load_severalSources_mergeDomains() throws IOException {
    Path ics = TestBundle.ics().version("18.1").tactic("TA0104", "execution", "Execution")
        .technique("T0807", "Command-Line Interface", "execution").write(dir.resolve("ics-attack-18.1.json"));
    LoadedAttack a = AttackSources.load(List.of(Fixtures.miniEnterprise().toString(), ics.toString()), cache());
    assertEquals(Set.of(AttackDomain.ENTERPRISE, AttackDomain.ICS), a.index().domains());
    assertEquals(2, a.sources().size());
  }

  @Test
  void load_singleCachedBundle_writesThenReadsItsSnapshot() throws IOException {
    cached(AttackDomain.ENTERPRISE, "18.1", Fixtures.miniEnterpriseBytes());
    CacheEntry e = cache().newest(AttackDomain.ENTERPRISE).orElseThrow();
    LoadedAttack first = AttackSources.load(List.of(), cache());
    assertTrue(Files.isRegularFile(e.snapshot()), "the first load writes the snapshot");
    LoadedAttack second = AttackSources.load(List.of("enterprise@18.1"), cache());
    assertEquals(first.index().techniques(), second.index().techniques());
    assertTrue(second.index().warnings().isEmpty(), second.index().warnings().toString());
  }

  @Test
  void load_damagedSnapshot_isRebuilt() throws IOException {
    cached(AttackDomain.ENTERPRISE, "18.1", Fixtures.miniEnterpriseBytes());
    CacheEntry e = cache().newest(AttackDomain.ENTERPRISE).orElseThrow();
    Files.writeString(e.snapshot(), "not a snapshot");
    LoadedAttack a = AttackSources.load(List.of(), cache());
    assertEquals(17, a.index().techniques().size());
  }

  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Mixin
    AttackOptions attack;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Test
  void mixin_collectsRepeatedAttackOptions() {
    Probe p = new Probe();
    new CommandLine(p).parseArgs("--attack", "a.json", "--attack", "enterprise@18.1");
    assertEquals(List.of("a.json", "enterprise@18.1"), p.attack.sources);
  }

  @Test
  void mixin_loadsThroughTheCache() {
    Probe p = new Probe();
    new CommandLine(p).parseArgs("--attack", Fixtures.miniEnterprise().toString());
    assertEquals(17, p.attack.load(cache()).index().techniques().size());
  }
}
