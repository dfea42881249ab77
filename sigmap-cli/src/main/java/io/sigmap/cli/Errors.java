package io.sigmap.cli;

import io.sigmap.stix.SigmapException;
import io.sigmap.stix.StixFormatException;
import io.sigmap.weights.TacticWeightPolicyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * How failures reach the user: one {@code sigmap: ...} line saying what happened, {@code hint:} lines saying
 * what to do, and the exit code of {@link ExitCodes}. Stack traces only for bugs, or with {@code -vv}.
 */
final class Errors {

  private Errors() {}

  /** Bad command line: the message, a suggestion for a mistyped option or command, and where help is. */
  static int parameterError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
    boolean suggested = CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    if (!suggested && ex instanceof CommandLine.UnmatchedArgumentException
        && !((CommandLine.UnmatchedArgumentException) ex).getUnmatched().isEmpty()) {
      String typed = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0);
      List<String> close = new ArrayList<>();
      for (String name : cmd.getSubcommands().keySet()) {
        if (distance(typed, name) <= 2) {
          close.add(cmd.getCommandSpec().qualifiedName() + " " + name);
        }
      }
      if (!close.isEmpty()) {
        err.println("Did you mean: " + String.join(" or ", close) + "?");
      }
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The edit distance between two words (insertions, deletions, substitutions, adjacent swaps). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** A command failed while running. */
  static int executionError(Exception ex, CommandLine cmd, int verbosity) {
    PrintWriter err = cmd.getErr();
    int code;
    if (ex instanceof CliException) {
      CliException c = (CliException) ex;
      err.println("sigmap: " + c.getMessage());
      c.hints().forEach(h -> err.println("hint: " + h));
      code = c.exitCode();
    } else if (ex instanceof StixFormatException || ex instanceof TacticWeightPolicyException) {
      err.println("sigmap: " + ex.getMessage());
      code = ExitCodes.USAGE;
    } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
      err.println("sigmap: " + ex.getMessage());
      code = ExitCodes.IO_ERROR;
    } else if (ex instanceof SigmapException) {
      err.println("sigmap: " + ex.getMessage());
      code = ExitCodes.USAGE;
    } else {
      err.println("sigmap: internal error: " + ex);
      err.println("hint: this is a bug in sigmap " + VersionProvider.version()
          + "; please report it with the command line and this output");
      ex.printStackTrace(err);
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
    if (verbosity >= 2) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
