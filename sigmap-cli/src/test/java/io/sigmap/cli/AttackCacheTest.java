package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's layout, listing order, manifests and staging. */
class AttackCacheTest {

  @TempDir
  Path root;

  private AttackCache cache() {
    return new AttackCache(root);
  }

  private void touch(String name) throws IOException {
    Files.createDirectories(root.resolve("attack"));
    Files.writeString(root.resolve("attack").resolve(name), "{}");
  }

  @Test
  void entries_emptyOrMissingFolder() {
    assertEquals(List.of(), cache().entries());
  }

  @Test
  void entries_sortedByDomainThenReleaseNumber_ignoringOtherFiles() throws IOException {
    for (String n : List.of("mobile-attack-18.1.json", "enterprise-attack-9.0.json", "ics-attack-17.0.json",
        "enterprise-attack-18.1.json", "enterprise-attack-17.1.json", "enterprise-attack.json", "notes.txt",
        "enterprise-attack-18.1.manifest.json", "enterprise-attack-18.1.idx", "enterprise-attack-x.json")) {
      touch(n);
    }
    List<String> specs = new ArrayList<>();
    cache().entries().forEach(e -> specs.add(e.spec()));
    assertEquals(List.of("enterprise@9.0", "enterprise@17.1", "enterprise@18.1", "mobile@18.1", "ics@17.0"), specs);
    assertEquals("18.1", cache().newest(AttackDomain.ENTERPRISE).orElseThrow().release());
    assertTrue(cache().newest(AttackDomain.ICS).isPresent());
    assertEquals(root.resolve("attack/enterprise-attack-18.1.json"),
        cache().bundlePath(AttackDomain.ENTERPRISE, "18.1"));
  }

  @Test
  void commit_writesBundleSnapshotChecksumAndManifest_andListsThem() throws IOException {
    Path stage = cache().stage();
    assertTrue(stage.startsWith(root.resolve("attack")), "staging stays in the cache, for atomic moves");
    Path bundle = Files.writeString(stage.resolve("enterprise-attack-18.1.json"), "{\"type\": \"bundle\"}");
    Path idx = Files.writeString(stage.resolve("enterprise-attack-18.1.idx"), "snapshot");
    Manifest m = new Manifest("enterprise", "18.1", "https://example.org/b.json", "http", "ab".repeat(32),
        Files.size(bundle), Instant.parse("2026-01-05T10:00:00Z"), "2.1", "test");
    CacheEntry e = cache().commit(bundle, idx, m, AttackDomain.ENTERPRISE);
    AttackCache.deleteStaging(stage);
    assertFalse(Files.exists(stage));
    assertEquals("{\"type\": \"bundle\"}", Files.readString(e.bundle()));
    assertEquals("snapshot", Files.readString(e.snapshot()));
    assertEquals("ab".repeat(32) + "  enterprise-attack-18.1.json\n", Files.readString(e.sha256File()));
    CacheEntry listed = cache().entries().get(0);
    assertEquals(m, listed.manifest().orElseThrow());
    assertEquals(listed, cache().findByUrl("https://example.org/b.json").orElseThrow());
    assertTrue(cache().findByUrl("https://example.org/other.json").isEmpty());
  }

  @Test
  void manifest_unreadable_entryStillListed() throws IOException {
    touch("enterprise-attack-18.1.json");
    Files.writeString(root.resolve("attack/enterprise-attack-18.1.manifest.json"), "{ broken");
    CacheEntry e = cache().entries().get(0);
    assertTrue(e.manifest().isEmpty());
  }

  @Test
  void stage_removesStagingFoldersLeftByCrashedFetches() throws IOException {
    Path old = Files.createDirectories(root.resolve("attack/.fetch-123"));
    Files.writeString(old.resolve("download.json"), "half");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3 * 86400)));
    Path recent = Files.createDirectories(root.resolve("attack/.fetch-456"));
    Path stage = cache().stage();
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(recent), "a recent staging folder may belong to a running fetch");
    assertTrue(Files.isDirectory(stage));
  }
}
