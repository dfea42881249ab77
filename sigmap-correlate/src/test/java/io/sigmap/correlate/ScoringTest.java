package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.correlate.spi.AssetCriticality;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The dynamic severity formula: bounds, monotonicity, the documented examples. */
class ScoringTest {

  private static double score(Level level, double weight, double confidence, AssetCriticality criticality,
      int prevalence, int habit, int nearby) {
    return Scoring.score(new ScoreFactors(level, weight, confidence, criticality, prevalence, habit, nearby));
  }

  @Property(tries = 1000)
  void score_boundedInOpenInterval(@ForAll Level level, @ForAll @DoubleRange(min = 0, max = 10) double weight,
      @ForAll @DoubleRange(min = 0, max = 1) double confidence, @ForAll AssetCriticality criticality,
      @ForAll @IntRange(min = 0, max = 10_000_000) int prevalence, @ForAll @IntRange(min = 0, max = 7) int habit,
      @ForAll @IntRange(min = 0, max = 1000) int nearby) {
    double s = score(level, weight, confidence, criticality, prevalence, habit, nearby);
    assertTrue(s > 0 && s < 100, "score " + s);
  }

  @Property(tries = 1000)
  void score_monotoneInEachInput(@ForAll Level level, @ForAll Level level2,
      @ForAll @DoubleRange(min = 0, max = 10) double weight, @ForAll @DoubleRange(min = 0, max = 10) double weight2,
      @ForAll @DoubleRange(min = 0, max = 1) double confidence, @ForAll @DoubleRange(min = 0, max = 1) double conf2,
      @ForAll AssetCriticality criticality, @ForAll AssetCriticality criticality2,
      @ForAll @IntRange(min = 0, max = 100_000) int prevalence, @ForAll @IntRange(min = 0, max = 100_000) int prev2,
      @ForAll @IntRange(min = 0, max = 7) int habit, @ForAll @IntRange(min = 0, max = 7) int habit2,
      @ForAll @IntRange(min = 0, max = 10) int nearby, @ForAll @IntRange(min = 0, max = 10) int nearby2) {
    double base = score(level, weight, confidence, criticality, prevalence, habit, nearby);
    assertMonotone(level.compareTo(level2), base, score(level2, weight, confidence, criticality, prevalence, habit,
        nearby), "level");
    assertMonotone(Double.compare(weight, weight2), base,
        score(level, weight2, confidence, criticality, prevalence, habit, nearby), "weight");
    assertMonotone(Double.compare(confidence, conf2), base,
        score(level, weight, conf2, criticality, prevalence, habit, nearby), "confidence");
    assertMonotone(criticality.compareTo(criticality2), base,
        score(level, weight, confidence, criticality2, prevalence, habit, nearby), "criticality");
    assertMonotone(Integer.compare(prev2, prevalence), base,
        score(level, weight, confidence, criticality, prev2, habit, nearby), "rarity (fewer entities)");
    assertMonotone(Integer.compare(habit2, habit), base,
        score(level, weight, confidence, criticality, prevalence, habit2, nearby), "novelty (fewer habit days)");
    assertMonotone(Integer.compare(nearby, nearby2), base,
        score(level, weight, confidence, criticality, prevalence, habit, nearby2), "proximity");
  }

  /** {@code order} compares the base input with the other; scores must compare the same way or be equal. */
  private static void assertMonotone(int order, double base, double other, String input) {
    if (order < 0) {
      assertTrue(base <= other, input + ": " + base + " > " + other);
    } else if (order > 0) {
      assertTrue(base >= other, input + ": " + base + " < " + other);
    } else {
      assertEquals(base, other, input);
    }
  }

  @Test
  void score_documentedExamples() {
    assertEquals(35.0, score(Level.MEDIUM, 5, 1, AssetCriticality.MEDIUM, 10, 0, 0), 1e-9);
    assertEquals(44.68, Scoring.round2(score(Level.MEDIUM, 5, 1, AssetCriticality.MEDIUM, 1, 0, 0)));
    assertEquals(97.96, Scoring.round2(score(Level.CRITICAL, 10, 1, AssetCriticality.EXTREME, 1, 0, 4)));
    assertEquals(0.41, Scoring.round2(score(Level.INFORMATIONAL, 0, 0, AssetCriticality.LOW, 10_000_000, 0, 0)),
        1e-9);
  }

  @Test
  void factors_documentedValues() {
    assertEquals(0.5, Scoring.weightFactor(0), 1e-12);
    assertEquals(1.0, Scoring.weightFactor(5), 1e-12);
    assertEquals(2.0, Scoring.weightFactor(10), 1e-12);
    assertEquals(0.5, Scoring.confidenceFactor(0), 1e-12);
    assertEquals(1.5, Scoring.rarityFactor(0), 1e-12);
    assertEquals(1.5, Scoring.rarityFactor(1), 1e-12);
    assertEquals(1.0, Scoring.rarityFactor(10), 1e-12);
    assertEquals(0.75, Scoring.rarityFactor(1000), 1e-12);
    assertEquals(Scoring.rarityFactor(5000), 0.5 + 1 / (1 + Math.log10(5000)), 1e-12);
    assertEquals(1.0 / 8, Scoring.habituationFactor(7), 1e-12);
    assertEquals(2.0, Scoring.proximityFactor(9), 1e-12);
    assertEquals(0.35 / 0.65, Scoring.levelOdds(Level.MEDIUM), 1e-12);
  }

  @Property(tries = 1000)
  void fixed2_writesWhatTheFormatterWrites(@ForAll double any, @ForAll @IntRange(min = 0, max = 100_000) int cents,
      @ForAll @IntRange(min = 0, max = 9) int thousandth) {
    // any double, and decimals on the rounding edge (x.xx5, x.xx4999...) where half-up and binary values differ
    double edge = cents / 100.0 + thousandth / 1000.0;
    for (double v : new double[] {any, edge, Math.nextUp(edge), Math.nextDown(edge), -edge, edge * 1e6}) {
      assertEquals(String.format(Locale.ROOT, "%.2f", v), Scoring.fixed2(v), "value " + v);
    }
  }

  @Test
  void fixed2_edges() {
    for (double v : new double[] {0.0, -0.0, 1.005, 0.125, 2.675, 1e300, 4.9e-324, Double.NaN,
        Double.POSITIVE_INFINITY, 100.0}) {
      assertEquals(String.format(Locale.ROOT, "%.2f", v), Scoring.fixed2(v), "value " + v);
    }
  }
}
