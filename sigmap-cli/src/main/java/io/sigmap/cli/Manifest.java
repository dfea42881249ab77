package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cache records of a fetched bundle, in {@code <domain>-attack-<release>.manifest.json} beside it.
 *
 * @param domain the domain's short id, {@code enterprise}
 * @param release the ATT&amp;CK release, {@code 18.1}
 * @param url where it came from: the download URL or the TAXII collection's objects URL
 * @param transport {@code http} or {@code taxii}
 * @param sha256 the SHA-256 of the cached bundle file, lowercase hex
 * @param size the cached bundle file's size in bytes
 * @param fetchedAt when it was fetched
 * @param stixVersion the bundle's STIX version, {@code 2.0} or {@code 2.1}
 * @param sigmapVersion the version of sigmap that fetched it
 */
record Manifest(String domain, String release, String url, String transport, String sha256, long size,
    Instant fetchedAt, String stixVersion, String sigmapVersion) {

  Manifest {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(stixVersion, "stixVersion");
    Objects.requireNonNull(sigmapVersion, "sigmapVersion");
  }

  void write(Writer out) throws IOException {
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeStringField("domain", domain);
      g.writeStringField("release", release);
      g.writeStringField("url", url);
      g.writeStringField("transport", transport);
      g.writeStringField("sha256", sha256);
      g.writeNumberField("size", size);
      g.writeStringField("fetched_at", fetchedAt.toString());
      g.writeStringField("stix_version", stixVersion);
      g.writeStringField("sigmap_version", sigmapVersion);
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** Reads a manifest; empty when the file is missing, unreadable or not a manifest (the cache still lists it). */
  static Optional<Manifest> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser p = Json.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String domain = null;
      String release = null;
      String url = null;
      String transport = "http";
      String sha256 = null;
      long size = -1;
      Instant fetchedAt = Instant.EPOCH;
      String stix = "unknown";
      String by = "unknown";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        String text = p.getValueAsString();
        switch (field) {
          case "domain": domain = text; break;
          case "release": release = text; break;
          case "url": url = text; break;
          case "transport": transport = text == null ? transport : text; break;
          case "sha256": sha256 = text; break;
          case "size": size = p.getValueAsLong(-1); break;
          case "fetched_at": fetchedAt = instant(text); break;
          case "stix_version": stix = text == null ? stix : text; break;
          case "sigmap_version": by = text == null ? by : text; break;
          default: break;
        }
      }
      if (domain == null || release == null || url == null || sha256 == null) {
        return Optional.empty();
      }
      return Optional.of(new Manifest(domain, release, url, transport, sha256, size, fetchedAt, stix, by));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null ? Instant.EPOCH : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
