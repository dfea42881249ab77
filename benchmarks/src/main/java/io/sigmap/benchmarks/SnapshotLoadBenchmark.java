package io.sigmap.benchmarks;

import io.sigmap.stix.TechniqueIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * Reads the Enterprise index from its snapshot, bytes in memory. Target: at least 20x less time than
 * {@link StixLoadBenchmark#buildIndex()}. {@link #readAfterBuild} measures that ratio in one JVM: each invocation
 * builds the index from the bundle, then reads it from the snapshot, adding both times to counters.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'SnapshotLoadBenchmark|StixLoadBenchmark'}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotLoadBenchmark {

  private byte[] snapshot;
  private byte[] bundle;

  /** Parses the bundle once and keeps its snapshot in memory. */
  @Setup
  public void setup() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bundle = SharedData.bytes(SharedData.ENTERPRISE);
    TechniqueIndex.builder().addBundle(bundle, "enterprise-attack-18.1.json", "18.1").build().writeSnapshot(out);
    snapshot = out.toByteArray();
  }

  /**
   * Reads the index from the snapshot.
   *
   * @return the index
   */
  @Benchmark
  public TechniqueIndex readSnapshot() {
    return TechniqueIndex.readSnapshot(new ByteArrayInputStream(snapshot), "enterprise-attack-18.1.idx");
  }

  /** Time spent building and reading the snapshot by {@link #readAfterBuild}, reset each iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Interleaved {
    /** Nanoseconds building the index from the bundle. */
    public long buildNanos;
    /** Nanoseconds reading the index from its snapshot. */
    public long snapshotNanos;

    /** Clears the counters. */
    @Setup(Level.Iteration)
    public void clear() {
      buildNanos = 0;
      snapshotNanos = 0;
    }
  }

  /**
   * Builds the index from the bundle, then reads it from the snapshot, timing each.
   *
   * @param t the time counters
   * @return the index read from the snapshot
   */
  @Benchmark
  public TechniqueIndex readAfterBuild(Interleaved t) {
    long t0 = System.nanoTime();
    TechniqueIndex built = TechniqueIndex.builder().addBundle(bundle, "enterprise-attack-18.1.json", "18.1").build();
    long t1 = System.nanoTime();
    TechniqueIndex read = TechniqueIndex.readSnapshot(new ByteArrayInputStream(snapshot), "enterprise-attack-18.1.idx");
    long t2 = System.nanoTime();
    t.buildNanos += t1 - t0 + (built.techniques().isEmpty() ? 1 : 0);
    t.snapshotNanos += t2 - t1;
    return read;
  }
}
