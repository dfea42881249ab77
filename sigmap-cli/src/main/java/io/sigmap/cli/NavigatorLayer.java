package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmap.stix.Tactic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code coverage --layer FILE}: an ATT&amp;CK Navigator layer (layer format 4.5) of a coverage.
 *
 * <ul>
 *   <li>One layer per loaded domain; with several domains the file holds a list of layers, which the Navigator
 *       opens as one tab each.
 *   <li>{@code domain} ({@code enterprise-attack}, ...) and {@code versions.attack} (the major version, as the
 *       Navigator names its data: {@code 18} for 18.1) come from the data.
 *   <li>One technique entry per covered technique and tactic: {@code score} = the number of validated rules that
 *       map to it, {@code comment} = their titles. A parent covered only through its sub-techniques gets an
 *       unscored entry with its own color and a comment. Uncovered techniques have no entry.
 *   <li>A gradient from 1 rule to {@value #GRADIENT_CAP} or more, legend items, scores sorted descending,
 *       annotated sub-techniques expanded, IDs shown.
 * </ul>
 */
final class NavigatorLayer {

  /** The layer format version written. */
  static final String LAYER_VERSION = "4.5";

  /** The Navigator version the layer is written for (4.5 layers need 4.9.0 or newer). */
  static final String NAVIGATOR_VERSION = "5.1.0";

  /** Scores at or above this get the darkest color. */
  static final int GRADIENT_CAP = 10;

  static final String[] GRADIENT = {"#d6e9f8", "#6baed6", "#08519c"};
  static final String VIA_SUBTECHNIQUES = "#fdd9a0";

  private static final int MAX_TITLES = 20;
  private static final int MAX_TITLE_LENGTH = 120;

  private NavigatorLayer() {}

  static void write(Coverage coverage, String rulesLabel, PrintWriter out) {
    try (JsonGenerator g = Json.pretty(out)) {
      boolean list = coverage.domains().size() != 1;
      if (list) {
        g.writeStartArray();
      }
      for (Coverage.DomainCoverage d : coverage.domains()) {
        layer(g, coverage, d, rulesLabel);
      }
      if (list) {
        g.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the layer: " + e.getMessage(), e);
    }
    out.println();
  }

  /** {@code 18} for {@code 18.1}; nothing for a version that does not start with a number. */
  static String major(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return version.substring(0, end);
  }

  private static void layer(JsonGenerator g, Coverage c, Coverage.DomainCoverage d, String rulesLabel)
      throws IOException {
    int max = 1;
    for (Coverage.TechniqueRow row : d.techniques()) {
      max = Math.max(max, row.rules().size());
    }
    g.writeStartObject();
    g.writeStringField("name", "sigmap coverage: " + d.domain().shortId() + " " + d.version());
    g.writeObjectFieldStart("versions");
    String attack = major(d.version());
    if (!attack.isEmpty()) {
      g.writeStringField("attack", attack);
    }
    g.writeStringField("navigator", NAVIGATOR_VERSION);
    g.writeStringField("layer", LAYER_VERSION);
    g.writeEndObject();
    g.writeStringField("domain", d.domain().id());
    g.writeStringField("description", String.format(Locale.ROOT, "Coverage of ATT&CK %s %s by %d validated Sigma "
            + "rules of %d read (%s). Score: the number of validated rules that map to the technique.",
        d.domain().shortId(), d.version(), c.validated(), c.batch().summary().read(), rulesLabel));
    g.writeNumberField("sorting", 3);
    g.writeObjectFieldStart("layout");
    g.writeStringField("layout", "side");
    g.writeBooleanField("showID", true);
    g.writeBooleanField("showName", true);
    g.writeBooleanField("showAggregateScores", false);
    g.writeBooleanField("countUnscored", false);
    g.writeStringField("aggregateFunction", "average");
    g.writeStringField("expandedSubtechniques", "annotated");
    g.writeEndObject();
    g.writeBooleanField("hideDisabled", false);
    g.writeArrayFieldStart("techniques");
    for (Coverage.TechniqueRow row : d.techniques()) {
      if (row.uncovered()) {
        continue;
      }
      for (Tactic t : row.tactics()) {
        g.writeStartObject();
        g.writeStringField("techniqueID", row.technique().id());
        g.writeStringField("tactic", t.shortname());
        if (row.covered()) {
          g.writeNumberField("score", row.rules().size());
          g.writeStringField("comment", comment(row.rules(), ""));
        } else {
          g.writeStringField("color", VIA_SUBTECHNIQUES);
          g.writeStringField("comment", comment(row.viaSubtechniques(), " through sub-techniques"));
        }
        g.writeBooleanField("enabled", true);
        if (!row.technique().subtechniqueIds().isEmpty() && !row.viaSubtechniques().isEmpty()) {
          g.writeBooleanField("showSubtechniques", true);
        }
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    int cap = Math.max(2, Math.min(max, GRADIENT_CAP));
    g.writeObjectFieldStart("gradient");
    Json.stringArray(g, "colors", List.of(GRADIENT));
    g.writeNumberField("minValue", 1);
    g.writeNumberField("maxValue", cap);
    g.writeEndObject();
    g.writeArrayFieldStart("legendItems");
    legend(g, "1 rule", GRADIENT[0]);
    legend(g, cap + (cap == max ? "" : " or more") + " rules", GRADIENT[2]);
    legend(g, "covered through sub-techniques only", VIA_SUBTECHNIQUES);
    g.writeEndArray();
    g.writeBooleanField("showTacticRowBackground", false);
    g.writeStringField("tacticRowBackground", "#dddddd");
    g.writeBooleanField("selectTechniquesAcrossTactics", true);
    g.writeBooleanField("selectSubtechniquesWithParent", false);
    g.writeBooleanField("selectVisibleTechniques", false);
    g.writeArrayFieldStart("metadata");
    metadata(g, "generated by", "sigmap " + VersionProvider.version());
    metadata(g, "rules", String.format(Locale.ROOT, "%d validated of %d read", c.validated(),
        c.batch().summary().read()));
    metadata(g, "techniques covered", String.format(Locale.ROOT, "%d of %d active", d.covered().size(),
        d.techniques().size()));
    g.writeEndArray();
    g.writeEndObject();
  }

  /** {@code 3 rules: A; B; C}, at most {@value #MAX_TITLES} titles, each cut at a sensible length. */
  static String comment(List<Coverage.Ref> rules, String how) {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < rules.size() && i < MAX_TITLES; i++) {
      String t = rules.get(i).title();
      titles.add(t.length() > MAX_TITLE_LENGTH ? t.substring(0, MAX_TITLE_LENGTH - 3) + "..." : t);
    }
    String more = rules.size() > MAX_TITLES ? String.format(Locale.ROOT, "; and %d more",
        rules.size() - MAX_TITLES) : "";
    return String.format(Locale.ROOT, "%d %s%s: %s%s", rules.size(), rules.size() == 1 ? "rule" : "rules", how,
        String.join("; ", titles), more);
  }

  private static void legend(JsonGenerator g, String label, String color) throws IOException {
    g.writeStartObject();
    g.writeStringField("label", label);
    g.writeStringField("color", color);
    g.writeEndObject();
  }

  private static void metadata(JsonGenerator g, String name, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("value", value);
    g.writeEndObject();
  }
}
