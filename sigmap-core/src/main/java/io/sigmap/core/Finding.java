package io.sigmap.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Something enrichment found about a rule or one of its tags.
 *
 * @param code the stable code
 * @param severity how serious it is
 * @param tag the tag concerned, as written in the rule, when the finding is about one tag
 * @param message what is wrong and what to do, for a person
 * @param line the 1-based line in the rule's file (the tag's line, or the document's first line), or 0
 * @param column the 1-based column, or 0
 * @since 0.1.0
 */
public record Finding(
    FindingCode code, Severity severity, Optional<String> tag, String message, int line, int column) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }
}
