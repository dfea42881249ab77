package io.sigmap.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: run alone, it is a usage error that lists them. */
abstract class GroupCommand extends CommandBase {

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command; one of: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
