package io.sigmap.weights.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Shortname normalization. */
class NamesTest {

  @Test
  void canonicalShortname_spellings() {
    assertEquals("credential-access", Names.canonicalShortname("Credential_Access"));
    assertEquals("command-and-control", Names.canonicalShortname("Command and Control"));
    String canonical = "defense-evasion";
    assertSame(canonical, Names.canonicalShortname(canonical), "no copy when already canonical");
  }

  @Property(tries = 500)
  void canonicalShortname_idempotent(@ForAll String s) {
    String once = Names.canonicalShortname(s);
    assertEquals(once, Names.canonicalShortname(once));
    assertEquals(s.length(), once.length());
  }
}
