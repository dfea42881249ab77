package io.sigmap.correlate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The dynamic severity formula, documented on {@link Correlator}. Pure functions; every factor is an odds
 * multiplier, so the score stays in (0, 100) and is monotone in each input.
 */
final class Scoring {

  /** Base probability by {@link Level} ordinal: informational, low, medium, high, critical. */
  static final double[] LEVEL_PROBABILITY = {0.05, 0.15, 0.35, 0.60, 0.80};

  /** Proximity counts beyond this add nothing. */
  static final int MAX_NEARBY = 4;

  private static final double[] RARITY = new double[1025];

  static {
    for (int n = 0; n < RARITY.length; n++) {
      RARITY[n] = computeRarity(n);
    }
  }

  private Scoring() {
  }

  /** The odds of the level's base probability. */
  static double levelOdds(Level level) {
    double p = LEVEL_PROBABILITY[level.ordinal()];
    return p / (1.0 - p);
  }

  /** {@code 2^((w - 5) / 5)}: 0.5 at weight 0, 1 at 5, 2 at 10. */
  static double weightFactor(double weight) {
    return Math.pow(2.0, (weight - 5.0) / 5.0);
  }

  /** {@code 0.5 + 0.5 c}: 0.5 for an unconfirmed mapping, 1 for a certain one. */
  static double confidenceFactor(double confidence) {
    return 0.5 + 0.5 * confidence;
  }

  /** {@code 1.5} for a rule only this entity raised, else {@code 0.5 + 1 / (1 + log10 n)}. */
  static double rarityFactor(int prevalence) {
    return prevalence < RARITY.length ? RARITY[Math.max(0, prevalence)] : computeRarity(prevalence);
  }

  private static double computeRarity(int n) {
    return n <= 1 ? 1.5 : 0.5 + 1.0 / (1.0 + Math.log10(n));
  }

  /** {@code 1 + 0.25 min(k, 4)}: up to 2 when four other rules fired on the entity nearby. */
  static double proximityFactor(int nearbyRules) {
    return 1.0 + 0.25 * Math.min(Math.max(0, nearbyRules), MAX_NEARBY);
  }

  /** {@code 1 / (1 + d)}: an alert the rule raised on the same entity on d of the 7 previous days is habit. */
  static double habituationFactor(int days) {
    return 1.0 / (1.0 + Math.min(Math.max(0, days), 7));
  }

  /** The rule-dependent part of the odds: level odds x weight factor x confidence factor. */
  static double ruleOdds(Level level, double weight, double confidence) {
    return levelOdds(level) * weightFactor(weight) * confidenceFactor(confidence);
  }

  /** The score from the rule odds and the alert-dependent multipliers. */
  static double score(double ruleOdds, double criticality, int prevalence, int habituation, int nearbyRules) {
    double odds = ruleOdds * criticality * rarityFactor(prevalence) * habituationFactor(habituation)
        * proximityFactor(nearbyRules);
    double s = 100.0 * odds / (1.0 + odds);
    return s > 100.0 ? 100.0 : s < 0.0 ? 0.0 : s;
  }

  /**
   * Writes a finite number with two decimals, as {@code String.format(Locale.ROOT, "%.2f", v)} does (half-up on
   * the shortest decimal form), without a {@code Formatter}.
   */
  static String fixed2(double v) {
    if (!Double.isFinite(v)) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP);
    // the formatter keeps the sign of a negative number that rounds to zero, and of -0.0
    return d.signum() == 0 && Double.doubleToRawLongBits(v) < 0 ? "-" + d.toPlainString() : d.toPlainString();
  }

  /** The full formula. */
  static double score(ScoreFactors f) {
    return score(ruleOdds(f.level(), f.weight(), f.confidence()), f.criticality().multiplier(), f.prevalence(),
        f.habituation(), f.nearbyRules());
  }

  static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
