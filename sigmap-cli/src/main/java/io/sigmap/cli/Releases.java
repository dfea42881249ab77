package io.sigmap.cli;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ATT&amp;CK release numbers: {@code 18.1}, {@code 9.0}, compared as numbers, so 18.1 is newer than 9.0. */
final class Releases {

  /** A release as the cache names files with it: one to three dot-separated numbers. */
  static final Pattern RELEASE = Pattern.compile("\\d{1,4}(?:\\.\\d{1,4}){0,2}");

  static final Comparator<String> ORDER = Releases::compare;

  private Releases() {}

  private static final Pattern IN_NAME =
      Pattern.compile("(?i)attack-v?(" + RELEASE.pattern() + ")\\.json(?:\\.gz)?$");

  /** The release a file name or URL names: {@code 18.1} for {@code .../enterprise-attack-18.1.json}. */
  static Optional<String> fromName(String name) {
    Matcher m = IN_NAME.matcher(name);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static boolean valid(String release) {
    return RELEASE.matcher(release).matches();
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(part(x, i), part(y, i));
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  }

  private static int part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
