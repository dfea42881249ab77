package io.sigmap.weights.internal;

/**
 * Tactic shortname normalization shared by the table-driven policies: lowercase ASCII, with {@code _} and
 * space read as {@code -}, as {@code TechniqueIndex.findTactics} reads them.
 */
public final class Names {

  private Names() {}

  /**
   * Returns a shortname in canonical form, without allocating when it already is.
   *
   * @param name a shortname or display name: {@code credential-access}, {@code Credential_Access}
   * @return for example {@code credential-access}
   */
  public static String canonicalShortname(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z' || c == '_' || c == ' ') {
        return fold(name);
      }
    }
    return name;
  }

  private static String fold(String name) {
    char[] out = new char[name.length()];
    for (int i = 0; i < out.length; i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c == '_' || c == ' ') {
        c = '-';
      }
      out[i] = c;
    }
    return new String(out);
  }
}
