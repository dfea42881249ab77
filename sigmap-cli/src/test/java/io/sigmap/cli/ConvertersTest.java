package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option values: sizes and durations. */
class ConvertersTest {

  private final Converters.ByteSize size = new Converters.ByteSize();
  private final Converters.Time time = new Converters.Time();

  @Test
  void byteSize_units() {
    assertEquals(1L, size.convert("1"));
    assertEquals(512L * 1024, size.convert("512K"));
    assertEquals(200L << 20, size.convert("200M"));
    assertEquals(200L << 20, size.convert("200MiB"));
    assertEquals(1L << 30, size.convert("1g"));
    assertEquals(10L << 10, size.convert(" 10 kb "));
  }

  @Test
  void byteSize_invalid() {
    for (String bad : new String[] {"", "0", "-1", "1T", "12X", "M", "1.5M", "99999999999999G"}) {
      assertThrows(CommandLine.TypeConversionException.class, () -> size.convert(bad), bad);
    }
  }

  @Test
  void time_units() {
    assertEquals(Duration.ofSeconds(10), time.convert("10"));
    assertEquals(Duration.ofSeconds(10), time.convert("10s"));
    assertEquals(Duration.ofMillis(500), time.convert("500ms"));
    assertEquals(Duration.ofMinutes(2), time.convert("2m"));
    assertEquals(Duration.ofHours(1), time.convert("1H"));
    assertEquals(Duration.ofSeconds(90), time.convert("PT1M30S"));
  }

  @Test
  void time_invalid() {
    for (String bad : new String[] {"", "0", "0s", "-5s", "soon", "PT0S", "PT-1S", "5 days"}) {
      assertThrows(CommandLine.TypeConversionException.class, () -> time.convert(bad), bad);
    }
  }

  @Property(tries = 500)
  void converters_throwOnlyTypeConversionException(@ForAll String value) {
    try {
      assertTrue(size.convert(value) > 0);
    } catch (CommandLine.TypeConversionException e) {
      // the documented failure
    }
    try {
      assertTrue(time.convert(value).toNanos() > 0);
    } catch (CommandLine.TypeConversionException e) {
      // the documented failure
    }
  }
}
