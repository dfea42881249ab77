package io.sigmap.benchmarks;

import io.sigmap.stix.TechniqueIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * Reads the Enterprise index from its snapshot, bytes in memory. Target: at least 20x less time than
 * {@link StixLoadBenchmark#buildIndex()}.
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

  /** Parses the bundle once and keeps its snapshot in memory. */
  @Setup
  public void setup() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TechniqueIndex.load(SharedData.file(SharedData.ENTERPRISE)).writeSnapshot(out);
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
}
