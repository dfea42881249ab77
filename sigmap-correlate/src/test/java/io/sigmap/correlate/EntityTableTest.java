package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The open-addressing entity table behaves as a map from (kind, value) to state. */
class EntityTableTest {

  @Test
  void get_sameValueOtherKind_isAnotherEntity() {
    EntityTable t = new EntityTable();
    EntityState host = new EntityState(EntityKind.HOST, "x", false);
    t.add(host);
    assertSame(host, t.get(EntityKind.HOST, new String("x")));
    assertNull(t.get(EntityKind.USER, "x"));
  }

  /**
   * Values of every shape the table treats apart: short, exactly 8/16/24 characters, longer than the packed
   * limit, with a trailing NUL, and beyond Latin-1.
   */
  static String value(int v) {
    switch (v % 6) {
      case 0:
        return "v" + v;
      case 1:
        return String.format("%024d", v);
      case 2:
        return "long-host-name-" + v + ".corp.example.com";
      case 3:
        return "v" + v + "\0";
      case 4:
        return "\u65e5\u672c-" + v;
      default:
        return String.format("%08d", v) + (v % 2 == 0 ? "" : String.format("%08d", v));
    }
  }

  @Test
  void get_keysThatDifferOnlyInTheirLastPackedCharacter() {
    EntityTable t = new EntityTable();
    String a = "abcdefghijklmnopqrstuvwx";
    String b = "abcdefghijklmnopqrstuvwy";
    EntityState ea = new EntityState(EntityKind.HOST, a, false);
    t.add(ea);
    assertNull(t.get(EntityKind.HOST, b));
    assertNull(t.get(EntityKind.HOST, a + "z"), "25 characters: compared as strings");
    assertSame(ea, t.get(EntityKind.HOST, new String(a)));
  }

  @Provide
  Arbitrary<List<int[]>> operations() {
    // (add or remove, kind, value) over a small key space, so that probe runs collide, wrap and shift back
    return Arbitraries.integers().between(0, 2).flatMap(op -> Arbitraries.integers().between(0, 3)
        .flatMap(kind -> Arbitraries.integers().between(0, 300).map(v -> new int[] {op, kind, v})))
        .list().ofMaxSize(600);
  }

  @Property(tries = 200)
  void addRemoveGet_agreeWithAHashMap(@ForAll("operations") List<int[]> ops) {
    EntityTable table = new EntityTable();
    Map<String, EntityState> model = new HashMap<>();
    EntityKind[] kinds = EntityKind.values();
    for (int[] op : ops) {
      EntityKind kind = kinds[op[1]];
      String value = value(op[2]);
      String key = kind + ":" + value;
      EntityState present = model.get(key);
      if (op[0] < 2 && present == null) {
        EntityState e = new EntityState(kind, value, false);
        table.add(e);
        model.put(key, e);
      } else if (op[0] == 2 && present != null) {
        table.remove(present);
        model.remove(key);
      }
      assertEquals(model.size(), table.size());
    }
    for (EntityKind kind : kinds) {
      for (int v = 0; v <= 300; v++) {
        String value = value(v);
        assertSame(model.get(kind + ":" + value), table.get(kind, value));
      }
    }
  }
}
