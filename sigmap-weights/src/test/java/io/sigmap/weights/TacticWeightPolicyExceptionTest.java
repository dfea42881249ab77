package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.SigmapException;
import org.junit.jupiter.api.Test;

/** The exception's parts. */
class TacticWeightPolicyExceptionTest {

  @Test
  void constructor_parts() {
    IllegalStateException cause = new IllegalStateException("x");
    TacticWeightPolicyException e = new TacticWeightPolicyException("m", "acme", "TA0006", cause);
    assertInstanceOf(SigmapException.class, e);
    assertEquals("m", e.getMessage());
    assertEquals("acme", e.policyId().orElseThrow());
    assertEquals("TA0006", e.tacticId().orElseThrow());
    assertSame(cause, e.getCause());
  }

  @Test
  void constructor_unknownParts_empty() {
    TacticWeightPolicyException e = new TacticWeightPolicyException("m", null, null, null);
    assertTrue(e.policyId().isEmpty());
    assertTrue(e.tacticId().isEmpty());
  }
}
