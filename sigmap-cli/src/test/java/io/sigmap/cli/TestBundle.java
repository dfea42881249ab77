package io.sigmap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Writes small ATT&amp;CK STIX bundles for tests: a matrix, tactics, techniques with statuses and platforms. */
final class TestBundle {

  private final String domain;
  private final String killChain;
  private String version;
  private final List<String[]> tactics = new ArrayList<>();
  private final Map<String, Tech> techniques = new LinkedHashMap<>();

  private static final class Tech {
    String name;
    List<String> tactics;
    List<String> platforms = List.of("Windows");
    boolean deprecated;
    String revokedBy;
  }

  private TestBundle(String domain, String killChain) {
    this.domain = domain;
    this.killChain = killChain;
  }

  static TestBundle enterprise() {
    return new TestBundle("enterprise-attack", "mitre-attack");
  }

  static TestBundle ics() {
    return new TestBundle("ics-attack", "mitre-ics-attack");
  }

  /** Adds an x-mitre-collection naming the release, as the official STIX 2.1 bundles have. */
  TestBundle version(String v) {
    this.version = v;
    return this;
  }

  TestBundle tactic(String id, String shortname, String name) {
    tactics.add(new String[] {id, shortname, name});
    return this;
  }

  TestBundle technique(String id, String name, String... tacticShortnames) {
    Tech t = new Tech();
    t.name = name;
    t.tactics = List.of(tacticShortnames);
    techniques.put(id, t);
    return this;
  }

  TestBundle platforms(String id, String... platforms) {
    techniques.get(id).platforms = List.of(platforms);
    return this;
  }

  TestBundle deprecate(String id) {
    techniques.get(id).deprecated = true;
    return this;
  }

  TestBundle revoke(String id, String by) {
    techniques.get(id).revokedBy = by;
    return this;
  }

  private static String stixId(String type, String key) {
    return type + "--" + UUID.nameUUIDFromBytes((type + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String strings(List<String> values) {
    List<String> q = new ArrayList<>();
    values.forEach(v -> q.add("\"" + v + "\""));
    return "[" + String.join(", ", q) + "]";
  }

  String json() {
    List<String> objects = new ArrayList<>();
    String common = String.format(Locale.ROOT,
        "\"created\": \"2020-01-01T00:00:00.000Z\", \"modified\": \"2025-01-01T00:00:00.000Z\", "
            + "\"x_mitre_domains\": [\"%s\"]", domain);
    if (version != null) {
      objects.add(String.format(Locale.ROOT, "{\"type\": \"x-mitre-collection\", \"id\": \"%s\", \"spec_version\": "
          + "\"2.1\", \"name\": \"test\", \"x_mitre_version\": \"%s\", %s}", stixId("x-mitre-collection", domain),
          version, common));
    }
    List<String> refs = new ArrayList<>();
    tactics.forEach(t -> refs.add(stixId("x-mitre-tactic", t[0])));
    objects.add(String.format(Locale.ROOT, "{\"type\": \"x-mitre-matrix\", \"id\": \"%s\", \"name\": \"matrix\", "
        + "\"tactic_refs\": %s, \"external_references\": [{\"source_name\": \"mitre-attack\", "
        + "\"external_id\": \"%s\"}],"
        + " %s}", stixId("x-mitre-matrix", domain), strings(refs), domain, common));
    for (String[] t : tactics) {
      objects.add(String.format(Locale.ROOT, "{\"type\": \"x-mitre-tactic\", \"id\": \"%s\", \"name\": \"%s\", "
          + "\"x_mitre_shortname\": \"%s\", \"external_references\": [{\"source_name\": \"mitre-attack\", "
          + "\"external_id\": \"%s\"}], %s}", stixId("x-mitre-tactic", t[0]), t[2], t[1], t[0], common));
    }
    techniques.forEach((id, t) -> {
      List<String> phases = new ArrayList<>();
      t.tactics.forEach(s -> phases.add(String.format(Locale.ROOT,
          "{\"kill_chain_name\": \"%s\", \"phase_name\": \"%s\"}", killChain, s)));
      objects.add(String.format(Locale.ROOT, "{\"type\": \"attack-pattern\", \"id\": \"%s\", \"name\": \"%s\", "
              + "\"kill_chain_phases\": [%s], \"external_references\": [{\"source_name\": \"mitre-attack\", "
              + "\"external_id\": \"%s\"}], \"x_mitre_platforms\": %s, \"x_mitre_is_subtechnique\": %b, "
              + "\"revoked\": %b, \"x_mitre_deprecated\": %b, %s}", stixId("attack-pattern", id), t.name,
          String.join(", ", phases), id, strings(t.platforms), id.contains("."), t.revokedBy != null, t.deprecated,
          common));
      if (id.contains(".")) {
        objects.add(String.format(Locale.ROOT, "{\"type\": \"relationship\", \"id\": \"%s\", \"relationship_type\": "
            + "\"subtechnique-of\", \"source_ref\": \"%s\", \"target_ref\": \"%s\", %s}", stixId("relationship",
            "sub" + id), stixId("attack-pattern", id), stixId("attack-pattern", id.substring(0, id.indexOf('.'))),
            common));
      }
      if (t.revokedBy != null) {
        objects.add(String.format(Locale.ROOT, "{\"type\": \"relationship\", \"id\": \"%s\", \"relationship_type\": "
            + "\"revoked-by\", \"source_ref\": \"%s\", \"target_ref\": \"%s\", %s}", stixId("relationship",
            "rev" + id), stixId("attack-pattern", id), stixId("attack-pattern", t.revokedBy), common));
      }
    });
    return "{\"type\": \"bundle\", \"id\": \"" + stixId("bundle", domain + version) + "\", \"objects\": [\n"
        + String.join(",\n", objects) + "\n]}\n";
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  Path write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, json(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
