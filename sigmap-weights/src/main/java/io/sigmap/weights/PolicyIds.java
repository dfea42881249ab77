package io.sigmap.weights;

import java.util.Locale;

/** The rule for policy ids, shared by the registry and the table reader. Package-private. */
final class PolicyIds {

  /** The longest id allowed. */
  static final int MAX_LENGTH = 100;

  private PolicyIds() {}

  /**
   * Tells what is wrong with an id.
   *
   * @param id the id, possibly null
   * @return why the id is invalid, or null when it is valid
   */
  static String problem(String id) {
    if (id == null) {
      return "the id is null";
    }
    if (id.isBlank()) {
      return "the id is blank";
    }
    if (id.length() > MAX_LENGTH) {
      return String.format(Locale.ROOT, "the id is %d characters long, more than the %d allowed", id.length(),
          MAX_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return String.format(Locale.ROOT, "the id '%s' contains whitespace or a control character at index %d",
            printable(id), i);
      }
    }
    return null;
  }

  /** Returns text safe to put in a one-line message. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 120));
    for (int i = 0; i < s.length() && i < 120; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    if (s.length() > 120) {
      sb.append("...");
    }
    return sb.toString();
  }
}
