package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StixReadOptionsTest {

  @Test
  void default_values() {
    StixReadOptions d = StixReadOptions.DEFAULT;
    assertEquals(512L * 1024 * 1024, d.maxBundleBytes());
    assertEquals(1_000_000, d.maxObjects());
    assertEquals(10_000_000, d.maxStringLength());
    assertEquals(64, d.maxNestingDepth());
    assertFalse(d.strict());
  }

  @Test
  void toBuilder_roundTrips() {
    StixReadOptions o = StixReadOptions.builder().maxBundleBytes(10).maxObjects(3).maxStringLength(7)
        .maxNestingDepth(5).strict(true).build();
    StixReadOptions copy = o.toBuilder().build();
    assertEquals(o.toString(), copy.toString());
    assertTrue(copy.strict());
    assertEquals(5, copy.maxNestingDepth());
  }

  @Test
  void builder_rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> StixReadOptions.builder().maxObjects(0));
    assertThrows(IllegalArgumentException.class, () -> StixReadOptions.builder().maxBundleBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> StixReadOptions.builder().maxStringLength(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StixReadOptions.builder().maxNestingDepth(3));
    assertEquals("maxNestingDepth must be at least 4: 3", e.getMessage());
  }
}
