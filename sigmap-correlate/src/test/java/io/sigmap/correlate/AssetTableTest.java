package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmap.correlate.spi.AssetContext;
import io.sigmap.correlate.spi.AssetCriticality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetTableTest {

  @Test
  void read_file_lookupsNormalised(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("assets.jsonl");
    Files.writeString(f, "{\"kind\":\"host\",\"value\":\"DC01\",\"criticality\":\"extreme\"}\n\n"
        + "{\"kind\":\"user\",\"value\":\"adm-kim\",\"criticality\":\"HIGH\"}\n");
    AssetTable t = AssetTable.read(f);
    assertEquals(2, t.size());
    assertEquals(AssetCriticality.EXTREME, t.criticality(EntityKind.HOST, "dc01"));
    assertEquals(AssetCriticality.HIGH, t.criticality(EntityKind.USER, "adm-kim"));
    assertEquals(AssetCriticality.MEDIUM, t.criticality(EntityKind.USER, "dc01"));
    assertEquals("AssetTable[2 entities]", t.toString());
  }

  @Test
  void read_badLine_throwsWithLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("assets.jsonl");
    Files.writeString(f, "{\"kind\":\"host\",\"value\":\"a\",\"criticality\":\"low\"}\n"
        + "{\"kind\":\"router\",\"value\":\"b\",\"criticality\":\"low\"}\n");
    CorrelationInputException e = assertThrows(CorrelationInputException.class, () -> AssetTable.read(f));
    assertEquals(2, e.line());
    assertThrows(CorrelationInputException.class, () -> AssetTable.read(dir.resolve("none")));
  }

  @Test
  void none_isMediumForEveryone() {
    assertEquals(AssetCriticality.MEDIUM, AssetContext.none().criticality(EntityKind.IP, "10.0.0.1"));
    assertEquals("AssetContext.none()", AssetContext.none().toString());
    assertEquals(2.0, AssetCriticality.EXTREME.multiplier());
  }
}
