package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table exception's message prefix and parts. */
class TacticWeightTableExceptionTest {

  @Test
  void message_sourceLineColumn() {
    TacticWeightTableException e = new TacticWeightTableException("acme.yml", 4, 22, "acme", "bad", null);
    assertEquals("acme.yml:4:22: bad", e.getMessage());
    assertEquals("acme.yml", e.source());
    assertEquals(4, e.line());
    assertEquals(22, e.column());
    assertEquals("acme", e.policyId().orElseThrow());
    assertTrue(e.tacticId().isEmpty());
    assertInstanceOf(TacticWeightPolicyException.class, e);
  }

  @Test
  void message_unknownPosition() {
    assertEquals("m: bad", new TacticWeightTableException("m", 0, 0, null, "bad", null).getMessage());
    assertEquals("m:3: bad", new TacticWeightTableException("m", 3, 0, null, "bad", null).getMessage());
    TacticWeightTableException negative = new TacticWeightTableException("m", -1, -1, null, "bad", null);
    assertEquals(0, negative.line());
    assertEquals(0, negative.column());
  }

  @Test
  void constructor_nullSource_rejected() {
    assertThrows(NullPointerException.class, () -> new TacticWeightTableException(null, 0, 0, null, "bad", null));
  }
}
