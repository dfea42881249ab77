package io.sigmap.correlate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An analyst's verdict on one alert or one attack chain, attributed to the rules involved. One line of the
 * {@link FeedbackLedger}.
 *
 * <pre>{@code
 * Verdict v = Verdict.onAlert(now, "alert-17", "5b3ce4b8-...", VerdictKind.FALSE_POSITIVE).withAnalyst("kim");
 * Verdict c = Verdict.onChain(now, escalated.chain(), VerdictKind.TRUE_POSITIVE);
 * }</pre>
 *
 * @param time when the verdict was given, epoch milliseconds
 * @param kind the verdict
 * @param alertId the alert judged, for a verdict on an alert
 * @param chainId the chain judged, for a verdict on a chain
 * @param ruleIds the rules the verdict counts for, sorted, not empty
 * @param analyst who gave it
 * @param comment why
 * @since 0.1.0
 */
public record Verdict(
    long time,
    VerdictKind kind,
    Optional<String> alertId,
    Optional<String> chainId,
    List<String> ruleIds,
    Optional<String> analyst,
    Optional<String> comment) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the verdict judges both or neither an alert and a chain, or names no
   *     rule
   */
  public Verdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(analyst, "analyst");
    Objects.requireNonNull(comment, "comment");
    if (alertId.isPresent() == chainId.isPresent()) {
      throw new IllegalArgumentException("a verdict judges exactly one alert or one chain");
    }
    TreeSet<String> rules = new TreeSet<>();
    for (String r : Objects.requireNonNull(ruleIds, "ruleIds")) {
      if (Objects.requireNonNull(r, "rule id").isBlank()) {
        throw new IllegalArgumentException("a verdict's rule ids must not be blank");
      }
      rules.add(r);
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a verdict names at least one rule");
    }
    ruleIds = List.copyOf(rules);
  }

  /**
   * Creates a verdict on an alert.
   *
   * @param time when it was given, epoch milliseconds
   * @param alertId the alert
   * @param ruleId the alert's rule
   * @param kind the verdict
   * @return the verdict
   */
  public static Verdict onAlert(long time, String alertId, String ruleId, VerdictKind kind) {
    return new Verdict(time, kind, Optional.of(alertId), Optional.empty(), List.of(ruleId), Optional.empty(),
        Optional.empty());
  }

  /**
   * Creates a verdict on a chain, counted for each of its rules.
   *
   * @param time when it was given, epoch milliseconds
   * @param chain the chain, as an event showed it
   * @param kind the verdict
   * @return the verdict
   */
  public static Verdict onChain(long time, AttackChain chain, VerdictKind kind) {
    Objects.requireNonNull(chain, "chain");
    return new Verdict(time, kind, Optional.empty(), Optional.of(chain.id()), chain.rules(), Optional.empty(),
        Optional.empty());
  }

  /**
   * Returns a copy naming the analyst.
   *
   * @param name the analyst
   * @return the copy
   */
  public Verdict withAnalyst(String name) {
    return new Verdict(time, kind, alertId, chainId, ruleIds, Optional.of(name), comment);
  }

  /**
   * Returns a copy with a comment.
   *
   * @param text the comment
   * @return the copy
   */
  public Verdict withComment(String text) {
    return new Verdict(time, kind, alertId, chainId, ruleIds, analyst, Optional.of(text));
  }
}
