package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigmap.stix.TechniqueIndex;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate}, {@code enrich} and {@code coverage} as real processes: {@code java -jar target/sigmap.jar}
 * and {@code bin/sigmap}. Run by failsafe after {@code package}.
 */
class CommandsJarTest {

  @TempDir
  Path dir;

  record Proc(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Proc exec(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put(CliEnv.CACHE_ENV, dir.resolve("cache").toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the process did not end: " + command);
    }
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Proc java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", SigmapJarTest.jar().toString()));
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  private Proc launcher(String... args) throws IOException, InterruptedException {
    String launcher = System.getProperty("sigmap.launcher");
    Assumptions.assumeTrue(launcher != null && Files.isRegularFile(Path.of(launcher))
        && Files.isExecutable(Path.of("/bin/sh")), "needs bin/sigmap and /bin/sh");
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", launcher));
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  @Test
  void validate_examples_exit1_sameReportAsInProcess() throws Exception {
    String rules = RuleFiles.examplesRules().toString();
    Proc p = java("validate", "--attack", RuleFiles.attack(), rules);
    assertEquals(ExitCodes.GATE_FAILED, p.code(), p.toString());
    assertEquals("", p.err());
    Cli.Run in = new Cli(dir.resolve("cache")).run("validate", "--attack", RuleFiles.attack(), rules);
    assertEquals(in.out(), p.out());
    assertTrue(p.out().endsWith("\nFAILED: 4 rules reach --fail-on quarantine\n"), p.toString());
  }

  @Test
  void validate_eachFormat_throughTheLauncher() throws Exception {
    String rules = RuleFiles.examplesRules().toString();
    for (String format : List.of("json", "jsonl", "sarif")) {
      Proc p = launcher("validate", "--attack", RuleFiles.attack(), "--format", format, "--fail-on", "never", rules);
      assertEquals(0, p.code(), p.toString());
      assertEquals("", p.err());
      assertEquals(new Cli(dir.resolve("cache")).run("validate", "--attack", RuleFiles.attack(), "--format", format,
          "--fail-on", "never", rules).out(), p.out(), format);
      if (format.equals("sarif")) {
        SarifCheck.check(ValidateCommandTest.JSON.readTree(p.out()));
      }
    }
  }

  @Test
  void validate_usageErrors_exit2() throws Exception {
    Proc missing = java("validate", "--attack", RuleFiles.attack(), dir.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    assertEquals("", missing.out());
    assertTrue(missing.err().startsWith("sigmap: " + dir.resolve("nope") + ": no such file or folder"),
        missing.toString());
    Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"type\": \"bundle\",\n \"objects\": [\n  {]\n");
    Proc bad = java("validate", "--attack", corrupt.toString(), RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, bad.code(), bad.toString());
    assertTrue(bad.err().startsWith("sigmap: unusable ATT&CK data: " + corrupt + ":3:"), bad.toString());
    Proc noAttack = java("validate", RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, noAttack.code(), noAttack.toString());
    assertTrue(noAttack.err().contains("hint: run 'sigmap attack fetch'"), noAttack.toString());
    Proc option = java("validate", "--fail-on", "sometimes", RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.USAGE, option.code(), option.toString());
  }

  @Test
  void enrich_writes_andAnUnwritableFolderIsExit3() throws Exception {
    Path out = dir.resolve("out");
    Proc ok = java("enrich", "--attack", RuleFiles.attack(), "--out", out.toString(), "--format", "jsonl",
        "--fail-on", "never", RuleFiles.examplesRules().toString());
    assertEquals(0, ok.code(), ok.toString());
    assertEquals(10, Files.readAllLines(out.resolve(EnrichCommand.JSONL_FILE)).size());
    Path file = Files.writeString(dir.resolve("file"), "x");
    Proc bad = java("enrich", "--attack", RuleFiles.attack(), "--out", file.resolve("sub").toString(),
        RuleFiles.examplesRules().toString());
    assertEquals(ExitCodes.IO_ERROR, bad.code(), bad.toString());
    assertTrue(bad.err().startsWith("sigmap: cannot create the folder " + file.resolve("sub")), bad.toString());
  }

  @Test
  void coverage_layer() throws Exception {
    Path layer = dir.resolve("layer.json");
    Proc p = launcher("coverage", "--attack", RuleFiles.attack(), "--layer", layer.toString(),
        RuleFiles.examplesRules().toString());
    assertEquals(0, p.code(), p.toString());
    assertTrue(p.out().contains("\nenterprise techniques covered (3 of 15 active)\n"), p.toString());
    JsonNode l = ValidateCommandTest.JSON.readTree(layer.toFile());
    CoverageCommandTest.LayerCheck.check(l, TechniqueIndex.load(Fixtures.miniEnterprise()));
  }

  @Test
  void realData_validateThroughTheLauncher() throws Exception {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    Path rules = Fixtures.sharedFile("sigma/sigmahq-2025-12-25");
    Proc p = launcher("validate", "--attack", bundle.toString(), rules.toString());
    assertEquals(ExitCodes.GATE_FAILED, p.code(), p.err());
    assertEquals("", p.err());
    assertTrue(p.out().contains("\nread         3921\nvalidated    3199\nquarantined  722\n"), p.out()
        .substring(Math.max(0, p.out().length() - 2000)));
    assertTrue(p.out().endsWith("\nFAILED: 722 rules reach --fail-on quarantine\n"), p.out()
        .substring(Math.max(0, p.out().length() - 500)));
  }
}
