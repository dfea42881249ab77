/**
 * The {@code sigmap} command: checks Sigma rules against ATT&amp;CK and manages the ATT&amp;CK data they are
 * checked against. {@link io.sigmap.cli.Sigmap} is the entry point; {@link io.sigmap.cli.ExitCodes} lists the
 * exit codes.
 *
 * @since 0.1.0
 */
module io.sigmap.cli {
  requires io.sigmap.stix;
  requires io.sigmap.weights;
  requires io.sigmap.core;
  requires io.sigmap.correlate;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  requires java.net.http;

  exports io.sigmap.cli;

  // picocli reads the command classes' annotated fields reflectively.
  opens io.sigmap.cli to info.picocli;
}
