package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sigmap.correlate.EvaluationHarness.Figures;
import io.sigmap.stix.Resolution;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded evaluation: alert reduction, recall of injected multi-stage attacks, false escalations. Every
 * injected chain has at least 3 tactics across at least 2 source types and must escalate.
 */
class EvaluationHarnessTest {

  private static final long SEED = 20260105L;

  @org.junit.jupiter.api.BeforeAll
  static void freshReport() throws IOException {
    Files.deleteIfExists(Path.of("target", "evaluation.txt"));
  }

  private static void record(String text) throws IOException {
    System.out.print(text);
    Path out = Path.of("target", "evaluation.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void check(EvaluationHarness h, Figures f) {
    for (EvaluationHarness.Attack a : h.attacks()) {
      assertTrue(a.tactics().size() >= 3 && a.sources().size() >= 2, "attack " + a + " is multi-stage");
    }
    assertEquals(f.alerts(), f.stats().alertsIn());
    assertEquals(f.alerts(), f.stats().decisions(), "every alert in yields exactly one decision out");
    assertEquals(List.of(), f.missed(), "every injected chain escalates");
    assertEquals(1.0, f.recall());
    assertTrue(f.alertReduction() > 0.99, "fewer than 1% of alerts become escalated chains");
  }

  /** The defaults, Splunk's exact breadth rule (one source type suffices), and the kill-chain condition on. */
  private static List<CorrelatorOptions> variants() {
    CorrelatorOptions d = EvaluationHarness.defaults();
    return List.of(d,
        d.toBuilder().escalation(d.escalation().toBuilder().breadthMinSources(1).build()).build(),
        d.toBuilder().escalation(d.escalation().toBuilder().progressionMinTactics(3).build()).build());
  }

  private static final List<String> NAMES = List.of("defaults", "breadth from 1 source type (Splunk)",
      "kill-chain condition on");

  private static void evaluate(String name, RuleCatalog catalog, int noisyRules) throws IOException {
    EvaluationHarness h = new EvaluationHarness(catalog, SEED).generate(noisyRules, 40);
    List<CorrelatorOptions> variants = variants();
    for (int i = 0; i < variants.size(); i++) {
      Figures f = h.evaluate(variants.get(i));
      record(f.render(name + ", seed " + SEED + ", " + NAMES.get(i)));
      check(h, f);
      if (i == 0) {
        assertTrue(f.falseAfterWarmup() * 2 <= f.trueEscalations(),
            "after the warm-up, false escalations stay well below true ones: " + f);
      }
    }
  }

  @Test
  void evaluate_handBuiltCatalogue() throws IOException {
    RuleCatalog catalog = EvaluationHarness.handBuilt();
    evaluate("hand-built catalogue (" + catalog.size() + " rules)", catalog, 30);
  }

  @Test
  void evaluate_sigmaHqCatalogue() throws IOException {
    Optional<Path> shared = Fixtures.shared();
    assumeTrue(shared.isPresent(), "SIGMAP_SHARED is not set: the SigmaHQ catalogue evaluation is skipped");
    TechniqueIndex index = TechniqueIndex.load(shared.get().resolve("attack/enterprise-attack-18.1.json"));
    RuleCatalog catalog = sigmaCatalogue(shared.get().resolve("sigma/sigmahq-2025-12-25/rules"), index);
    assertTrue(catalog.size() > 2500, catalog.toString());
    evaluate("SigmaHQ rules/ catalogue (" + catalog.size() + " rules, " + catalog.rules().stream()
        .filter(RuleProfile::mapped).count() + " mapped, tactic order " + catalog.tacticOrderOrigin() + ")",
        catalog, 60);
  }

  /**
   * A quick-and-dirty catalogue from SigmaHQ rules: ids, levels, log sources and {@code attack.*} tags resolved
   * against the index (revoked tags follow their replacement); weights by the rule's most severe tactic, as a
   * stand-in for the weights module.
   */
  static RuleCatalog sigmaCatalogue(Path rules, TechniqueIndex index) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rules)) {
      files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().collect(Collectors.toList());
    }
    RuleCatalog.Builder b = RuleCatalog.builder().tactics(index);
    for (Path file : files) {
      JsonNode n;
      try {
        n = yaml.readTree(file.toFile());
      } catch (IOException e) {
        continue;
      }
      if (n == null || !n.hasNonNull("id")) {
        continue;
      }
      RuleProfile.Builder p = RuleProfile.builder(n.get("id").asText()).title(n.path("title").asText(""))
          .path(rules.relativize(file).toString());
      Level.fromId(n.path("level").asText("")).ifPresent(p::level);
      JsonNode ls = n.path("logsource");
      LogSource logSource = LogSource.EMPTY;
      for (String k : List.of("product", "category", "service")) {
        if (ls.hasNonNull(k)) {
          String v = ls.get(k).asText();
          logSource = k.equals("product") ? logSource.withProduct(v)
              : k.equals("category") ? logSource.withCategory(v) : logSource.withService(v);
        }
      }
      p.logSource(logSource);
      LinkedHashSet<Tactic> tactics = new LinkedHashSet<>();
      boolean unknown = false;
      boolean revoked = false;
      for (JsonNode tag : n.path("tags")) {
        String t = tag.asText().toLowerCase(Locale.ROOT);
        if (!t.startsWith("attack.")) {
          continue;
        }
        if (t.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
          Resolution r = index.resolve(t);
          Optional<Technique> tech = r.mapsTo();
          if (tech.isPresent()) {
            p.technique(tech.get().id());
            tactics.addAll(tech.get().tactics());
            revoked |= r.status() != Resolution.Status.ACTIVE;
          } else {
            unknown = true;
          }
        } else {
          index.tactic(io.sigmap.stix.AttackDomain.ENTERPRISE, t).ifPresent(tactics::add);
        }
      }
      List<Tactic> ordered = new ArrayList<>(tactics);
      ordered.sort(Comparator.comparingInt(Tactic::order));
      List<String> names = ordered.stream().map(Tactic::shortname).distinct().collect(Collectors.toList());
      p.tactics(names);
      p.status(unknown ? RuleStatus.QUARANTINED : RuleStatus.VALIDATED);
      p.techniqueConfidence(revoked ? 0.8 : 1.0);
      p.correlationWeight(weight(names));
      b.add(p.build());
    }
    return b.build();
  }

  private static int weight(List<String> tactics) {
    Set<String> high = Set.of("impact", "exfiltration", "credential-access", "lateral-movement");
    Set<String> mid = Set.of("persistence", "privilege-escalation", "defense-evasion", "command-and-control",
        "initial-access");
    int w = tactics.isEmpty() ? 0 : 3;
    for (String t : tactics) {
      w = Math.max(w, high.contains(t) ? 8 : mid.contains(t) ? 6 : t.equals("execution") ? 5 : 3);
    }
    return w;
  }
}
