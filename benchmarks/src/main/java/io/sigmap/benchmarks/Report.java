package io.sigmap.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JMH JSON results and prints each performance target with the measured figure and whether it is met.
 * Ratios compare benchmarks measured in the same run, so they mean something on a shared machine where absolute
 * times do not.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.sigmap.benchmarks.Report results.json}
 */
public final class Report {

  /** One measured figure: score and unit, plus the GC profiler's bytes per operation when present. */
  record Score(double score, String unit, Optional<Double> bytesPerOp) {}

  private final Map<String, Score> scores = new LinkedHashMap<>();
  private final List<String> lines = new ArrayList<>();

  private Report() {}

  /**
   * Prints the target table for JMH JSON result files.
   *
   * @param args the result files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Report r = new Report();
    for (String file : args) {
      r.read(Path.of(file));
    }
    r.evaluate();
    r.lines.forEach(System.out::println);
  }

  private void read(Path file) throws IOException {
    for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
      StringBuilder key = new StringBuilder(run.get("benchmark").asText().replace("io.sigmap.benchmarks.", ""));
      JsonNode params = run.get("params");
      if (params != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          key.append(' ').append(p.getKey()).append('=').append(p.getValue().asText());
        }
      }
      JsonNode primary = run.get("primaryMetric");
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      scores.put(key.toString(), new Score(primary.get("score").asDouble(), primary.get("scoreUnit").asText(),
          alloc.isMissingNode() ? Optional.empty() : Optional.of(alloc.get("score").asDouble())));
      // Aux counters (such as SigmaReadBenchmark's rules) are secondary metrics: key:counter. The mean of the
      // iterations' raw values: JMH's score of an EVENTS counter is their sum.
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("secondaryMetrics").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (!m.getKey().startsWith("gc.") && !m.getKey().startsWith("·")) {
          scores.put(key + ":" + m.getKey(), new Score(mean(m.getValue()), m.getValue().get("scoreUnit").asText(),
              Optional.empty()));
        }
      }
    }
  }

  /** The mean of a metric's raw values over forks and iterations, else its score. */
  private static double mean(JsonNode metric) {
    double sum = 0;
    int n = 0;
    for (JsonNode fork : metric.path("rawData")) {
      for (JsonNode v : fork) {
        sum += v.asDouble();
        n++;
      }
    }
    return n == 0 ? metric.get("score").asDouble() : sum / n;
  }

  private Optional<Score> score(String key) {
    return Optional.ofNullable(scores.get(key));
  }

  private void line(String target, String measured, boolean met) {
    lines.add(String.format(Locale.ROOT, "| %-58s | %-34s | %-4s |", target, measured, met ? "met" : "MISS"));
  }

  private void evaluate() {
    lines.add(String.format(Locale.ROOT, "| %-58s | %-34s | %-4s |", "target", "measured", ""));
    lines.add("|" + "-".repeat(60) + "|" + "-".repeat(36) + "|------|");
    Optional<Score> build = score("StixLoadBenchmark.buildIndex");
    Optional<Score> scan = score("StixTokenScanBaseline.scan");
    Optional<Score> buildNanos = score("StixLoadBenchmark.buildAfterScan:buildNanos");
    Optional<Score> scanNanos = score("StixLoadBenchmark.buildAfterScan:scanNanos");
    if (buildNanos.isPresent() && scanNanos.isPresent()) {
      double ratio = buildNanos.get().score() / scanNanos.get().score();
      line("index build <= 1.5x the token scan, interleaved in one JVM",
          String.format(Locale.ROOT, "%.2fx", ratio), ratio <= 1.5);
    }
    if (build.isPresent() && scan.isPresent()) {
      double ratio = build.get().score() / scan.get().score();
      line("index build / token scan, separate forks",
          String.format(Locale.ROOT, "%.2fx (%.0f ms vs %.0f ms)", ratio, build.get().score(), scan.get().score()),
          ratio <= 1.5);
    }
    Optional<Score> built = score("SnapshotLoadBenchmark.readAfterBuild:buildNanos");
    Optional<Score> read = score("SnapshotLoadBenchmark.readAfterBuild:snapshotNanos");
    if (built.isPresent() && read.isPresent()) {
      double speedup = built.get().score() / read.get().score();
      line("snapshot read >= 20x faster than the build, interleaved",
          String.format(Locale.ROOT, "%.0fx", speedup), speedup >= 20);
    }
    Optional<Score> snapshot = score("SnapshotLoadBenchmark.readSnapshot");
    if (build.isPresent() && snapshot.isPresent()) {
      double speedup = build.get().score() / snapshot.get().score();
      line("snapshot read / index build, separate forks",
          String.format(Locale.ROOT, "%.0fx (%.1f ms)", speedup, snapshot.get().score()), speedup >= 20);
    }
    score("SigmaReadBenchmark.readFile:rules").ifPresent(s -> line("Sigma reading >= 10,000 rules/s on one thread",
        String.format(Locale.ROOT, "%.0f rules/s", s.score()), s.score() >= 10_000));
    score("EnrichBenchmark.enrichOneRule").ifPresent(s -> {
      double bytes = s.bytesPerOp().orElse(Double.NaN);
      line("enrich one parsed rule < 2 us and < 2 KB", String.format(Locale.ROOT, "%.0f ns, %.0f B/op", s.score(),
          bytes), s.score() < 2000 && bytes < 2048);
    });
    score("EnrichBenchmark.enrichCorpus").ifPresent(s -> line("enrich the parsed SigmaHQ corpus (one thread)",
        String.format(Locale.ROOT, "%.0f ms", s.score()), true));
    score("CorrelatorBenchmark.replay").ifPresent(s -> line(
        "correlate >= 500,000 alerts/s on one thread, 100k entities",
        String.format(Locale.ROOT, "%,.0f alerts/s%s", s.score(), s.bytesPerOp().map(b -> String.format(Locale.ROOT,
            ", %.0f B/alert", b)).orElse("")), s.score() >= 500_000));
    score("CorrelatorBenchmark.idleFootprint:bytesPerIdleEntity").ifPresent(s -> line(
        "correlator state < 1 KB per idle entity (100k entities)", String.format(Locale.ROOT, "%.0f B/entity",
            s.score()), s.score() < 1024));
    scores.forEach((key, s) -> {
      if (key.startsWith("TechniqueLookupBenchmark.")) {
        double bytes = s.bytesPerOp().orElse(Double.NaN);
        line("lookup < 25 ns, 0 B/op: " + key.substring("TechniqueLookupBenchmark.".length()),
            String.format(Locale.ROOT, "%.1f ns, %s B/op", s.score(),
                s.bytesPerOp().isPresent() ? String.format(Locale.ROOT, "%.2f", bytes) : "(run with -prof gc)"),
            s.score() < 25 && bytes < 0.5);
      }
    });
  }
}
