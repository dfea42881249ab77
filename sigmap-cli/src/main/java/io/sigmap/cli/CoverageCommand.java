package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmap.core.BatchResult;
import io.sigmap.core.BatchSummary;
import io.sigmap.core.RuleEnricher;
import io.sigmap.stix.Tactic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigmap coverage PATH...}: what ATT&amp;CK the validated rules cover. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Show which ATT&CK tactics and techniques the validated rules cover, and where they do not.",
        "",
        "Per tactic (matrix order): the validated rules with that tactic, and how many of its techniques they"
            + " cover. Per technique: the validated rules that map to it. A sub-technique's rules do not count for"
            + " its parent: a parent with covered sub-techniques but no rule of its own is listed as covered"
            + " through sub-techniques, not as uncovered. A correlation rule counts for its own techniques, not"
            + " for those it inherits from the rules it references. Quarantined rules cover nothing. Then the"
            + " duplicate coverage: rules sharing a rule id, or the same techniques, logsource and normalised"
            + " detection in different files.",
        "",
        "Formats: text; json; csv (one row per active technique, RFC 4180). --layer FILE also writes an ATT&CK"
            + " Navigator layer (format 4.5; one layer per domain, a list of layers when several are loaded):"
            + " score = number of validated rules, rule titles in the comments."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_SUCCESS,
        "2:usage error, a PATH that does not exist, or ATT&CK data missing or unusable", ExitCodes.HELP_IO,
        ExitCodes.HELP_INTERNAL})
final class CoverageCommand extends CommandBase {

  enum Format { text, json, csv }

  @Mixin
  AttackOptions attack;

