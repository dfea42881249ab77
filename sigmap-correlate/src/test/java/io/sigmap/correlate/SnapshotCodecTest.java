package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.MINUTE;
import static io.sigmap.correlate.Fixtures.T0;
import static io.sigmap.correlate.Fixtures.alert;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Restoring a damaged snapshot fails only with the documented exception, and what restores keeps working. */
class SnapshotCodecTest {

  private static final byte[] SNAPSHOT = snapshot();

  private static byte[] snapshot() {
    Correlator c = Correlator.builder(Fixtures.catalog()).build();
    c.accept(alert("a", "ps", T0, "h1", "alice"));
    c.accept(alert("b", "c2-beacon", T0 + MINUTE, "h1", null));
    c.accept(alert("c", "whoami", T0 + 2 * MINUTE, "h2", "bob"));
    c.accept(alert("d", "runkey", T0 + 20 * MINUTE, "h2", null));
    return c.snapshot();
  }

  @Property(tries = 1000)
  void restore_damagedSnapshot_onlyInputException(
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll @Size(max = 4) List<Byte> values, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
    byte[] damaged = java.util.Arrays.copyOf(SNAPSHOT, Math.min(SNAPSHOT.length, Math.max(8, cut)));
    for (int i = 0; i < Math.min(positions.size(), values.size()); i++) {
      damaged[positions.get(i) % damaged.length] = values.get(i);
    }
    Correlator c;
    try {
      c = Correlator.builder(Fixtures.catalog()).restore(damaged).build();
    } catch (CorrelationInputException expected) {
      assertTrue(expected.getMessage().startsWith("snapshot: corrupt"), expected.getMessage());
      return;
    }
    c.accept(alert("x", "ps", T0 + 30 * MINUTE, "h1", "alice"));
    c.accept(alert("y", "lsass", T0 + 40 * MINUTE, "h2", "bob"));
    c.flush();
    assertTrue(c.stats().buffered() == 0);
  }
}
