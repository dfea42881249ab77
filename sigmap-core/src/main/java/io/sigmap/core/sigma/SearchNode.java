package io.sigmap.core.sigma;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a search identifier, as the YAML structure gives it.
 *
 * <ul>
 *   <li>A mapping becomes an {@link AllOf} of one {@link FieldMatch} per key: all must match.</li>
 *   <li>A list of mappings becomes an {@link AnyOf} of their {@link AllOf}s: one must match.</li>
 *   <li>A list of plain values (or one value) becomes a keyword {@link FieldMatch} without field.</li>
 *   <li>A list mixing both becomes an {@link AnyOf} of one item per element, in order.</li>
 * </ul>
 *
 * <p>Records with structural, order-sensitive equality (locations ignored); {@link Detection#canonicalForm()}
 * gives an order-insensitive form.
 *
 * @since 0.1.0
 */
public sealed interface SearchNode permits SearchNode.AllOf, SearchNode.AnyOf, SearchNode.FieldMatch {

  /**
   * Every item must match: a YAML mapping of field matches.
   *
   * @param items the items, in file order
   * @since 0.1.0
   */
  record AllOf(List<SearchNode> items) implements SearchNode {
    /**
     * Validates and copies the items.
     *
     * @throws NullPointerException if {@code items} is or holds null
     */
    public AllOf {
      items = List.copyOf(items);
    }
  }

  /**
   * At least one item must match: a YAML list of mappings.
   *
   * @param items the items, in file order
   * @since 0.1.0
   */
  record AnyOf(List<SearchNode> items) implements SearchNode {
    /**
     * Validates and copies the items.
     *
     * @throws NullPointerException if {@code items} is or holds null
     */
    public AnyOf {
      items = List.copyOf(items);
    }
  }

  /**
   * A field (or, without field, a keyword search over the whole event) compared with values.
   *
   * <p>Written {@code field|modifier1|modifier2: value-or-list}; a key starting with {@code |} (e.g.
   * {@code '|all'}) or a plain list gives a keyword match. The values are OR-ed, or AND-ed when the modifiers
   * include {@code all}. Modifiers are kept as written and in order (they apply in order).
   *
   * @param field the field name, or empty for a keyword search
   * @param modifiers the value modifiers, in order
   * @param values the values (a single value is a list of one; {@code []} an empty list)
   * @param line the 1-based line of the key (or of the keyword value), or 0 when not read from a file
   * @param column the 1-based column, or 0 when not read from a file
   * @since 0.1.0
   */
  record FieldMatch(Optional<String> field, List<String> modifiers, List<SigmaValue.Scalar> values, int line,
      int column) implements SearchNode {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is or holds null
     * @throws IllegalArgumentException if the line or column is negative
     */
    public FieldMatch {
      Objects.requireNonNull(field, "field");
      modifiers = List.copyOf(modifiers);
      values = List.copyOf(values);
      if (line < 0 || column < 0) {
        throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
      }
    }

    /**
     * Returns whether this is a keyword search (no field).
     *
     * @return true when {@link #field()} is empty
     */
    public boolean isKeyword() {
      return field.isEmpty();
    }

    /**
     * Returns whether the values are AND-ed: the modifiers include {@code all} (any case).
     *
     * @return true when every value must match
     */
    public boolean matchesAllValues() {
      for (String m : modifiers) {
        if (m.toLowerCase(Locale.ROOT).equals("all")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FieldMatch f && f.field.equals(field) && f.modifiers.equals(modifiers)
          && f.values.equals(values);
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, modifiers, values);
    }
  }
}
