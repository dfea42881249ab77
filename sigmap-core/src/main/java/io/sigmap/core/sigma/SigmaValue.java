package io.sigmap.core.sigma;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A YAML value of a Sigma rule as read, for parts that the model does not interpret further: custom attributes,
 * custom log source keys and detection values.
 *
 * <p>A value is a {@link Scalar} (with its original text and the type YAML gives it), a {@link Sequence} or a
 * {@link Mapping} (keys in file order). Aliases are expanded (within {@link SigmaReadOptions#maxNodes()}). Every
 * value knows the 1-based line and column where it starts in the file; <strong>equality ignores that
 * location</strong>, so two values written alike anywhere are equal. Values are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface SigmaValue permits SigmaValue.Scalar, SigmaValue.Sequence, SigmaValue.Mapping {

  /**
   * Returns the 1-based line where the value starts in the file.
   *
   * @return the line, or 0 when the value was not read from a file
   */
  int line();

  /**
   * Returns the 1-based column (in Unicode code points) where the value starts in the file.
   *
   * @return the column, or 0 when the value was not read from a file
   */
  int column();

  /**
   * The type YAML 1.1 gives a scalar, as PyYAML's {@code SafeLoader} (used by the Sigma tool chain) resolves it.
   * Timestamps are not resolved: {@code 2024-01-02} stays a {@link #STRING}.
   *
   * @since 0.1.0
   */
  enum ScalarType {
    /** Text: any quoted or block scalar, and any plain scalar that is not one of the other types. */
    STRING,
    /**
     * A plain integer: decimal, {@code 0x} hexadecimal, leading-zero octal, {@code 0b} binary or {@code 1:30}
     * sexagesimal.
     */
    INTEGER,
    /** A plain floating-point number, including {@code .inf} and {@code .nan}. */
    FLOAT,
    /** A plain {@code true}, {@code false}, {@code yes}, {@code no}, {@code on} or {@code off} (YAML 1.1 cases). */
    BOOLEAN,
    /** An empty plain scalar, {@code ~} or {@code null} (any YAML 1.1 case). */
    NULL
  }

  /**
   * A scalar: its text exactly as YAML reads it (quotes and escapes resolved) and its type.
   *
   * @param text the scalar's text; empty for an empty or implicit null
   * @param type the YAML type
   * @param line the 1-based line, or 0 when not read from a file
   * @param column the 1-based column, or 0 when not read from a file
   * @since 0.1.0
   */
  record Scalar(String text, ScalarType type, int line, int column) implements SigmaValue {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code text} or {@code type} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is negative
     */
    public Scalar {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(type, "type");
      checkLocation(line, column);
    }

    /**
     * Returns a string scalar without a location.
     *
     * @param text the text
     * @return the scalar
     */
    public static Scalar of(String text) {
      return new Scalar(text, ScalarType.STRING, 0, 0);
    }

    /**
     * Returns whether this scalar is a YAML null.
     *
     * @return true for {@link ScalarType#NULL}
     */
    public boolean isNull() {
      return type == ScalarType.NULL;
    }

    /**
     * Returns the value of an {@link ScalarType#INTEGER} scalar that fits a {@code long}.
     *
     * @return the value, or empty for other types or values out of range
     */
    public OptionalLong asLong() {
      if (type != ScalarType.INTEGER) {
        return OptionalLong.empty();
      }
      return ScalarTypes.parseLong(text);
    }

    /**
     * Returns the value of a {@link ScalarType#BOOLEAN} scalar.
     *
     * @return the value, or empty for other types
     */
    public Optional<Boolean> asBoolean() {
      if (type != ScalarType.BOOLEAN) {
        return Optional.empty();
      }
      char c = Character.toLowerCase(text.charAt(0));
      return Optional.of(c == 't' || c == 'y' || text.equalsIgnoreCase("on"));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Scalar s && s.type == type && s.text.equals(text);
    }

    @Override
    public int hashCode() {
      return 31 * text.hashCode() + type.hashCode();
    }
  }

  /**
   * A sequence (YAML list).
   *
   * @param items the items, in file order
   * @param line the 1-based line, or 0 when not read from a file
   * @param column the 1-based column, or 0 when not read from a file
   * @since 0.1.0
   */
  record Sequence(List<SigmaValue> items, int line, int column) implements SigmaValue {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if {@code items} is or holds null
     * @throws IllegalArgumentException if {@code line} or {@code column} is negative
     */
    public Sequence {
      items = List.copyOf(items);
      checkLocation(line, column);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sequence s && s.items.equals(items);
    }

    @Override
    public int hashCode() {
      return items.hashCode();
    }
  }

  /**
   * A mapping (YAML map) with string keys in file order.
   *
   * <p>Keys are the text of the YAML key scalars; merge keys ({@code <<}) are applied.
   *
   * @param entries the entries, in file order (an unmodifiable map that iterates in that order)
   * @param line the 1-based line, or 0 when not read from a file
   * @param column the 1-based column, or 0 when not read from a file
   * @since 0.1.0
   */
  record Mapping(Map<String, SigmaValue> entries, int line, int column) implements SigmaValue {

    /**
     * Validates and copies the components, keeping the entry order.
     *
     * @throws NullPointerException if {@code entries} is null or holds a null key or value
     * @throws IllegalArgumentException if {@code line} or {@code column} is negative
     */
    public Mapping {
      entries = Copies.orderedMap(entries);
      checkLocation(line, column);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mapping m && m.entries.equals(entries);
    }

    @Override
    public int hashCode() {
      return entries.hashCode();
    }
  }

  private static void checkLocation(int line, int column) {
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }
}
