package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.AttackDomain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigmap attack fetch} over HTTP, against servers on 127.0.0.1 that behave well and badly. */
class AttackFetchCommandTest {

  /** Short timeouts keep the failure tests fast. */
  private static final String[] FAST = {"--connect-timeout", "2s", "--timeout", "400ms"};

  @TempDir
  Path cacheDir;

  private final TestServer server = TestServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli.Run fetch(String... args) {
    String[] all = Stream.concat(Stream.of("attack", "fetch"), Stream.concat(Arrays.stream(args),
        Arrays.stream(FAST))).toArray(String[]::new);
    return new Cli(cacheDir).run(all);
  }

  private AttackCache cache() {
    return new AttackCache(cacheDir);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private void serve(String path, String type, byte[] body) {
    server.route(path, x -> TestServer.send(x, 200, type, body));
  }

  private void assertCacheEmpty() throws IOException {
    assertEquals(List.of(), cache().entries());
    assertNoStaging();
  }

  private void assertNoStaging() throws IOException {
    Path dir = cache().dir();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
            "no staging or temporary file is left");
      }
    }
  }

  @Test
  void mitreUrl_latestAndRelease() {
    assertEquals("https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/"
        + "enterprise-attack.json", AttackFetcher.mitreUrl(AttackDomain.ENTERPRISE, Optional.empty()).toString());
    assertEquals("https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/ics-attack/"
        + "ics-attack-18.1.json", AttackFetcher.mitreUrl(AttackDomain.ICS, Optional.of("18.1")).toString());
  }

  @Test
  void fetch_cachesTheBundle_withChecksumManifestAndSnapshot() throws Exception {
    byte[] body = Fixtures.miniEnterpriseBytes();
    serve("/enterprise-attack/enterprise-attack.json", "text/plain; charset=utf-8", body);
    String url = server.uri("/enterprise-attack/enterprise-attack.json").toString();
    Cli.Run r = fetch("--url", url);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), "quiet on success, no progress off a terminal");
    CacheEntry e = cache().entries().get(0);
    assertEquals(e.bundle() + "\n", r.out(), "prints the cached bundle's path");
    assertEquals("enterprise@18.1", e.spec(), "the release comes from the bundle's x-mitre-collection");
    assertArrayEquals(body, Files.readAllBytes(e.bundle()));
    assertTrue(Files.isRegularFile(e.snapshot()));
    Manifest m = e.manifest().orElseThrow();
    assertEquals(url, m.url());
    assertEquals("http", m.transport());
    assertEquals(sha256(body), m.sha256());
    assertEquals(body.length, m.size());
    assertEquals(Cli.NOW, m.fetchedAt());
    assertEquals("2.0", m.stixVersion());
    assertEquals(sha256(body) + "  enterprise-attack-18.1.json\n", Files.readString(e.sha256File()));
    assertTrue(server.requestHeaders.get(0).getFirst("Accept").startsWith("application/json"));
    assertTrue(server.requestHeaders.get(0).getFirst("User-Agent").startsWith("sigmap/"));
    assertNoStaging();

    Cli.Run info = new Cli(cacheDir).run("attack", "info");
    assertEquals(0, info.code(), info.toString());
    assertTrue(info.out().contains("ATT&CK version  18.1"), info.toString());
    Cli.Run byUrl = new Cli(cacheDir).run("attack", "info", url);
    assertEquals(info.out(), byUrl.out(), "a fetched URL is a valid source");
  }

  @Test
  void fetch_again_replacesTheEntry() {
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    assertEquals(0, fetch("--url", server.uri("/b.json").toString()).code());
    assertEquals(0, fetch("--url", server.uri("/b.json").toString()).code());
    assertEquals(1, cache().entries().size());
  }

  @Test
  void fetch_gzipEncoding_isDecompressed() throws Exception {
    byte[] body = Fixtures.miniEnterpriseBytes();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(body);
    }
    server.route("/gz.json", x -> {
      x.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(x, 200, "application/json", gz.toByteArray());
    });
    Cli.Run r = fetch("--url", server.uri("/gz.json").toString());
    assertEquals(0, r.code(), r.toString());
    CacheEntry e = cache().entries().get(0);
    assertArrayEquals(body, Files.readAllBytes(e.bundle()));
    assertEquals(sha256(body), e.manifest().orElseThrow().sha256());
    assertEquals("gzip", server.requestHeaders.get(0).getFirst("Accept-Encoding"));
  }

  @Test
  void fetch_gzipOverTheLimit_isRefused() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(new byte[1 << 20]);
    }
    server.route("/bomb.json", x -> TestServer.send(x, 200, "application/gzip", gz.toByteArray()));
    Cli.Run r = fetch("--url", server.uri("/bomb.json").toString(), "--max-bytes", "64K");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("exceed the maximum allowed (65536 bytes, from --max-bytes)"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_releaseAskedDiffersFromTheBundle_isRefused() throws IOException {
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    Cli.Run r = fetch("--url", server.uri("/b.json").toString(), "--release", "17.1");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("holds ATT&CK 18.1, not 17.1 as --release says"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_stix20WithoutCollection_takesTheReleaseFromTheUrl() {
    byte[] body = TestBundle.enterprise().tactic("TA0002", "execution", "Execution")
        .technique("T1059", "Command and Scripting Interpreter", "execution").bytes();
    serve("/cti/enterprise-attack-17.0.json", "application/json", body);
    Cli.Run r = fetch("--url", server.uri("/cti/enterprise-attack-17.0.json").toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("enterprise@17.0", cache().entries().get(0).spec());
  }

  @Test
  void fetch_noReleaseAnywhere_asksForRelease() throws IOException {
    byte[] body = TestBundle.enterprise().tactic("TA0002", "execution", "Execution")
        .technique("T1059", "Command and Scripting Interpreter", "execution").bytes();
    serve("/bundle.json", "application/json", body);
    Cli.Run r = fetch("--url", server.uri("/bundle.json").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("hint: pass --release X.Y"), r.toString());
    assertCacheEmpty();
    assertEquals(0, fetch("--url", server.uri("/bundle.json").toString(), "--release", "16.0").code());
    assertEquals("enterprise@16.0", cache().entries().get(0).spec());
  }

  @Test
  void fetch_http404_isUsageError_http500_isIoError() throws IOException {
    server.route("/missing.json", x -> TestServer.send(x, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
    server.route("/broken.json", x -> TestServer.send(x, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8)));
    Cli.Run missing = fetch("--url", server.uri("/missing.json").toString());
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    assertTrue(missing.err().contains("answered HTTP 404"), missing.toString());
    Cli.Run broken = fetch("--url", server.uri("/broken.json").toString());
    assertEquals(ExitCodes.IO_ERROR, broken.code(), broken.toString());
    assertTrue(broken.err().contains("answered HTTP 503"), broken.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_webPage_isRefused() throws IOException {
    serve("/page", "text/html; charset=utf-8", "<html>ATT&CK</html>".getBytes(StandardCharsets.UTF_8));
    Cli.Run r = fetch("--url", server.uri("/page").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("answered with Content-Type text/html; charset=utf-8: a web page"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_oversized_byContentLength() throws IOException {
    serve("/big.json", "application/json", Fixtures.miniEnterpriseBytes());
    Cli.Run r = fetch("--url", server.uri("/big.json").toString(), "--max-bytes", "10K");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("is too large: " + Fixtures.miniEnterpriseBytes().length
        + " bytes exceed the maximum allowed (10240 bytes, from --max-bytes)"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_oversized_whileStreaming() throws IOException {
    server.route("/endless.json", x -> {
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
      try (OutputStream out = x.getResponseBody()) {
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the client hung up, as it should
      }
    });
    Cli.Run r = fetch("--url", server.uri("/endless.json").toString(), "--max-bytes", "100K");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("exceed the maximum allowed (102400 bytes, from --max-bytes)"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_truncatedBody_isIoError() throws IOException {
    byte[] part = Arrays.copyOf(Fixtures.miniEnterpriseBytes(), 1000);
    try (RawServer raw = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: 56000\r\nConnection: close\r\n\r\n", part)) {
      Cli.Run r = fetch("--url", raw.uri("/b.json").toString());
      assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
      assertTrue(r.err().contains("broke off after"), r.toString());
    }
    assertCacheEmpty();
  }

  @Test
  void fetch_invalidBundle_keepsTheCachedOne() throws Exception {
    byte[] good = Fixtures.miniEnterpriseBytes();
    serve("/good.json", "application/json", good);
    assertEquals(0, fetch("--url", server.uri("/good.json").toString()).code());
    CacheEntry before = cache().entries().get(0);
    String manifestBefore = Files.readString(before.manifestFile());

    String text = new String(good, StandardCharsets.UTF_8);
    serve("/cut.json", "application/json", text.substring(0, text.length() - 300).getBytes(StandardCharsets.UTF_8));
    Cli.Run r = fetch("--url", server.uri("/cut.json").toString(), "--release", "18.1");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("is not a usable ATT&CK bundle at line"), r.toString());
    assertTrue(r.err().contains("the cache was not changed"), r.toString());
    assertArrayEquals(good, Files.readAllBytes(before.bundle()));
    assertEquals(manifestBefore, Files.readString(before.manifestFile()));
    assertNoStaging();
  }

  @Test
  void fetch_serverHangsBeforeAnswering_timesOut() throws IOException {
    server.route("/hang.json", x -> server.hang());
    Cli.Run r = fetch("--url", server.uri("/hang.json").toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertTrue(r.err().contains("--timeout"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_serverStallsMidBody_timesOut() throws IOException {
    byte[] part = Arrays.copyOf(Fixtures.miniEnterpriseBytes(), 2000);
    try (RawServer raw = RawServer.stalling("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: 56000\r\n\r\n", part)) {
      Cli.Run r = fetch("--url", raw.uri("/b.json").toString());
      assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
      assertTrue(r.err().contains("sent no data for 400 ms after 2000 bytes (--timeout)"), r.toString());
    }
    assertCacheEmpty();
  }

  @Test
  void fetch_slowButSteadyServer_isNotCut() {
    byte[] body = Fixtures.miniEnterpriseBytes();
    server.route("/slow.json", x -> {
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        int step = body.length / 12 + 1;
        for (int i = 0; i < body.length; i += step) {
          out.write(body, i, Math.min(step, body.length - i));
          out.flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    // 12 pauses of 100 ms: the whole download takes longer than --timeout, no single silence does.
    Cli.Run r = new Cli(cacheDir).run("attack", "fetch", "--url", server.uri("/slow.json").toString(),
        "--timeout", "1s");
    assertEquals(0, r.code(), r.toString());
  }

  @Test
  void fetch_connectionRefused_isIoError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Cli.Run r = fetch("--url", "http://127.0.0.1:" + port + "/b.json");
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertTrue(r.err().contains("cannot connect to 127.0.0.1:" + port), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_otherDomainThanAsked_isRefused() throws IOException {
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    Cli.Run r = fetch("--url", server.uri("/b.json").toString(), "--domain", "mobile");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("holds enterprise ATT&CK, not mobile"), r.toString());
    assertTrue(r.err().contains("hint: pass --domain enterprise"), r.toString());
    assertCacheEmpty();
  }

  @Test
  void fetch_urlOfAnotherDomain_withoutDomainOption_isNamedAfterIt() {
    byte[] ics = TestBundle.ics().version("18.1").tactic("TA0104", "execution", "Execution")
        .technique("T0807", "Command-Line Interface", "execution").bytes();
    serve("/ics.json", "application/json", ics);
    Cli.Run r = fetch("--url", server.uri("/ics.json").toString());
    assertEquals(0, r.code(), r.toString());
    CacheEntry e = cache().entries().get(0);
    assertEquals("ics@18.1", e.spec());
    assertTrue(Files.isRegularFile(e.snapshot()));
    Cli.Run info = new Cli(cacheDir).run("attack", "info", "ics");
    assertEquals(0, info.code(), info.toString());
  }

  @Test
  void fetch_progressLine_whenAsked() {
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    Cli.Run r = fetch("--url", server.uri("/b.json").toString(), "--progress");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("\rfetching b.json ["), r.toString());
    assertTrue(r.err().endsWith("\r"), "the line is cleared at the end");
  }

  @Test
  void fetch_progressLine_onATerminal_unlessNoProgress() {
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    Cli cli = new Cli(cacheDir);
    cli.terminal = true;
    assertTrue(cli.run("attack", "fetch", "--url", server.uri("/b.json").toString()).err().contains("fetching"));
    assertEquals("", cli.run("attack", "fetch", "--no-progress", "--url", server.uri("/b.json").toString()).err());
  }

  @Test
  void fetch_output_writesThePathToAFile() throws IOException {
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    Path out = cacheDir.resolve("path.txt");
    Cli.Run r = fetch("--url", server.uri("/b.json").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals(cache().entries().get(0).bundle() + "\n", Files.readString(out));
  }

  @Test
  void fetch_cacheNotWritable_isIoError() throws IOException {
    Path file = Files.writeString(cacheDir.resolve("a-file"), "x");
    serve("/b.json", "application/json", Fixtures.miniEnterpriseBytes());
    Cli.Run r = new Cli(cacheDir).run("--cache", file.resolve("cache").toString(), "attack", "fetch", "--url",
        server.uri("/b.json").toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertTrue(r.err().contains("cannot write to the cache"), r.toString());
    assertTrue(server.requests.isEmpty(), "nothing is downloaded when the cache cannot take it");
  }

  @Test
  void fetch_badArguments_areUsageErrors() {
    String url = server.uri("/b.json").toString();
    String[][] bad = {
        {"--url", url, "--max-bytes", "12X"},
        {"--url", url, "--max-bytes", "0"},
        {"--url", url, "--timeout", "0"},
        {"--url", url, "--connect-timeout", "soon"},
        {"--url", "ftp://example.org/b.json"},
        {"--url", "not a url"},
        {"--url", url, "--page-size", "5"},
        {"--url", url, "--taxii", url},
        {"--url", url, "--release", "latest!"},
        {"--url", url, "--domain", "pre-attack"},
        {"unexpected"}};
    for (String[] args : bad) {
      Cli.Run r = new Cli(cacheDir).run(Stream.concat(Stream.of("attack", "fetch"), Arrays.stream(args))
          .toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r);
      assertEquals("", r.out(), String.join(" ", args));
      assertFalse(r.err().isEmpty(), String.join(" ", args));
    }
    assertTrue(server.requests.isEmpty(), "no bad command line reaches the network");
  }
}
