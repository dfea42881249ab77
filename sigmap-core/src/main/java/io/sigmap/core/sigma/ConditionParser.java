package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses detection conditions by recursive descent. The nesting of parentheses and {@code not} is bounded
 * ({@link #MAX_DEPTH}) so that no condition text can exhaust the stack.
 */
final class ConditionParser {

  /** The deepest nesting of parentheses and {@code not} accepted; Sigma rules use a handful. */
  static final int MAX_DEPTH = 100;

  /** A parsed condition and, when its expression is empty, why. */
  record Outcome(SigmaCondition condition, String problem) {}

  private final List<String> tokens;
  private int pos;
  private int depth;

  private ConditionParser(List<String> tokens) {
    this.tokens = tokens;
  }

  static SigmaCondition parse(String text, int line, int column) {
    return parseWithProblem(text, line, column).condition();
  }

  static Outcome parseWithProblem(String text, int line, int column) {
    int bar = topLevelBar(text);
    String bool = bar < 0 ? text : text.substring(0, bar);
    Optional<String> aggregation = bar < 0 ? Optional.empty() : Optional.of(text.substring(bar + 1).strip());
    String problem;
    Optional<ConditionExpression> expression = Optional.empty();
    try {
      ConditionParser p = new ConditionParser(tokenize(bool));
      if (p.tokens.isEmpty()) {
        throw new ParseProblem("the condition is empty");
      }
      ConditionExpression e = p.or();
      if (p.pos < p.tokens.size()) {
        throw new ParseProblem("unexpected '" + p.tokens.get(p.pos) + "'");
      }
      expression = Optional.of(e);
      problem = null;
    } catch (ParseProblem e) {
      problem = e.getMessage();
    }
    return new Outcome(new SigmaCondition(text, expression, aggregation, line, column), problem);
  }

  private static int topLevelBar(String text) {
    return text.indexOf('|');
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '(' && s.charAt(i) != ')') {
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  private static final class ParseProblem extends Exception {
    private static final long serialVersionUID = 1L;

    ParseProblem(String message) {
      super(message, null, false, false);
    }
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private boolean peekKeyword(String keyword) {
    String t = peek();
    return t != null && t.equalsIgnoreCase(keyword);
  }

  private ConditionExpression or() throws ParseProblem {
    List<ConditionExpression> operands = new ArrayList<>();
    operands.add(and());
    while (peekKeyword("or")) {
      pos++;
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new ConditionExpression.Or(flatten(operands, true));
  }

  private ConditionExpression and() throws ParseProblem {
    List<ConditionExpression> operands = new ArrayList<>();
    operands.add(not());
    while (peekKeyword("and")) {
      pos++;
      operands.add(not());
    }
    return operands.size() == 1 ? operands.get(0) : new ConditionExpression.And(flatten(operands, false));
  }

  private static List<ConditionExpression> flatten(List<ConditionExpression> operands, boolean or) {
    List<ConditionExpression> out = new ArrayList<>(operands.size());
    for (ConditionExpression e : operands) {
      if (or && e instanceof ConditionExpression.Or o) {
        out.addAll(o.operands());
      } else if (!or && e instanceof ConditionExpression.And a) {
        out.addAll(a.operands());
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private ConditionExpression not() throws ParseProblem {
    if (peekKeyword("not")) {
      pos++;
      enter();
      ConditionExpression operand = not();
      depth--;
      return new ConditionExpression.Not(operand);
    }
    return primary();
  }

  private void enter() throws ParseProblem {
    if (++depth > MAX_DEPTH) {
      throw new ParseProblem("nesting of parentheses and 'not' deeper than " + MAX_DEPTH);
    }
  }

  private ConditionExpression primary() throws ParseProblem {
    String t = peek();
    if (t == null) {
      throw new ParseProblem("the condition ends where an identifier or '(' is expected");
    }
    if (t.equals("(")) {
      pos++;
      enter();
      ConditionExpression inner = or();
      depth--;
      if (!")".equals(peek())) {
        throw new ParseProblem(peek() == null ? "missing ')'" : "expected ')' but found '" + peek() + "'");
      }
      pos++;
      return inner;
    }
    if (t.equals(")")) {
      throw new ParseProblem("unexpected ')'");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("and") || lower.equals("or")) {
      throw new ParseProblem("'" + t + "' where an identifier or '(' is expected");
    }
    if ((lower.equals("1") || lower.equals("any") || lower.equals("all"))
        && pos + 1 < tokens.size() && tokens.get(pos + 1).equalsIgnoreCase("of")) {
      pos += 2;
      String target = peek();
      if (target == null || target.equals("(") || target.equals(")")) {
        throw new ParseProblem("'" + t + " of' must be followed by a pattern or 'them'");
      }
      pos++;
      ConditionExpression.Quantifier q =
          lower.equals("all") ? ConditionExpression.Quantifier.ALL : ConditionExpression.Quantifier.ANY;
      return new ConditionExpression.Quantified(q,
          target.equalsIgnoreCase("them") ? Optional.empty() : Optional.of(target));
    }
    if (lower.equals("of") || lower.equals("them")) {
      throw new ParseProblem("'" + t + "' must follow '1 of', 'any of' or 'all of'");
    }
    if (lower.matches("\\d+") && pos + 1 < tokens.size() && tokens.get(pos + 1).equalsIgnoreCase("of")) {
      throw new ParseProblem("'" + t + " of' is not supported; use '1 of', 'any of' or 'all of'");
    }
    pos++;
    return new ConditionExpression.Identifier(t);
  }
}
