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
    assertSame(host, t.get(EntityKind.HOST, new String("x"), EntityTable.hash(EntityKind.HOST, "x")));
    assertNull(t.get(EntityKind.USER, "x", EntityTable.hash(EntityKind.USER, "x")));
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
      String value = "v" + op[2];
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
        String value = "v" + v;
        assertSame(model.get(kind + ":" + value), table.get(kind, value, EntityTable.hash(kind, value)));
      }
    }
  }
}
