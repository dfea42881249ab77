package io.sigmap.benchmarks;

import io.sigmap.core.BatchResult;
import io.sigmap.core.EnrichOptions;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.RuleEnricher;
import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.stix.TechniqueIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Enrichment against Enterprise 18.1: one realistic parsed rule (targets: under 2 microseconds and under 2 KB
 * allocated, see {@code gc.alloc.rate.norm} with {@code -prof gc}), and the whole parsed SigmaHQ corpus end to
 * end on one thread.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EnrichBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnrichBenchmark {

  /** A realistic rule: a sub-technique and its tactic, as SigmaHQ writes them. */
  static final String RULE = "rules/windows/process_creation/proc_creation_win_powershell_encode.yml";

  /** The index, the enricher and the parsed corpus. */
  @State(Scope.Benchmark)
  public static class Data {
    RuleEnricher enricher;
    SigmaRule rule;
    List<SigmaFile> corpus;

    /** Builds the index and enricher, and parses the corpus once. */
    @Setup
    public void setup() {
      TechniqueIndex index = TechniqueIndex.load(SharedData.file(SharedData.ENTERPRISE));
      enricher = RuleEnricher.builder(index).options(EnrichOptions.builder().threads(1).build()).build();
      corpus = new Corpus().parse();
      rule = corpus.stream().filter(f -> f.path().equals(RULE)).findFirst().orElseThrow().rules().get(0);
    }
  }

  /**
   * Enriches one parsed rule.
   *
   * @param d the data
   * @return the result
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public EnrichmentResult enrichOneRule(Data d) {
    return d.enricher.enrich(d.rule);
  }

  /**
   * Enriches the whole parsed corpus with its summary, on one thread.
   *
   * @param d the data
   * @return the batch
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BatchResult enrichCorpus(Data d) {
    return d.enricher.enrichFiles(d.corpus);
  }
}
