package io.sigmap.core.sigma;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code correlation} section of a correlation rule.
 *
 * @param type the correlation type
 * @param rules the referred rules, by id or name, in order
 * @param groupBy the fields (or aliases) events are grouped by, in order
 * @param timespan the time window ({@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 1w})
 * @param condition the count condition; required for {@code event_count} and {@code value_count}
 * @param aliases field name aliases: alias name, then rule name to field name, both in file order
 * @param generate whether the referred rules are also converted on their own ({@code generate: true})
 * @since 0.1.0
 */
public record Correlation(CorrelationType type, List<String> rules, List<String> groupBy, Duration timespan,
    Optional<CorrelationCondition> condition, Map<String, Map<String, String>> aliases, boolean generate) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   */
  public Correlation {
    Objects.requireNonNull(type, "type");
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(timespan, "timespan");
    Objects.requireNonNull(condition, "condition");
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> e : Objects.requireNonNull(aliases, "aliases").entrySet()) {
      copy.put(e.getKey(), Copies.orderedMap(e.getValue()));
    }
    aliases = Copies.orderedMap(copy);
  }
}
