package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolutionTest {

  private final Technique t1086 = Fixtures.mini().technique("T1086").orElseThrow();
  private final Technique t1059 = Fixtures.mini().technique("T1059.001").orElseThrow();

  @Test
  void revoked_needsExactlyOneOfReplacementAndProblem() {
    assertThrows(IllegalArgumentException.class,
        () -> new Resolution.Revoked(t1086, List.of(), Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Resolution.Revoked(t1086, List.of(t1059), Optional.of(t1059), Optional.of("both")));
    Resolution.Revoked ok = new Resolution.Revoked(t1086, List.of(t1059), Optional.of(t1059), Optional.empty());
    assertEquals(Resolution.Status.REVOKED, ok.status());
    assertEquals("T1086", ok.id());
    assertEquals(t1059, ok.mapsTo().orElseThrow());
  }

  @Test
  void unknownAndMalformed_mapToNothing() {
    assertTrue(new Resolution.Unknown("T1685", 1681, true).mapsTo().isEmpty());
    assertTrue(new Resolution.Malformed("attack.", "why").technique().isEmpty());
    assertEquals(Resolution.Status.DEPRECATED, new Resolution.Deprecated(t1086).status());
  }
}
