package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.AttackObject;
import io.sigmap.stix.AttackObjectKind;
import io.sigmap.stix.AttackStatus;
import io.sigmap.stix.BundleInfo;
import io.sigmap.stix.StixWarning;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigmap attack info}: what ATT&amp;CK data holds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Show what ATT&CK data holds.",
        "",
        "Domains, ATT&CK and STIX versions, techniques by status, tactics in matrix order, other objects by"
            + " kind, and load warnings."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_SUCCESS, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO, ExitCodes.HELP_INTERNAL})
final class AttackInfoCommand extends CommandBase {

  enum Format { text, json }

  @Parameters(paramLabel = "SRC", arity = "0..*",
      description = "A bundle file, a cached release (enterprise@18.1) or a URL fetched before; several merge."
          + " Default: the newest cached Enterprise bundle.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--warnings", description = "List each load warning, not only their number.")
  boolean listWarnings;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    LoadedAttack attack = AttackSources.load(sources, cache());
    try (Output out = output.open(env())) {
      if (format == Format.json) {
        json(attack.index(), out.writer());
      } else {
        text(attack.index(), out.writer());
      }
      out.commit();
    }
    return ExitCodes.OK;
  }

  /** Technique counts of one domain. */
  record Counts(int total, int active, int revoked, int deprecated, int subtechniques) {
    static Counts of(List<Technique> techniques) {
      int active = 0;
      int revoked = 0;
      int deprecated = 0;
      int subs = 0;
      for (Technique t : techniques) {
        AttackStatus s = t.status();
        if (s == AttackStatus.ACTIVE) {
          active++;
        } else if (s == AttackStatus.REVOKED) {
          revoked++;
        } else {
          deprecated++;
        }
        if (t.isSubtechnique()) {
          subs++;
        }
      }
      return new Counts(techniques.size(), active, revoked, deprecated, subs);
    }
  }

  static Map<AttackObjectKind, Integer> objectCounts(TechniqueIndex index, AttackDomain domain) {
    Map<AttackObjectKind, Integer> counts = new EnumMap<>(AttackObjectKind.class);
    for (AttackObjectKind k : AttackObjectKind.values()) {
      int n = 0;
      for (AttackObject o : index.attackObjects(k)) {
        if (o.domains().contains(domain)) {
          n++;
        }
      }
      counts.put(k, n);
    }
    return counts;
  }

  static String kindName(AttackObjectKind k) {
    return switch (k) {
      case GROUP -> "groups";
      case SOFTWARE -> "software";
      case CAMPAIGN -> "campaigns";
      case MITIGATION -> "mitigations";
      case DATA_SOURCE -> "data sources";
      case DATA_COMPONENT -> "data components";
      case DETECTION_STRATEGY -> "detection strategies";
    };
  }

  private void text(TechniqueIndex index, PrintWriter out) {
    Text.Table bundles = new Text.Table();
    for (BundleInfo b : index.bundles()) {
      bundles.row("source", b.source());
      bundles.row("domains", String.join(", ", b.domains().stream().map(AttackDomain::shortId).toList()));
      bundles.row("ATT&CK version", b.attackVersion());
      bundles.row("STIX version", b.specVersion());
      bundles.row("objects", Integer.toString(b.objectCount()));
    }
    bundles.print(out, "");
    for (AttackDomain d : index.domains()) {
      out.println();
      out.println(d.shortId() + " " + index.attackVersion(d).orElse("unknown"));
      Counts c = Counts.of(index.techniques(d));
      Text.Table t = new Text.Table();
      t.row("techniques", String.format(Locale.ROOT, "%d (%d active, %d revoked, %d deprecated; %d sub-techniques)",
          c.total(), c.active(), c.revoked(), c.deprecated(), c.subtechniques()));
      objectCounts(index, d).forEach((k, n) -> t.row(kindName(k), Integer.toString(n)));
      t.print(out, "  ");
      List<Tactic> tactics = index.tactics(d);
      out.println("  tactics (" + tactics.size() + ", matrix order)");
      Text.Table tt = new Text.Table();
      for (Tactic tactic : tactics) {
        tt.row(tactic.id(), tactic.shortname(), tactic.name() + (tactic.deprecated() ? " (deprecated)" : ""));
      }
      tt.print(out, "    ");
    }
    out.println();
    out.println("warnings  " + index.warnings().size());
    if (listWarnings) {
      for (StixWarning w : index.warnings()) {
        out.println("  " + w);
      }
    }
  }

  private void json(TechniqueIndex index, PrintWriter out) {
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("bundles");
      for (BundleInfo b : index.bundles()) {
        g.writeStartObject();
        g.writeStringField("source", b.source());
        Json.stringArray(g, "domains", b.domains().stream().map(AttackDomain::shortId).toList());
        g.writeStringField("attack_version", b.attackVersion());
        g.writeStringField("stix_version", b.specVersion());
        g.writeNumberField("objects", b.objectCount());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("domains");
      for (AttackDomain d : index.domains()) {
        g.writeStartObject();
        g.writeStringField("domain", d.shortId());
        g.writeStringField("attack_version", index.attackVersion(d).orElse("unknown"));
        Counts c = Counts.of(index.techniques(d));
        g.writeObjectFieldStart("techniques");
        g.writeNumberField("total", c.total());
        g.writeNumberField("active", c.active());
        g.writeNumberField("revoked", c.revoked());
        g.writeNumberField("deprecated", c.deprecated());
        g.writeNumberField("subtechniques", c.subtechniques());
        g.writeEndObject();
        g.writeArrayFieldStart("tactics");
        for (Tactic t : index.tactics(d)) {
          g.writeStartObject();
          g.writeStringField("id", t.id());
          g.writeStringField("shortname", t.shortname());
          g.writeStringField("name", t.name());
          g.writeBooleanField("deprecated", t.deprecated());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("objects");
        for (Map.Entry<AttackObjectKind, Integer> e : objectCounts(index, d).entrySet()) {
          g.writeNumberField(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("warnings");
      g.writeNumberField("count", index.warnings().size());
      if (listWarnings) {
        g.writeArrayFieldStart("items");
        for (StixWarning w : index.warnings()) {
          g.writeStartObject();
          g.writeStringField("kind", w.kind().name());
          g.writeStringField("source", w.source());
          g.writeNumberField("line", w.line());
          g.writeNumberField("column", w.column());
          if (w.stixId().isPresent()) {
            g.writeStringField("stix_id", w.stixId().get());
          }
          g.writeStringField("message", w.message());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the description: " + e.getMessage(), e);
    }
    out.println();
  }
}
