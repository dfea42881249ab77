package io.sigmap.correlate;

import io.sigmap.core.BatchResult;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The enriched rules a {@link Correlator} scores alerts against, and the ATT&amp;CK tactic order it ranks
 * chains by.
 *
 * <pre>{@code
 * RuleCatalog catalog = RuleCatalog.builder()
 *     .tactics(TechniqueIndex.load(Path.of("enterprise-attack-18.1.json")))   // matrix order
 *     .read(Path.of("enriched/"))                                           // enrichment JSON
 *     .build();
 * catalog.issues().forEach(System.err::println);
 *
 * // or straight from the enricher, without JSON in between
 * BatchResult batch = RuleEnricher.builder(index).build().enrichPaths(List.of(Path.of("rules/")));
 * RuleCatalog same = RuleCatalog.builder().tactics(index).addAll(batch).build();
 * }</pre>
 *
 * <p><b>Inputs.</b> {@link Builder#read(Path)} reads the enrichment JSON contract: a directory (searched
 * recursively, in path order) of {@code .json} files holding one rule object (or an array of them) and of
 * {@code .jsonl} files holding one rule object a line, or one such file. Reading is lenient: a bad file, line
 * or field is reported in {@link #issues()} and skipped or corrected. {@link Builder#addAll(BatchResult)} and
 * {@link Builder#add(EnrichmentResult)} add the enricher's results in memory, converted exactly as their JSON
 * would be read ({@link RuleProfile#from(EnrichmentResult)}). {@link Builder#add(RuleProfile)} adds rules built
 * in code. A rule without {@code rule_id} is keyed {@code path#document}; when two rules share an
 * id the first added is kept and the other reported.
 *
 * <p><b>Tactic order.</b> Given a {@link TechniqueIndex}, the order is its Enterprise matrix
 * ({@link Tactic#order()}); given {@link Tactic} records, theirs. Without either, when every rule came from
 * enrichment results of one domain, the matrix positions of the results' own {@link Tactic} records order it.
 * Otherwise the order is derived from
 * the rules: the enricher writes each rule's {@code mitre_tactics} in matrix order, so the catalogue merges
 * those partial orders (a topological sort, ties by name). Tactics the rules name that are not in a given
 * order follow it, by name, and are reported. At most 64 tactics are ordered.
 *
 * <p>Instances are immutable and thread-safe; one catalogue may back many correlators.
 *
 * @since 0.1.0
 */
public final class RuleCatalog {

  /** The most tactics a catalogue orders (a chain's tactics are a 64-bit set). */
  public static final int MAX_TACTICS = 64;

  private final List<RuleProfile> rules;
  private final Map<String, RuleProfile> byId;
  private final List<String> tacticOrder;
  private final Map<String, Integer> tacticIndex;
  private final String tacticOrderOrigin;
  private final SourceTable sourceTable;
  private final List<InputIssue> issues;

  private RuleCatalog(Builder b) {
    TreeMap<String, RuleProfile> sorted = new TreeMap<>(b.rules);
    this.rules = List.copyOf(sorted.values());
    this.byId = new HashMap<>(sorted);
    this.sourceTable = b.sourceTable;
    List<InputIssue> problems = new ArrayList<>(b.issues);
    List<String> order = new ArrayList<>();
    if (b.tactics != null) {
      order.addAll(b.tactics);
      Set<String> known = new LinkedHashSet<>(order);
      TreeSet<String> extra = new TreeSet<>();
      for (RuleProfile r : rules) {
        for (String t : r.tactics()) {
          if (!known.contains(t)) {
            extra.add(t);
          }
        }
      }
      for (String t : extra) {
        problems.add(new InputIssue("catalogue", 0,
            "tactic '" + t + "' is not in the " + b.tacticOrigin + " matrix; ordered after it"));
      }
      order.addAll(extra);
      this.tacticOrderOrigin = b.tacticOrigin;
    } else if (coversRules(b.resultTactics, rules)) {
      order.addAll(matrixOrder(b.resultTactics));
      this.tacticOrderOrigin = "ATT&CK " + b.resultTactics.iterator().next().domain().id()
          + " matrix of the enriched rules' tactics";
    } else {
      order.addAll(derivedOrder(rules));
      this.tacticOrderOrigin = "derived from the rules' mitre_tactics";
    }
    if (order.size() > MAX_TACTICS) {
      for (String t : order.subList(MAX_TACTICS, order.size())) {
        problems.add(new InputIssue("catalogue", 0, String.format(Locale.ROOT,
            "tactic '%s' ignored: more than %d tactics (RuleCatalog.MAX_TACTICS)", t, MAX_TACTICS)));
      }
      order = order.subList(0, MAX_TACTICS);
    }
    this.tacticOrder = List.copyOf(order);
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < tacticOrder.size(); i++) {
      idx.put(tacticOrder.get(i), i);
    }
    this.tacticIndex = idx;
    this.issues = List.copyOf(problems);
  }

  /**
   * Whether the tactic records of enrichment results can order the catalogue: they are of one domain and name
   * every tactic of every rule.
   */
  private static boolean coversRules(Set<Tactic> tactics, List<RuleProfile> rules) {
    if (tactics.isEmpty() || tactics.stream().map(Tactic::domain).distinct().count() != 1) {
      return false;
    }
    Set<String> names = new HashSet<>();
    for (Tactic t : tactics) {
      names.add(normalise(t.shortname()));
    }
    for (RuleProfile r : rules) {
      if (!names.containsAll(r.tactics())) {
        return false;
      }
    }
    return true;
  }

  private static String normalise(String shortname) {
    return shortname.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Shortnames by {@link Tactic#order()}, then name. */
  private static List<String> matrixOrder(Collection<Tactic> matrix) {
    List<Tactic> sorted = new ArrayList<>(matrix);
    sorted.sort(Comparator.comparingInt(Tactic::order).thenComparing(Tactic::shortname));
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Tactic t : sorted) {
      names.add(normalise(t.shortname()));
    }
    return new ArrayList<>(names);
  }

  /** Kahn's algorithm over the consecutive pairs of every rule's tactic list; ties and cycles by name. */
  private static List<String> derivedOrder(List<RuleProfile> rules) {
    Map<String, Set<String>> next = new TreeMap<>();
    Map<String, Integer> indegree = new TreeMap<>();
    for (RuleProfile r : rules) {
      List<String> ts = r.tactics();
      for (int i = 0; i < ts.size(); i++) {
        next.computeIfAbsent(ts.get(i), k -> new TreeSet<>());
        indegree.putIfAbsent(ts.get(i), 0);
        if (i > 0 && next.get(ts.get(i - 1)).add(ts.get(i))) {
          indegree.merge(ts.get(i), 1, Integer::sum);
        }
      }
    }
    List<String> out = new ArrayList<>();
    PriorityQueue<String> ready = new PriorityQueue<>();
    indegree.forEach((k, v) -> {
      if (v == 0) {
        ready.add(k);
      }
    });
    Set<String> done = new LinkedHashSet<>();
    while (done.size() < indegree.size()) {
      String t = ready.poll();
      if (t == null) {
        // a cycle: break it at the smallest remaining name
        t = indegree.keySet().stream().filter(k -> !done.contains(k)).findFirst().orElseThrow();
      }
      if (!done.add(t)) {
        continue;
      }
      out.add(t);
      for (String n : next.get(t)) {
        if (!done.contains(n) && indegree.merge(n, -1, Integer::sum) == 0) {
          ready.add(n);
        }
      }
    }
    return out;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a catalogue from enrichment JSON, deriving the tactic order from the rules. Equivalent to
   * {@code builder().read(path).build()}.
   *
   * @param path a directory of {@code .json}/{@code .jsonl} files, or one such file
   * @return the catalogue; problems with single rules are in {@link #issues()}
   * @throws CorrelationInputException if the path does not exist or cannot be listed
   */
  public static RuleCatalog read(Path path) {
    return builder().read(path).build();
  }

  /**
   * Returns the rules, sorted by id.
   *
   * @return the rules
   */
  public List<RuleProfile> rules() {
    return rules;
  }

  /**
   * Finds a rule by id.
   *
   * @param id the rule id
   * @return the rule, or empty
   */
  public Optional<RuleProfile> rule(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the number of rules.
   *
   * @return the size
   */
  public int size() {
    return rules.size();
  }

  /**
   * Returns the tactic shortnames in matrix order.
   *
   * @return the tactic order
   */
  public List<String> tacticOrder() {
    return tacticOrder;
  }

  /**
   * Returns a tactic's position in {@link #tacticOrder()}.
   *
   * @param shortname the tactic shortname
   * @return the 0-based position, or -1 if the tactic is not ordered
   */
  public int tacticPosition(String shortname) {
    Integer i = tacticIndex.get(Objects.requireNonNull(shortname, "shortname"));
    return i == null ? -1 : i;
  }

  /**
   * Tells where the tactic order came from, for example {@code ATT&CK enterprise-attack 18.1}.
   *
   * @return the origin
   */
  public String tacticOrderOrigin() {
    return tacticOrderOrigin;
  }

  /**
   * Returns the table that derives rules' source types.
   *
   * @return the source table
   */
  public SourceTable sourceTable() {
    return sourceTable;
  }

  /**
   * Returns the problems found while reading and building, in the order found.
   *
   * @return the issues
   */
  public List<InputIssue> issues() {
    return issues;
  }

  @Override
  public String toString() {
    return "RuleCatalog[" + rules.size() + " rules, " + tacticOrder.size() + " tactics " + tacticOrderOrigin
        + ", " + issues.size() + " issues]";
  }

  /**
   * Builds a {@link RuleCatalog}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, RuleProfile> rules = new LinkedHashMap<>();
    private final List<InputIssue> issues = new ArrayList<>();
    private final Set<Tactic> resultTactics = new LinkedHashSet<>();
    private List<String> tactics;
    private String tacticOrigin = "";
    private SourceTable sourceTable = SourceTable.standard();

    private Builder() {
    }

    /**
     * Orders tactics by the Enterprise matrix of an index (or, when the index has no Enterprise bundle, by
     * all its tactics).
     *
     * @param index the index
     * @return this builder
     */
    public Builder tactics(TechniqueIndex index) {
      Objects.requireNonNull(index, "index");
      AttackDomain domain = index.domains().contains(AttackDomain.ENTERPRISE) || index.domains().isEmpty()
          ? AttackDomain.ENTERPRISE : index.domains().iterator().next();
      return tactics(index, domain);
    }

    /**
     * Orders tactics by one domain's matrix of an index.
     *
     * @param index the index
     * @param domain the domain
     * @return this builder
     */
    public Builder tactics(TechniqueIndex index, AttackDomain domain) {
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(domain, "domain");
      tactics(index.tactics(domain));
      tacticOrigin = "ATT&CK " + domain.id() + index.attackVersion(domain).map(v -> " " + v).orElse("");
      return this;
    }

    /**
     * Orders tactics by the {@link Tactic#order()} of the given tactics.
     *
     * @param matrix the tactics, in any order
     * @return this builder
     */
    public Builder tactics(List<Tactic> matrix) {
      Objects.requireNonNull(matrix, "matrix");
      this.tactics = matrixOrder(matrix);
      this.tacticOrigin = "given";
      return this;
    }

    /**
     * Sets the source table (the standard one by default).
     *
     * @param table the table
     * @return this builder
     */
    public Builder sourceTable(SourceTable table) {
      this.sourceTable = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * Adds a rule; a second rule with the same id is reported and ignored.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder add(RuleProfile rule) {
      return add(rule, "catalogue", 0);
    }

    Builder add(RuleProfile rule, String source, int line) {
      Objects.requireNonNull(rule, "rule");
      RuleProfile previous = rules.putIfAbsent(rule.id(), rule);
      if (previous != null) {
        issues.add(new InputIssue(source, line, "duplicate rule id '" + rule.id() + "'; the first is kept"));
      }
      return this;
    }

    /**
     * Adds rules.
     *
     * @param profiles the rules
     * @return this builder
     */
    public Builder addAll(Collection<RuleProfile> profiles) {
      for (RuleProfile p : Objects.requireNonNull(profiles, "profiles")) {
        add(p);
      }
      return this;
    }

    /**
     * Adds the rule of one enrichment result, converted by {@link RuleProfile#from(EnrichmentResult)}; a second
     * rule with the same id is reported and ignored. Without {@link #tactics(TechniqueIndex)} or
     * {@link #tactics(List)}, the {@link Tactic} records of the results order the catalogue's tactics by their
     * matrix position, when they are of one domain and cover every rule's tactics.
     *
     * <pre>{@code
     * BatchResult batch = RuleEnricher.builder(index).build().enrichPaths(List.of(Path.of("rules")));
     * RuleCatalog catalog = RuleCatalog.builder().addAll(batch).build();
     * }</pre>
     *
     * @param result the result
     * @return this builder
     */
    public Builder add(EnrichmentResult result) {
      RuleProfile p = RuleProfile.from(Objects.requireNonNull(result, "result"));
      EnrichmentProfiles.tactics(result, resultTactics);
      return add(p, result.path(), 0);
    }

    /**
     * Adds the rules of enrichment results, in order, as {@link #add(EnrichmentResult)} does.
     *
     * @param results the results
     * @return this builder
     */
    public Builder addResults(Collection<? extends EnrichmentResult> results) {
      for (EnrichmentResult r : Objects.requireNonNull(results, "results")) {
        add(r);
      }
      return this;
    }

    /**
     * Adds the rules of a batch of the enricher, in order, as {@link #add(EnrichmentResult)} does.
     *
     * @param batch the batch
     * @return this builder
     */
    public Builder addAll(BatchResult batch) {
      return addResults(Objects.requireNonNull(batch, "batch").results());
    }

    /**
     * Reads enrichment JSON leniently and adds its rules.
     *
     * @param path a directory of {@code .json}/{@code .jsonl} files, or one such file
     * @return this builder
     * @throws CorrelationInputException if the path does not exist or cannot be listed
     */
    public Builder read(Path path) {
      CatalogReader.read(Objects.requireNonNull(path, "path"), this);
      return this;
    }

    void issue(InputIssue issue) {
      issues.add(issue);
    }

    /**
     * Builds the catalogue.
     *
     * @return the catalogue
     */
    public RuleCatalog build() {
      return new RuleCatalog(this);
    }
  }
}
