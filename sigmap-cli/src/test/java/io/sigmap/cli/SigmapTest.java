package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command tree as a whole: help and version everywhere, usage errors, exit codes. */
class SigmapTest {

  @TempDir
  Path cache;

  /** Every command path: [], [attack], [attack, fetch], ... */
  static List<List<String>> commandPaths() {
    CommandLine root = Sigmap.commandLine(new CliEnv(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), k -> null, k -> null, false, Clock.systemUTC()));
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine c, List<String> prefix, List<List<String>> out) {
    out.add(List.copyOf(prefix));
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(prefix);
      p.add(e.getKey());
      collect(e.getValue(), p, out);
    }
  }

  private static String[] args(List<String> path, String... more) {
    List<String> a = new ArrayList<>(path);
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void commandTree_hasEveryCommand() {
    List<String> names = new ArrayList<>();
    commandPaths().forEach(p -> names.add(String.join(" ", p)));
    assertEquals(List.of("", "validate", "enrich", "coverage", "correlate", "attack", "attack fetch", "attack list",
        "attack info", "attack diff", "policies"), names);
  }

  @Test
  void help_onEveryCommand() {
    for (List<String> path : commandPaths()) {
      for (String flag : List.of("--help", "-h")) {
        Cli.Run r = new Cli(cache).run(args(path, flag));
        String name = String.join(" ", path);
        assertEquals(0, r.code(), name + " " + flag + ": " + r);
        assertTrue(r.out().startsWith("Usage: sigmap" + (path.isEmpty() ? "" : " " + name)), name + ": " + r);
        assertTrue(r.out().contains("Exit codes:"), name + ": " + r);
        assertEquals("", r.err(), name + ": " + r);
      }
    }
  }

  @Test
  void version_onEveryCommand() {
    for (List<String> path : commandPaths()) {
      Cli.Run r = new Cli(cache).run(args(path, "--version"));
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith("sigmap "), r.toString());
      assertTrue(r.out().contains("Java "), r.toString());
    }
  }

  @Test
  void version_comesFromTheBuild() {
    String v = VersionProvider.version();
    assertFalse(v.contains("${"), v);
    assertFalse(v.equals("unknown"), "the version file is filtered at build time");
  }

  @Test
  void groupCommands_withoutSubcommand_areUsageErrors() {
    for (List<String> path : List.of(List.<String>of(), List.of("attack"))) {
      Cli.Run r = new Cli(cache).run(args(path));
      assertEquals(ExitCodes.USAGE, r.code(), r.toString());
      assertEquals("", r.out());
      assertTrue(r.err().contains("missing a command"), r.toString());
      assertTrue(r.err().contains("--help' for more information"), r.toString());
    }
  }

  @Test
  void unknownOption_isUsageError_withSuggestion() {
    Cli.Run r = new Cli(cache).run("attack", "list", "--formt", "json");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("sigmap attack list: Unknown option"), r.toString());
    assertTrue(r.err().contains("--format"), "suggests the option: " + r);
    assertEquals("", r.out());
  }

  @Test
  void unknownCommand_isUsageError_withSuggestion() {
    Cli.Run r = new Cli(cache).run("attack", "lsit");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("Did you mean: sigmap attack list?"), r.toString());
    Cli.Run far = new Cli(cache).run("attack", "frobnicate");
    assertEquals(ExitCodes.USAGE, far.code(), far.toString());
    assertTrue(!far.err().contains("Did you mean"), far.toString());
  }

  @Test
  void badEnumValue_isUsageError() {
    Cli.Run r = new Cli(cache).run("attack", "list", "--format", "xml");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("xml"), r.toString());
  }

  @Test
  void enumValues_areCaseInsensitive() {
    Cli.Run r = new Cli(cache).run("policies", "--format", "JSON");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("{"), r.toString());
  }

  @Test
  void globalOptions_workBeforeAndAfterTheCommand() {
    Path other = cache.resolve("other");
    Cli.Run before = new Cli(cache).run("--cache", other.toString(), "attack", "list", "--format", "json");
    Cli.Run after = new Cli(cache).run("attack", "list", "--format", "json", "--cache", other.toString(), "-v");
    assertEquals(0, before.code(), before.toString());
    assertEquals(before.out(), after.out());
    assertTrue(before.out().contains(other.resolve("attack").toString().replace("\\", "\\\\")), before.toString());
  }

  @Test
  void distance_countsEdits() {
    assertEquals(0, Errors.distance("list", "list"));
    assertEquals(1, Errors.distance("lsit", "list"));
    assertEquals(1, Errors.distance("info", "infos"));
    assertEquals(2, Errors.distance("fecth", "fetch") + 1);
    assertEquals(4, Errors.distance("diff", ""));
  }

  @Test
  void exitCodes_areStable() {
    assertEquals(0, ExitCodes.OK);
    assertEquals(1, ExitCodes.GATE_FAILED);
    assertEquals(2, ExitCodes.USAGE);
    assertEquals(3, ExitCodes.IO_ERROR);
    assertEquals(4, ExitCodes.INTERNAL_ERROR);
  }

  @Test
  void run_rejectsNull() {
    assertThrows(NullPointerException.class, () -> Sigmap.run((String[]) null));
    assertThrows(NullPointerException.class, () -> Sigmap.run("attack", null));
  }

  @Test
  void internalError_isExitCode4_withAReportHint() {
    CommandLine cl = Sigmap.commandLine(new CliEnv(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), k -> null, k -> null, false, Clock.systemUTC()));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int code = Errors.executionError(new IllegalStateException("boom"), cl, 0);
    assertEquals(ExitCodes.INTERNAL_ERROR, code);
    assertTrue(err.toString().startsWith("sigmap: internal error: java.lang.IllegalStateException: boom"),
        err.toString());
    assertTrue(err.toString().contains("please report it"), err.toString());
  }
}
