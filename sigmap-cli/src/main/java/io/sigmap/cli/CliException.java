package io.sigmap.cli;

import io.sigmap.stix.SigmapException;
import java.util.List;

/**
 * A failure the command reports to its user: a message, the hints that say what to do about it, and the exit
 * code. The message says what happened and the value involved; the hints name the command or option that fixes
 * it.
 */
final class CliException extends SigmapException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final List<String> hints;

  CliException(int exitCode, String message, List<String> hints, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hints = List.copyOf(hints);
  }

  static CliException usage(String message, String... hints) {
    return new CliException(ExitCodes.USAGE, message, List.of(hints), null);
  }

  static CliException io(String message, Throwable cause, String... hints) {
    return new CliException(ExitCodes.IO_ERROR, message, List.of(hints), cause);
  }

  int exitCode() {
    return exitCode;
  }

  List<String> hints() {
    return hints;
  }
}
