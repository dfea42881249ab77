package io.sigmap.correlate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The module's JSON plumbing: a bounded reader configuration, line reading and field helpers. */
final class Json {

  /** The longest line or file text read. */
  static final int MAX_LINE_CHARS = 1 << 20;

  /** The largest single JSON file read whole. */
  static final long MAX_FILE_BYTES = 64L << 20;

  /** Immutable after construction, hence safe to share; holds no state between calls. */
  static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxStringLength(MAX_LINE_CHARS)
          .maxNumberLength(64)
          .build())
      .build());

  private Json() {
  }

  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  static String message(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int nl = m == null ? -1 : m.indexOf('\n');
    return m == null ? e.getClass().getSimpleName() : nl < 0 ? m : m.substring(0, nl);
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.textValue().trim());
  }

  /**
   * Reads a time: epoch milliseconds as a number, or an ISO-8601 instant as text.
   *
   * @return the epoch milliseconds, or empty when absent or malformed
   */
  static Optional<Long> time(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return Optional.of(v.longValue());
    }
    if (v.isTextual()) {
      try {
        return Optional.of(Instant.parse(v.textValue().trim()).toEpochMilli());
      } catch (DateTimeParseException | ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Reads lines of at most {@link #MAX_LINE_CHARS} characters; longer lines are skipped and flagged. */
  static final class Lines {
    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private boolean eof;
    private final StringBuilder line = new StringBuilder();
    private int number;
    private boolean tooLong;

    Lines(Reader reader) {
      this.reader = reader;
    }

    /** Advances to the next line; false at the end of input. */
    boolean next() throws IOException {
      line.setLength(0);
      tooLong = false;
      boolean any = false;
      while (true) {
        if (pos == limit) {
          if (eof) {
            if (any) {
              number++;
              return true;
            }
            return false;
          }
          limit = reader.read(buffer, 0, buffer.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            eof = true;
            continue;
          }
        }
        char c = buffer[pos++];
        any = true;
        if (c == '\n') {
          number++;
          int n = line.length();
          if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
          }
          return true;
        }
        if (!tooLong) {
          if (line.length() >= MAX_LINE_CHARS) {
            tooLong = true;
            line.setLength(0);
          } else {
            line.append(c);
          }
        }
      }
    }

    String line() {
      return line.toString();
    }

    boolean blank() {
      for (int i = 0; i < line.length(); i++) {
        if (!Character.isWhitespace(line.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    int number() {
      return number;
    }

    boolean tooLong() {
      return tooLong;
    }
  }
}
