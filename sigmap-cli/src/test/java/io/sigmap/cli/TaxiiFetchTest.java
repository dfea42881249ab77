package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sigmap attack fetch --taxii} against a TAXII 2.1 server on 127.0.0.1 built from the example bundle. */
class TaxiiFetchTest {

  private static final String TAXII = "application/taxii+json;version=2.1";
  private static final String ENTERPRISE = TaxiiClient.MITRE_COLLECTIONS.get(AttackDomain.ENTERPRISE);
  private static final String ROOT = "/taxii/api/v21/";
  private static final String OBJECTS = ROOT + "collections/" + ENTERPRISE + "/objects/";

  @TempDir
  Path cacheDir;

  private final TestServer server = TestServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  /** The example bundle's objects, each as JSON text. */
  static List<String> objects() {
    List<String> out = new ArrayList<>();
    JsonFactory f = new JsonFactory();
    try (JsonParser p = f.createParser(Fixtures.miniEnterpriseBytes())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!name.equals("objects")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          StringWriter w = new StringWriter();
          try (JsonGenerator g = f.createGenerator(w)) {
            g.copyCurrentStructure(p);
          }
          out.add(w.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Map<String, String> query(HttpExchange x) {
    Map<String, String> q = new HashMap<>();
    String raw = x.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static String stamp(int index) {
    return String.format(Locale.ROOT, "2026-01-01T00:00:%02d.000Z", index);
  }

  /** Serves the collections list and the paged objects: by next, or by X-TAXII-Date-Added-Last. */
  private void taxiiServer(boolean pageByDate, int defaultPage) {
    List<String> objects = objects();
    server.route(ROOT + "collections/", x -> {
      String path = x.getRequestURI().getPath();
      if (path.equals(OBJECTS)) {
        Map<String, String> q = query(x);
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : defaultPage;
        int start = 0;
        if (q.containsKey("next")) {
          start = Integer.parseInt(q.get("next"));
        } else if (q.containsKey("added_after")) {
          start = Integer.parseInt(q.get("added_after").substring(17, 19));
        }
        int end = Math.min(objects.size(), start + limit);
        boolean more = end < objects.size();
        StringBuilder sb = new StringBuilder("{\"more\": ").append(more);
        if (more && !pageByDate) {
          sb.append(", \"next\": \"").append(end).append('"');
        }
        sb.append(", \"objects\": [").append(String.join(",", objects.subList(start, end))).append("]}");
        x.getResponseHeaders().set("X-TAXII-Date-Added-First", stamp(start));
        x.getResponseHeaders().set("X-TAXII-Date-Added-Last", stamp(end));
        TestServer.send(x, 200, TAXII, sb.toString().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals(ROOT + "collections/")) {
        TestServer.send(x, 200, TAXII, ("{\"collections\": ["
            + "{\"id\": \"" + TaxiiClient.MITRE_COLLECTIONS.get(AttackDomain.MOBILE) + "\","
            + " \"title\": \"Mobile ATT&CK\","
            + " \"can_read\": true, \"can_write\": false, \"media_types\": [\"" + TAXII + "\"]},"
            + "{\"id\": \"" + ENTERPRISE + "\", \"title\": \"Enterprise ATT&CK\", \"can_read\": true,"
            + " \"can_write\": false}]}").getBytes(StandardCharsets.UTF_8));
      } else {
        TestServer.send(x, 404, TAXII, "{\"title\": \"not found\"}".getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  private Cli.Run fetch(String... args) {
    return new Cli(cacheDir).run(Stream.concat(Stream.of("attack", "fetch", "--connect-timeout", "2s",
        "--timeout", "400ms"), Arrays.stream(args)).toArray(String[]::new));
  }

  private AttackCache cache() {
    return new AttackCache(cacheDir);
  }

  @Test
  void taxii_apiRoot_findsTheCollection_andPagesWithNext() {
    taxiiServer(false, 50);
    Cli.Run r = fetch("--taxii", server.uri(ROOT).toString(), "--page-size", "10");
    assertEquals(0, r.code(), r.toString());
    CacheEntry e = cache().entries().get(0);
    assertEquals(e.bundle() + "\n", r.out());
    assertEquals("enterprise@18.1", e.spec(), "the release comes from the collection's x-mitre-collection");
    assertEquals(List.of(ROOT + "collections/", OBJECTS + "?limit=10", OBJECTS + "?limit=10&next=10",
        OBJECTS + "?limit=10&next=20", OBJECTS + "?limit=10&next=30", OBJECTS + "?limit=10&next=40",
        OBJECTS + "?limit=10&next=50"), server.requests);
    server.requestHeaders.forEach(h -> assertEquals(TAXII, h.getFirst("Accept")));
    Manifest m = e.manifest().orElseThrow();
    assertEquals("taxii", m.transport());
    assertEquals(server.uri(OBJECTS).toString(), m.url());
    TechniqueIndex index = TechniqueIndex.load(e.bundle());
    TechniqueIndex expected = TechniqueIndex.load(Fixtures.miniEnterprise());
    assertEquals(expected.techniques(), index.techniques());
    assertEquals(expected.tactics(), index.tactics());
    assertEquals(objects().size(), index.bundles().get(0).objectCount());
  }

  @Test
  void taxii_collectionUrl_pagesWithDateAddedLast() {
    taxiiServer(true, 20);
    Cli.Run r = fetch("--taxii", server.uri(ROOT + "collections/" + ENTERPRISE + "/").toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(List.of(OBJECTS, OBJECTS + "?added_after=" + "2026-01-01T00%3A00%3A20.000Z",
        OBJECTS + "?added_after=" + "2026-01-01T00%3A00%3A40.000Z"), server.requests);
    assertEquals(17, TechniqueIndex.load(cache().entries().get(0).bundle()).techniques().size());
  }

  @Test
  void taxii_noCollectionForTheDomain_listsWhatThereIs() {
    taxiiServer(false, 50);
    Cli.Run r = fetch("--taxii", server.uri(ROOT).toString(), "--domain", "ics");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("lists no single ics collection; it lists: "
        + TaxiiClient.MITRE_COLLECTIONS.get(AttackDomain.MOBILE) + " (Mobile ATT&CK)"), r.toString());
    assertTrue(r.err().contains("--taxii " + server.uri(ROOT) + "collections/<id>/"), r.toString());
  }

  @Test
  void taxii_wrongContentType_isRefused() {
    server.route("/api/collections/c/objects/", x -> TestServer.send(x, 200, "text/html",
        "<html></html>".getBytes(StandardCharsets.UTF_8)));
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("Content-Type text/html: not application/taxii+json;version=2.1"), r.toString());
    assertEquals(List.of(), cache().entries());
  }

  @Test
  void taxii_oversizedAcrossPages_isRefused() {
    taxiiServer(false, 50);
    Cli.Run r = fetch("--taxii", server.uri(ROOT).toString(), "--page-size", "5", "--max-bytes", "24K");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("(24576 bytes, from --max-bytes)"), r.toString());
    assertEquals(List.of(), cache().entries());
  }

  @Test
  void taxii_truncatedPage_isIoError() {
    try (RawServer raw = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Type: " + TAXII + "\r\n"
        + "Content-Length: 5000\r\nConnection: close\r\n\r\n",
        "{\"more\": false, \"objects\": [".getBytes(StandardCharsets.UTF_8))) {
      Cli.Run r = fetch("--taxii", raw.uri("/api/collections/c/").toString());
      assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
      assertTrue(r.err().contains("broke off"), r.toString());
    }
  }

  @Test
  void taxii_invalidJson_isUsageError() {
    server.route("/api/collections/c/objects/", x -> TestServer.send(x, 200, TAXII,
        "{\"more\": false, \"objects\": [{\"type\": }]}".getBytes(StandardCharsets.UTF_8)));
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("sent invalid JSON at line 1, column"), r.toString());
  }

  @Test
  void taxii_notAnEnvelope_isUsageError() {
    server.route("/api/collections/c/objects/", x -> TestServer.send(x, 200, TAXII,
        "[1, 2]".getBytes(StandardCharsets.UTF_8)));
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("did not answer with an envelope"), r.toString());
  }

  @Test
  void taxii_pagingThatDoesNotAdvance_isRefused() {
    server.route("/api/collections/c/objects/", x -> TestServer.send(x, 200, TAXII,
        ("{\"more\": true, \"next\": \"again\", \"objects\": [" + objects().get(0) + "]}")
            .getBytes(StandardCharsets.UTF_8)));
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("gave the same \"next\" value twice (again)"), r.toString());
    assertEquals(2, server.requests.size());
  }

  @Test
  void taxii_moreWithoutAWayToAskForIt_isRefused() {
    server.route("/api/collections/c/objects/", x -> TestServer.send(x, 200, TAXII,
        ("{\"more\": true, \"objects\": [" + objects().get(0) + "]}").getBytes(StandardCharsets.UTF_8)));
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("says \"more\" but gives neither"), r.toString());
  }

  @Test
  void taxii_emptyCollection_isRefused() {
    server.route("/api/collections/c/objects/", x -> TestServer.send(x, 200, TAXII,
        "{\"more\": false}".getBytes(StandardCharsets.UTF_8)));
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("holds no objects"), r.toString());
  }

  @Test
  void taxii_serverHangs_timesOut() {
    server.route("/api/collections/c/objects/", x -> server.hang());
    Cli.Run r = fetch("--taxii", server.uri("/api/collections/c/").toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertTrue(r.err().contains("--timeout"), r.toString());
  }

  @Test
  void taxii_withoutUrl_isMitresServer() {
    AttackFetchCommand cmd = new AttackFetchCommand();
    new CommandLine(cmd).parseArgs("--taxii");
    assertEquals(TaxiiClient.MITRE_API_ROOT, cmd.source.taxii);
  }

  @Test
  void withQuery_encodesValues() {
    URI base = URI.create("http://h/api/collections/c/objects/");
    assertEquals(base, TaxiiClient.withQuery(base, null, null, null));
    assertEquals("http://h/api/collections/c/objects/?limit=5&next=a%2Bb%26c",
        TaxiiClient.withQuery(base, 5, "a+b&c", null).toString());
    assertEquals("http://h/api/collections/c/objects/?added_after=2026-01-01T00%3A00%3A00Z",
        TaxiiClient.withQuery(URI.create(base + "?old=1"), null, null, "2026-01-01T00:00:00Z").toString());
  }
}
