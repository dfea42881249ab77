package io.sigmap.benchmarks;

import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups by tag text as it appears in rules, hits and misses. Targets: under 25 ns and 0 bytes allocated per
 * lookup; run with the GC profiler to see the allocation ({@code gc.alloc.rate.norm}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TechniqueLookupBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TechniqueLookupBenchmark {

  /** The index, built once. */
  @State(Scope.Benchmark)
  public static class Index {
    TechniqueIndex index;

    /** Builds the Enterprise index. */
    @Setup
    public void setup() {
      index = TechniqueIndex.load(SharedData.file(SharedData.ENTERPRISE));
    }
  }

  /** Technique tags: a sub-technique, upper case, a bare id, a miss and a malformed tag. */
  @State(Scope.Thread)
  public static class TechniqueTag {
    @Param({"attack.t1059.001", "attack.T1059.001", "T1003", "attack.t9999", "attack.t1059_001"})
    String tag;
  }

  /** Tactic tags: underscore form, hyphen form, a TA id and a v19 tactic this data does not have. */
  @State(Scope.Thread)
  public static class TacticTag {
    @Param({"attack.defense_evasion", "attack.privilege-escalation", "TA0006", "attack.stealth"})
    String tag;
  }

  /**
   * Looks a technique up by tag text.
   *
   * @param i the index
   * @param t the tag
   * @return the technique or empty
   */
  @Benchmark
  public Optional<Technique> technique(Index i, TechniqueTag t) {
    return i.index.technique(t.tag);
  }

  /**
   * Looks tactics up by tag text.
   *
   * @param i the index
   * @param t the tag
   * @return the tactics, empty on a miss
   */
  @Benchmark
  public List<Tactic> tactics(Index i, TacticTag t) {
    return i.index.findTactics(t.tag);
  }
}
