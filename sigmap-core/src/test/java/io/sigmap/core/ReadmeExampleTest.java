package io.sigmap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.TacticWeightPolicies;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick-start code, compiled and run against the real bundle. */
@EnabledIf(value = "io.sigmap.core.TestRules#sharedAvailable",
    disabledReason = "real-data test skipped: set SIGMAP_SHARED (or -Dsigmap.shared) to the shared data folder")
class ReadmeExampleTest {

  @Test
  void readme_quickStart(@TempDir Path dir) throws IOException {
    Path bundle = TestRules.shared().orElseThrow().resolve("attack/enterprise-attack-18.1.json");
    Files.writeString(dir.resolve("rule.yml"), TestRules.yaml("windows", "test", "attack.execution",
        "attack.t1086"));
    Path ruleFile = dir.resolve("rule.yml");
    // --- README: quick start ---
    TechniqueIndex index = TechniqueIndex.load(bundle);
    TacticWeightPolicy policy = TacticWeightPolicies.builder().index(index).build().policy("kill-chain");
    RuleEnricher enricher = RuleEnricher.builder(index).policy(policy).build();
    SigmaRule rule = SigmaReader.create().readFile(ruleFile).rules().get(0);
    EnrichmentResult result = enricher.enrich(rule);            // Validated or Quarantined
    System.out.println(EnrichmentWriter.toJson(result));         // mitre_technique, correlation_weight, ...
    BatchResult batch = enricher.enrichPaths(List.of(dir));       // whole directories, in parallel
    // --- end ---
    assertEquals(EnrichmentResult.Status.VALIDATED, result.status());
    Enrichment e = result.enrichment().orElseThrow();
    assertEquals("T1059.001", e.techniques().get(0).technique().id());
    assertEquals(3, e.correlationWeight(), "kill-chain: 1 + round(9 * 3 / 13) for execution, 4th of 14");
    assertTrue(result.findings().stream().anyMatch(f -> f.code() == FindingCode.REVOKED_TECHNIQUE));
    assertEquals(1, batch.summary().validated());
  }
}
