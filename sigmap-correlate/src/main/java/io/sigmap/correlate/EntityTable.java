package io.sigmap.correlate;

/**
 * The entities of a correlator by kind and value: an open-addressing hash table (linear probing, at most half
 * full, deletion by backward shift) that holds the {@link EntityState}s themselves. A lookup reads one slot and
 * the state it points to, which the caller needs anyway, where a {@code HashMap} also reads a node per entry
 * (and keeps 32 bytes for it).
 *
 * <p>Keys of at most {@value #PACKED_CHARS} Latin-1 characters (host names, user names, addresses: nearly all)
 * are also packed into three longs that the state holds, and compared as such: a lookup then never reads the
 * stored key string or its bytes, two memory loads that would each miss the cache once the entities outgrow it.
 * Longer keys are compared as strings. Either way the comparison is exact.
 */
final class EntityTable {

  /** The longest key packed into {@link EntityState}'s three key words. */
  static final int PACKED_CHARS = 24;

  private static final int MIN_CAPACITY = 16;

  private EntityState[] slots = new EntityState[MIN_CAPACITY];
  private int mask = MIN_CAPACITY - 1;
  private int size;

  /** Whether a value is packed: at most {@value #PACKED_CHARS} characters, all Latin-1. */
  static boolean packable(String value) {
    int n = value.length();
    if (n > PACKED_CHARS) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (value.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** Characters {@code from} to {@code from + 7} of a packable value, one byte each, zero past its end. */
  static long word(String value, int from) {
    long w = 0;
    int to = Math.min(value.length(), from + 8);
    for (int i = from; i < to; i++) {
      w |= (long) value.charAt(i) << (i - from << 3);
    }
    return w;
  }

  /** The hash of a packed key. */
  static int hash(EntityKind kind, long k0, long k1, long k2, int length) {
    long h = k0 * 0x9E3779B97F4A7C15L ^ k1 * 0xC2B2AE3D27D4EB4FL ^ k2 * 0x165667B19E3779F9L
        ^ (long) length << 8 ^ kind.ordinal();
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ h >>> 32);
  }

  /** The hash of a key; {@link EntityState#hash} holds it. */
  static int hash(EntityKind kind, String value) {
    if (packable(value)) {
      return hash(kind, word(value, 0), word(value, 8), word(value, 16), value.length());
    }
    int h = value.hashCode() * 31 + kind.ordinal();
    return h * 0x9E3779B9;
  }

  /** The entity with a key, or null. */
  EntityState get(EntityKind kind, String value) {
    if (!packable(value)) {
      int hash = hash(kind, value);
      EntityState[] s = slots;
      for (int i = slot(hash); ; i = i + 1 & mask) {
        EntityState e = s[i];
        if (e == null) {
          return null;
        }
        if (e.hash == hash && e.kind == kind && e.length < 0 && e.value.equals(value)) {
          return e;
        }
      }
    }
    int length = value.length();
    long k0 = word(value, 0);
    long k1 = length > 8 ? word(value, 8) : 0;
    long k2 = length > 16 ? word(value, 16) : 0;
    int hash = hash(kind, k0, k1, k2, length);
    EntityState[] s = slots;
    for (int i = slot(hash); ; i = i + 1 & mask) {
      EntityState e = s[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && e.k0 == k0 && e.k1 == k1 && e.k2 == k2 && e.length == length && e.kind == kind) {
        return e;
      }
    }
  }

  private int slot(int hash) {
    return (hash ^ hash >>> 15) & mask;
  }

  int size() {
    return size;
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
