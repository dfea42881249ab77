package io.sigmap.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output FILE}: where the result goes instead of standard output. */
final class OutputOptions {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the result to FILE instead of stdout; the file appears complete or not at all.")
  Path file;

  Output open(CliEnv env) {
    return Output.open(file, env);
  }
}
