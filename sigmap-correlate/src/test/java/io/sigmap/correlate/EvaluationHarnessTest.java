package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigmap.core.BatchResult;
import io.sigmap.core.RuleEnricher;
import io.sigmap.correlate.EvaluationHarness.Figures;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    BatchResult batch = enrich(shared.get().resolve("sigma/sigmahq-2025-12-25/rules"), index);
    RuleCatalog catalog = RuleCatalog.builder().tactics(index).addAll(batch).build();
    assertTrue(catalog.size() > 2500, catalog.toString());
    assertEquals(batch.results().size(), catalog.size() + catalog.issues().size(),
        "every result is a rule of the catalogue or a reported duplicate id: " + catalog.issues());
    long mapped = catalog.rules().stream().filter(RuleProfile::mapped).count();
    assertEquals(catalog.rules().stream().filter(r -> r.status() == RuleStatus.VALIDATED).count(), mapped,
        "a validated rule maps to a technique, so the runtime scores it");
    evaluate(String.format(Locale.ROOT, "SigmaHQ rules/ catalogue (%d rules, %d mapped; RuleEnricher, baseline "
        + "policy; tactic order %s)", catalog.size(), mapped, catalog.tacticOrderOrigin()), catalog, 60);
  }

  /** The real pipeline: SigmaReader and RuleEnricher with the baseline weight policy, over the rules folder. */
  static BatchResult enrich(Path rules, TechniqueIndex index) {
    return RuleEnricher.builder(index).policy(TacticWeightPolicy.baseline()).build()
        .enrichPaths(List.of(rules));
  }
}
