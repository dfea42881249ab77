package io.sigmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a run of the command sees of its process: its output streams, environment variables, system properties,
 * whether it talks to a terminal, and the clock. Tests run commands in-process with their own.
 */
final class CliEnv {

  /** The environment variable naming the cache folder. */
  static final String CACHE_ENV = "SIGMAP_CACHE";

  /** The system property naming the cache folder; wins over {@value #CACHE_ENV}. */
  static final String CACHE_PROPERTY = "sigmap.cache";

  private final PrintWriter out;
  private final PrintWriter err;
  private final UnaryOperator<String> getenv;
  private final UnaryOperator<String> getProperty;
  private final boolean terminal;
  private final Clock clock;

  CliEnv(PrintWriter out, PrintWriter err, UnaryOperator<String> getenv, UnaryOperator<String> getProperty,
      boolean terminal, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.getenv = Objects.requireNonNull(getenv, "getenv");
    this.getProperty = Objects.requireNonNull(getProperty, "getProperty");
    this.terminal = terminal;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The real process: System.out and System.err as UTF-8, its environment, a terminal when it has a console. */
  static CliEnv system(PrintWriter out, PrintWriter err) {
    return new CliEnv(out, err, System::getenv, System::getProperty, System.console() != null, Clock.systemUTC());
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Optional<String> env(String name) {
    return nonBlank(getenv.apply(name));
  }

  Optional<String> property(String name) {
    return nonBlank(getProperty.apply(name));
  }

  boolean terminal() {
    return terminal;
  }

  Clock clock() {
    return clock;
  }

  /**
   * The cache folder when no {@code --cache} option names one: the {@value #CACHE_PROPERTY} system property,
   * else {@value #CACHE_ENV}, else {@code $XDG_CACHE_HOME/sigmap}, else {@code ~/.cache/sigmap}.
   */
  Path defaultCacheDir() {
    return property(CACHE_PROPERTY).or(() -> env(CACHE_ENV)).map(Path::of)
        .or(() -> env("XDG_CACHE_HOME").map(x -> Path.of(x, "sigmap")))
        .orElseGet(() -> Path.of(property("user.home").orElse("."), ".cache", "sigmap"));
  }

  private static Optional<String> nonBlank(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
