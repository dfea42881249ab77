package io.sigmap.benchmarks;

import io.sigmap.stix.TechniqueIndex;
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
 * Builds a {@link TechniqueIndex} from the Enterprise ATT&amp;CK 18.1 bundle (45 MB), bytes preloaded in memory.
 * Compare with {@link StixTokenScanBaseline} over the same bytes: target at most 1.5x its time.
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

  /**
   * Parses the bundle and builds the index.
   *
   * @return the index
   */
  @Benchmark
  public TechniqueIndex buildIndex() {
    return TechniqueIndex.builder().addBundle(bundle, "enterprise-attack-18.1.json", "18.1").build();
  }
}
