package io.sigmap.core.sigma;

import java.util.Objects;

/**
 * One entry of a rule's {@code tags} list: a namespace, a name, the original text and, for the {@code attack}
 * namespace, what kind of ATT&amp;CK reference it is.
 *
 * <p>The text is split at its first dot: {@code attack.t1059.001} has namespace {@code attack} and name
 * {@code t1059.001}; a tag without a dot has an empty namespace. The {@code attack} namespace is recognised in any
 * (ASCII) case and classified syntactically, without an ATT&amp;CK index ({@link Kind}); other namespaces ({@code cve},
 * {@code car}, {@code detection}, {@code tlp}, {@code stp}, {@code d3fend} and any other) are kept as they are
 * and have kind {@link Kind#OTHER}.
 *
 * <p>The {@linkplain #canonicalText() canonical text} of an {@code attack} tag is lower case with tactic names in
 * hyphen form ({@code attack.defense-evasion}), as SigmaHQ writes them; {@link #isCanonical()} tells whether the
 * text already is in that form. The tag also knows its 1-based line and column in the file, so that findings
 * about it can point at it. <strong>Equality ignores the location</strong>.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the tag exactly as written in the rule
 * @param namespace the part before the first dot, as written; empty when there is no dot
 * @param name the part after the first dot, as written; the whole text when there is no dot
 * @param kind the classification
 * @param line the 1-based line of the tag in the file, or 0 when not read from a file
 * @param column the 1-based column (in code points) of the tag in the file, or 0 when not read from a file
 * @since 0.1.0
 */
public record SigmaTag(String text, String namespace, String name, Kind kind, int line, int column) {

  /** The namespace of MITRE ATT&amp;CK tags. */
  public static final String ATTACK = "attack";

  /**
   * What a tag refers to. Classification is syntactic on the lower-cased name of an {@code attack} tag.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** A technique or sub-technique: {@code t1234} or {@code t1234.567}. */
    TECHNIQUE,
    /**
     * A tactic: letters joined by hyphens or underscores ({@code defense-evasion}, {@code defense_evasion}), or
     * a tactic id {@code ta1234}. Whether the tactic exists is for an ATT&amp;CK index to say.
     */
    TACTIC,
    /** A group: {@code g1234}. */
    GROUP,
    /** A software (malware or tool): {@code s1234}. */
    SOFTWARE,
    /** A campaign: {@code c1234}. */
    CAMPAIGN,
    /** A mitigation: {@code m1234}. */
    MITIGATION,
    /** A data source: {@code ds1234}. */
    DATA_SOURCE,
    /** A data component: {@code dc1234}. */
    DATA_COMPONENT,
    /** A detection strategy: {@code det1234}. */
    DETECTION_STRATEGY,
    /** An ICS asset: {@code a1234} (listed by the Sigma tags appendix). */
    ASSET,
    /**
     * Anything else in the {@code attack} namespace: {@code attack.t1059_001}, {@code attack.1059},
     * {@code attack.}, {@code attack.t123}.
     */
    MALFORMED_ATTACK,
    /** A tag of any other namespace, or without a namespace. */
    OTHER
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SigmaTag {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }

  /**
   * Parses and classifies a tag without a location.
   *
   * @param text the tag text, e.g. {@code attack.T1059.001}
   * @return the tag
   * @throws NullPointerException if {@code text} is null
   */
  public static SigmaTag of(String text) {
    return of(text, 0, 0);
  }

