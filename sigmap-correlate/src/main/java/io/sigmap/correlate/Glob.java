package io.sigmap.correlate;

/** A case-insensitive pattern where {@code *} matches any run of characters. */
final class Glob {

  private final String[] parts;
  private final boolean exact;

  Glob(String pattern) {
    this.parts = pattern.split("\\*", -1);
    this.exact = parts.length == 1;
  }

  boolean matches(String value) {
    if (exact) {
      return value.equalsIgnoreCase(parts[0]);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (value.length() < first.length() + last.length()
        || !value.regionMatches(true, 0, first, 0, first.length())
        || !value.regionMatches(true, value.length() - last.length(), last, 0, last.length())) {
      return false;
    }
    int from = first.length();
    int end = value.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      String p = parts[i];
      int at = indexOfIgnoreCase(value, p, from, end);
      if (at < 0) {
        return false;
      }
      from = at + p.length();
    }
    return true;
  }

  private static int indexOfIgnoreCase(String s, String p, int from, int end) {
    for (int i = from; i + p.length() <= end; i++) {
      if (s.regionMatches(true, i, p, 0, p.length())) {
        return i;
      }
    }
    return -1;
  }
}
