package io.sigmap.stix;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable open-addressing table from normalized text keys to values, looked up without allocating.
 *
 * <p>Keys compare case-insensitively (ASCII), with {@code _} and space equal to {@code -}, after an optional
 * {@code attack.} prefix: {@code attack.Defense_Evasion}, {@code defense evasion} and {@code defense-evasion}
 * are one key. Package-private.
 *
 * @param <V> the value type
 */
final class KeyTable<V> {

  private final String[] keys;
  private final Object[] values;
  private final int mask;
  /** Bit n is set when some key has n characters (bit 63 stands for 63 and more): a cheap test for misses. */
  private final long lengths;
  /**
   * The spellings tags use most (as given, lower case, with and without {@code attack.}), looked up by
   * {@code String.equals}: a {@code String} caches its hash code, so the common case costs one probe.
   */
  private final Map<String, V> exact;

  /** Builds a table; keys are normalized, and a later duplicate key is ignored. */
  KeyTable(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) - 1) << 1;
    keys = new String[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    exact = new HashMap<>(entries.size() * 8);
    long lengthBits = 0;
    for (Map.Entry<String, V> e : entries.entrySet()) {
      String k = normalize(e.getKey());
      lengthBits |= 1L << Math.min(k.length(), 63);
      int i = hash(k, 0) & mask;
      while (keys[i] != null && !keys[i].equals(k)) {
        i = (i + 1) & mask;
      }
      if (keys[i] == null) {
        keys[i] = k;
        values[i] = e.getValue();
      }
      // As given, folded, in underscore form (attack.defense_evasion) and ids in upper case (TA0005): how tags
      // write them. Each also with the attack. prefix.
      exact(e.getKey(), e.getValue());
      exact(k, e.getValue());
      if (k.indexOf('-') >= 0) {
        exact(k.replace('-', '_'), e.getValue());
      }
      if (hasDigit(k)) {
        exact(k.toUpperCase(Locale.ROOT), e.getValue());
      }
    }
    lengths = lengthBits;
  }

  private void exact(String spelling, V value) {
    exact.putIfAbsent(spelling, value);
    exact.putIfAbsent(AttackIds.PREFIX + spelling, value);
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }

  static String normalize(CharSequence s) {
    int from = AttackIds.skipPrefix(s);
    char[] out = new char[s.length() - from];
    for (int i = from; i < s.length(); i++) {
      out[i - from] = fold(s.charAt(i));
    }
    return new String(out);
  }

  /** ASCII folding: upper case to lower case, underscore and space to hyphen. */
  private static final char[] FOLD = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      FOLD[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '_' || c == ' ' ? '-' : c;
    }
  }

  private static char fold(char c) {
    return c < 128 ? FOLD[c] : c;
  }

  private static int hash(CharSequence s, int from) {
    int h = 0;
    for (int i = from; i < s.length(); i++) {
      h = 31 * h + fold(s.charAt(i));
    }
    h *= 0x9E3779B9; // spread similar names (defense-evasion, defense-impairment) over the table
    return h ^ (h >>> 16);
  }

  /** Returns the value of a key, or null. */
  @SuppressWarnings("unchecked")
  V get(CharSequence s) {
    if (s instanceof String) {
      V hit = exact.get(s);
      if (hit != null) {
        return hit;
      }
    }
    int from = AttackIds.skipPrefix(s);
    int len = s.length() - from;
    if ((lengths & (1L << Math.min(len, 63))) == 0) {
      return null; // no key has this length
    }
    int i = hash(s, from) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return null;
      }
      if (k.length() == len && matches(k, s, from)) {
        return (V) values[i];
      }
      i = (i + 1) & mask;
    }
  }

  private static boolean matches(String k, CharSequence s, int from) {
    for (int j = 0; j < k.length(); j++) {
      if (k.charAt(j) != fold(s.charAt(from + j))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "KeyTable" + Arrays.toString(Arrays.stream(keys).filter(k -> k != null).toArray());
  }
}
