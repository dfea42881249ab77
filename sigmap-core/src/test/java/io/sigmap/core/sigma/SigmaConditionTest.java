package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.sigma.ConditionExpression.And;
import io.sigmap.core.sigma.ConditionExpression.Identifier;
import io.sigmap.core.sigma.ConditionExpression.Not;
import io.sigmap.core.sigma.ConditionExpression.Or;
import io.sigmap.core.sigma.ConditionExpression.Quantified;
import io.sigmap.core.sigma.ConditionExpression.Quantifier;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigmaConditionTest {

  private static ConditionExpression expr(String text) {
    return SigmaCondition.parse(text).expression().orElseThrow(() -> new AssertionError("not parsed: " + text));
  }

  private static Identifier id(String name) {
    return new Identifier(name);
  }

  @Test
  void parse_precedenceOrAndNot() {
    assertEquals(new Or(List.of(id("a"), new And(List.of(id("b"), new Not(id("c")))))),
        expr("a or b and not c"));
    assertEquals(new And(List.of(new Or(List.of(id("a"), id("b"))), id("c"))), expr("(a or b) and c"));
    assertEquals(new Not(new Not(id("a"))), expr("not not a"));
  }

  @Test
  void parse_flattensChainsAndParentheses() {
    assertEquals(new And(List.of(id("a"), id("b"), id("c"))), expr("a and (b and c)"));
    assertEquals(new Or(List.of(id("a"), id("b"), id("c"))), expr("((a) or b) or c"));
    assertEquals(id("a"), expr("(((a)))"));
  }

  @Test
  void parse_quantifiers() {
    assertEquals(new Quantified(Quantifier.ANY, Optional.of("selection*")), expr("1 of selection*"));
    assertEquals(new Quantified(Quantifier.ANY, Optional.empty()), expr("any of them"));
    assertEquals(new Quantified(Quantifier.ALL, Optional.empty()), expr("all of them"));
    assertEquals(new And(List.of(new Quantified(Quantifier.ALL, Optional.of("sel_*")),
        new Not(new Quantified(Quantifier.ANY, Optional.of("filter_*"))))),
        expr("all of sel_* and not 1 of filter_*"));
  }

  @Test
  void parse_operatorsInAnyCase() {
    assertEquals(new And(List.of(id("a"), new Not(id("b")))), expr("a AND NOT b"));
    assertEquals(new Quantified(Quantifier.ALL, Optional.empty()), expr("All Of Them"));
  }

  @Test
  void parse_keepsAggregation() {
    SigmaCondition c = SigmaCondition.parse("selection | count(dst_ip) by src_ip > 10");
    assertEquals(Optional.of(id("selection")), c.expression());
    assertEquals(Optional.of("count(dst_ip) by src_ip > 10"), c.aggregation());
    assertEquals("selection | count(dst_ip) by src_ip > 10", c.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a and", "(a or b", "a b", "and a", "a or or b", "1 of", "of them",
      "2 of them", "a )", "not", "write x from (a) to %y%"})
  void parse_invalidKeepsTextWithoutExpression(String text) {
    SigmaCondition c = SigmaCondition.parse(text);
    assertEquals(Optional.empty(), c.expression(), text);
    assertEquals(text, c.text());
  }

  @Test
  void parse_deepNestingIsRefusedNotOverflowed() {
    assertEquals(Optional.empty(), SigmaCondition.parse("(".repeat(100_000) + "a" + ")".repeat(100_000))
        .expression());
    assertEquals(Optional.empty(), SigmaCondition.parse("not ".repeat(100_000) + "a").expression());
    assertTrue(SigmaCondition.parse("(".repeat(50) + "a" + ")".repeat(50)).expression().isPresent());
  }

  @Test
  void equals_ignoresLocation() {
    SigmaCondition a = new SigmaCondition("a", Optional.of(id("a")), Optional.empty(), 3, 4);
    SigmaCondition b = new SigmaCondition("a", Optional.of(id("a")), Optional.empty(), 9, 9);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, SigmaCondition.parse("a "));
  }

  @Test
  void constructors_validate() {
    assertThrows(IllegalArgumentException.class, () -> new And(List.of(id("a"))));
    assertThrows(IllegalArgumentException.class, () -> new Or(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Identifier(""));
    assertThrows(IllegalArgumentException.class,
        () -> new SigmaCondition("a", Optional.empty(), Optional.empty(), -1, 0));
  }

  @Property(tries = 500)
  void parse_neverThrows(@ForAll String text) {
    SigmaCondition c = SigmaCondition.parse(text);
    assertEquals(text, c.text());
  }
}
