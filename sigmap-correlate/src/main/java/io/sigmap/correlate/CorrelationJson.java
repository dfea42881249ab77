package io.sigmap.correlate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON forms of the runtime's inputs and outputs: alert lines in, event lines, reports and replay
 * summaries out. Output is deterministic: fields in a fixed order, times as ISO-8601 instants, numbers as
 * Java prints them.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("decisions.jsonl"))) {
 *   Correlator c = Correlator.builder(catalog).sink(CorrelationJson.jsonLines(out)).build();
 *   ReplaySummary summary = c.replay(Path.of("alerts.jsonl"));
 *   System.out.println(CorrelationJson.toJson(summary));
 * }
 * }</pre>
 *
 * <p>Every method is thread-safe.
 *
 * @since 0.1.0
 */
public final class CorrelationJson {

  private CorrelationJson() {
  }

  /**
   * Parses one alert line:
   * <pre>{@code
   * {"id":"a-17","rule_id":"5b3c...","time":"2026-01-05T10:15:00Z","source":"endpoint",
   *  "entities":{"host":"WS0042","user":"alice","ip":["10.0.0.5"]},"fields":{"Image":"C:\\...\\x.exe"}}
   * }</pre>
   * {@code id} (or {@code alert_id}), {@code rule_id} and {@code time} (or {@code @timestamp}; ISO-8601 or
   * epoch milliseconds) are required; {@code source} ({@link SourceType#id()}), {@code entities} (kind to a
   * value or an array of values) and {@code fields} (name to a scalar) are optional.
   *
   * @param json the JSON text
   * @return the alert
   * @throws CorrelationInputException if the text is not a valid alert
   */
  public static Alert parseAlert(String json) {
    return AlertJson.parse(Objects.requireNonNull(json, "json"), "alert", 0);
  }

  /**
   * Returns a sink that writes each event as one JSON line. The writer is not flushed or closed by the sink.
   *
   * @param out the writer
   * @return the sink
   * @throws CorrelationException from the sink when the writer fails
   */
  public static CorrelationSink jsonLines(Writer out) {
    Objects.requireNonNull(out, "out");
    return event -> {
      try {
        out.write(toJson(event));
        out.write('\n');
      } catch (IOException e) {
        throw new CorrelationException("cannot write a correlation event: " + e.getMessage(), e);
      }
    };
  }

  /**
   * Formats an event.
   *
   * @param event the event
   * @return one line of JSON
   */
  public static String toJson(CorrelationEvent event) {
    Objects.requireNonNull(event, "event");
    return write(g -> event(g, event));
  }

  /**
   * Formats a report.
   *
   * @param report the report
   * @return one line of JSON
   */
  public static String toJson(CorrelationReport report) {
    Objects.requireNonNull(report, "report");
    return write(g -> report(g, report));
  }