  @Mixin
  RuleSettings settings;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--layer", paramLabel = "FILE",
      description = "Also write an ATT&CK Navigator layer (format 4.5) to FILE.")
  Path layer;

  @Mixin
  OutputOptions output;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Rule files (.yml, .yaml) or folders, read recursively.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    Rules.requireExisting(paths);
    LoadedAttack loaded = attack.load(cache());
    RuleEnricher enricher = RuleEnricher.builder(loaded.index()).options(settings.options()).build();
    BatchResult batch = Rules.asGiven(enricher, paths);
    Coverage coverage = Coverage.of(loaded.index(), batch);
    String rulesLabel = String.join(", ", paths.stream().map(Rules::name)
        .map(n -> n.isEmpty() ? "." : n).toList());
    if (layer != null) {
      try (Output out = Output.open(layer, env())) {
        NavigatorLayer.write(coverage, rulesLabel, out.writer());
        out.commit();
      }
    }
    try (Output out = output.open(env())) {
      switch (format) {
        case json -> json(coverage, Rules.attackLabel(loaded.index()), out.writer());
        case csv -> csv(coverage, out.writer());
        default -> text(coverage, Rules.attackLabel(loaded.index()), out.writer());
      }
      out.commit();
    }
    return ExitCodes.OK;
  }

  // ------------------------------------------------------------------------------------------------ text

  private static void text(Coverage c, String attack, PrintWriter out) {
    BatchSummary s = c.batch().summary();
    out.println(String.format(Locale.ROOT, "ATT&CK %s; %d rules read, %d validated (only validated rules count)",
        attack, s.read(), s.validated()));
    for (Coverage.DomainCoverage d : c.domains()) {
      String domain = d.domain().shortId();
      out.println();
      out.println(String.format(Locale.ROOT, "%s tactics (matrix order)", domain));
      Text.Table tactics = new Text.Table();
      tactics.row("id", "tactic", "rules", "techniques covered");
      for (Coverage.TacticRow t : d.tactics()) {
        tactics.row(t.tactic().id(), t.tactic().shortname(), Integer.toString(t.rules()),
            String.format(Locale.ROOT, "%d of %d", t.covered(), t.techniques()));
      }
      tactics.print(out, "  ");

      List<Coverage.TechniqueRow> covered = d.covered();
      out.println();
      out.println(String.format(Locale.ROOT, "%s techniques covered (%d of %d active)", domain, covered.size(),
          d.techniques().size()));
      Text.Table techniques = new Text.Table();
      for (Coverage.TechniqueRow row : covered) {
        techniques.row(row.technique().id(), row.technique().name(), tacticNames(row.tactics()),
            Integer.toString(row.rules().size()), titles(row.rules(), 3));
      }
      techniques.print(out, "  ");

      List<Coverage.TechniqueRow> via = d.viaSubtechniquesOnly();
      if (!via.isEmpty()) {
        out.println();
        out.println(String.format(Locale.ROOT, "%s covered only through sub-techniques (%d)", domain, via.size()));
        Text.Table t = new Text.Table();
        for (Coverage.TechniqueRow row : via) {
          t.row(row.technique().id(), row.technique().name(), tacticNames(row.tactics()),
              Integer.toString(row.viaSubtechniques().size()), titles(row.viaSubtechniques(), 3));
        }
        t.print(out, "  ");
      }

      List<Coverage.TechniqueRow> uncovered = d.uncovered();
      out.println();
      out.println(String.format(Locale.ROOT, "%s uncovered techniques (%d of %d active)", domain, uncovered.size(),
          d.techniques().size()));
      Text.Table u = new Text.Table();
      for (Coverage.TechniqueRow row : uncovered) {
        u.row(row.technique().id(), row.technique().name(), tacticNames(row.tactics()));
      }
      u.print(out, "  ");
    }
    GateReport.duplicates(out, "duplicate rule ids", c.batch().summary().duplicateIds());
    GateReport.duplicates(out, "duplicate detections (same techniques, logsource and detection in different files)",
        c.batch().summary().duplicateDetections());
  }

  private static String tacticNames(List<Tactic> tactics) {
    return String.join(",", tactics.stream().map(Tactic::shortname).toList());
  }

  private static String titles(List<Coverage.Ref> rules, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rules.size() && i < max; i++) {
      sb.append(i == 0 ? "" : "; ").append(rules.get(i).title());
    }
    if (rules.size() > max) {
      sb.append(String.format(Locale.ROOT, "; +%d more", rules.size() - max));
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------------ JSON

  private static void json(Coverage c, String attack, PrintWriter out) {
    BatchSummary s = c.batch().summary();
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeStringField("attack_version", attack);
      g.writeObjectFieldStart("rules");
      g.writeNumberField("read", s.read());
      g.writeNumberField("validated", s.validated());
      g.writeNumberField("quarantined", s.quarantined());
      g.writeNumberField("unreadable", s.unreadable());
      g.writeNumberField("skipped", s.skipped());
      g.writeEndObject();
      g.writeArrayFieldStart("domains");
      for (Coverage.DomainCoverage d : c.domains()) {
        g.writeStartObject();
        g.writeStringField("domain", d.domain().shortId());
        g.writeStringField("attack_version", d.version());
        g.writeNumberField("techniques_active", d.techniques().size());
        g.writeNumberField("techniques_covered", d.covered().size());
        g.writeNumberField("techniques_via_subtechniques_only", d.viaSubtechniquesOnly().size());
        g.writeNumberField("techniques_uncovered", d.uncovered().size());
        g.writeArrayFieldStart("tactics");
        for (Coverage.TacticRow t : d.tactics()) {
          g.writeStartObject();
          g.writeStringField("id", t.tactic().id());
          g.writeStringField("shortname", t.tactic().shortname());
          g.writeStringField("name", t.tactic().name());
          g.writeNumberField("rules", t.rules());
          g.writeNumberField("techniques", t.techniques());
          g.writeNumberField("techniques_covered", t.covered());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("techniques");
        for (Coverage.TechniqueRow row : d.techniques()) {
          g.writeStartObject();
          g.writeStringField("id", row.technique().id());
          g.writeStringField("name", row.technique().name());
          if (row.technique().parentId().isPresent()) {
            g.writeStringField("parent", row.technique().parentId().get());
          }
          Json.stringArray(g, "tactics", row.tactics().stream().map(Tactic::shortname).toList());
          g.writeNumberField("rules", row.rules().size());
          if (!row.technique().subtechniqueIds().isEmpty()) {
            g.writeNumberField("rules_via_subtechniques", row.viaSubtechniques().size());
          }
          refs(g, "covered_by", row.rules());
          g.writeEndObject();
        }
        g.writeEndArray();
        Json.stringArray(g, "uncovered", d.uncovered().stream().map(r -> r.technique().id()).toList());
        g.writeEndObject();
      }
      g.writeEndArray();
      GateReport.duplicateGroups(g, "duplicate_ids", s.duplicateIds());
      GateReport.duplicateGroups(g, "duplicate_detections", s.duplicateDetections());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the coverage: " + e.getMessage(), e);
    }
    out.println();
  }

  private static void refs(JsonGenerator g, String field, List<Coverage.Ref> refs) throws IOException {
    g.writeArrayFieldStart(field);
    for (Coverage.Ref r : refs) {
      g.writeStartObject();
      g.writeStringField("path", r.path());
      g.writeNumberField("line", r.line());
      g.writeStringField("title", r.title());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  // ------------------------------------------------------------------------------------------------ CSV

  static final String CSV_HEADER = "domain,technique_id,name,parent,tactics,rules,rules_via_subtechniques,"
      + "rule_titles";

  /** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled. */
  private static void csv(Coverage c, PrintWriter out) {
    out.print(CSV_HEADER + "\r\n");
    for (Coverage.DomainCoverage d : c.domains()) {
      for (Coverage.TechniqueRow row : d.techniques()) {
        List<String> cells = List.of(d.domain().shortId(), row.technique().id(), row.technique().name(),
            row.technique().parentId().orElse(""), String.join(";", row.tactics().stream()
                .map(Tactic::shortname).toList()), Integer.toString(row.rules().size()),
            row.technique().subtechniqueIds().isEmpty() ? "" : Integer.toString(row.viaSubtechniques().size()),
            String.join("; ", row.rules().stream().map(Coverage.Ref::title).toList()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
          sb.append(i == 0 ? "" : ",").append(csvField(cells.get(i)));
        }
        out.print(sb.append("\r\n"));
      }
    }
  }

  static String csvField(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
