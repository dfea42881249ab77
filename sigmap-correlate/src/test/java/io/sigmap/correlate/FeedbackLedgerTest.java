package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.DAY;
import static io.sigmap.correlate.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackLedgerTest {

  @Test
  void append_thenReopen_survivesRestart(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/verdicts.jsonl");
    Verdict a = Verdict.onAlert(T0, "alert-17", "r1", VerdictKind.FALSE_POSITIVE).withAnalyst("kim")
        .withComment("backup job");
    Verdict c = Verdict.onChain(T0 + 1, new AttackChain("chain:x", T0, T0, List.of(), List.of(), List.of(),
        List.of("r2", "r1"), 2, 10, 1, List.of()), VerdictKind.TRUE_POSITIVE);
    try (FeedbackLedger ledger = FeedbackLedger.open(file)) {
      ledger.append(a);
      ledger.append(c);
    }
    assertEquals(List.of(
        "{\"time\":\"2026-01-05T00:00:00Z\",\"verdict\":\"false_positive\",\"alert_id\":\"alert-17\","
            + "\"rule_id\":\"r1\",\"analyst\":\"kim\",\"comment\":\"backup job\"}",
        "{\"time\":\"2026-01-05T00:00:00.001Z\",\"verdict\":\"true_positive\",\"chain_id\":\"chain:x\","
            + "\"rule_ids\":[\"r1\",\"r2\"]}"), Files.readAllLines(file));
    FeedbackLedger reopened = FeedbackLedger.open(file);
    assertEquals(List.of(a, c), reopened.verdicts());
    assertEquals(List.of(), reopened.issues());
    assertEquals(Optional.of(file), reopened.file());
  }

  @Test
  void open_corruptAndTornLines_reportedSkippedAndIsolated(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("v.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"time\":1767571200000,\"verdict\":\"fp\",\"alert_id\":\"a\",\"rule_id\":\"r1\"}",
        "garbage",
        "{\"time\":\"yesterday\",\"verdict\":\"fp\",\"alert_id\":\"a\",\"rule_id\":\"r1\"}",
        "{\"time\":1,\"verdict\":\"maybe\",\"alert_id\":\"a\",\"rule_id\":\"r1\"}",
        "{\"time\":1,\"verdict\":\"tp\",\"alert_id\":\"a\",\"chain_id\":\"c\",\"rule_id\":\"r1\"}",
        "{\"time\":1,\"verdict\":\"tp\",\"alert_id\":\"a\"}",
        "{\"time\":1767571200000,\"verdict\":\"btp\",\"alert_id\":\"b\",\"rule_"), StandardCharsets.UTF_8);
    FeedbackLedger ledger = FeedbackLedger.open(file);
    assertEquals(1, ledger.verdicts().size());
    assertEquals(6, ledger.issues().size());
    assertEquals(file + ":2: not JSON: Unrecognized token 'garbage': was expecting (JSON String, Number, Array, "
        + "Object or token 'null', 'true' or 'false'); skipped", ledger.issues().get(0).toString());
    assertTrue(ledger.issues().get(1).message().startsWith("no valid 'time'"));
    assertTrue(ledger.issues().get(2).message().startsWith("no valid 'verdict'"));
    assertTrue(ledger.issues().get(3).message().startsWith("needs exactly one of"));
    assertTrue(ledger.issues().get(4).message().startsWith("no 'rule_id'"));
    assertEquals(7, ledger.issues().get(5).line(), "the torn last line");
    ledger.append(Verdict.onAlert(T0, "c", "r1", VerdictKind.TRUE_POSITIVE));
    ledger.close();
    FeedbackLedger again = FeedbackLedger.open(file);
    assertEquals(2, again.verdicts().size(), "the append started a new line after the torn one");
    assertEquals(6, again.issues().size());
  }

  @Test
  void append_afterClose_throws() {
    FeedbackLedger ledger = FeedbackLedger.inMemory();
    ledger.close();
    assertThrows(IllegalStateException.class,
        () -> ledger.append(Verdict.onAlert(T0, "a", "r", VerdictKind.TRUE_POSITIVE)));
  }

  private static FeedbackLedger ledger(int tp, int fp, int btp, long time) {
    FeedbackLedger l = FeedbackLedger.inMemory();
    for (int i = 0; i < tp; i++) {
      l.append(Verdict.onAlert(time, "t" + i, "r", VerdictKind.TRUE_POSITIVE));
    }
    for (int i = 0; i < fp; i++) {
      l.append(Verdict.onAlert(time, "f" + i, "r", VerdictKind.FALSE_POSITIVE));
    }
    for (int i = 0; i < btp; i++) {
      l.append(Verdict.onAlert(time, "b" + i, "r", VerdictKind.BENIGN_TRUE_POSITIVE));
    }
    return l;
  }

  @Test
  void adjustments_followTheDocumentedRule() {
    RuleAdjustment few = ledger(0, 9, 0, T0).adjustment("r", T0);
    assertEquals(RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE, few.recommendation());
    assertEquals(1.0, few.weightMultiplier());
    assertEquals(RuleAdjustment.Recommendation.KEEP, ledger(9, 1, 0, T0).adjustment("r", T0).recommendation());
    RuleAdjustment lower = ledger(6, 2, 4, T0).adjustment("r", T0);
    assertEquals(4.0 / 12, lower.falsePositiveRatio(), 1e-12, "FP + half the benign ones");
    assertEquals(RuleAdjustment.Recommendation.LOWER_WEIGHT, lower.recommendation());
    assertEquals(1 - 4.0 / 12, lower.weightMultiplier(), 1e-12);
    assertEquals(5, lower.adjustedWeight(8));
    assertEquals(12, lower.sampleSize());
    RuleAdjustment quarantine = ledger(1, 9, 0, T0).adjustment("r", T0);
    assertEquals(RuleAdjustment.Recommendation.QUARANTINE, quarantine.recommendation());
    assertEquals(0.1, quarantine.weightMultiplier(), 1e-12);
    assertEquals(0, quarantine.adjustedWeight(5));
    assertEquals(RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE,
        ledger(0, 20, 0, T0).adjustment("r", T0 + 31 * DAY).recommendation(), "verdicts older than 30 days");
    assertEquals(RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE,
        ledger(0, 20, 0, T0).adjustment("r", T0 - 1).recommendation(), "verdicts after now");
    SortedMap<String, RuleAdjustment> all = ledger(1, 9, 0, T0).adjustments(T0);
    assertEquals(List.of("r"), List.copyOf(all.keySet()));
    assertThrows(IllegalArgumentException.class, () -> quarantine.adjustedWeight(11));
  }

  @Property(tries = 500)
  void parse_anyText_onlyInputException(@ForAll String text) {
    try {
      Verdict v = FeedbackLedger.parse(text, "x", 1);
      assertTrue(!v.ruleIds().isEmpty());
    } catch (CorrelationInputException expected) {
      assertTrue(expected.getMessage().startsWith("x:1: "));
    }
  }

  @Test
  void format_thenParse_roundTrips() {
    Verdict v = Verdict.onAlert(T0 + 123, "a\"1", "r\n2", VerdictKind.BENIGN_TRUE_POSITIVE).withAnalyst("ä");
    assertEquals(v, FeedbackLedger.parse(FeedbackLedger.format(v), "x", 1));
  }
}