  /**
   * Formats a replay summary.
   *
   * @param summary the summary
   * @return one line of JSON
   */
  public static String toJson(ReplaySummary summary) {
    Objects.requireNonNull(summary, "summary");
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("event", "summary");
      g.writeStringField("source", summary.source());
      g.writeNumberField("lines", summary.lines());
      g.writeNumberField("alerts", summary.alerts());
      g.writeNumberField("rejected", summary.rejected());
      g.writeArrayFieldStart("issues");
      for (InputIssue i : summary.issues()) {
        g.writeStartObject();
        g.writeStringField("source", i.source());
        g.writeNumberField("line", i.line());
        g.writeStringField("message", i.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      CorrelatorStats s = summary.stats();
      g.writeObjectFieldStart("stats");
      g.writeNumberField("alerts_in", s.alertsIn());
      g.writeNumberField("decisions", s.decisions());
      g.writeNumberField("buffered", s.buffered());
      g.writeNumberField("late_alerts", s.lateAlerts());
      g.writeNumberField("entities", s.entities());
      g.writeNumberField("entities_evicted_by_ttl", s.entitiesEvictedByTtl());
      g.writeNumberField("entities_evicted_by_capacity", s.entitiesEvictedByCapacity());
      g.writeNumberField("chain_alerts_dropped", s.chainAlertsDropped());
      g.writeNumberField("merges_refused", s.mergesRefused());
      g.writeNumberField("saturated_entities", s.saturatedEntities());
      g.writeNumberField("asset_lookup_failures", s.assetLookupFailures());
      g.writeEndObject();
      g.writeFieldName("report");
      report(g, summary.report());
      g.writeEndObject();
    });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void event(JsonGenerator g, CorrelationEvent event) throws IOException {
    g.writeStartObject();
    if (event instanceof AlertDecision) {
      AlertDecision d = (AlertDecision) event;
      g.writeStringField("event", kind(d));
      g.writeStringField("time", instant(d.time()));
      g.writeStringField("alert_id", d.alert().id());
      g.writeStringField("rule_id", d.alert().ruleId());
      g.writeStringField("alert_time", instant(d.alert().time()));
      g.writeBooleanField("late", d.late());
      g.writeNumberField("score", d.score());
      if (d instanceof AlertScored) {
        AlertScored s = (AlertScored) d;
        if (s.chainId().isPresent()) {
          g.writeStringField("chain_id", s.chainId().get());
        }
        ScoreFactors f = s.factors();
        g.writeObjectFieldStart("factors");
        g.writeStringField("level", f.level().id());
        g.writeNumberField("weight", f.weight());
        g.writeNumberField("confidence", f.confidence());
        g.writeStringField("criticality", f.criticality().id());
        g.writeNumberField("prevalence", f.prevalence());
        g.writeNumberField("habituation", f.habituation());
        g.writeNumberField("nearby_rules", f.nearbyRules());
        g.writeEndObject();
      } else if (d instanceof AlertSuppressed) {
        AlertSuppressed s = (AlertSuppressed) d;
        g.writeStringField("reason", s.reason().id());
        g.writeStringField("window_start", instant(s.windowStart()));
        g.writeStringField("window_end", instant(s.windowEnd()));
        if (s.reason() == SuppressionReason.BELOW_THRESHOLD) {
          g.writeNumberField("count", s.count());
          g.writeNumberField("threshold", s.threshold());
        }
      } else if (d instanceof AlertAllowlisted) {
        g.writeStringField("allowlist_correlation_id", ((AlertAllowlisted) d).allowlistCorrelationId());
      } else {
        g.writeStringField("reason", ((AlertRoutedAside) d).reason().id());
      }
    } else if (event instanceof ChainUpdated) {
      ChainUpdated u = (ChainUpdated) event;
      g.writeStringField("event", "chain_updated");
      g.writeStringField("time", instant(u.time()));
      g.writeStringField("alert_id", u.alertId());
      g.writeArrayFieldStart("merged");
      for (String m : u.merged()) {
        g.writeString(m);
      }
      g.writeEndArray();
      g.writeFieldName("chain");
      chain(g, u.chain());
    } else if (event instanceof ChainEscalated) {
      ChainEscalated e = (ChainEscalated) event;
      g.writeStringField("event", "chain_escalated");
      g.writeStringField("time", instant(e.time()));
      g.writeStringField("alert_id", e.alertId());
      g.writeStringField("reason", e.reason().id());
      g.writeStringField("detail", e.detail());
      g.writeFieldName("chain");
      chain(g, e.chain());
    } else {
      FeedbackRecommendation f = (FeedbackRecommendation) event;
      RuleAdjustment a = f.adjustment();
      g.writeStringField("event", "feedback_recommendation");
      g.writeStringField("time", instant(f.time()));
      g.writeStringField("rule_id", a.ruleId());
      g.writeStringField("recommendation", a.recommendation().id());
      g.writeNumberField("weight_multiplier", a.weightMultiplier());
      g.writeNumberField("false_positive_ratio", a.falsePositiveRatio());
      g.writeNumberField("sample_size", a.sampleSize());
      g.writeNumberField("true_positives", a.truePositives());
      g.writeNumberField("false_positives", a.falsePositives());
      g.writeNumberField("benign_true_positives", a.benignTruePositives());
    }
    g.writeEndObject();
  }

  private static String kind(AlertDecision d) {
    if (d instanceof AlertScored) {
      return "alert_scored";
    }
    if (d instanceof AlertSuppressed) {
      return "alert_suppressed";
    }
    if (d instanceof AlertAllowlisted) {
      return "alert_allowlisted";
    }
    return "alert_routed_aside";
  }

  private static void chain(JsonGenerator g, AttackChain c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("created", instant(c.created()));
    g.writeStringField("last_seen", instant(c.lastSeen()));
    g.writeArrayFieldStart("entities");
    for (EntityKey k : c.entities()) {
      g.writeStartObject();
      g.writeStringField("kind", k.kind().id());
      g.writeStringField("value", k.value());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tactics");
    for (String t : c.tactics()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sources");
    for (SourceType s : c.sources()) {
      g.writeString(s.id());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rules");
    for (String r : c.rules()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeNumberField("alerts", c.alerts());
    g.writeNumberField("risk_sum", c.riskSum());
    g.writeNumberField("progression", c.progression());
    g.writeArrayFieldStart("escalations");
    for (EscalationReason e : c.escalations()) {
      g.writeString(e.id());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void report(JsonGenerator g, CorrelationReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("from", LocalDate.ofEpochDay(r.fromDay()).toString());
    g.writeStringField("to", LocalDate.ofEpochDay(r.toDay()).toString());
    g.writeNumberField("alerts", r.alerts());
    g.writeNumberField("scored", r.scored());
    g.writeNumberField("allowlisted", r.allowlisted());
    g.writeNumberField("late", r.late());
    g.writeNumberField("chains_created", r.chainsCreated());
    g.writeObjectFieldStart("suppressed");
    for (Map.Entry<SuppressionReason, Long> e : r.suppressed().entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("routed_aside");
    for (Map.Entry<RouteReason, Long> e : r.routedAside().entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("escalations");
    for (Map.Entry<EscalationReason, Long> e : r.escalations().entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("tactics");
    for (TacticVolume t : r.tactics()) {
      g.writeStartObject();
      g.writeStringField("tactic", t.tactic());
      g.writeNumberField("alerts", t.alerts());
      g.writeNumberField("share", Scoring.round2(t.share() * 100) / 100);
      g.writeNumberField("expected_share", Scoring.round2(t.expectedShare() * 100) / 100);
      g.writeNumberField("ratio", Scoring.round2(t.ratio()));
      g.writeBooleanField("disproportionate", t.disproportionate());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("disproportionate");
    for (String t : r.disproportionateTactics()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String instant(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
