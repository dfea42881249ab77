package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.T0;
import static io.sigmap.correlate.Fixtures.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.correlate.spi.AssetCriticality;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CorrelationJsonTest {

  private static final String ALERT = "{\"id\":\"a-17\",\"rule_id\":\"ps\",\"time\":\"2026-01-05T10:15:00Z\","
      + "\"source\":\"endpoint\",\"entities\":{\"host\":\"WS0042\",\"user\":\"alice\",\"ip\":[\"10.0.0.5\",null]},"
      + "\"fields\":{\"Image\":\"C:\\\\x.exe\",\"Pid\":42,\"Nested\":{\"x\":1}}}";

  @Test
  void parseAlert_allFields() {
    Alert a = CorrelationJson.parseAlert(ALERT);
    assertEquals("a-17", a.id());
    assertEquals("ps", a.ruleId());
    assertEquals(java.time.Instant.parse("2026-01-05T10:15:00Z").toEpochMilli(), a.time());
    assertEquals(Optional.of(SourceType.ENDPOINT), a.source());
    assertEquals(List.of(EntityKey.of(EntityKind.HOST, "ws0042"), EntityKey.of(EntityKind.USER, "alice"),
        EntityKey.of(EntityKind.IP, "10.0.0.5")), a.entities());
    assertEquals("C:\\x.exe", a.fields().get("Image"));
    assertEquals("42", a.fields().get("Pid"));
    assertEquals(2, a.fields().size(), "objects are not field values");
  }

  @Test
  void parseAlert_invalid_inputException() {
    for (String[] c : new String[][] {
        {"[1]", "alert: not a JSON object"},
        {"{\"rule_id\":\"r\",\"time\":1}", "alert: no 'id'"},
        {"{\"id\":\"a\",\"time\":1}", "alert: no 'rule_id'"},
        {"{\"id\":\"a\",\"rule_id\":\"r\",\"time\":\"noon\"}", "alert: no valid 'time' (ISO-8601 instant or epoch "
            + "milliseconds)"},
        {"{\"id\":\"a\",\"rule_id\":\"r\",\"time\":1,\"source\":\"satellite\"}", "alert: unknown 'source' "
            + "'satellite'"},
        {"{\"id\":\"a\",\"rule_id\":\"r\",\"time\":1,\"entities\":{\"mac\":\"x\"}}", "alert: unknown entity kind "
            + "'mac' (host, user, ip, cloud_account)"},
        {"{\"id\":\"a\",\"rule_id\":\"r\",\"time\":1,\"entities\":[1]}", "alert: 'entities' is not an object"},
        {"{\"id\":\"a\",\"rule_id\":\"r\",\"time\":1,\"entities\":{\"host\":{}}}", "alert: entity host is not a "
            + "string"},
        {"{\"id\":\"a\",\"rule_id\":\"r\",\"time\":9999999999999999999}", "alert: no valid 'time' (ISO-8601 "
            + "instant or epoch milliseconds)"},
    }) {
      CorrelationInputException e = assertThrows(CorrelationInputException.class,
          () -> CorrelationJson.parseAlert(c[0]), c[0]);
      assertEquals(c[1], e.getMessage());
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> mutated = Arbitraries.integers().between(0, ALERT.length() - 1).list().ofMaxSize(5)
        .map(cuts -> {
          StringBuilder b = new StringBuilder(ALERT);
          for (int cut : cuts) {
            if (cut < b.length()) {
              b.deleteCharAt(cut);
            }
          }
          return b.toString();
        });
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100), mutated);
  }

  @Property(tries = 1000)
  void parseAlert_anyText_onlyInputException(@ForAll("texts") String text) {
    try {
      Alert a = CorrelationJson.parseAlert(text);
      assertTrue(!a.id().isBlank());
    } catch (CorrelationInputException expected) {
      assertTrue(expected.getMessage().startsWith("alert: "));
    }
  }

  @Test
  void toJson_everyEventKind() {
    Fixtures.Run run = new Fixtures.Run(CorrelatorOptions.DEFAULT.toBuilder()
        .allow(AllowlistEntry.builder("AL").rule("runkey").build()).build())
        .accept(alert("a", "ps", T0, "h1", "alice"), alert("b", "ps", T0 + 1, "h1", null),
            alert("c", "nope", T0 + 2, "h1", null), alert("d", "runkey", T0 + 3, "h1", null),
            alert("e", "c2-beacon", T0 + 4, "h1", null)).flush();
    run.correlator.feedback(Verdict.onAlert(T0 + 5, "a", "ps", VerdictKind.FALSE_POSITIVE));
    List<String> lines = run.events.stream().map(CorrelationJson::toJson).collect(java.util.stream.Collectors.toList());
    assertEquals("{\"event\":\"alert_scored\",\"time\":\"2026-01-05T00:00:00Z\",\"alert_id\":\"a\",\"rule_id\":\"ps\","
        + "\"alert_time\":\"2026-01-05T00:00:00Z\",\"late\":false,\"score\":44.68,\"chain_id\":\"chain:a\","
        + "\"factors\":{\"level\":\"medium\",\"weight\":5.0,\"confidence\":1.0,\"criticality\":\"medium\","
        + "\"prevalence\":1,\"habituation\":0,\"nearby_rules\":0}}", lines.get(0));
    assertTrue(lines.get(1).startsWith("{\"event\":\"alert_suppressed\","), lines.get(1));
    assertTrue(lines.get(1).contains("\"reason\":\"duplicate\",\"window_start\":\"2026-01-05T00:00:00Z\","
        + "\"window_end\":\"2026-01-05T00:15:00Z\""), lines.get(1));
    assertTrue(lines.get(2).contains("\"event\":\"alert_routed_aside\"") && lines.get(2).contains("unknown_rule"));
    assertTrue(lines.get(3).contains("\"allowlist_correlation_id\":\"AL\""), lines.get(3));
    assertTrue(lines.get(4).startsWith("{\"event\":\"alert_scored\""), lines.get(4));
    assertTrue(lines.get(5).startsWith("{\"event\":\"chain_updated\""), lines.get(5));
    assertTrue(lines.get(5).contains("\"chain\":{\"id\":\"chain:a\",\"created\":\"2026-01-05T00:00:00Z\","
        + "\"last_seen\":\"2026-01-05T00:00:00.004Z\",\"entities\":[{\"kind\":\"host\",\"value\":\"h1\"},"
        + "{\"kind\":\"user\",\"value\":\"alice\"}],\"tactics\":[\"execution\",\"command-and-control\"],"
        + "\"sources\":[\"endpoint\",\"network\"],\"rules\":[\"c2-beacon\",\"ps\"],\"alerts\":2,"), lines.get(5));
    assertTrue(lines.get(6).startsWith("{\"event\":\"chain_escalated\""), lines.get(6));
    assertTrue(lines.get(6).contains("\"reason\":\"risk_threshold\",\"detail\":\"risk sum "), lines.get(6));
    assertEquals(7, lines.size(), "a single verdict changes no adjustment");
    for (String l : lines) {
      assertEquals(-1, l.indexOf('\n'));
    }
  }

  @Test
  void toJson_feedbackRecommendation() {
    RuleAdjustment a = new RuleAdjustment("r", 1, 9, 0, 0.9, 0.1, RuleAdjustment.Recommendation.QUARANTINE);
    assertEquals("{\"event\":\"feedback_recommendation\",\"time\":\"2026-01-05T00:00:00Z\",\"rule_id\":\"r\","
        + "\"recommendation\":\"quarantine\",\"weight_multiplier\":0.1,\"false_positive_ratio\":0.9,"
        + "\"sample_size\":10,\"true_positives\":1,\"false_positives\":9,\"benign_true_positives\":0}",
        CorrelationJson.toJson(new FeedbackRecommendation(T0, a)));
  }

  @Test
  void toJson_report() {
    Fixtures.Run run = new Fixtures.Run().accept(alert("a", "ps", T0, "h1", null)).flush();
    String json = CorrelationJson.toJson(run.correlator.report());
    assertTrue(json.startsWith("{\"from\":\"2026-01-05\",\"to\":\"2026-01-05\",\"alerts\":1,\"scored\":1,"), json);
    assertTrue(json.contains("{\"tactic\":\"execution\",\"alerts\":1,\"share\":1.0,"), json);
    assertTrue(json.contains("\"suppressed\":{\"duplicate\":0,\"below_threshold\":0}"), json);
  }

  @Test
  void jsonLines_writesOneLinePerEventAndWrapsFailures() {
    StringWriter out = new StringWriter();
    CorrelationSink sink = CorrelationJson.jsonLines(out);
    AlertRoutedAside e = new AlertRoutedAside(alert("a", "x", T0, null, null), T0, RouteReason.UNKNOWN_RULE, false);
    sink.accept(e);
    sink.accept(e);
    assertEquals(2, out.toString().split("\n").length);
    Writer broken = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    CorrelationException x = assertThrows(CorrelationException.class, () -> CorrelationJson.jsonLines(broken).accept(e));
    assertEquals("cannot write a correlation event: disk full", x.getMessage());
  }

  @Test
  void scoreFactors_criticalityInJson() {
    AlertScored s = new AlertScored(alert("a", "ps", T0, "h", null), T0, 50,
        new ScoreFactors(Level.HIGH, 5, 1, AssetCriticality.EXTREME, 3, 2, 1), Optional.empty(), true);
    String json = CorrelationJson.toJson(s);
    assertTrue(json.contains("\"late\":true") && json.contains("\"criticality\":\"extreme\"")
        && !json.contains("chain_id"), json);
  }
}
