package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output}: all or nothing, and precise failures. */
class OutputTest {

  @TempDir
  Path dir;

  private final StringWriter stdout = new StringWriter();
  private final CliEnv env = new CliEnv(new PrintWriter(stdout), new PrintWriter(new StringWriter()), k -> null,
      k -> null, false, Clock.systemUTC());

  private long files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void stdout_whenNoFile() {
    try (Output o = Output.open(null, env)) {
      o.writer().print("hello");
      o.commit();
    }
    assertEquals("hello", stdout.toString());
  }

  @Test
  void file_appearsOnlyOnCommit() throws IOException {
    Path f = dir.resolve("report.json");
    try (Output o = Output.open(f, env)) {
      o.writer().print("{}");
      assertFalse(Files.exists(f), "not before commit");
      o.commit();
    }
    assertEquals("{}", Files.readString(f));
    assertEquals(1, files(), "no temporary file left");
  }

  @Test
  void file_failedRun_leavesNothing_andKeepsTheOldFile() throws IOException {
    Path f = Files.writeString(dir.resolve("report.json"), "old");
    try (Output o = Output.open(f, env)) {
      o.writer().print("half");
      // no commit: the command failed
    }
    assertEquals("old", Files.readString(f));
    assertEquals(1, files());
  }

  @Test
  void file_inAMissingFolder_isIoError() {
    CliException e = assertThrows(CliException.class, () -> Output.open(dir.resolve("no/such/report.json"), env));
    assertEquals(ExitCodes.IO_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
  }

  @Test
  void file_underARegularFile_isIoError() throws IOException {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    CliException e = assertThrows(CliException.class, () -> Output.open(notADir.resolve("report.json"), env));
    assertEquals(ExitCodes.IO_ERROR, e.exitCode());
  }

  @Test
  void file_thatIsAFolder_isUsageError() {
    CliException e = assertThrows(CliException.class, () -> Output.open(dir, env));
    assertEquals(ExitCodes.USAGE, e.exitCode());
  }

  @Test
  void command_outputUnwritable_isExitCode3_andPrintsNothing() throws IOException {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    Cli.Run r = new Cli(dir).run("attack", "info", Fixtures.miniEnterprise().toString(), "-o",
        notADir.resolve("info.txt").toString());
    assertEquals(ExitCodes.IO_ERROR, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("sigmap: cannot write " + notADir.resolve("info.txt")), r.toString());
  }
}
