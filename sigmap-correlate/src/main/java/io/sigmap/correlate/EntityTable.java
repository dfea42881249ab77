package io.sigmap.correlate;

/**
 * The entities of a correlator by kind and value: an open-addressing hash table (linear probing, at most half
 * full, deletion by backward shift) that holds the {@link EntityState}s themselves. A lookup reads one slot and
 * the state it points to, which the caller needs anyway, where a {@code HashMap} also reads a node per entry
 * (and keeps 32 bytes for it).
 */
final class EntityTable {

  private static final int MIN_CAPACITY = 16;

  private EntityState[] slots = new EntityState[MIN_CAPACITY];
  private int mask = MIN_CAPACITY - 1;
  private int size;

  /** The hash of an entity key; {@link EntityState#hash} holds it. */
  static int hash(EntityKind kind, String value) {
    int h = value.hashCode() * 31 + kind.ordinal();
    return h * 0x9E3779B9;
  }

  private int slot(int hash) {
    return (hash ^ hash >>> 15) & mask;
  }

  int size() {
    return size;
  }

  /** The entity with this key and its {@link #hash}, or null. */
  EntityState get(EntityKind kind, String value, int hash) {
    EntityState[] s = slots;
    for (int i = slot(hash); ; i = i + 1 & mask) {
      EntityState e = s[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && e.kind == kind && (e.value == value || e.value.equals(value))) {
        return e;
      }
    }
  }

  /** Adds an entity whose key is not in the table. */
  void add(EntityState e) {
    if (2 * (size + 1) > slots.length) {
      resize(slots.length * 2);
    }
    insert(slots, mask, e);
    size++;
  }

  private void insert(EntityState[] s, int m, EntityState e) {
    int i = (e.hash ^ e.hash >>> 15) & m;
    while (s[i] != null) {
      i = i + 1 & m;
    }
    s[i] = e;
  }

  private void resize(int capacity) {
    EntityState[] old = slots;
    EntityState[] grown = new EntityState[capacity];
    int m = capacity - 1;
    for (EntityState e : old) {
      if (e != null) {
        insert(grown, m, e);
      }
    }
    slots = grown;
    mask = m;
  }

  /** Removes an entity held by the table; shifts the entries of its probe run back so no tombstone is left. */
  void remove(EntityState e) {
    EntityState[] s = slots;
    int i = slot(e.hash);
    while (s[i] != e) {
      if (s[i] == null) {
        throw new IllegalStateException("entity " + e.key() + " is not in the table");
      }
      i = i + 1 & mask;
    }
    int hole = i;
    for (int j = hole + 1 & mask; s[j] != null; j = j + 1 & mask) {
      int home = slot(s[j].hash);
      // s[j] may move to the hole when the hole lies on its probe path: between its home slot and j, cyclically
      if ((j - home & mask) >= (j - hole & mask)) {
        s[hole] = s[j];
        hole = j;
      }
    }
    s[hole] = null;
    size--;
    if (slots.length > MIN_CAPACITY && 8 * size < slots.length) {
      resize(slots.length / 2);
    }
  }
}
