package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The lazy LRU queue keeps the order a linked list would, through stale entries and rebuilds. */
class LruQueueTest {

  @Test
  void eldest_empty_isNull() {
    assertNull(new LruQueue().eldest());
  }

  @Test
  void touch_mostRecentAgain_addsNothing() {
    LruQueue q = new LruQueue();
    EntityState a = new EntityState(EntityKind.HOST, "a", false);
    EntityState b = new EntityState(EntityKind.HOST, "b", false);
    q.touch(a, 1);
    q.touch(b, 2);
    q.touch(b, 2);
    q.touch(a, 2);
    assertSame(b, q.eldest());
    q.remove(b);
    assertSame(a, q.eldest());
  }

  @Provide
  Arbitrary<List<int[]>> operations() {
    // (touch or remove, entity) over few entities, so that entries go stale and the ring fills and rebuilds
    return Arbitraries.integers().between(0, 3).flatMap(op -> Arbitraries.integers().between(0, 40)
        .map(e -> new int[] {op, e})).list().ofMaxSize(1500);
  }

  @Property(tries = 200)
  void touchRemove_keepLinkedListOrder(@ForAll("operations") List<int[]> ops) {
    LruQueue q = new LruQueue();
    LinkedHashSet<EntityState> model = new LinkedHashSet<>();
    EntityState[] states = new EntityState[41];
    for (int[] op : ops) {
      EntityState e = states[op[1]];
      if (op[0] < 3) {
        if (e == null) {
          e = new EntityState(EntityKind.HOST, "h" + op[1], false);
          states[op[1]] = e;
        }
        model.remove(e);
        model.add(e);
        q.touch(e, model.size());
      } else if (e != null) {
        model.remove(e);
        q.remove(e);
        states[op[1]] = null;
      }
      assertSame(model.isEmpty() ? null : model.iterator().next(), q.eldest());
    }
    List<EntityState> order = new ArrayList<>();
    for (Iterator<EntityState> it = q.iterator(); it.hasNext(); ) {
      order.add(it.next());
    }
    assertEquals(new ArrayList<>(model), order);
  }
}
