package io.sigmap.stix;

import java.util.Locale;

/**
 * Parses ATT&amp;CK technique ids from text without allocating. Package-private: the index's lookups use it.
 *
 * <p>A technique id is {@code T} and four digits, optionally a dot and three digits ({@code T1059.001}), any case,
 * optionally after an {@code attack.} prefix (any case). It is encoded as {@code number * 1000 + sub}, with
 * {@code sub == 0} for a technique and 1-999 for a sub-technique.
 */
final class AttackIds {

  /** The key of text that is not a technique id. */
  static final int MALFORMED = -1;

  /** The prefix of ATT&amp;CK tags. */
  static final String PREFIX = "attack.";

  private AttackIds() {}

  /** Returns the offset after an optional case-insensitive {@code attack.} prefix. */
  static int skipPrefix(CharSequence s) {
    // Unrolled: c | 0x20 folds exactly 'A'-'Z' onto 'a'-'z' for the letters compared here.
    return s.length() >= 7
            && s.charAt(6) == '.'
            && (s.charAt(0) | 0x20) == 'a'
            && (s.charAt(1) | 0x20) == 't'
            && (s.charAt(2) | 0x20) == 't'
            && (s.charAt(3) | 0x20) == 'a'
            && (s.charAt(4) | 0x20) == 'c'
            && (s.charAt(5) | 0x20) == 'k'
        ? 7
        : 0;
  }

  /**
   * Returns the key of a technique id, or {@link #MALFORMED}.
   *
   * @param s the text, for example {@code attack.T1059.001}
   * @return {@code number * 1000 + sub}, or {@link #MALFORMED}
   */
  static int techniqueKey(CharSequence s) {
    int i = skipPrefix(s);
    int len = s.length() - i;
    if (len != 5 && len != 9) {
      return MALFORMED;
    }
    char t = s.charAt(i);
    if (t != 'T' && t != 't') {
      return MALFORMED;
    }
    int number = digits(s, i + 1, 4);
    if (number < 0) {
      return MALFORMED;
    }
    if (len == 5) {
      return number * 1000;
    }
    if (s.charAt(i + 5) != '.') {
      return MALFORMED;
    }
    int sub = digits(s, i + 6, 3);
    if (sub <= 0) {
      return MALFORMED;
    }
    return number * 1000 + sub;
  }

  private static int digits(CharSequence s, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count; k++) {
      char d = s.charAt(k);
      if (d < '0' || d > '9') {
        return -1;
      }
      v = v * 10 + (d - '0');
    }
    return v;
  }

  /** Returns the canonical text of a key: {@code T1059} or {@code T1059.001}. */
  static String canonical(int key) {
    int number = key / 1000;
    int sub = key % 1000;
    char[] c = new char[sub == 0 ? 5 : 9];
    c[0] = 'T';
    c[1] = (char) ('0' + number / 1000);
    c[2] = (char) ('0' + number / 100 % 10);
    c[3] = (char) ('0' + number / 10 % 10);
    c[4] = (char) ('0' + number % 10);
    if (sub != 0) {
      c[5] = '.';
      c[6] = (char) ('0' + sub / 100);
      c[7] = (char) ('0' + sub / 10 % 10);
      c[8] = (char) ('0' + sub % 10);
    }
    return new String(c);
  }

  /** Explains why text is not a technique id; called only on the slow path. */
  static String whyMalformed(CharSequence s) {
    String body = s.subSequence(skipPrefix(s), s.length()).toString();
    if (body.isEmpty()) {
      return "nothing follows the attack. prefix";
    }
    char first = body.charAt(0);
    if (first != 'T' && first != 't') {
      return "a technique id starts with T, as in T1059 or T1059.001";
    }
    if (body.matches("(?i)t\\d{4}[._-]\\d+") && !body.matches("(?i)t\\d{4}\\.\\d{3}")) {
      return "a sub-technique is written with a dot and three digits, as in T1059.001";
    }
    if (body.matches("(?i)t\\d{4}\\.000")) {
      return "sub-technique numbers start at 001";
    }
    return "a technique id is T and four digits, optionally a dot and three digits, as in T1059.001";
  }

  /** Returns whether an ATT&amp;CK id is {@code prefix} followed by digits only. */
  static boolean isObjectId(String id, String prefix) {
    if (id.length() <= prefix.length() || !id.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
