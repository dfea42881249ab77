package io.sigmap.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Option value converters: sizes ({@code 200M}), durations ({@code 10s}), thread counts and instants. */
final class Converters {

  private Converters() {}

  /** A byte count: {@code 1048576}, {@code 512K}, {@code 200M}, {@code 1G} (binary multiples), at least 1. */
  static final class ByteSize implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmg]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.strip());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a size: use bytes or a number with K, M or G, such as 200M");
      }
      long n = Long.parseLong(m.group(1));
      int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "k" -> 10;
        case "m" -> 20;
        case "g" -> 30;
        default -> 0;
      };
      if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
        throw new CommandLine.TypeConversionException("'" + value + "' is out of range: at least 1 byte");
      }
      return n << shift;
    }
  }

  /** A duration: {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, a number of seconds, or ISO-8601. */
  static final class Time implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern TIME = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Duration convert(String value) {
      String v = value.strip();
      Duration d;
      Matcher m = TIME.matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        d = switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
      } else {
        try {
          d = Duration.parse(v);
        } catch (DateTimeParseException e) {
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is not a duration: use a number with ms, s, m or h, such as 30s");
        }
      }
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
      }
      return d;
    }
  }

  /** A thread count: 1 to {@value #MAX_THREADS}. */
  static final class Threads implements CommandLine.ITypeConverter<Integer> {
    static final int MAX_THREADS = 256;

    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a number of threads");
      }
      if (n < 1 || n > MAX_THREADS) {
        throw new CommandLine.TypeConversionException(String.format(Locale.ROOT,
            "'%s' is out of range: use 1 to %d threads", value, MAX_THREADS));
      }
      return n;
    }
  }

  /** An instant: ISO-8601 ({@code 2026-01-05T10:00:00Z}) or a date ({@code 2026-01-05}, at midnight UTC). */
  static final class When implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      String v = value.strip();
      try {
        return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an instant: use ISO-8601, such as 2026-01-05T10:00:00Z or 2026-01-05");
      }
    }
  }
}
