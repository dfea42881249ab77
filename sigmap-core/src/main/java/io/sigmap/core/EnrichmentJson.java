package io.sigmap.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.sigmap.core.sigma.CorrelationRule;
import io.sigmap.core.sigma.DetectionRule;
import io.sigmap.core.sigma.FilterRule;
import io.sigmap.core.sigma.Logsource;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes results in the enrichment JSON contract. Field names and order are part of the contract; absent
 * values are left out rather than written as null. Package-private: {@link EnrichmentWriter} is the API.
 */
final class EnrichmentJson {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private EnrichmentJson() {}

  static String pretty(EnrichmentResult r) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      DefaultIndenter lf = new DefaultIndenter("  ", "\n");
      // "key": value, as the CLI and most tools write JSON (Jackson's default puts a space before the colon).
      g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withObjectIndenter(lf).withArrayIndenter(lf));
      write(g, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  static void line(EnrichmentResult r, Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    write(g, r);
    g.close();
    out.write('\n');
  }

  static void write(JsonGenerator g, EnrichmentResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("status", r.status().id());
    if (r.rule().isPresent()) {
      SigmaRule rule = r.rule().get();
      if (rule.id().isPresent()) {
        g.writeStringField("rule_id", rule.id().get().toString());
      }
      g.writeStringField("title", rule.title());
      g.writeStringField("kind", kind(rule));
    }
    g.writeObjectFieldStart("source");
    g.writeStringField("path", r.path());
    g.writeNumberField("document", r.documentIndex());
    g.writeEndObject();
    if (r.rule().isPresent()) {
      SigmaRule rule = r.rule().get();
      if (rule.level().isPresent()) {
        g.writeStringField("level", rule.level().get().id());
      }
      if (rule.status().isPresent()) {
        g.writeStringField("rule_status", rule.status().get().id());
      }
      Logsource l = rule instanceof DetectionRule d ? d.logsource()
          : rule instanceof FilterRule f ? f.logsource() : null;
      if (l != null) {
        g.writeObjectFieldStart("logsource");
        optional(g, "category", l.category().orElse(null));
        optional(g, "product", l.product().orElse(null));
        optional(g, "service", l.service().orElse(null));
        optional(g, "definition", l.definition().orElse(null));
        g.writeEndObject();
      }
    }
    if (r.enrichment().isPresent()) {
      enrichment(g, r.enrichment().get());
    }
    g.writeArrayFieldStart("findings");
    for (Finding f : r.findings()) {
      g.writeStartObject();
      g.writeStringField("code", f.code().name());
      g.writeStringField("severity", f.severity().id());
      optional(g, "tag", f.tag().orElse(null));
      g.writeStringField("message", f.message());
      g.writeNumberField("line", f.line());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void enrichment(JsonGenerator g, Enrichment e) throws IOException {
    g.writeArrayFieldStart("mitre_technique");
    for (MappedTechnique m : e.techniques()) {
      Technique t = m.technique();
      g.writeStartObject();
      g.writeStringField("id", t.id());
      g.writeStringField("name", t.name());
      shortnames(g, "tactics", t.tactics());
      g.writeArrayFieldStart("platforms");
      for (String p : t.platforms()) {
        g.writeString(p);
      }
      g.writeEndArray();
      optional(g, "parent", t.parentId().orElse(null));
      g.writeNumberField("confidence", m.confidence());
      optional(g, "replaced", m.replaced().orElse(null));
      optional(g, "inherited_from", m.inheritedFrom().orElse(null));
      g.writeEndObject();
    }
    g.writeEndArray();
    if (e.primaryTactic().isPresent()) {
      g.writeStringField("mitre_tactic", e.primaryTactic().get().shortname());
    }
    shortnames(g, "mitre_tactics", e.tactics());
    g.writeNumberField("technique_confidence", e.techniqueConfidence());
    g.writeNumberField("correlation_weight", e.correlationWeight());
    g.writeStringField("attack_version", e.attackVersion());
  }

  private static void shortnames(JsonGenerator g, String field, List<Tactic> tactics) throws IOException {
    g.writeArrayFieldStart(field);
    for (Tactic t : tactics) {
      g.writeString(t.shortname());
    }
    g.writeEndArray();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  static String kind(SigmaRule rule) {
    return rule instanceof CorrelationRule ? "correlation" : rule instanceof FilterRule ? "filter" : "detection";
  }
}
