package io.sigmap.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code sigmap} command's entry point.
 *
 * <pre>{@code
 * java -jar sigmap.jar attack fetch                 # download the latest Enterprise ATT&CK into the cache
 * java -jar sigmap.jar attack info                  # what the cached bundle holds
 * java -jar sigmap.jar --help                       # every command
 * }</pre>
 *
 * <p>Results go to standard output (or {@code --output FILE}); messages, warnings and progress go to standard
 * error. {@link ExitCodes} lists the exit codes. The cache folder is {@code --cache DIR}, else the
 * {@code sigmap.cache} system property, else {@code $SIGMAP_CACHE}, else {@code ~/.cache/sigmap}.
 *
 * <p>Each call runs one command and keeps no state between calls; calls from several threads must not share
 * {@code System.out}, so {@link #run(String...)} is meant for one command at a time.
 *
 * @since 0.1.0
 */
public final class Sigmap {

  private Sigmap() {}

  /**
   * Runs a command and exits the process with its exit code.
   *
   * @param args the command line, for example {@code attack info enterprise@18.1}
   */
  public static void main(String... args) {
    System.exit(run(args));
  }

  /**
   * Runs a command in this process, writing to {@code System.out} and {@code System.err} in UTF-8, and returns
   * its exit code instead of exiting.
   *
   * @param args the command line
   * @return the exit code, one of {@link ExitCodes}
   */
  public static int run(String... args) {
    Objects.requireNonNull(args, "args");
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    try {
      return execute(CliEnv.system(out, err), args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs a command with the given process view; the tests' entry point. */
  static int execute(CliEnv env, String... args) {
    for (String a : args) {
      Objects.requireNonNull(a, "args[i]");
    }
    return commandLine(env).execute(args);
  }

  /** The command tree, wired to the environment, with sigmap's error handling and exit codes. */
  static CommandLine commandLine(CliEnv env) {
    RootCommand root = new RootCommand(env);
    CommandLine cl = new CommandLine(root);
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(100);
    cl.setParameterExceptionHandler(Errors::parameterError);
    cl.setExecutionExceptionHandler((ex, command, parsed) -> Errors.executionError(ex, command, root.verbosity()));
    cl.setExecutionStrategy(parsed -> {
      Logging.apply(root.verbosity());
      return new CommandLine.RunLast().execute(parsed);
    });
    return cl;
  }
}
