package io.sigmap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command: access to the process view and the cache that the root command holds. A command
 * returns its exit code, or throws a {@link CliException} that {@link Errors} reports.
 */
abstract class CommandBase implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  final RootCommand root() {
    return (RootCommand) spec.root().userObject();
  }

  final CliEnv env() {
    return root().cliEnv();
  }

  final AttackCache cache() {
    return new AttackCache(root().cacheDir());
  }
}
