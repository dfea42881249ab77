package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SigmaStatus}, {@link SigmaLevel}, {@link CorrelationType}: ids and lenient lookup. */
class SigmaEnumsTest {

  @Test
  void sigmaStatus_fromIdAndId() {
    for (SigmaStatus s : SigmaStatus.values()) {
      assertEquals(Optional.of(s), SigmaStatus.fromId(s.id()));
      assertEquals(Optional.of(s), SigmaStatus.fromId(" " + s.id().toUpperCase(java.util.Locale.ROOT) + " "));
    }
    assertEquals("experimental", SigmaStatus.EXPERIMENTAL.id());
    assertEquals(Optional.empty(), SigmaStatus.fromId("production"));
  }

  @Test
  void sigmaLevel_fromIdAndOrder() {
    for (SigmaLevel l : SigmaLevel.values()) {
      assertEquals(Optional.of(l), SigmaLevel.fromId(l.id()));
    }
    assertEquals(Optional.of(SigmaLevel.HIGH), SigmaLevel.fromId("High"));
    assertEquals(Optional.empty(), SigmaLevel.fromId("severe"));
    assertTrue(SigmaLevel.CRITICAL.compareTo(SigmaLevel.HIGH) > 0);
    assertTrue(SigmaLevel.INFORMATIONAL.compareTo(SigmaLevel.LOW) < 0);
  }

  @Test
  void correlationType_fromId() {
    assertEquals(Optional.of(CorrelationType.TEMPORAL_ORDERED), CorrelationType.fromId("temporal_ordered"));
    assertEquals("value_count", CorrelationType.VALUE_COUNT.id());
    assertEquals(Optional.empty(), CorrelationType.fromId("temporal-ordered"));
    assertEquals("gte", CorrelationCondition.Operator.GTE.id());
  }
}
