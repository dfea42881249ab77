package io.sigmap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text output helpers: aligned tables and human sizes. */
final class Text {

  private Text() {}

  /** A size for people: {@code 512 B}, {@code 12.0 KiB}, {@code 45.1 MiB}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** Columns separated by two spaces, each as wide as its widest cell; the last column is not padded. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table row(String... cells) {
      rows.add(cells.clone());
      return this;
    }

    boolean isEmpty() {
      return rows.isEmpty();
    }

    void print(PrintWriter out, String indent) {
      int columns = 0;
      for (String[] r : rows) {
        columns = Math.max(columns, r.length);
      }
      int[] width = new int[columns];
      for (String[] r : rows) {
        for (int i = 0; i < r.length - 1; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
      for (String[] r : rows) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < r.length; i++) {
          sb.append(r[i]);
          if (i < r.length - 1) {
            sb.append(" ".repeat(width[i] - r[i].length() + 2));
          }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
          end--;
        }
        sb.setLength(end);
        out.println(sb);
      }
    }
  }
}
