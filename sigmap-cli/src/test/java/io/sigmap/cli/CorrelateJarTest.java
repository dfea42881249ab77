package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigmap enrich} then {@code sigmap correlate} as real processes ({@code java -jar target/sigmap.jar}), the
 * alerts on standard input. Run by failsafe after {@code package}.
 */
class CorrelateJarTest {

  @TempDir
  Path dir;

  record Proc(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Proc java(File stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", SigmapJarTest.jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put(CliEnv.CACHE_ENV, dir.resolve("cache").toString());
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(stdin));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the process did not end: " + cmd);
    }
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path enrich() throws IOException, InterruptedException {
    Path enriched = dir.resolve("enriched");
    Proc e = java(new File("/dev/null"), "enrich", "--attack", RuleFiles.attack(), "--fail-on", "never", "--out",
        enriched.toString(), RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.OK, e.code(), e.toString());
    return enriched;
  }

  @Test
  void enrichThenCorrelate_alertsOnStandardInput_sameAsInProcess() throws Exception {
    Path enriched = enrich();
    Path alerts = CorrelateCommandTest.scenario();
    Proc p = java(alerts.toFile(), "correlate", "--rules", enriched.toString(), "--alerts", "-", "--attack",
        RuleFiles.attack(), "--assets", CorrelateCommandTest.assets().toString());
    assertEquals(ExitCodes.OK, p.code(), p.toString());
    assertEquals("", p.err(), "quiet on success");
    List<JsonNode> lines = CorrelateCommandTest.lines(p.out());
    JsonNode summary = lines.get(lines.size() - 1);
    assertEquals("stdin", summary.get("source").asText());
    List<String> ids = new ArrayList<>();
    for (JsonNode n : CorrelateCommandTest.lines(Files.readString(alerts))) {
      ids.add(n.get("id").asText());
    }
    CorrelateCommandTest.checkStream(lines.subList(0, lines.size() - 1), ids, summary);
    Cli.Run in = new Cli(dir.resolve("cache")).run("correlate", "--rules", enriched.toString(), "--alerts",
        alerts.toString(), "--attack", RuleFiles.attack(), "--assets", CorrelateCommandTest.assets().toString());
    assertEquals(in.out().replace("\"source\":\"" + alerts + "\"", "\"source\":\"stdin\""), p.out());
  }

  @Test
  void failOnEscalation_andBadLines_asAProcess() throws Exception {
    Path enriched = enrich();
    Path alerts = dir.resolve("alerts.jsonl");
    List<String> text = new ArrayList<>(Files.readAllLines(CorrelateCommandTest.scenario()));
    text.add(0, "not an alert");
    Files.write(alerts, text, StandardCharsets.UTF_8);
    Path decisions = dir.resolve("decisions.jsonl");
    Proc p = java(new File("/dev/null"), "correlate", "--rules", enriched.toString(), "--alerts", alerts.toString(),
        "--fail-on-escalation", "--output", decisions.toString());
    assertEquals(ExitCodes.GATE_FAILED, p.code(), p.toString());
    assertEquals("", p.out());
    assertTrue(p.err().startsWith("sigmap: warning: " + alerts + ":1: not JSON: "), p.toString());
    assertTrue(Files.readString(decisions).contains("\"event\":\"chain_escalated\""));
    Proc missing = java(new File("/dev/null"), "correlate", "--rules", dir.resolve("none").toString(), "--alerts",
        "-");
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    assertTrue(missing.err().startsWith("sigmap: --rules " + dir.resolve("none") + ": no such file or folder"),
        missing.toString());
  }
}
