package io.sigmap.correlate;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The entities in order of their last alert, eldest first: a queue in an array, where a touched entity is
 * appended to the end and its older entry cleared. A doubly linked list would read and write two other, random,
 * entities on every touch; this writes the end of the array and one slot of it. The queue is compacted (cleared
 * slots dropped, each live entity told its new position) whenever the span from the eldest entry to the end fills
 * the array, into twice the room the live entities need, so a touch costs amortised O(1), compaction never reads
 * an entity, and the array holds at most four slots per live entity.
 */
final class LruQueue {

  private static final int MIN_CAPACITY = 16;

  private EntityState[] ring = new EntityState[MIN_CAPACITY];
  /** Absolute positions: the front entry (possibly stale) and one past the last. */
  private long start;
  private long end;

  private int slot(long position) {
    return (int) position & ring.length - 1;
  }

  /** Makes an entity the most recently seen; {@code live} is the number of entities held, for a compaction. */
  void touch(EntityState e, int live) {
    long p = e.lruPosition;
    if (p >= 0) {
      if (p == end - 1) {
        return;
      }
      ring[slot(p)] = null;
    }
    if (end - start == ring.length) {
      compact(live);
    }
    ring[slot(end)] = e;
    e.lruPosition = end++;
  }

  /** Forgets an entity. */
  void remove(EntityState e) {
    if (e.lruPosition >= 0) {
      ring[slot(e.lruPosition)] = null;
      e.lruPosition = -1;
    }
  }

  /** The least recently seen entity, or null when there is none. */
  EntityState eldest() {
    while (start < end) {
      EntityState e = ring[slot(start)];
      if (e != null) {
        return e;
      }
      start++;
    }
    return null;
  }

  private void compact(int live) {
    int capacity = MIN_CAPACITY;
    while (capacity < 2L * Math.max(live, 1)) {
      capacity <<= 1;
    }
    EntityState[] next = new EntityState[capacity];
    int n = 0;
    for (long p = start; p < end; p++) {
      EntityState e = ring[slot(p)];
      if (e != null) {
        e.lruPosition = n;
        next[n++] = e;
      }
    }
    ring = next;
    start = 0;
    end = n;
  }

  /** The entities held, eldest first. */
  Iterator<EntityState> iterator() {
    return new Iterator<>() {
      private long p = start;

      private void skip() {
        while (p < end && ring[slot(p)] == null) {
          p++;
        }
      }

      @Override
      public boolean hasNext() {
        skip();
        return p < end;
      }

      @Override
      public EntityState next() {
        skip();
        if (p >= end) {
          throw new NoSuchElementException();
        }
        return ring[slot(p++)];
      }
    };
  }
}