  /**
   * Parses and classifies a tag found at a location.
   *
   * @param text the tag text, e.g. {@code attack.T1059.001}
   * @param line the 1-based line, or 0 when not known
   * @param column the 1-based column, or 0 when not known
   * @return the tag
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public static SigmaTag of(String text, int line, int column) {
    Objects.requireNonNull(text, "text");
    int dot = text.indexOf('.');
    String namespace = dot < 0 ? "" : text.substring(0, dot);
    String name = dot < 0 ? text : text.substring(dot + 1);
    Kind kind = isAttackNamespace(namespace) ? classifyAttack(name) : Kind.OTHER;
    return new SigmaTag(text, namespace, name, kind, line, column);
  }

  /**
   * Classifies the name of an {@code attack} tag (the part after {@code attack.}), in any case.
   *
   * @param name the name, e.g. {@code T1059.001} or {@code defense_evasion}
   * @return the kind; never {@link Kind#OTHER}
   * @throws NullPointerException if {@code name} is null
   */
  public static Kind classifyAttack(String name) {
    Objects.requireNonNull(name, "name");
    int n = name.length();
    if (n == 0) {
      return Kind.MALFORMED_ATTACK;
    }
    int letters = 0;
    while (letters < n && letters < 3 && isAsciiLetter(name.charAt(letters))) {
      letters++;
    }
    if (letters > 0 && letters < n && isDigit(name.charAt(letters))) {
      String prefix = asciiLower(name.substring(0, letters));
      Kind kind = idKind(prefix);
      if (kind == null || !fourDigitsAt(name, letters)) {
        return Kind.MALFORMED_ATTACK;
      }
      int end = letters + 4;
      if (end == n) {
        return kind;
      }
      if (kind == Kind.TECHNIQUE && n == end + 4 && name.charAt(end) == '.' && digitsAt(name, end + 1, 3)) {
        return Kind.TECHNIQUE;
      }
      return Kind.MALFORMED_ATTACK;
    }
    return isTacticName(name) ? Kind.TACTIC : Kind.MALFORMED_ATTACK;
  }

  private static boolean isAttackNamespace(String namespace) {
    return namespace.length() == ATTACK.length() && asciiLower(namespace).equals(ATTACK);
  }

  /** Lower-cases ASCII letters only, so that no other character can fold into a valid ATT&amp;CK tag. */
  private static String asciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] = (char) (chars[j] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }

  private static Kind idKind(String prefix) {
    switch (prefix) {
      case "t": return Kind.TECHNIQUE;
      case "ta": return Kind.TACTIC;
      case "g": return Kind.GROUP;
      case "s": return Kind.SOFTWARE;
      case "c": return Kind.CAMPAIGN;
      case "m": return Kind.MITIGATION;
      case "ds": return Kind.DATA_SOURCE;
      case "dc": return Kind.DATA_COMPONENT;
      case "det": return Kind.DETECTION_STRATEGY;
      case "a": return Kind.ASSET;
      default: return null;
    }
  }

  private static boolean isTacticName(String name) {
    boolean letterExpected = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (isAsciiLetter(c)) {
        letterExpected = false;
      } else if ((c == '-' || c == '_') && !letterExpected) {
        letterExpected = true;
      } else {
        return false;
      }
    }
    return !letterExpected;
  }

  private static boolean fourDigitsAt(String s, int from) {
    return digitsAt(s, from, 4);
  }

  private static boolean digitsAt(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Returns whether the tag is in the {@code attack} namespace (any case).
   *
   * @return true for ATT&amp;CK tags, including malformed ones
   */
  public boolean isAttack() {
    return kind != Kind.OTHER;
  }

  /**
   * Returns the name in canonical form: for {@code attack} tags with ASCII letters in lower case (no other
   * character is folded) and tactic names in hyphen form
   * ({@code t1059.001}, {@code defense-evasion}); for other tags the name as written.
   *
   * @return the canonical name
   */
  public String canonicalName() {
    if (kind == Kind.OTHER) {
      return name;
    }
    String lower = asciiLower(name);
    return kind == Kind.TACTIC ? lower.replace('_', '-') : lower;
  }

  /**
   * Returns the tag in canonical form: {@code attack.} and the {@linkplain #canonicalName() canonical name} for
   * {@code attack} tags; the text as written for other tags.
   *
   * @return the canonical text
   */
  public String canonicalText() {
    return kind == Kind.OTHER ? text : ATTACK + "." + canonicalName();
  }

  /**
   * Returns whether the text is already canonical: always true for non-{@code attack} tags, and for
   * {@code attack} tags true when written in lower case with a hyphenated tactic name.
   *
   * @return true if {@link #text()} equals {@link #canonicalText()}
   */
  public boolean isCanonical() {
    return kind == Kind.OTHER || text.equals(canonicalText());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaTag t
        && t.text.equals(text) && t.namespace.equals(namespace) && t.name.equals(name) && t.kind == kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, namespace, name, kind);
  }
}
