package io.sigmap.correlate;

import io.sigmap.core.Enrichment;
import io.sigmap.core.EnrichmentResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime knows about one enriched rule: the fields of the enrichment JSON contract it needs to
 * score and link the rule's alerts.
 *
 * <pre>{@code
 * RuleProfile p = RuleProfile.builder("5b3ce4b8-...")
 *     .title("Suspicious PowerShell")
 *     .level(Level.HIGH)
 *     .logSource(LogSource.EMPTY.withProduct("windows").withCategory("process_creation"))
 *     .technique("T1059.001").tactic("execution")
 *     .techniqueConfidence(1.0).correlationWeight(8)
 *     .build();
 * }</pre>
 *
 * @param id the rule id ({@code rule_id}), or for a rule without one {@code path#document}; the key alerts
 *     refer to the rule by
 * @param title the title, possibly empty
 * @param status what the enricher decided about the rule
 * @param level the Sigma level, when the rule has one
 * @param logSource the Sigma log source
 * @param source the source type given for the rule, overriding the {@link SourceTable}; usually empty
 * @param techniques the ATT&amp;CK technique ids, upper-cased, without duplicates
 * @param tactics the ATT&amp;CK tactic shortnames ({@code mitre_tactics}), lower-cased, in the order given
 * @param techniqueConfidence the confidence of the technique mapping, in [0, 1]
 * @param correlationWeight the correlation weight, in [0, 10]
 * @param path the rule file the enricher read, when known
 * @since 0.1.0
 */
public record RuleProfile(
    String id,
    String title,
    RuleStatus status,
    Optional<Level> level,
    LogSource logSource,
    Optional<SourceType> source,
    List<String> techniques,
    List<String> tactics,
    double techniqueConfidence,
    int correlationWeight,
    Optional<String> path) {

  /** The highest correlation weight. */
  public static final int MAX_WEIGHT = 10;

  /**
   * Validates and normalises the components.
   *
   * @throws NullPointerException if a component or list element is null
   * @throws IllegalArgumentException if the id is blank, the confidence is outside [0, 1] or not a number, or
   *     the weight is outside [0, 10]
   */
  public RuleProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(logSource, "logSource");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    if (id.isBlank()) {
      throw new IllegalArgumentException("rule id must not be blank");
    }
    techniques = distinct(techniques, "techniques", true);
    tactics = distinct(tactics, "tactics", false);
    if (!(techniqueConfidence >= 0.0 && techniqueConfidence <= 1.0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "technique confidence of rule %s must be in [0, 1]: %s", id, techniqueConfidence));
    }
    if (correlationWeight < 0 || correlationWeight > MAX_WEIGHT) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "correlation weight of rule %s must be in [0, %d]: %d", id, MAX_WEIGHT, correlationWeight));
    }
  }

  private static List<String> distinct(List<String> values, String name, boolean upper) {
    Objects.requireNonNull(values, name);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String v : values) {
      Objects.requireNonNull(v, name + " element");
      String n = v.trim();
      n = upper ? n.toUpperCase(Locale.ROOT) : n.toLowerCase(Locale.ROOT).replace('_', '-');
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns a builder for a validated rule with the given id and every other field at its default (no
   * technique, no tactic, confidence 1, weight 5).
   *
   * @param id the rule id
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(Objects.requireNonNull(id, "id"));
  }

  /**
   * Converts one result of the enricher ({@code io.sigmap.core.RuleEnricher}) into the profile the runtime needs:
   * the same profile {@link RuleCatalog.Builder#read(java.nio.file.Path)} reads from the JSON that
   * {@code EnrichmentWriter} writes for the result. The id is the rule's {@code id}, or {@code path#document}
   * without one; title, level and log source come from the rule; techniques, tactics (in matrix order),
   * {@code technique_confidence} and {@code correlation_weight} from its {@link Enrichment}. A skipped or
   * unreadable result has no technique, confidence 0 and weight 5.
   *
   * <pre>{@code
   * RuleProfile p = RuleProfile.from(enricher.enrich(rule));
   * }</pre>
   *
   * @param result the result
   * @return the profile
   */
  public static RuleProfile from(EnrichmentResult result) {
    return EnrichmentProfiles.profile(Objects.requireNonNull(result, "result"));
  }

  /**
   * Returns a builder holding this profile's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.title = title;
    b.status = status;
    b.level = level;
    b.logSource = logSource;
    b.source = source;
    b.techniques.addAll(techniques);
    b.tactics.addAll(tactics);
    b.techniqueConfidence = techniqueConfidence;
    b.correlationWeight = correlationWeight;
    b.path = path;
    return b;
  }

  /**
   * Tells whether alerts of this rule can be scored: the rule is validated and names at least one technique
   * or tactic.
   *
   * @return whether the rule is mapped
   */
  public boolean mapped() {
    return status == RuleStatus.VALIDATED && (!techniques.isEmpty() || !tactics.isEmpty());
  }

  /**
   * Returns the rule's source type: the one given, or the table's classification of the log source.
   *
   * @param table the source table
   * @return the source type
   */
  public SourceType sourceType(SourceTable table) {
    Objects.requireNonNull(table, "table");
    return source.orElseGet(() -> table.classify(logSource));
  }

  /**
   * Builds a {@link RuleProfile}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String id;
    private String title = "";
    private RuleStatus status = RuleStatus.VALIDATED;
    private Optional<Level> level = Optional.empty();
    private LogSource logSource = LogSource.EMPTY;
    private Optional<SourceType> source = Optional.empty();
    private final List<String> techniques = new ArrayList<>();
    private final List<String> tactics = new ArrayList<>();
    private double techniqueConfidence = 1.0;
    private int correlationWeight = 5;
    private Optional<String> path = Optional.empty();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(RuleStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /**
     * Sets the level.
     *
     * @param level the level
     * @return this builder
     */
    public Builder level(Level level) {
      this.level = Optional.of(level);
      return this;
    }

    /**
     * Sets the log source.
     *
     * @param logSource the log source
     * @return this builder
     */
    public Builder logSource(LogSource logSource) {
      this.logSource = Objects.requireNonNull(logSource, "logSource");
      return this;
    }

    /**
     * Sets the source type, overriding the source table.
     *
     * @param source the source type
     * @return this builder
     */
    public Builder source(SourceType source) {
      this.source = Optional.of(source);
      return this;
    }

    /**
     * Adds a technique id.
     *
     * @param techniqueId the id, for example {@code T1059.001}
     * @return this builder
     */
    public Builder technique(String techniqueId) {
      techniques.add(Objects.requireNonNull(techniqueId, "techniqueId"));
      return this;
    }

    /**
     * Adds technique ids.
     *
     * @param techniqueIds the ids
     * @return this builder
     */
    public Builder techniques(List<String> techniqueIds) {
      for (String t : Objects.requireNonNull(techniqueIds, "techniqueIds")) {
        technique(t);
      }
      return this;
    }

    /**
     * Adds a tactic shortname.
     *
     * @param tactic the shortname, for example {@code credential-access}
     * @return this builder
     */
    public Builder tactic(String tactic) {
      tactics.add(Objects.requireNonNull(tactic, "tactic"));
      return this;
    }

    /**
     * Adds tactic shortnames, in matrix order.
     *
     * @param tacticNames the shortnames
     * @return this builder
     */
    public Builder tactics(List<String> tacticNames) {
      for (String t : Objects.requireNonNull(tacticNames, "tacticNames")) {
        tactic(t);
      }
      return this;
    }

    /**
     * Sets the technique confidence.
     *
     * @param confidence the confidence, in [0, 1]
     * @return this builder
     */
    public Builder techniqueConfidence(double confidence) {
      this.techniqueConfidence = confidence;
      return this;
    }

    /**
     * Sets the correlation weight.
     *
     * @param weight the weight, in [0, 10]
     * @return this builder
     */
    public Builder correlationWeight(int weight) {
      this.correlationWeight = weight;
      return this;
    }

    /**
     * Sets the rule file path.
     *
     * @param path the path as the enricher wrote it
     * @return this builder
     */
    public Builder path(String path) {
      this.path = Optional.of(path);
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws IllegalArgumentException if a value is out of range
     */
    public RuleProfile build() {
      return new RuleProfile(id, title, status, level, logSource, source, techniques, tactics,
          techniqueConfidence, correlationWeight, path);
    }
  }
}
