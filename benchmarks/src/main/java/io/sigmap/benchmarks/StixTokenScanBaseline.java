package io.sigmap.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
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
 * The practical limit for any JSON-based loader: a bare Jackson streaming pass that only calls
 * {@code nextToken()} over the Enterprise bundle's bytes. {@link StixLoadBenchmark} is measured against it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StixTokenScanBaseline}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StixTokenScanBaseline {

  private final JsonFactory factory = new JsonFactory();
  private byte[] bundle;

  /** Reads the bundle into memory once. */
  @Setup
  public void setup() {
    bundle = SharedData.bytes(SharedData.ENTERPRISE);
  }

  /**
   * Reads every token and nothing else.
   *
   * @return the number of tokens
   * @throws IOException never, the input is in memory
   */
  @Benchmark
  public long scan() throws IOException {
    long tokens = 0;
    try (JsonParser p = factory.createParser(bundle)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }
}
