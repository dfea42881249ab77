package io.sigmap.stix;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses STIX timestamps. ATT&amp;CK writes them all as {@code 2025-10-24T17:48:19.059Z}; that form is read
 * directly, everything else through {@link Instant#parse(CharSequence)}, so the result is always what
 * {@code Instant.parse} gives. Package-private.
 */
final class Timestamps {

  private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Timestamps() {}

  /**
   * Parses an RFC 3339 timestamp.
   *
   * @throws DateTimeParseException if {@code Instant.parse} would
   */
  static Instant parse(String s) {
    int n = s.length();
    if ((n != 20 && n != 24) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || n == 24 && s.charAt(19) != '.') {
      return Instant.parse(s);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int millis = n == 24 ? digits(s, 20, 3) : 0;
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || millis < 0 || day > daysIn(year, month)) {
      return Instant.parse(s); // out of range, or a leap second: let the JDK decide
    }
    long days = daysFromCivil(year, month, day);
    return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, millis * 1_000_000L);
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysIn(int year, int month) {
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return month == 2 && leap ? 29 : DAYS[month - 1];
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  private static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468;
  }
}
