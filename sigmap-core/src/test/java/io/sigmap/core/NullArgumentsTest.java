package io.sigmap.core;

import static io.sigmap.core.TestRules.INDEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Public entry points of io.sigmap.core reject null with a NullPointerException naming the argument. */
class NullArgumentsTest {

  private static void rejects(String name, Runnable call) {
    assertEquals(name, assertThrows(NullPointerException.class, call::run).getMessage());
  }

  @Test
  void enricher_rejectsNull() {
    RuleEnricher e = RuleEnricher.builder(INDEX).build();
    rejects("index", () -> RuleEnricher.builder(null));
    rejects("policy", () -> RuleEnricher.builder(INDEX).policy(null));
    rejects("options", () -> RuleEnricher.builder(INDEX).options(null));
    rejects("feedback", () -> RuleEnricher.builder(INDEX).feedback(null));
    rejects("rule", () -> e.enrich(null));
    rejects("files", () -> e.enrichFiles(null));
    rejects("paths", () -> e.enrichPaths(null));
    rejects("readOptions", () -> EnrichOptions.builder().readOptions(null));
  }

  @Test
  void writer_rejectsNull() {
    rejects("result", () -> EnrichmentWriter.toJson(null));
    rejects("results", () -> EnrichmentWriter.writeJsonLines(null, new StringWriter()));
    rejects("out", () -> EnrichmentWriter.writeJsonLines(List.of(), null));
    rejects("results", () -> EnrichmentWriter.writeJsonFiles(null, Path.of("x")));
    rejects("outDir", () -> EnrichmentWriter.writeJsonFiles(List.of(), null));
    rejects("batch", () -> EnrichmentWriter.writeSigmaFiles(null, Path.of("x")));
    rejects("file", () -> EnrichmentWriter.writeJsonLinesFile(List.of(), null));
  }

  @Test
  void values_rejectNull() {
    rejects("code", () -> new Finding(null, Severity.INFO, Optional.empty(), "m", 0, 0));
    rejects("technique", () -> new MappedTechnique(null, "t", Optional.empty(), Optional.empty(), 1));
    rejects("reason", () -> new RuleFeedback(1, false, null));
    rejects("summary", () -> new BatchResult(List.of(), null, List.of()));
  }
}
