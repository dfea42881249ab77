package io.sigmap.core.sigma;

import java.util.Objects;

/**
 * A named search of a detection ({@code selection:}, {@code filter_main:}...), referred to by its conditions.
 * <strong>Equality ignores the location.</strong>
 *
 * @param name the identifier as written
 * @param node the search's content
 * @param line the 1-based line of the identifier, or 0 when not read from a file
 * @param column the 1-based column of the identifier, or 0 when not read from a file
 * @since 0.1.0
 */
public record SearchIdentifier(String name, SearchNode node, int line, int column) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code name} or {@code node} is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SearchIdentifier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(node, "node");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchIdentifier s && s.name.equals(name) && s.node.equals(node);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + node.hashCode();
  }
}
