package io.sigmap.correlate;

import java.util.Objects;

/**
 * A rule's weight adjustment from analyst verdicts changed: its weight is lowered, quarantine is
 * recommended, or an earlier adjustment no longer holds. The correlator applies the weight multiplier to the
 * rule's later alerts at once; the recommendation is for the enricher ({@code sigmap enrich --feedback}).
 *
 * @param time the time of the verdict, or of the day boundary at which old verdicts left the window
 * @param adjustment the rule's new adjustment
 * @since 0.1.0
 */
public record FeedbackRecommendation(long time, RuleAdjustment adjustment) implements CorrelationEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public FeedbackRecommendation {
    Objects.requireNonNull(adjustment, "adjustment");
  }
}
