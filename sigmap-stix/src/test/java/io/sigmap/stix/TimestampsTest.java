package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fast path for ATT&amp;CK's timestamp form gives exactly what Instant.parse gives, or defers to it. */
class TimestampsTest {

  @Property(tries = 2000)
  void parse_agreesWithInstantParse(
      @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
      @ForAll @LongRange(min = 0, max = 999) long millis,
      @ForAll boolean withMillis) {
    Instant t = Instant.ofEpochSecond(seconds, withMillis ? millis * 1_000_000 : 0);
    String text = withMillis
        ? String.format(java.util.Locale.ROOT, "%sZ", t.truncatedTo(ChronoUnit.SECONDS).toString()
            .replace("Z", "") + "." + String.format(java.util.Locale.ROOT, "%03d", millis))
        : t.toString();
    assertEquals(Instant.parse(text), Timestamps.parse(text), text);
  }

  @Property(tries = 2000)
  void parse_anyTextBehavesLikeInstantParse(@ForAll("timestampLike") String text) {
    Object expected;
    try {
      expected = Instant.parse(text);
    } catch (DateTimeParseException e) {
      expected = DateTimeParseException.class;
    }
    Object actual;
    try {
      actual = Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      actual = DateTimeParseException.class;
    }
    assertEquals(expected, actual, text);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> timestampLike() {
    net.jqwik.api.Arbitrary<Integer> year = net.jqwik.api.Arbitraries.integers().between(0, 9999);
    net.jqwik.api.Arbitrary<Integer> two = net.jqwik.api.Arbitraries.integers().between(0, 99);
    return net.jqwik.api.Combinators.combine(year, two, two, two, two, two)
        .as((y, mo, d, h, mi, s) -> String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            y, mo, d, h, mi, s, (y * 7 + s) % 1000));
  }

  @Test
  void parse_leapDayAndOtherForms() {
    assertEquals(Instant.parse("2024-02-29T23:59:59.999Z"), Timestamps.parse("2024-02-29T23:59:59.999Z"));
    assertEquals(Instant.parse("2025-10-24T17:48:19Z"), Timestamps.parse("2025-10-24T17:48:19Z"));
    assertEquals(Instant.parse("2025-10-24T17:48:19.059123Z"), Timestamps.parse("2025-10-24T17:48:19.059123Z"));
    org.junit.jupiter.api.Assertions.assertThrows(DateTimeParseException.class,
        () -> Timestamps.parse("2023-02-29T00:00:00.000Z"));
  }
}
