package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigmap attack diff OLD NEW}: what changed between two ATT&amp;CK releases. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Show what changed between two ATT&CK releases.",
        "",
        "Techniques added, removed, revoked (with the replacement at the end of the chain in NEW), newly"
            + " deprecated, reactivated, renamed, moved to other tactics or platforms; tactics added to or removed"
            + " from the matrix. Only the domains both releases hold are compared.",
        "",
        "With --rules PATH, also the rules that tag an affected technique, by change: removed, revoked, deprecated,"
            + " renamed, other tactics, other platforms; the question to answer before upgrading ATT&CK."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (with --exit-code: no difference, or with --rules no rule affected)",
        "1:with --exit-code: the releases differ (with --rules: a rule is affected)",
        ExitCodes.HELP_USAGE, ExitCodes.HELP_IO, ExitCodes.HELP_INTERNAL})
final class AttackDiffCommand extends CommandBase {

  enum Format { text, json }

  @Parameters(index = "0", paramLabel = "OLD",
      description = "The old release: a bundle file, a cached release (enterprise@17.1) or a URL fetched before.")
  String oldSource;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new release, in the same forms.")
  String newSource;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--exit-code", description = "Exit with 1 when the releases differ, as 'git diff --exit-code';"
      + " with --rules, when a rule is affected.")
  boolean exitCode;

  @Option(names = "--rules", paramLabel = "PATH",
      description = "Rule files or folders (repeatable): list the rules that tag an affected technique.")
  List<Path> rules = new ArrayList<>();

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    Rules.requireExisting(rules);
    AttackCache cache = cache();
    AttackSource older = AttackSources.resolve(oldSource, cache);
    AttackSource newer = AttackSources.resolve(newSource, cache);
    TechniqueIndex oldIndex = AttackSources.index(List.of(older));
    TechniqueIndex newIndex = AttackSources.index(List.of(newer));
    AttackDiff diff = AttackDiff.compute(oldIndex, newIndex);
    Optional<RuleImpact> impact = rules.isEmpty() ? Optional.empty()
        : Optional.of(RuleImpact.of(diff, rules, Math.max(1, Runtime.getRuntime().availableProcessors())));
    try (Output out = output.open(env())) {
      if (format == Format.json) {
        json(diff, older, newer, impact, out.writer());
      } else {
        text(diff, out.writer());
        impact.ifPresent(i -> impactText(diff, i, out.writer()));
      }
      out.commit();
    }
    boolean differs = impact.isPresent() ? impact.get().affectedRules() > 0 : !diff.isEmpty();
    return exitCode && differs ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }

  private static String changeName(AttackDiff.Change c) {
    return c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** What changed for one technique, in a few words: the replacement, the new name, tactics or platforms. */
  private static String detail(AttackDiff d, AttackDiff.Change c, String id) {
    return switch (c) {
      case REVOKED -> d.revoked().stream().filter(r -> r.technique().id().equals(id)).findFirst()
          .map(r -> r.replacement().map(x -> "-> " + x.id() + " " + x.name()).orElse("-> no active replacement"))
          .orElse("");
      case RENAMED -> d.renamed().stream().filter(r -> r.technique().id().equals(id)).findFirst()
          .map(r -> r.oldName() + " -> " + r.technique().name()).orElse("");
      case TACTICS_CHANGED -> d.tacticsChanged().stream().filter(x -> x.technique().id().equals(id)).findFirst()
          .map(x -> tactics(x.oldTactics()) + " -> " + tactics(x.technique().tactics())).orElse("");
      case PLATFORMS_CHANGED -> d.platformsChanged().stream().filter(x -> x.technique().id().equals(id))
          .findFirst().map(AttackDiffCommand::platforms).orElse("");
      case REMOVED -> "not in the new release";
      case DEPRECATED -> "deprecated, no replacement";
    };
  }

  private static void impactText(AttackDiff d, RuleImpact impact, PrintWriter out) {
    out.println();
    out.println(String.format(Locale.ROOT, "rules affected: %d of %d rules read%s", impact.affectedRules(),
        impact.read(), impact.unreadable() == 0 ? ""
            : String.format(Locale.ROOT, " (%d unreadable, not checked)", impact.unreadable())));
    impact.byChange().forEach((change, tagged) -> {
      out.println();
      out.println("  " + changeName(change) + " (" + tagged.size() + ")");
      Text.Table t = new Text.Table();
      for (RuleImpact.Tagged x : tagged) {
        t.row(x.path() + ":" + x.line(), x.tag(), detail(d, change, x.technique()), x.title());
      }
      t.print(out, "    ");
    });
  }

  private static String versions(Map<AttackDomain, String> versions) {
    StringBuilder sb = new StringBuilder();
    versions.forEach((d, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(d.shortId()).append(' ').append(v));
    return sb.toString();
  }

  private static String tactics(List<Tactic> tactics) {
    return tactics.isEmpty() ? "(none)" : String.join(", ", tactics.stream().map(Tactic::shortname).toList());
  }

  private static void text(AttackDiff d, PrintWriter out) {
    out.println("ATT&CK " + versions(d.oldVersions()) + " -> " + versions(d.newVersions()));
    out.println(String.format(Locale.ROOT, "%d added, %d removed, %d revoked, %d deprecated, %d reactivated, "
            + "%d renamed, %d with other tactics, %d with other platforms; %d tactics added, %d removed",
        d.added().size(), d.removed().size(), d.revoked().size(), d.deprecated().size(), d.reactivated().size(),
        d.renamed().size(), d.tacticsChanged().size(), d.platformsChanged().size(), d.tacticsAdded().size(),
        d.tacticsRemoved().size()));
    section(out, "added", d.added().stream().map(t -> row(t, tactics(t.tactics()))).toList());
    section(out, "removed", d.removed().stream().map(t -> row(t, "")).toList());
    section(out, "revoked", d.revoked().stream().map(r -> row(r.technique(), r.replacement()
        .map(x -> "-> " + x.id() + " " + x.name()).orElse("-> no active replacement"))).toList());
    section(out, "deprecated", d.deprecated().stream().map(t -> row(t, "")).toList());
    section(out, "reactivated", d.reactivated().stream().map(t -> row(t, "")).toList());
    section(out, "renamed", d.renamed().stream().map(r -> new String[] {r.technique().id(),
        r.oldName() + " -> " + r.technique().name()}).toList());
    section(out, "tactics changed", d.tacticsChanged().stream().map(c -> row(c.technique(),
        tactics(c.oldTactics()) + " -> " + tactics(c.technique().tactics()))).toList());
    section(out, "platforms changed", d.platformsChanged().stream().map(c -> row(c.technique(),
        platforms(c))).toList());
    section(out, "matrix tactics added", d.tacticsAdded().stream().map(t -> new String[] {t.id(), t.shortname(),
        t.domain().shortId()}).toList());
    section(out, "matrix tactics removed", d.tacticsRemoved().stream().map(t -> new String[] {t.id(),
        t.shortname(), t.domain().shortId()}).toList());
  }

  private static String platforms(AttackDiff.PlatformsChanged c) {
    StringBuilder sb = new StringBuilder();
    c.addedPlatforms().forEach(p -> sb.append(sb.length() == 0 ? "" : " ").append('+').append(p));
    c.removedPlatforms().forEach(p -> sb.append(sb.length() == 0 ? "" : " ").append('-').append(p));
    return sb.toString();
  }

  private static String[] row(Technique t, String detail) {
    return detail.isEmpty() ? new String[] {t.id(), t.name()} : new String[] {t.id(), t.name(), detail};
  }

  private static void section(PrintWriter out, String title, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + " (" + rows.size() + ")");
    Text.Table t = new Text.Table();
    rows.forEach(t::row);
    t.print(out, "  ");
  }

  private static void json(AttackDiff d, AttackSource older, AttackSource newer, Optional<RuleImpact> impact,
      PrintWriter out) {
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      side(g, "old", older, d.oldVersions());
      side(g, "new", newer, d.newVersions());
      g.writeObjectFieldStart("summary");
      g.writeNumberField("added", d.added().size());
      g.writeNumberField("removed", d.removed().size());
      g.writeNumberField("revoked", d.revoked().size());
      g.writeNumberField("deprecated", d.deprecated().size());
      g.writeNumberField("reactivated", d.reactivated().size());
      g.writeNumberField("renamed", d.renamed().size());
      g.writeNumberField("tactics_changed", d.tacticsChanged().size());
      g.writeNumberField("platforms_changed", d.platformsChanged().size());
      g.writeNumberField("matrix_tactics_added", d.tacticsAdded().size());
      g.writeNumberField("matrix_tactics_removed", d.tacticsRemoved().size());
      g.writeEndObject();
      g.writeArrayFieldStart("added");
      for (Technique t : d.added()) {
        g.writeStartObject();
        technique(g, t);
        Json.stringArray(g, "tactics", t.tactics().stream().map(Tactic::shortname).toList());
        g.writeEndObject();
      }
      g.writeEndArray();
      techniques(g, "removed", d.removed());
      g.writeArrayFieldStart("revoked");
      for (AttackDiff.Revoked r : d.revoked()) {
        g.writeStartObject();
        technique(g, r.technique());
        Json.stringArray(g, "chain", r.chain().stream().map(Technique::id).toList());
        if (r.replacement().isPresent()) {
          g.writeObjectFieldStart("replacement");
          technique(g, r.replacement().get());
          g.writeEndObject();
        } else {
          g.writeNullField("replacement");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      techniques(g, "deprecated", d.deprecated());
      techniques(g, "reactivated", d.reactivated());
      g.writeArrayFieldStart("renamed");
      for (AttackDiff.Renamed r : d.renamed()) {
        g.writeStartObject();
        g.writeStringField("id", r.technique().id());
        g.writeStringField("old_name", r.oldName());
        g.writeStringField("new_name", r.technique().name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("tactics_changed");
      for (AttackDiff.TacticsChanged c : d.tacticsChanged()) {
        g.writeStartObject();
        technique(g, c.technique());
        Json.stringArray(g, "old_tactics", c.oldTactics().stream().map(Tactic::shortname).toList());
        Json.stringArray(g, "new_tactics", c.technique().tactics().stream().map(Tactic::shortname).toList());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("platforms_changed");
      for (AttackDiff.PlatformsChanged c : d.platformsChanged()) {
        g.writeStartObject();
        technique(g, c.technique());
        Json.stringArray(g, "added", c.addedPlatforms());
        Json.stringArray(g, "removed", c.removedPlatforms());
        g.writeEndObject();
      }
      g.writeEndArray();
      tacticList(g, "matrix_tactics_added", d.tacticsAdded());
      tacticList(g, "matrix_tactics_removed", d.tacticsRemoved());
      if (impact.isPresent()) {
        impactJson(g, d, impact.get());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the diff: " + e.getMessage(), e);
    }
    out.println();
  }

  private static void impactJson(JsonGenerator g, AttackDiff d, RuleImpact impact) throws IOException {
    g.writeObjectFieldStart("rules");
    g.writeNumberField("read", impact.read());
    g.writeNumberField("unreadable", impact.unreadable());
    g.writeNumberField("affected", impact.affectedRules());
    g.writeObjectFieldStart("by_change");
    for (Map.Entry<AttackDiff.Change, List<RuleImpact.Tagged>> e : impact.byChange().entrySet()) {
      g.writeArrayFieldStart(e.getKey().name().toLowerCase(Locale.ROOT));
      for (RuleImpact.Tagged t : e.getValue()) {
        g.writeStartObject();
        g.writeStringField("path", t.path());
        g.writeNumberField("line", t.line());
        g.writeStringField("title", t.title());
        if (t.ruleId().isPresent()) {
          g.writeStringField("rule_id", t.ruleId().get());
        }
        g.writeStringField("tag", t.tag());
        g.writeStringField("technique", t.technique());
        g.writeStringField("detail", detail(d, e.getKey(), t.technique()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void side(JsonGenerator g, String name, AttackSource source, Map<AttackDomain, String> versions)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("source", source.spec());
    g.writeObjectFieldStart("versions");
    for (Map.Entry<AttackDomain, String> e : versions.entrySet()) {
      g.writeStringField(e.getKey().shortId(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void technique(JsonGenerator g, Technique t) throws IOException {
    g.writeStringField("id", t.id());
    g.writeStringField("name", t.name());
  }

  private static void techniques(JsonGenerator g, String field, List<Technique> list) throws IOException {
    g.writeArrayFieldStart(field);
    for (Technique t : list) {
      g.writeStartObject();
      technique(g, t);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void tacticList(JsonGenerator g, String field, List<Tactic> list) throws IOException {
    g.writeArrayFieldStart(field);
    for (Tactic t : list) {
      g.writeStartObject();
      g.writeStringField("id", t.id());
      g.writeStringField("shortname", t.shortname());
      g.writeStringField("name", t.name());
      g.writeStringField("domain", t.domain().shortId());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
