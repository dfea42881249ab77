package io.sigmap.benchmarks;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads the SigmaHQ corpus (3,919 files) from bytes in memory on one thread, one file per operation; the
 * {@code rules} counter gives rules per second. Target: at least 10,000 rules per second. SnakeYAML's scanner is
 * a lot of code for the JIT: throughput keeps rising for about 6 seconds, so the warm-up is 10 x 2 s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SigmaReadBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigmaReadBenchmark {

  /** The corpus bytes and the reader, shared. */
  @State(Scope.Benchmark)
  public static class Data {
    Corpus corpus;
    final SigmaReader reader = SigmaReader.create();

    /** Loads the corpus bytes. */
    @Setup
    public void setup() {
      corpus = new Corpus();
    }
  }

  /** Rules read, reported per second next to files per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Rule documents read (one file holds one or more). */
    public long rules;
    int next;

    /** Clears the counter before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      rules = 0;
    }
  }

  /**
   * Reads the next file of the corpus.
   *
   * @param d the corpus
   * @param c the counters
   * @return the file read
   */
  @Benchmark
  public SigmaFile readFile(Data d, Counters c) {
    int i = c.next;
    c.next = i + 1 == d.corpus.bytes.size() ? 0 : i + 1;
    SigmaFile f = d.reader.readBytes(d.corpus.bytes.get(i), d.corpus.names.get(i));
    c.rules += f.results().size();
    return f;
  }
}
