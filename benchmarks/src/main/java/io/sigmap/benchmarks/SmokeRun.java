package io.sigmap.benchmarks;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Proves that every benchmark runs: one short measured iteration each, in this JVM, failing on any error. It
 * measures nothing worth reading; {@code benchmarks/run.sh} does. The build runs it during {@code verify}.
 *
 * <p>Benchmarks that need the shared data folder are left out, with a line saying so, when it is not set.
 */
public final class SmokeRun {

  /** The benchmarks whose setup reads the shared data folder. */
  static final List<String> NEED_SHARED_DATA = List.of(
      "StixLoadBenchmark", "StixTokenScanBaseline", "TechniqueLookupBenchmark", "SnapshotLoadBenchmark",
      "SigmaReadBenchmark", "EnrichBenchmark");

  private SmokeRun() {}

  /**
   * Runs the smoke test.
   *
   * @param args ignored
   * @throws RunnerException if a benchmark fails
   */
  public static void main(String[] args) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("io\\.sigmap\\.benchmarks\\..*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200))
        .shouldFailOnError(true);
    boolean offline = SharedData.folder().isEmpty();
    if (offline) {
      System.out.println("benchmark smoke run: SIGMAP_SHARED is not set, so these are skipped: " + NEED_SHARED_DATA);
      for (String name : NEED_SHARED_DATA) {
        options.exclude("\\." + name + "\\.");
      }
    }
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } catch (RunnerException e) {
      if (offline && String.valueOf(e.getMessage()).startsWith("No matching benchmarks")) {
        System.out.println("benchmark smoke run: no benchmark runs without the shared data");
        return;
      }
      throw e;
    }
    if (results.isEmpty()) {
      throw new RunnerException("the benchmark smoke run ran nothing");
    }
    System.out.println("benchmark smoke run: " + results.size() + " benchmark runs completed");
  }
}
