package io.sigmap.cli;

/**
 * Applies {@code -v}: slf4j-simple reads its level from system properties when the first logger is made, which
 * in a {@code sigmap} process is after the command line is parsed. In-process runs that already logged keep the
 * level they had.
 */
final class Logging {

  static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  private Logging() {}

  static void apply(int verbosity) {
    if (verbosity <= 0 || System.getProperty(LEVEL_PROPERTY) != null) {
      return; // the default (warn) from simplelogger.properties, or what the user set with -D
    }
    System.setProperty(LEVEL_PROPERTY, verbosity == 1 ? "info" : "debug");
  }
}
