package io.sigmap.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
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
 * Builds a {@link TechniqueIndex} from the Enterprise ATT&amp;CK 18.1 bundle (45 MB), bytes preloaded in memory.
 * Compare with {@link StixTokenScanBaseline} over the same bytes: target at most 1.5x its time.
 *
 * <p>{@link #buildAfterScan} measures the ratio in one JVM: each invocation runs the bare token scan, then the
 * build, and adds their times to the {@code scanNanos} and {@code buildNanos} counters. On a shared machine the
 * two separate benchmarks run minutes apart, and a busy spell can hit one and not the other; interleaved, both
 * sides see the same machine.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'StixLoadBenchmark|StixTokenScanBaseline'}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StixLoadBenchmark {

  private byte[] bundle;

  /** Reads the bundle into memory once. */
  @Setup
  public void setup() {
    bundle = SharedData.bytes(SharedData.ENTERPRISE);
  }

  private final JsonFactory factory = new JsonFactory();

  /**
   * Parses the bundle and builds the index.
   *
   * @return the index
   */
  @Benchmark
  public TechniqueIndex buildIndex() {
    return TechniqueIndex.builder().addBundle(bundle, "enterprise-attack-18.1.json", "18.1").build();
  }

  /** Time spent in the scan and in the build by {@link #buildAfterScan}, reset each iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Interleaved {
    /** Nanoseconds in the bare token scan. */
    public long scanNanos;
    /** Nanoseconds in the index build. */
    public long buildNanos;

    /** Clears the counters. */
    @Setup(Level.Iteration)
    public void clear() {
      scanNanos = 0;
      buildNanos = 0;
    }
  }

  /**
   * Runs the token scan and then the build, timing each.
   *
   * @param t the time counters
   * @return the index (the scan's token count is folded into the counters' use)
   * @throws IOException never, the input is in memory
   */
  @Benchmark
  public TechniqueIndex buildAfterScan(Interleaved t) throws IOException {
    long t0 = System.nanoTime();
    long tokens = 0;
    try (JsonParser p = factory.createParser(bundle)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    long t1 = System.nanoTime();
    TechniqueIndex index = TechniqueIndex.builder().addBundle(bundle, "enterprise-attack-18.1.json", "18.1").build();
    long t2 = System.nanoTime();
    t.scanNanos += t1 - t0 + (tokens == 0 ? 1 : 0); // the token count keeps the scan from being optimised away
    t.buildNanos += t2 - t1;
    return index;
  }
}
