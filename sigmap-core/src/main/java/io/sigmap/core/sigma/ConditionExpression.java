package io.sigmap.core.sigma;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The boolean expression of a detection condition: {@code and}, {@code or}, {@code not}, parentheses, search
 * identifiers and {@code 1 of}/{@code any of}/{@code all of} a pattern or {@code them}.
 *
 * <p>Operators are recognised in any case. {@code and} binds tighter than {@code or}; chains of one operator are
 * flattened ({@code a and b and c} is one {@link And} of three). Parentheses leave no node. Records with
 * structural, order-sensitive equality; see {@link Detection#canonicalForm()} for an order-insensitive form.
 *
 * @since 0.1.0
 */
public sealed interface ConditionExpression permits ConditionExpression.And, ConditionExpression.Or,
    ConditionExpression.Not, ConditionExpression.Identifier, ConditionExpression.Quantified {

  /**
   * All operands must hold.
   *
   * @param operands at least two operands
   * @since 0.1.0
   */
  record And(List<ConditionExpression> operands) implements ConditionExpression {
    /**
     * Validates and copies the operands.
     *
     * @throws NullPointerException if {@code operands} is or holds null
     * @throws IllegalArgumentException if there are fewer than two operands
     */
    public And {
      operands = atLeastTwo(operands);
    }
  }

  /**
   * At least one operand must hold.
   *
   * @param operands at least two operands
   * @since 0.1.0
   */
  record Or(List<ConditionExpression> operands) implements ConditionExpression {
    /**
     * Validates and copies the operands.
     *
     * @throws NullPointerException if {@code operands} is or holds null
     * @throws IllegalArgumentException if there are fewer than two operands
     */
    public Or {
      operands = atLeastTwo(operands);
    }
  }

  /**
   * The operand must not hold.
   *
   * @param operand the negated expression
   * @since 0.1.0
   */
  record Not(ConditionExpression operand) implements ConditionExpression {
    /**
     * Validates the operand.
     *
     * @throws NullPointerException if {@code operand} is null
     */
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * A reference to one search identifier of the detection.
   *
   * @param name the identifier as written
   * @since 0.1.0
   */
  record Identifier(String name) implements ConditionExpression {
    /**
     * Validates the name.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public Identifier {
      if (Objects.requireNonNull(name, "name").isEmpty()) {
        throw new IllegalArgumentException("identifier must not be empty");
      }
    }
  }

  /**
   * {@code 1 of}/{@code any of} (one must hold) or {@code all of} (all must hold) the search identifiers that
   * match a pattern ({@code *} matches any characters), or of {@code them}: every identifier not starting with
   * an underscore. See {@link Detection#matching(Optional)}.
   *
   * @param quantifier one or all
   * @param pattern the pattern as written, or empty for {@code them}
   * @since 0.1.0
   */
  record Quantified(Quantifier quantifier, Optional<String> pattern) implements ConditionExpression {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Quantified {
      Objects.requireNonNull(quantifier, "quantifier");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /**
   * How many of the matched search identifiers must hold.
   *
   * @since 0.1.0
   */
  enum Quantifier {
    /** {@code 1 of} or {@code any of}: at least one. */
    ANY,
    /** {@code all of}: every one. */
    ALL
  }

  private static List<ConditionExpression> atLeastTwo(List<ConditionExpression> operands) {
    List<ConditionExpression> copy = List.copyOf(operands);
    if (copy.size() < 2) {
      throw new IllegalArgumentException("needs at least two operands: " + copy.size());
    }
    return copy;
  }
}
