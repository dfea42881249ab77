package io.sigmap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs sigmap commands in this JVM with captured output, a test cache and a fixed clock. */
final class Cli {

  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  final Path cache;
  final Map<String, String> env = new HashMap<>();
  final Map<String, String> properties = new HashMap<>();
  boolean terminal;

  Cli(Path cache) {
    this.cache = cache;
    env.put(CliEnv.CACHE_ENV, cache.toString());
    properties.put("user.home", cache.resolve("home").toString());
  }

  /** The outcome of one run. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnv e = new CliEnv(new PrintWriter(out, true), new PrintWriter(err, true), env::get, properties::get,
        terminal, Clock.fixed(NOW, ZoneOffset.UTC));
    int code = Sigmap.execute(e, args);
    return new Run(code, out.toString(), err.toString());
  }
}
