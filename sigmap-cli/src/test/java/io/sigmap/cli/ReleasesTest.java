package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Release numbers. */
class ReleasesTest {

  @Test
  void order_isNumeric() {
    List<String> r = new ArrayList<>(List.of("18.1", "9.0", "17.1", "10.1", "18.0", "8"));
    r.sort(Releases.ORDER);
    assertEquals(List.of("8", "9.0", "10.1", "17.1", "18.0", "18.1"), r);
  }

  @Test
  void valid() {
    assertTrue(Releases.valid("18.1"));
    assertTrue(Releases.valid("9"));
    assertTrue(Releases.valid("1.2.3"));
    assertFalse(Releases.valid("latest"));
    assertFalse(Releases.valid("18.1/../x"));
    assertFalse(Releases.valid(""));
  }

  @Test
  void fromName() {
    assertEquals(Optional.of("18.1"), Releases.fromName("/mitre/cti/enterprise-attack-18.1.json"));
    assertEquals(Optional.of("17.0"), Releases.fromName("ics-attack-v17.0.json.gz"));
    assertEquals(Optional.empty(), Releases.fromName("/enterprise-attack/enterprise-attack.json"));
  }
}
