package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.sigmap.core.BatchResult;
import io.sigmap.core.BatchSummary;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.EnrichmentWriter;
import io.sigmap.core.Finding;
import io.sigmap.core.FindingCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code validate} (and {@code enrich}) report: the batch, the gate and how it was run, rendered as text,
 * JSON or JSON Lines. {@link Sarif} renders SARIF.
 *
 * <h2>Text</h2>
 * Quiet on success, precise on failure. When nothing reaches the {@code --fail-on} level, one summary line. Else
 * one aligned line per finding that reaches it ({@link FailOn#listed}), {@code path:line:column  severity  CODE
 * message}, sorted by path and line, then the summary block: ATT&amp;CK data, policy, counts, findings by code,
 * duplicates, and the verdict.
 *
 * <h2>JSON</h2>
 * {@code {"results": [...], "summary": {...}}}: each result in the enrichment contract
 * ({@link EnrichmentWriter}), and the summary with {@code attack} (the version of each domain), {@code policy},
 * {@code strict},
 * {@code read}, {@code validated}, {@code quarantined}, {@code unreadable}, {@code skipped},
 * {@code findings_by_code}, {@code duplicate_ids}, {@code duplicate_detections}, {@code fail_on},
 * {@code failing} and {@code passed}.
 *
 * <h2>JSON Lines</h2>
 * One compact result per line in the contract, then one last line {@code {"summary": {...}}}; {@code jq
 * 'select(.status)'} keeps the results, {@code jq 'select(.summary)'} the summary.
 *
 * @param batch the results
 * @param failOn the gate's level
 * @param attack the ATT&amp;CK version of each loaded domain, by short domain id
 * @param policy the weight policy id
 * @param strict whether strict mode was on
 */
record GateReport(BatchResult batch, FailOn failOn, Map<String, String> attack, String policy, boolean strict) {

  GateReport {
    attack = Collections.unmodifiableMap(new LinkedHashMap<>(attack));
  }

  /** The ATT&amp;CK data in a few words: {@code enterprise 18.1}. */
  String attackLabel() {
    StringBuilder sb = new StringBuilder();
    attack.forEach((d, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(d).append(' ').append(v));
    return sb.length() == 0 ? "no domain" : sb.toString();
  }

  /** How many results reach the fail level. */
  int failing() {
    int n = 0;
    for (EnrichmentResult r : batch.results()) {
      if (failOn.fails(r)) {
        n++;
      }
    }
    return n;
  }

  /** The exit code: {@link ExitCodes#GATE_FAILED} when a result reaches the fail level. */
  int exitCode() {
    return failing() > 0 ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }

  // ------------------------------------------------------------------------------------------------ text

  private record Line(String path, Finding finding) {}

  void text(PrintWriter out) {
    List<Line> lines = new ArrayList<>();
    for (EnrichmentResult r : batch.results()) {
      for (Finding f : failOn.listed(r)) {
        lines.add(new Line(r.path(), f));
      }
    }
    if (lines.isEmpty()) {
      out.println(oneLine());
      return;
    }
    lines.sort(Comparator.comparing(Line::path).thenComparingInt(l -> l.finding().line())
        .thenComparingInt(l -> l.finding().column()));
    Text.Table t = new Text.Table();
    for (Line l : lines) {
      Finding f = l.finding();
      String where = l.path() + (f.line() > 0 ? ":" + f.line() + (f.column() > 0 ? ":" + f.column() : "") : "");
      t.row(where + ":", f.severity().id(), f.code().name(), withTag(f));
    }
    t.print(out, "");
    out.println();
    block(out);
  }

  /** The finding's message, with its tag when the message does not name it already. */
  static String withTag(Finding f) {
    String message = f.message();
    if (f.tag().isEmpty()) {
      return message;
    }
    String tag = f.tag().get();
    String lower = message.toLowerCase(Locale.ROOT);
    String name = tag.toLowerCase(Locale.ROOT);
    name = name.startsWith("attack.") ? name.substring(7) : name;
    return lower.contains(tag.toLowerCase(Locale.ROOT)) || !name.isEmpty() && lower.contains(name) ? message
        : message + " (" + tag + ")";
  }

  /** The summary in one line. */
  String oneLine() {
    BatchSummary s = batch.summary();
    int failing = failing();
    return String.format(Locale.ROOT, "%d rules read: %d validated, %d quarantined, %d unreadable, %d skipped; "
            + "ATT&CK %s; %s", s.read(), s.validated(), s.quarantined(), s.unreadable(), s.skipped(), attackLabel(),
        verdict(failing));
  }

  private String verdict(int failing) {
    return failing == 0
        ? "passed (--fail-on " + failOn + ")"
        : String.format(Locale.ROOT, "FAILED: %d %s --fail-on %s", failing, failing == 1 ? "rule reaches"
            : "rules reach", failOn);
  }

  private void block(PrintWriter out) {
    BatchSummary s = batch.summary();
    Text.Table t = new Text.Table();
    t.row("ATT&CK", attackLabel());
    t.row("policy", policy + (strict ? " (strict)" : ""));
    t.row("read", Integer.toString(s.read()));
    t.row("validated", Integer.toString(s.validated()));
    t.row("quarantined", Integer.toString(s.quarantined()));
    t.row("unreadable", Integer.toString(s.unreadable()));
    t.row("skipped", Integer.toString(s.skipped()));
    t.print(out, "");
    if (!s.findingsByCode().isEmpty()) {
      out.println();
      out.println("findings by code");
      Text.Table c = new Text.Table();
      s.findingsByCode().forEach((code, n) -> c.row(code.name(), Integer.toString(n)));
      c.print(out, "  ");
    }
    duplicates(out, "duplicate rule ids", s.duplicateIds());
    duplicates(out, "duplicate detections (same techniques, logsource and detection in different files)",
        s.duplicateDetections());
    out.println();
    out.println(verdict(failing()));
  }

  static void duplicates(PrintWriter out, String title, List<BatchSummary.DuplicateGroup> groups) {
    if (groups.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + " (" + groups.size() + ")");
    for (BatchSummary.DuplicateGroup g : groups) {
      out.println("  " + g.key());
      Text.Table t = new Text.Table();
      for (BatchSummary.RuleRef r : g.rules()) {
        t.row(r.path() + ":" + r.line(), r.title());
      }
      t.print(out, "    ");
    }
  }

  // ------------------------------------------------------------------------------------------------ JSON

  void json(PrintWriter out) {
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("results");
      for (EnrichmentResult r : batch.results()) {
        embed(g, EnrichmentWriter.toJson(r));
      }
      g.writeEndArray();
      g.writeFieldName("summary");
      summary(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
    out.println();
  }

  void jsonLines(PrintWriter out) {
    EnrichmentWriter.writeJsonLines(batch.results(), out);
    StringWriter line = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(line)) {
      g.writeStartObject();
      g.writeFieldName("summary");
      summary(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
    out.print(line);
    out.print('\n');
  }

  /** Copies a JSON document into a generator, numbers exactly as written. */
  static void embed(JsonGenerator g, String json) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      p.nextToken();
      g.copyCurrentStructureExact(p);
    }
  }

  void summary(JsonGenerator g) throws IOException {
    BatchSummary s = batch.summary();
    g.writeStartObject();
    g.writeObjectFieldStart("attack");
    for (Map.Entry<String, String> e : attack.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("policy", policy);
    g.writeBooleanField("strict", strict);
    g.writeNumberField("read", s.read());
    g.writeNumberField("validated", s.validated());
    g.writeNumberField("quarantined", s.quarantined());
    g.writeNumberField("unreadable", s.unreadable());
    g.writeNumberField("skipped", s.skipped());
    g.writeObjectFieldStart("findings_by_code");
    for (Map.Entry<FindingCode, Integer> e : s.findingsByCode().entrySet()) {
      g.writeNumberField(e.getKey().name(), e.getValue());
    }
    g.writeEndObject();
    duplicateGroups(g, "duplicate_ids", s.duplicateIds());
    duplicateGroups(g, "duplicate_detections", s.duplicateDetections());
    g.writeStringField("fail_on", failOn.name());
    int failing = failing();
    g.writeNumberField("failing", failing);
    g.writeBooleanField("passed", failing == 0);
    g.writeEndObject();
  }

  static void duplicateGroups(JsonGenerator g, String field, List<BatchSummary.DuplicateGroup> groups)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (BatchSummary.DuplicateGroup d : groups) {
      g.writeStartObject();
      g.writeStringField("key", d.key());
      g.writeArrayFieldStart("rules");
      for (BatchSummary.RuleRef r : d.rules()) {
        g.writeStartObject();
        g.writeStringField("path", r.path());
        g.writeNumberField("document", r.documentIndex());
        g.writeNumberField("line", r.line());
        g.writeStringField("title", r.title());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
