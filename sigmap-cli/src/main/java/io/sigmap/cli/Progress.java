package io.sigmap.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A download progress line on standard error, redrawn in place, at most ten times a second. Only on a terminal:
 * CI logs get no progress at all. Updates come from the HTTP client's threads.
 */
class Progress {

  /** No progress: not a terminal, or {@code --no-progress}. */
  static final Progress NONE = new Progress(null);

  private static final long INTERVAL_NANOS = 100_000_000L;
  private static final int BAR = 30;

  private final PrintWriter err;
  private String label = "";
  private long total = -1;
  private long lastDraw;
  private int lastWidth;

  Progress(PrintWriter err) {
    this.err = err;
  }

  synchronized void start(String label, long total) {
    this.label = label;
    this.total = total;
    this.lastDraw = 0;
  }

  synchronized void update(long bytes) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    draw(bytes);
  }

  synchronized void finish(long bytes) {
    if (err == null) {
      return;
    }
    draw(bytes);
    clear();
  }

  /** Shows what is being done, such as checking the download, until {@link #clear()}. */
  synchronized void status(String text) {
    if (err == null) {
      return;
    }
    String pad = text.length() < lastWidth ? " ".repeat(lastWidth - text.length()) : "";
    err.print("\r" + text + pad);
    err.flush();
    lastWidth = text.length();
  }

  /** Removes the line. */
  synchronized void clear() {
    if (err == null || lastWidth == 0) {
      return;
    }
    err.print("\r" + " ".repeat(lastWidth) + "\r");
    err.flush();
    lastWidth = 0;
  }

  private void draw(long bytes) {
    String line;
    if (total > 0) {
      int filled = (int) Math.min(BAR, bytes * BAR / total);
      line = String.format(Locale.ROOT, "%s [%s%s] %s / %s %3d%%", label, "#".repeat(filled),
          ".".repeat(BAR - filled), Text.size(bytes), Text.size(total), Math.min(100, bytes * 100 / total));
    } else {
      line = String.format(Locale.ROOT, "%s %s", label, Text.size(bytes));
    }
    String pad = line.length() < lastWidth ? " ".repeat(lastWidth - line.length()) : "";
    err.print("\r" + line + pad);
    err.flush();
    lastWidth = line.length();
  }
}
