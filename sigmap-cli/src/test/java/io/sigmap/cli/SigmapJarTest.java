package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.AttackStatus;
import io.sigmap.stix.TechniqueIndex;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command: {@code java -jar target/sigmap.jar} and {@code bin/sigmap} as real processes. Run by
 * failsafe after {@code package}, which builds the jar.
 */
class SigmapJarTest {

  @TempDir
  Path dir;

  static Path jar() {
    String p = System.getProperty("sigmap.jar");
    Path jar = p != null && !p.startsWith("${") ? Path.of(p) : Path.of("target", "sigmap.jar");
    assertTrue(Files.isRegularFile(jar), "no " + jar.toAbsolutePath() + ": failsafe runs this test after package");
    return jar;
  }

  record Proc(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Proc exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove(CliEnv.CACHE_ENV);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put(CliEnv.CACHE_ENV, dir.resolve("cache").toString());
    pb.environment().putAll(env);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null").exists() ? new File("/dev/null")
        : out.toFile()));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the process did not end: " + command);
    }
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Proc java(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return exec(cmd, env);
  }

  private Proc java(String... args) throws IOException, InterruptedException {
    return java(Map.of(), args);
  }

  @Test
  void jar_isRunnable_andCarriesItsDependencies() throws IOException {
    try (JarFile j = new JarFile(jar().toFile())) {
      Attributes main = j.getManifest().getMainAttributes();
      assertEquals("io.sigmap.cli.Sigmap", main.getValue("Main-Class"));
      assertEquals("true", main.getValue("Multi-Release"));
      assertTrue(j.getEntry("picocli/CommandLine.class") != null);
      assertTrue(j.getEntry("io/sigmap/stix/TechniqueIndex.class") != null);
      assertTrue(j.getEntry("org/slf4j/simple/SimpleLogger.class") != null);
      assertTrue(j.getEntry("simplelogger.properties") != null);
      assertTrue(j.getEntry("META-INF/services/io.sigmap.weights.spi.TacticWeightPolicy") != null);
      assertTrue(j.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null);
      assertTrue(j.getEntry("module-info.class") == null, "module descriptors are left out of the fat jar");
      j.stream().forEach(e -> assertFalse(e.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA)"), e.getName()));
    }
  }

  @Test
  void help_version_andUsageErrors() throws Exception {
    Proc help = java("--help");
    assertEquals(0, help.code(), help.toString());
    assertTrue(help.out().startsWith("Usage: sigmap"), help.toString());
    assertEquals("", help.err());
    Proc version = java("attack", "fetch", "--version");
    assertEquals(0, version.code(), version.toString());
    assertTrue(version.out().startsWith("sigmap " + VersionProvider.version() + "\n"), version.toString());
    Proc bad = java("attack", "info", "--nope");
    assertEquals(ExitCodes.USAGE, bad.code(), bad.toString());
    assertEquals("", bad.out());
    assertTrue(bad.err().contains("Unknown option: '--nope'"), bad.toString());
  }

  @Test
  void info_sameOutputAsInProcess() throws Exception {
    Proc p = java("attack", "info", Fixtures.miniEnterprise().toString(), "--format", "json");
    assertEquals(0, p.code(), p.toString());
    assertEquals("", p.err(), "quiet on success");
    assertEquals(new Cli(dir.resolve("cache")).run("attack", "info", Fixtures.miniEnterprise().toString(),
        "--format", "json").out(), p.out());
  }

  @Test
  void noAttackData_isExit2_withTheAdvice() throws Exception {
    Proc p = java("attack", "info");
    assertEquals(ExitCodes.USAGE, p.code(), p.toString());
    assertEquals("", p.out());
    assertTrue(p.err().startsWith("sigmap: no ATT&CK data: no --attack given and the cache "), p.toString());
    assertTrue(p.err().contains("hint: run 'sigmap attack fetch'"), p.toString());
  }

  @Test
  void corruptAttackFile_isExit2_withFileAndLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.json"), "{\"type\": \"bundle\",\n \"objects\": [\n  {]\n");
    Proc p = java("attack", "info", bad.toString());
    assertEquals(ExitCodes.USAGE, p.code(), p.toString());
    assertTrue(p.err().startsWith("sigmap: unusable ATT&CK data: " + bad + ":3:"), p.toString());
  }

  @Test
  void fetch_thenInfoFromTheSnapshot_logsToStderrOnly() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.route("/enterprise-attack.json", x -> TestServer.send(x, 200, "text/plain",
          Fixtures.miniEnterpriseBytes()));
      Proc fetch = java("attack", "fetch", "--url", server.uri("/enterprise-attack.json").toString());
      assertEquals(0, fetch.code(), fetch.toString());
      assertEquals(dir.resolve("cache/attack/enterprise-attack-18.1.json") + "\n", fetch.out());
      assertEquals("", fetch.err());
    }
    Proc info = java("-v", "attack", "info");
    assertEquals(0, info.code(), info.toString());
    assertTrue(info.out().startsWith("source          " + dir.resolve("cache/attack/enterprise-attack-18.1.json")),
        info.toString());
    assertTrue(info.err().contains("INFO AttackSources - read the index snapshot"), info.toString());
    assertFalse(info.out().contains("INFO"), "logs never reach stdout");
    Proc list = java("attack", "list", "--format", "json");
    assertEquals(0, list.code(), list.toString());
    assertTrue(list.out().contains("\"attack\": \"enterprise@18.1\""), list.toString());
  }

  @Test
  void launcher_findsTheJar_andPassesJavaOpts() throws Exception {
    String launcher = System.getProperty("sigmap.launcher");
    Assumptions.assumeTrue(launcher != null && Files.isRegularFile(Path.of(launcher)) && Files.isExecutable(
        Path.of("/bin/sh")), "needs bin/sigmap and /bin/sh");
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS", "-Dsigmap.cache=" + dir.resolve("from-java-opts"));
    Proc p = exec(List.of("/bin/sh", launcher, "attack", "list", "--format", "json"), env);
    assertEquals(0, p.code(), p.toString());
    assertTrue(p.out().contains("\"cache\": \"" + dir.resolve("from-java-opts/attack") + "\""), p.toString());
    env.put("SIGMAP_JAR", dir.resolve("missing.jar").toString());
    Proc missing = exec(List.of("/bin/sh", launcher, "--version"), env);
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    assertTrue(missing.err().contains("cannot find sigmap.jar"), missing.toString());
  }

  @Test
  void realData_infoCountsMatchTheLibrary() throws Exception {
    Path bundle = Fixtures.sharedFile("attack/enterprise-attack-18.1.json");
    TechniqueIndex index = TechniqueIndex.load(bundle);
    long active = index.techniques(AttackDomain.ENTERPRISE).stream()
        .filter(t -> t.status() == AttackStatus.ACTIVE).count();
    Proc p = java("attack", "info", bundle.toString(), "--format", "json");
    assertEquals(0, p.code(), p.toString());
    assertTrue(p.out().contains("\"total\": " + index.techniques(AttackDomain.ENTERPRISE).size() + ","), p.out());
    assertTrue(p.out().contains("\"active\": " + active + ","), p.out());
    assertTrue(p.out().contains("\"attack_version\": \"18.1\""), p.out());
  }
}
