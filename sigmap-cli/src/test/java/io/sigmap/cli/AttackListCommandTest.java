package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap attack list}. */
class AttackListCommandTest {

  @TempDir
  Path cacheDir;

  private void put(AttackDomain d, String release, String url) throws IOException {
    AttackCache cache = new AttackCache(cacheDir);
    Path b = cache.bundlePath(d, release);
    Files.createDirectories(b.getParent());
    Files.write(b, Fixtures.miniEnterpriseBytes());
    CacheEntry e = new CacheEntry(d, release, b, Files.size(b), Optional.empty());
    Manifest m = new Manifest(d.shortId(), release, url, "http", "0123456789abcdef".repeat(4), Files.size(b),
        Instant.parse("2026-01-02T03:04:05Z"), "2.0", "test");
    try (Writer w = Files.newBufferedWriter(e.manifestFile(), StandardCharsets.UTF_8)) {
      m.write(w);
    }
  }

  @Test
  void list_emptyCache_printsNothing_andAdvisesOnStderr() {
    Cli.Run r = new Cli(cacheDir).run("attack", "list");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().contains("holds no ATT&CK bundle; 'sigmap attack fetch'"), r.toString());
  }

  @Test
  void list_text() throws IOException {
    put(AttackDomain.ENTERPRISE, "18.1", "https://example.org/enterprise-attack-18.1.json");
    put(AttackDomain.ENTERPRISE, "9.0", "https://example.org/enterprise-attack-9.0.json");
    Cli.Run r = new Cli(cacheDir).run("attack", "list");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    String[] lines = r.out().split("\n");
    assertEquals(3, lines.length, r.out());
    assertTrue(lines[0].matches("DOMAIN +RELEASE +SIZE +SHA-256 +FETCHED +SOURCE"), lines[0]);
    assertTrue(lines[1].matches("enterprise +9\\.0 +[0-9.]+ KiB +0123456789ab +2026-01-02T03:04:05Z +"
        + "https://example.org/enterprise-attack-9\\.0\\.json"), lines[1]);
    assertTrue(lines[2].startsWith("enterprise  18.1"), lines[2]);
  }

  @Test
  void list_json() throws IOException {
    put(AttackDomain.MOBILE, "18.1", "https://example.org/mobile-attack-18.1.json");
    Cli.Run r = new Cli(cacheDir).run("attack", "list", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    String dir = cacheDir.resolve("attack").toString();
    String expected = "{\n"
        + "  \"cache\": \"" + dir + "\",\n"
        + "  \"bundles\": [\n"
        + "    {\n"
        + "      \"domain\": \"mobile\",\n"
        + "      \"release\": \"18.1\",\n"
        + "      \"attack\": \"mobile@18.1\",\n"
        + "      \"file\": \"" + cacheDir.resolve("attack/mobile-attack-18.1.json") + "\",\n"
        + "      \"size\": " + Fixtures.miniEnterpriseBytes().length + ",\n"
        + "      \"sha256\": \"" + "0123456789abcdef".repeat(4) + "\",\n"
        + "      \"fetched_at\": \"2026-01-02T03:04:05Z\",\n"
        + "      \"url\": \"https://example.org/mobile-attack-18.1.json\",\n"
        + "      \"transport\": \"http\",\n"
        + "      \"stix_version\": \"2.0\",\n"
        + "      \"snapshot\": false\n"
        + "    }\n"
        + "  ]\n"
        + "}\n";
    assertEquals(expected, r.out());
  }

  @Test
  void list_jsonOfEmptyCache_isAnEmptyArray() {
    Cli.Run r = new Cli(cacheDir).run("attack", "list", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"bundles\": []"), r.out());
    assertEquals("", r.err(), "json callers get no advice on stderr");
  }
}
