package io.sigmap.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command writes its result: standard output, or a file written all-or-nothing (to a temporary file
 * beside it, moved into place by {@link #commit()}), so that a failed run never leaves half a report.
 *
 * <pre>{@code
 * try (Output out = Output.open(outputFile, env)) {
 *   render(out.writer());
 *   out.commit();
 * }
 * }</pre>
 */
final class Output implements AutoCloseable {

  private final Path file;
  private final Path temp;
  private final PrintWriter writer;
  private boolean committed;

  private Output(Path file, Path temp, PrintWriter writer) {
    this.file = file;
    this.temp = temp;
    this.writer = writer;
  }

  /**
   * Opens the output.
   *
   * @param file the file, or null for standard output
   * @throws CliException ({@link ExitCodes#IO_ERROR}) when the file's folder cannot be written
   */
  static Output open(Path file, CliEnv env) {
    if (file == null) {
      Writer keepOpen = new FilterWriter(env.out()) {
        @Override
        public void close() {
          env.out().flush();
        }
      };
      return new Output(null, null, new PrintWriter(keepOpen, false));
    }
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw CliException.usage(String.format(Locale.ROOT, "--output %s is a folder; name a file", file));
    }
    try {
      // Created like any other file, so the result gets the umask's permissions (createTempFile: owner only).
      Path temp = dir.resolve(String.format(Locale.ROOT, ".%s.%016x.tmp", file.getFileName(),
          ThreadLocalRandom.current().nextLong()));
      Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
      return new Output(file, temp, new PrintWriter(w, false));
    } catch (IOException | RuntimeException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot write %s: %s", file, reason(e)), e,
          "check that the folder " + dir + " exists and is writable");
    }
  }

  /** The writer; UTF-8. */
  PrintWriter writer() {
    return writer;
  }

  /** Finishes the output: flushes standard output, or moves the complete file into place. */
  void commit() {
    writer.flush();
    if (file == null) {
      if (writer.checkError()) {
        // a closed pipe (sigmap ... | head) is not a failure of the command
        return;
      }
      committed = true;
      return;
    }
    writer.close();
    if (writer.checkError()) {
      throw CliException.io(String.format(Locale.ROOT, "cannot write %s: writing the temporary file %s failed",
          file, temp), null, "check the free space of the file system");
    }
    try {
      AttackCache.move(temp, file);
      committed = true;
    } catch (IOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot write %s: %s", file, reason(e)), e);
    }
  }

  @Override
  public void close() {
    if (file == null) {
      writer.flush();
      return;
    }
    writer.close();
    if (!committed) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // nothing more to do: the temporary file is hidden and named after the output
      }
    }
  }

  static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
