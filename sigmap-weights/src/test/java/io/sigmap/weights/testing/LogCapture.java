package io.sigmap.weights.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Captures what slf4j-simple (the test binding) writes to {@code System.err} while some code runs.
 * slf4j-simple looks {@code System.err} up at each write, so swapping the stream is enough.
 */
public final class LogCapture {

  private LogCapture() {}

  /**
   * The lines logged while code ran, and its result.
   *
   * @param <T> the result type
   * @param value what the code returned
   * @param lines the log lines
   */
  public record Captured<T>(T value, List<String> lines) {

    /**
     * Returns the lines at one level.
     *
     * @param level {@code WARN}, {@code INFO}, ...
     * @return the lines whose level is {@code level}
     */
    public List<String> at(String level) {
      return lines.stream().filter(l -> l.contains(" " + level + " ")).collect(Collectors.toList());
    }
  }

  /**
   * Runs code and returns what it logged.
   *
   * @param <T> the result type
   * @param code the code
   * @return the result and the lines
   */
  public static synchronized <T> Captured<T> capture(Supplier<T> code) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    T value;
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      value = code.get();
    } finally {
      System.setErr(saved);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    saved.print(text);
    List<String> lines = text.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    return new Captured<>(value, lines);
  }
}
