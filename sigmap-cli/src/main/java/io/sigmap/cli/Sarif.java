package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.Finding;
import io.sigmap.core.FindingCode;
import io.sigmap.core.Severity;
import io.sigmap.core.sigma.SigmaRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code validate --format sarif} report: SARIF 2.1.0 as GitHub code scanning reads it.
 *
 * <ul>
 *   <li>One run; {@code tool.driver} is sigmap with its version and one reporting descriptor per
 *       {@link FindingCode}, in code order, so that a code's {@code ruleIndex} never changes between runs.
 *   <li>One result per finding, in batch order: {@code ruleId} (the code), {@code ruleIndex}, {@code level}
 *       ({@code error}, {@code warning}, {@code note} for info), {@code message.text} (with the rule's title),
 *       one physical location: the rule file's path relative to the source root (default: the working directory)
 *       with {@code uriBaseId} {@code %SRCROOT%}, and its line (at least 1) and column.
 *   <li>{@code partialFingerprints."sigmapFinding/v1"}: a digest of code, file, document, rule id (or title),
 *       tag and occurrence, without line or message, so that an alert survives edits above it and ATT&amp;CK
 *       upgrades.
 *   <li>A file outside the source root gets an absolute {@code file:} URI.
 * </ul>
 * Output is deterministic: no timestamps, no absolute paths for files under the root.
 */
final class Sarif {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT = "sigmapFinding/v1";

  private Sarif() {}

  /**
   * Writes the report.
   *
   * @param report the batch and gate
   * @param workingDir the directory relative paths are relative to, absolute
   * @param sourceRoot the root locations are given relative to, absolute
   * @param out where to write
   */
  static void write(GateReport report, Path workingDir, Path sourceRoot, PrintWriter out) {
    Path root = sourceRoot.normalize();
    Map<String, Integer> seen = new HashMap<>();
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "sigmap");
      g.writeStringField("version", VersionProvider.version());
      g.writeArrayFieldStart("rules");
      for (FindingCode code : FindingCode.values()) {
        descriptor(g, code);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeArrayFieldStart("results");
      for (EnrichmentResult r : report.batch().results()) {
        Location loc = location(r.path(), workingDir, root);
        for (Finding f : r.findings()) {
          result(g, r, f, loc, seen);
        }
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeFieldName("sigmap");
      report.summary(g);
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the SARIF report: " + e.getMessage(), e);
    }
    out.println();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static void descriptor(JsonGenerator g, FindingCode code) throws IOException {
    FindingCodes.Text text = FindingCodes.of(code);
    g.writeStartObject();
    g.writeStringField("id", code.name());
    g.writeStringField("name", FindingCodes.pascalCase(code));
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", text.title());
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", text.description());
    g.writeEndObject();
    g.writeObjectFieldStart("help");
    g.writeStringField("text", text.help());
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(code.defaultSeverity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    Json.stringArray(g, "tags", quarantines(code) ? List.of("sigma", "mitre-attack", "quarantine")
        : List.of("sigma", "mitre-attack"));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static boolean quarantines(FindingCode code) {
    return code == FindingCode.NO_TECHNIQUE_MAPPING || code == FindingCode.RULE_DEPRECATED
        || code == FindingCode.FEEDBACK_QUARANTINE || code == FindingCode.UNREADABLE;
  }

  private static void result(JsonGenerator g, EnrichmentResult r, Finding f, Location loc, Map<String, Integer> seen)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.code().name());
    g.writeNumberField("ruleIndex", f.code().ordinal());
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    String title = r.rule().map(SigmaRule::title).orElse("");
    String message = GateReport.withTag(f);
    g.writeStringField("text", title.isEmpty() ? message : message + " [rule: " + title + "]");
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", loc.uri());
    if (loc.relative()) {
      g.writeStringField("uriBaseId", SRCROOT);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", Math.max(1, f.line()));
    if (f.column() > 0) {
      g.writeNumberField("startColumn", f.column());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    String key = f.code().name() + '\n' + loc.uri() + '\n' + r.documentIndex() + '\n'
        + r.rule().map(x -> x.id().map(Object::toString).orElse(x.title())).orElse("") + '\n'
        + f.tag().orElse("");
    int occurrence = seen.merge(key, 1, Integer::sum);
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT, digest(key + '\n' + occurrence));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("status", r.status().id());
    if (r.rule().isPresent()) {
      SigmaRule rule = r.rule().get();
      if (rule.id().isPresent()) {
        g.writeStringField("rule_id", rule.id().get().toString());
      }
      g.writeStringField("rule_title", rule.title());
    }
    g.writeNumberField("document", r.documentIndex());
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * A file's location for SARIF.
   *
   * @param uri a URI reference: relative to the source root, or an absolute {@code file:} URI
   * @param relative whether it is relative to {@value #SRCROOT}
   */
  record Location(String uri, boolean relative) {}

  static Location location(String path, Path workingDir, Path root) {
    Path abs;
    try {
      Path p = Path.of(path);
      abs = (p.isAbsolute() ? p : workingDir.resolve(p)).normalize();
    } catch (InvalidPathException e) {
      return new Location(encode(path), true);
    }
    if (abs.startsWith(root) && !abs.equals(root)) {
      return new Location(encode(root.relativize(abs).toString().replace('\\', '/')), true);
    }
    return new Location(abs.toUri().toASCIIString(), false);
  }

  /** Percent-encodes everything but unreserved characters and {@code /} (RFC 3986). */
  static String encode(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~' || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        sb.append(String.format(Locale.ROOT, "%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
