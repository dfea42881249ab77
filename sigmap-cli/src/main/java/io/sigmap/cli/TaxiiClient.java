package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigmap.stix.AttackDomain;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ATT&amp;CK collection from a TAXII 2.1 server into one STIX bundle file.
 *
 * <p>{@code --taxii} names an API root ({@code https://attack-taxii.mitre.org/api/v21/}), whose
 * {@code collections/} resource is read to find the domain's collection (MITRE's collection id, else a title
 * naming the domain), or a collection ({@code .../collections/<id>/}). Its {@code objects/} endpoint is read
 * page by page with {@code Accept: application/taxii+json;version=2.1}: while an envelope says
 * {@code "more": true}, the next page is asked for with its {@code next} value, or, when the server gives none,
 * with {@code added_after} set to its {@code X-TAXII-Date-Added-Last} header (TAXII 2.1, section 3.4). Each page
 * goes to a file, and its objects are copied into the bundle as a stream; every page counts against
 * {@code --max-bytes}.
 */
final class TaxiiClient {

  static final String ACCEPT = "application/taxii+json;version=2.1";

  /** MITRE's TAXII 2.1 server. */
  static final String MITRE_API_ROOT = "https://attack-taxii.mitre.org/api/v21/";

  /** The collection ids of MITRE's ATT&amp;CK domains, the same on MITRE's server and in the STIX data. */
  static final Map<AttackDomain, String> MITRE_COLLECTIONS = new EnumMap<>(Map.of(
      AttackDomain.ENTERPRISE, "x-mitre-collection--1f5f1533-f617-4ca8-9ab4-6a02367fa019",
      AttackDomain.MOBILE, "x-mitre-collection--dac0d2d7-8653-445c-9bff-82f934c1e858",
      AttackDomain.ICS, "x-mitre-collection--90c00720-636b-4485-b342-8751d232bf09"));

  /** More pages than any ATT&amp;CK collection needs: a server that never stops is refused. */
  static final int MAX_PAGES = 10_000;

  private static final Pattern COLLECTION = Pattern.compile("(.*/collections/[^/]+)/?(?:objects/?)?");

  private final HttpFetch http;
  private final Path stage;
  private long used;

  TaxiiClient(HttpFetch http, Path stage) {
    this.http = http;
    this.stage = stage;
  }

  /**
   * Reads the collection into {@code bundle}.
   *
   * @param taxii an API root or a collection URL
   * @param domain the domain whose collection an API root is searched for
   * @param pageSize the {@code limit} to ask for, or null for the server's choice
   * @return the collection's {@code objects/} URL
   */
  URI download(URI taxii, AttackDomain domain, Integer pageSize, Path bundle) {
    URI collection = collection(taxii, domain);
    URI objects = collection.resolve("objects/");
    String next = null;
    String addedAfter = null;
    long count = 0;
    int page = 0;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16);
        JsonGenerator g = Json.compact(os)) {
      g.writeStartObject();
      g.writeStringField("type", "bundle");
      byte[] name = objects.toString().getBytes(StandardCharsets.UTF_8);
      g.writeStringField("id", "bundle--" + UUID.nameUUIDFromBytes(name));
      g.writeArrayFieldStart("objects");
      while (true) {
        page++;
        if (page > MAX_PAGES) {
          throw CliException.usage(String.format(Locale.ROOT, "%s still says \"more\" after %d pages; sigmap stops "
              + "at %d", objects, MAX_PAGES, MAX_PAGES));
        }
        URI uri = withQuery(objects, pageSize, next, addedAfter);
        Path file = stage.resolve("taxii-page.json");
        HttpFetch.Result r = http.get(uri, ACCEPT, HttpFetch::refuseUnlessTaxii, file, remaining(uri),
            "TAXII page " + page);
        used += r.bytes();
        Envelope e = copyObjects(file, uri, g);
        count += e.objects;
        if (!e.more) {
          break;
        }
        if (e.next != null && !e.next.isEmpty()) {
          if (e.next.equals(next)) {
            throw CliException.usage(String.format(Locale.ROOT, "%s gave the same \"next\" value twice (%s): the "
                + "paging does not advance", objects, e.next));
          }
          next = e.next;
        } else {
          String last = r.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null);
          if (last == null || last.equals(addedAfter)) {
            throw CliException.usage(String.format(Locale.ROOT, "%s says \"more\" but gives neither a \"next\" "
                + "value nor a new X-TAXII-Date-Added-Last header to ask for it", uri));
          }
          addedAfter = last;
          next = null;
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw CliException.io("cannot write " + bundle + ": " + e.getMessage(), e);
    }
    if (count == 0) {
      throw CliException.usage(objects + " holds no objects", "check the collection URL");
    }
    return objects;
  }

  private long remaining(URI uri) {
    long left = http.maxBytes() - used;
    if (left <= 0) {
      throw CliException.usage(String.format(Locale.ROOT, "the TAXII collection is too large: %d bytes read before"
          + " %s exceed the maximum allowed (%d bytes, from --max-bytes)", used, uri, http.maxBytes()),
          "raise --max-bytes if the source is right");
    }
    return left;
  }

  /** The collection URL: the one given, or the domain's collection found under an API root. */
  private URI collection(URI taxii, AttackDomain domain) {
    Matcher m = COLLECTION.matcher(taxii.getPath() == null ? "" : taxii.getPath());
    if (m.matches()) {
      return taxii.resolve(m.group(1) + "/");
    }
    URI root = taxii.getPath() != null && taxii.getPath().endsWith("/") ? taxii : URI.create(taxii + "/");
    URI list = root.resolve("collections/");
    Path file = stage.resolve("taxii-collections.json");
    HttpFetch.Result r = http.get(list, ACCEPT, HttpFetch::refuseUnlessTaxii, file, remaining(list),
        "TAXII collections");
    used += r.bytes();
    List<String[]> collections = readCollections(file, list);
    String wanted = MITRE_COLLECTIONS.get(domain);
    String word = domain == AttackDomain.ICS ? "ics" : domain.shortId();
    String found = null;
    for (String[] c : collections) {
      if (c[0].equals(wanted)) {
        found = c[0];
        break;
      }
    }
    if (found == null) {
      List<String> titled = new ArrayList<>();
      for (String[] c : collections) {
        if (c[1].toLowerCase(Locale.ROOT).matches(".*\\b" + word + "\\b.*")) {
          titled.add(c[0]);
        }
      }
      if (titled.size() == 1) {
        found = titled.get(0);
      }
    }
    if (found == null) {
      List<String> described = new ArrayList<>();
      collections.forEach(c -> described.add(c[0] + " (" + c[1] + ")"));
      throw CliException.usage(String.format(Locale.ROOT, "%s lists no single %s collection; it lists: %s", list,
          domain.shortId(), described.isEmpty() ? "none" : String.join(", ", described)),
          "pass the collection itself: --taxii " + root + "collections/<id>/");
    }
    return root.resolve("collections/" + found + "/");
  }

  private static List<String[]> readCollections(Path file, URI uri) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file); JsonParser p = Json.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notTaxii(uri, "a collections resource");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (!"collections".equals(field) || v != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String id = "";
          String title = "";
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && "id".equals(f)) {
              id = p.getText();
            } else if (t == JsonToken.VALUE_STRING && "title".equals(f)) {
              title = p.getText();
            } else {
              p.skipChildren();
            }
          }
          if (!id.isEmpty()) {
            out.add(new String[] {id, title});
          }
        }
      }
    } catch (JsonParseException e) {
      throw invalidJson(uri, e);
    } catch (IOException e) {
      throw CliException.io("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private record Envelope(boolean more, String next, long objects) {}

  /** Copies a page's objects into the bundle being written and reads its paging fields. */
  private static Envelope copyObjects(Path file, URI uri, JsonGenerator g) {
    boolean more = false;
    String next = null;
    long count = 0;
    try (InputStream in = Files.newInputStream(file); JsonParser p = Json.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notTaxii(uri, "an envelope");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("more".equals(field) && (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE)) {
          more = v == JsonToken.VALUE_TRUE;
        } else if ("next".equals(field) && v == JsonToken.VALUE_STRING) {
          next = p.getText();
        } else if ("objects".equals(field) && v == JsonToken.START_ARRAY) {
          while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
            if (v != JsonToken.START_OBJECT) {
              throw notTaxii(uri, "an envelope whose objects are JSON objects");
            }
            g.copyCurrentStructure(p);
            count++;
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw notTaxii(uri, "one JSON envelope");
      }
    } catch (JsonParseException e) {
      throw invalidJson(uri, e);
    } catch (IOException e) {
      throw CliException.io("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new Envelope(more, next, count);
  }

  private static CliException notTaxii(URI uri, String what) {
    return CliException.usage(String.format(Locale.ROOT, "%s did not answer with %s: is it a TAXII 2.1 URL?",
        uri, what), "--taxii takes a TAXII 2.1 API root or collection URL");
  }

  private static CliException invalidJson(URI uri, JsonParseException e) {
    return CliException.usage(String.format(Locale.ROOT, "%s sent invalid JSON at line %d, column %d: %s", uri,
        e.getLocation().getLineNr(), e.getLocation().getColumnNr(), e.getOriginalMessage()),
        "try again; if it persists, the server is broken");
  }

  static URI withQuery(URI base, Integer limit, String next, String addedAfter) {
    List<String> params = new ArrayList<>();
    if (limit != null) {
      params.add("limit=" + limit);
    }
    if (next != null) {
      params.add("next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    if (addedAfter != null) {
      params.add("added_after=" + URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
    }
    if (params.isEmpty()) {
      return base;
    }
    String s = base.toString();
    int q = s.indexOf('?');
    return URI.create((q < 0 ? s : s.substring(0, q)) + "?" + String.join("&", params));
  }
}
