package io.sigmap.benchmarks;

import io.sigmap.correlate.Alert;
import io.sigmap.correlate.ChainEscalated;
import io.sigmap.correlate.Correlator;
import io.sigmap.correlate.RuleCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The alert-time runtime on one thread with 100,000 entities: {@link #replay} measures alerts per second (target: at
 * least 500,000), {@link #idleFootprint} the heap an idle entity keeps (target: under 1 KB).
 *
 * <p><b>Throughput.</b> Each invocation replays {@value #STREAM} pre-built alerts ({@link AlertWorkload}: mostly
 * benign repeats, some multi-stage attack chains across endpoint, network and identity sources) through a
 * correlator that the invocation's setup built and populated with the 100,000 entities, so every operation runs
 * against full state; the score is alerts per second ({@code @OperationsPerInvocation}). Events go to a counting
 * sink; their JSON rendering is not measured.
 *
 * <p><b>Footprint.</b> Each invocation of {@link #idleFootprint} measures the heap in use (after full
 * collections) before and after a correlator takes the population (alerts built in the invocation, so that the
 * entity key strings belong to the correlator alone) and its watermark passes the last of them: the
 * {@code bytesPerIdleEntity} counter is the difference divided by the entities held. It counts everything the
 * correlator retains for them: entity maps, entity state, rule tracks, proximity rings, their key strings and the
 * one-alert chains the population founded (60,000 chains). Its primary score, the time of one invocation, is not a
 * target. Run it with a fixed heap ({@code -Xms/-Xmx}, as the fork does) and expect a few percent of noise.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CorrelatorBenchmark}, or with the target table:
 * {@code benchmarks/run.sh quick CorrelatorBenchmark}
 */
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CorrelatorBenchmark {

  /** Alerts replayed per invocation of {@link #replay}. */
  public static final int STREAM = 500_000;

  /** The catalogue and the pre-built alerts, shared. */
  @State(Scope.Benchmark)
  public static class Workload {
    RuleCatalog catalog;
    Alert[] population;
    Alert[] stream;

    /** Builds the catalogue and the alert arrays. */
    @Setup
    public void setup() {
      catalog = AlertWorkload.catalog();
      population = AlertWorkload.population();
      stream = AlertWorkload.stream(STREAM, 20260105L);
    }
  }

  /** A correlator with the 100,000 entities, fresh for each invocation. */
  @State(Scope.Thread)
  public static class Populated {
    Correlator correlator;
    long events;
    long escalations;

    /**
     * Builds the correlator and gives it the population.
     *
     * @param w the workload
     */
    @Setup(Level.Invocation)
    public void setup(Workload w) {
      events = 0;
      escalations = 0;
      correlator = Correlator.builder(w.catalog).sink(e -> {
        events++;
        if (e instanceof ChainEscalated) {
          escalations++;
        }
      }).build();
      for (Alert a : w.population) {
        correlator.accept(a);
      }
      // past the lateness buffer: every population alert processed, the stream's first alert not yet due
      correlator.advanceTo(AlertWorkload.T0 + AlertWorkload.HOUR + correlator.options().allowedLateness().toMillis());
      if (correlator.stats().entities() != AlertWorkload.ENTITIES) {
        throw new IllegalStateException("the population holds " + correlator.stats().entities() + " entities");
      }
    }
  }

  /** The footprint, reported next to the invocation time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Footprint {
    /** Heap bytes retained per idle entity, as measured by the last invocation. */
    public double bytesPerIdleEntity;
  }

  /**
   * Replays the stream through the populated correlator, one alert per operation.
   *
   * @param w the workload
   * @param p the populated correlator
   * @return the events emitted, so that nothing is optimised away
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(STREAM)
  public long replay(Workload w, Populated p) {
    Correlator c = p.correlator;
    for (Alert a : w.stream) {
      c.accept(a);
    }
    return p.events + p.escalations;
  }

  /**
   * Measures the heap an idle entity keeps.
   *
   * @param w the workload (its catalogue)
   * @param f the footprint counter
   * @return the correlator, kept alive until the measurement is done
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Correlator idleFootprint(Workload w, Footprint f) {
    long before = usedAfterGc();
    Correlator c = Correlator.builder(w.catalog).build();
    for (int h = 0; h < AlertWorkload.HOSTS; h++) {
      c.accept(AlertWorkload.populationAlert(h));
    }
    // idle: every alert processed (past the lateness buffer), nothing new for an hour, nothing evicted yet
    c.advanceTo(AlertWorkload.T0 + 2 * AlertWorkload.HOUR);
    if (c.stats().buffered() != 0 || c.stats().entities() != AlertWorkload.ENTITIES) {
      throw new IllegalStateException("not idle: " + c.stats());
    }
    long after = usedAfterGc();
    f.bytesPerIdleEntity = (double) (after - before) / c.stats().entities();
    return c;
  }

  /** Heap in use after full collections, once two in a row agree within 1 KB (or after ten). */
  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
