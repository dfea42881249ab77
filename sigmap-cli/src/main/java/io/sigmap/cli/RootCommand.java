package io.sigmap.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code sigmap}: the root of the command tree and the holder of the options every command takes. */
@Command(
    name = "sigmap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Sigma rules mapped to MITRE ATT&CK: validated, weighted and correlation-ready.",
        "",
        "Results go to stdout (or --output); messages and progress go to stderr."},
    subcommands = {ValidateCommand.class, EnrichCommand.class, CoverageCommand.class, CorrelateCommand.class,
        AttackCommand.class, PoliciesCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_GATE, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO,
        ExitCodes.HELP_INTERNAL},
    footerHeading = "%nEnvironment:%n",
    footer = {
        "  SIGMAP_CACHE  the cache folder (default ~/.cache/sigmap); --cache DIR wins over it",
        "  JAVA_OPTS     JVM options, read by the bin/sigmap launcher"})
final class RootCommand extends GroupCommand {

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log more to stderr: -v info, -vv debug (and stack traces).")
  boolean[] verbose = new boolean[0];

  @Option(names = "--cache", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The ATT&CK cache folder (default: $SIGMAP_CACHE, else ~/.cache/sigmap).")
  Path cacheDir;

  private final CliEnv env;

  RootCommand(CliEnv env) {
    this.env = env;
  }

  CliEnv cliEnv() {
    return env;
  }

  int verbosity() {
    return verbose.length;
  }

  Path cacheDir() {
    return cacheDir != null ? cacheDir : env.defaultCacheDir();
  }
}
