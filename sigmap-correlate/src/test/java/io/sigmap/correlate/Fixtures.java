package io.sigmap.correlate;

import io.sigmap.core.BatchResult;
import io.sigmap.core.RuleEnricher;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared test fixtures: an Enterprise-like tactic matrix built from records, a small catalogue, helpers. */
final class Fixtures {

  static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  static final String[] ENTERPRISE = {"reconnaissance", "resource-development", "initial-access", "execution",
      "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery",
      "lateral-movement", "collection", "command-and-control", "exfiltration", "impact"};

  private Fixtures() {
  }

  /** The Enterprise matrix as Tactic records (a fixture may build them directly). */
  static List<Tactic> matrix() {
    List<Tactic> out = new ArrayList<>();
    for (int i = ENTERPRISE.length - 1; i >= 0; i--) {
      out.add(new Tactic("TA9" + String.format("%03d", i), ENTERPRISE[i], ENTERPRISE[i], AttackDomain.ENTERPRISE, i,
          "x-mitre-tactic--" + i, "", false));
    }
    return out;
  }

  static RuleProfile rule(String id, Level level, int weight, String source, String technique, String... tactics) {
    RuleProfile.Builder b = RuleProfile.builder(id).title("rule " + id).level(level).correlationWeight(weight)
        .technique(technique).tactics(List.of(tactics));
    switch (source) {
      case "endpoint":
        b.logSource(LogSource.EMPTY.withProduct("windows").withCategory("process_creation"));
        break;
      case "network":
        b.logSource(LogSource.EMPTY.withCategory("proxy"));
        break;
      case "identity":
        b.logSource(LogSource.EMPTY.withProduct("okta").withService("okta"));
        break;
      case "cloud":
        b.logSource(LogSource.EMPTY.withProduct("aws").withService("cloudtrail"));
        break;
      default:
        break;
    }
    return b.build();
  }

  /** A small catalogue: endpoint, network and identity rules across the matrix, plus aside cases. */
  static RuleCatalog catalog() {
    return RuleCatalog.builder().tactics(matrix())
        .add(rule("phish", Level.MEDIUM, 6, "network", "T1566.002", "initial-access"))
        .add(rule("ps", Level.MEDIUM, 5, "endpoint", "T1059.001", "execution"))
        .add(rule("whoami", Level.LOW, 3, "endpoint", "T1033", "discovery"))
        .add(rule("netuser", Level.INFORMATIONAL, 2, "endpoint", "T1087.001", "discovery"))
        .add(rule("runkey", Level.MEDIUM, 7, "endpoint", "T1547.001", "persistence", "privilege-escalation"))
        .add(rule("lsass", Level.HIGH, 9, "endpoint", "T1003.001", "credential-access"))
        .add(rule("spray", Level.MEDIUM, 6, "identity", "T1110.003", "credential-access"))
        .add(rule("impossible-travel", Level.MEDIUM, 6, "identity", "T1078", "initial-access", "persistence"))
        .add(rule("psexec", Level.MEDIUM, 6, "endpoint", "T1021.002", "lateral-movement"))
        .add(rule("smb-lateral", Level.MEDIUM, 6, "network", "T1021.002", "lateral-movement"))
        .add(rule("c2-beacon", Level.HIGH, 8, "network", "T1071.001", "command-and-control"))
        .add(rule("exfil", Level.HIGH, 8, "network", "T1048", "exfiltration"))
        .add(rule("ransom", Level.CRITICAL, 10, "endpoint", "T1486", "impact"))
        .add(rule("cloud-key", Level.MEDIUM, 6, "cloud", "T1098.001", "persistence"))
        .add(RuleProfile.builder("quarantined").status(RuleStatus.QUARANTINED).technique("T9999").build())
        .add(RuleProfile.builder("unreadable").status(RuleStatus.UNREADABLE).build())
        .add(RuleProfile.builder("skipped").status(RuleStatus.SKIPPED).build())
        .add(RuleProfile.builder("unmapped").level(Level.HIGH).build())
        .build();
  }

  static Alert alert(String id, String rule, long time, String host, String user) {
    Alert.Builder b = Alert.builder(id, rule, time);
    if (host != null) {
      b.host(host);
    }
    if (user != null) {
      b.user(user);
    }
    return b.build();
  }

  /** A correlator over the catalogue with the given options, collecting its events. */
  static final class Run {
    final List<CorrelationEvent> events = new ArrayList<>();
    final Correlator correlator;

    Run(RuleCatalog catalog, CorrelatorOptions options) {
      correlator = Correlator.builder(catalog).options(options).sink(events::add).build();
    }

    Run(CorrelatorOptions options) {
      this(catalog(), options);
    }

    Run() {
      this(CorrelatorOptions.DEFAULT);
    }

    Run accept(Alert... alerts) {
      for (Alert a : alerts) {
        correlator.accept(a);
      }
      return this;
    }

    Run flush() {
      correlator.flush();
      return this;
    }

    <T extends CorrelationEvent> List<T> of(Class<T> type) {
      List<T> out = new ArrayList<>();
      for (CorrelationEvent e : events) {
        if (type.isInstance(e)) {
          out.add(type.cast(e));
        }
      }
      return out;
    }

    AlertDecision decision(String alertId) {
      for (AlertDecision d : of(AlertDecision.class)) {
        if (d.alert().id().equals(alertId)) {
          return d;
        }
      }
      throw new AssertionError("no decision for " + alertId + " in " + events);
    }

    Optional<String> chainOf(String alertId) {
      AlertDecision d = decision(alertId);
      return d instanceof AlertScored ? ((AlertScored) d).chainId() : Optional.empty();
    }
  }

  /** The repository's examples folder ({@code sigmap.examples}, else {@code ../examples}). */
  static Path examples() {
    String v = System.getProperty("sigmap.examples");
    Path p = v == null || v.isBlank() || v.startsWith("${") ? Path.of("..", "examples") : Path.of(v);
    if (!Files.isDirectory(p)) {
      throw new AssertionError("no examples folder at " + p.toAbsolutePath());
    }
    return p.normalize();
  }

  /** The example rules enriched against the example bundle (a small Enterprise 18.1 subset), baseline policy. */
  static BatchResult enrichedExamples() {
    TechniqueIndex index = TechniqueIndex.load(examples().resolve("attack/mini-enterprise-attack.json"));
    return RuleEnricher.builder(index).build()
        .enrichPaths(List.of(examples().resolve("rules")));
  }

  /** The shared-data folder, or empty when SIGMAP_SHARED / sigmap.shared is not set. */
  static Optional<Path> shared() {
    String v = System.getProperty("sigmap.shared");
    if (v == null || v.isBlank() || v.startsWith("${")) {
      v = System.getenv("SIGMAP_SHARED");
    }
    if (v == null || v.isBlank() || v.startsWith("${")) {
      return Optional.empty();
    }
    Path p = Path.of(v);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }
}
