package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexSnapshotTest {

  private static byte[] snapshotOf(TechniqueIndex index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    index.writeSnapshot(out);
    return out.toByteArray();
  }

  private static TechniqueIndex read(byte[] bytes) {
    return TechniqueIndex.readSnapshot(new ByteArrayInputStream(bytes), "test.idx");
  }

  static void assertSameContent(TechniqueIndex expected, TechniqueIndex actual) {
    assertEquals(expected.techniques(), actual.techniques());
    assertEquals(expected.tactics(), actual.tactics());
    for (AttackObjectKind k : AttackObjectKind.values()) {
      assertEquals(expected.attackObjects(k), actual.attackObjects(k));
    }
    assertEquals(expected.domains(), actual.domains());
    for (AttackDomain d : expected.domains()) {
      assertEquals(expected.attackVersion(d), actual.attackVersion(d));
    }
    assertEquals(expected.warnings(), actual.warnings());
    assertEquals(expected.highestTechniqueNumber(), actual.highestTechniqueNumber());
    for (Technique t : expected.techniques()) {
      assertEquals(expected.resolve(t.id()), actual.resolve(t.id()));
    }
  }

  @Test
  void writeSnapshot_roundTrips() {
    TechniqueIndex index = TechniqueIndex.builder().addBundle(Fixtures.miniEnterprise(), "18.1")
        .addBundle(Fixtures.miniIcs()).build();
    byte[] bytes = snapshotOf(index);
    TechniqueIndex back = read(bytes);
    assertSameContent(index, back);
    assertEquals(index.bundles(), back.bundles());
    assertTrue(back.fromSnapshot());
    assertTrue(Arrays.equals(bytes, snapshotOf(back)), "a snapshot of a snapshot is byte-identical");
  }

  @Test
  void readSnapshot_corruptTruncatedOrOtherFormat() {
    byte[] bytes = snapshotOf(Fixtures.mini());
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x40;
    assertTrue(assertThrows(StixFormatException.class, () -> read(flipped)).getMessage()
        .contains("checksum mismatch"));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);
    assertTrue(assertThrows(StixFormatException.class, () -> read(truncated)).getMessage()
        .contains("truncated snapshot"));
    byte[] otherFormat = bytes.clone();
    otherFormat[11] = 99;
    assertTrue(assertThrows(StixFormatException.class, () -> read(otherFormat)).getMessage()
        .contains("snapshot format 99 is not the format this version reads (2)"));
    byte[] notSnapshot = "{\"type\": \"bundle\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(assertThrows(StixFormatException.class, () -> read(notSnapshot)).getMessage()
        .contains("wrong magic"));
    StixFormatException e = assertThrows(StixFormatException.class, () -> read(new byte[0]));
    assertEquals("test.idx", e.source());
  }

  @Test
  void builderSnapshot_writesThenReadsThenRefreshesWhenStale(@TempDir Path dir) throws IOException {
    Path bundle = dir.resolve("enterprise-attack-18.1.json");
    Files.copy(Fixtures.miniEnterprise(), bundle);
    Path idx = dir.resolve("enterprise-attack-18.1.idx");

    TechniqueIndex first = TechniqueIndex.builder().addBundle(bundle).snapshot(idx).build();
    assertFalse(first.fromSnapshot());
    assertTrue(first.warnings().isEmpty(), "a missing snapshot is not a problem: " + first.warnings());
    assertTrue(Files.exists(idx));

    TechniqueIndex second = TechniqueIndex.builder().addBundle(bundle).snapshot(idx).build();
    assertTrue(second.fromSnapshot());
    assertSameContent(first, second);
    assertEquals(bundle.toString(), second.bundles().get(0).source());

    Files.writeString(bundle, "\n", StandardOpenOption.APPEND);
    TechniqueIndex stale = TechniqueIndex.builder().addBundle(bundle).snapshot(idx).build();
    assertFalse(stale.fromSnapshot());
    StixWarning w = stale.warnings().get(0);
    assertEquals(StixWarning.Kind.SNAPSHOT_REJECTED, w.kind());
    assertTrue(w.message().contains("made from other bundle files"), w.message());
    assertTrue(TechniqueIndex.builder().addBundle(bundle).snapshot(idx).build().fromSnapshot(),
        "the stale snapshot was replaced");
  }

  @Test
  void builderSnapshot_corruptFileFallsBackToParsing(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("x.idx");
    Files.write(idx, new byte[] {1, 2, 3});
    TechniqueIndex index = TechniqueIndex.builder().addBundle(Fixtures.miniEnterprise(), "18.1").snapshot(idx).build();
    assertFalse(index.fromSnapshot());
    assertEquals(StixWarning.Kind.SNAPSHOT_REJECTED, index.warnings().get(0).kind());
    assertSameContent(Fixtures.mini(), TechniqueIndex.readSnapshot(idx));
  }

  @Test
  void builderSnapshot_ignoredForStreams(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("x.idx");
    byte[] json = Files.readAllBytes(Fixtures.miniEnterprise());
    TechniqueIndex index = TechniqueIndex.builder().addBundle(json, "bytes", "18.1").snapshot(idx).build();
    assertFalse(index.fromSnapshot());
    assertFalse(Files.exists(idx));
  }

  @Test
  void realData_enterpriseRoundTrips(@TempDir Path dir) {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    TechniqueIndex parsed = TechniqueIndex.load(bundle);
    Path idx = dir.resolve("enterprise.idx");
    parsed.writeSnapshot(idx);
    assertSameContent(parsed, TechniqueIndex.readSnapshot(idx));
    assertTrue(TechniqueIndex.builder().addBundle(bundle).snapshot(idx).build().fromSnapshot());
  }

  @Test
  void writeSnapshot_permissionsFollowTheUmaskNotOwnerOnly(@TempDir Path dir) throws IOException {
    java.util.Set<java.nio.file.attribute.PosixFilePermission> plain;
    Path probe = Files.createFile(dir.resolve("probe"));
    try {
      plain = Files.getPosixFilePermissions(probe);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: nothing to compare
    }
    Path idx = dir.resolve("x.idx");
    Fixtures.mini().writeSnapshot(idx);
    assertEquals(plain, Files.getPosixFilePermissions(idx));
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      assertEquals(2, s.count(), "no temporary file is left");
    }
  }
}
