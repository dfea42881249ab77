package io.sigmap.core.sigma;

import java.util.Objects;

/**
 * Where a rule comes from: the file, the document within it and that document's original text.
 *
 * <p>{@link #text()} is the document's text exactly as in the file (comments, quoting, blank lines and line
 * endings kept; a byte order mark dropped). The documents of a file split it without gap or overlap: a document's
 * text starts at the beginning of the file or at its own {@code ---} line, and ends where the next document's
 * {@code ---} line starts, so the texts of all documents of a file, concatenated, are the file. Writing
 * {@code text()} back in UTF-8 reproduces the document byte for byte.
 *
 * @param path the path as given for a file, or relative to the scanned directory for a directory read, always
 *     with {@code /} separators; for a string or stream, the name given to the reader
 * @param documentIndex the 0-based index of the YAML document in the file, counting every document (also
 *     {@code action: global} documents)
 * @param line the 1-based line of the file where {@link #text()} starts, so that line {@code n} of the file is
 *     line {@code n - line} (0-based) of the text
 * @param text the document's original text
 * @param inherits true when the rule also holds attributes of earlier documents of the file ({@code action:
 *     global} or {@code action: repeat}), so that {@link #text()} alone does not show all of it
 * @since 0.1.0
 */
public record SigmaSource(String path, int documentIndex, int line, String text, boolean inherits) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code path} or {@code text} is null
   * @throws IllegalArgumentException if {@code documentIndex} is negative or {@code line} is below 1
   */
  public SigmaSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    if (documentIndex < 0) {
      throw new IllegalArgumentException("documentIndex must not be negative: " + documentIndex);
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1: " + line);
    }
  }

  @Override
  public String toString() {
    return "SigmaSource[" + path + ", document " + documentIndex + ", line " + line + "]";
  }
}
