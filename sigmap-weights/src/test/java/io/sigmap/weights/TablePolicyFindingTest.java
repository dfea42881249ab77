package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The finding record. */
class TablePolicyFindingTest {

  @Test
  void toString_sourceLineColumnKindMessage() {
    TablePolicyFinding f = new TablePolicyFinding(TablePolicyFinding.Kind.UNKNOWN_TACTIC, "acme.yml", 7, 3,
        "stealth", "no such tactic");
    assertEquals("acme.yml:7:3: UNKNOWN_TACTIC: no such tactic", f.toString());
    assertEquals("m: UNKNOWN_KEY: ignored",
        new TablePolicyFinding(TablePolicyFinding.Kind.UNKNOWN_KEY, "m", -2, -2, "k", "ignored").toString());
  }

  @Test
  void constructor_nulls_rejected() {
    assertThrows(NullPointerException.class, () -> new TablePolicyFinding(null, "s", 0, 0, "k", "m"));
    assertThrows(NullPointerException.class,
        () -> new TablePolicyFinding(TablePolicyFinding.Kind.UNKNOWN_KEY, null, 0, 0, "k", "m"));
    assertThrows(NullPointerException.class,
        () -> new TablePolicyFinding(TablePolicyFinding.Kind.UNKNOWN_KEY, "s", 0, 0, null, "m"));
    assertThrows(NullPointerException.class,
        () -> new TablePolicyFinding(TablePolicyFinding.Kind.UNKNOWN_KEY, "s", 0, 0, "k", null));
  }
}
