package io.sigmap.cli;

/**
 * The exit codes of the {@code sigmap} command. They are stable: scripts and CI jobs may rely on them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th><th>what helps</th></tr>
 *   <tr><td>{@value #OK}</td><td>success; for a gate, nothing reached the fail level</td><td></td></tr>
 *   <tr><td>{@value #GATE_FAILED}</td><td>the command ran and found what it was asked to fail on: a rule at
 *       the {@code --fail-on} level ({@code validate}), a difference ({@code attack diff --exit-code})</td>
 *       <td>fix the rules</td></tr>
 *   <tr><td>{@value #USAGE}</td><td>a usage error, or ATT&amp;CK data that is missing or unusable: an unknown
 *       option, a bad value, an {@code --attack} file that is missing or not a STIX bundle, nothing cached,
 *       a download that is not an ATT&amp;CK bundle (wrong content type, too large, invalid JSON), an HTTP 4xx
 *       answer</td><td>change the command or the data</td></tr>
 *   <tr><td>{@value #IO_ERROR}</td><td>the environment failed: an output or cache file that cannot be written,
 *       a server that cannot be reached, times out, answers 5xx or breaks off a download</td>
 *       <td>retry, or fix the file system or network</td></tr>
 *   <tr><td>{@value #INTERNAL_ERROR}</td><td>a bug in sigmap; the message asks to report it</td><td></td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** The command ran and found what it was asked to fail on. */
  public static final int GATE_FAILED = 1;

  /** A usage error, or missing or unusable ATT&amp;CK data. */
  public static final int USAGE = 2;

  /** A file could not be written or read, or a server could not be reached or broke off. */
  public static final int IO_ERROR = 3;

  /** A bug in sigmap. */
  public static final int INTERNAL_ERROR = 4;

  // The lines that every command's help shows under "Exit codes:" (picocli's "code:description" form).
  static final String HELP_OK = "0:success (for a gate: nothing reached the fail level)";
  static final String HELP_SUCCESS = "0:success";
  static final String HELP_GATE = "1:the gate failed (a rule at the fail level, or a difference with --exit-code)";
  static final String HELP_USAGE = "2:usage error, or ATT&CK data missing or unusable";
  static final String HELP_IO = "3:I/O error: a file could not be written, or a server failed or timed out";
  static final String HELP_INTERNAL = "4:internal error (a bug: please report it)";

  private ExitCodes() {}
}
