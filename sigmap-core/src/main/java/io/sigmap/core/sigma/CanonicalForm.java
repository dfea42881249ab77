package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Computes {@link Detection#canonicalForm()}; see there for the rules. */
final class CanonicalForm {

  /**
   * The most characters the expanded form may render before it falls back to the raw form: expansion repeats a
   * search for each reference to it, so a hostile condition could otherwise multiply a large detection.
   */
  static final long RENDER_BUDGET = 4_000_000;

  private final Detection detection;
  private final boolean budgeted;
  private final Map<String, Node> searchCache = new HashMap<>();
  private final Map<ConditionExpression, Node> expressionCache = new HashMap<>();
  private long rendered;

  private CanonicalForm(Detection detection, boolean budgeted) {
    this.detection = detection;
    this.budgeted = budgeted;
  }

  static String of(Detection detection) {
    CanonicalForm form = new CanonicalForm(detection, true);
    Optional<String> expanded;
    try {
      expanded = form.expanded();
    } catch (OverBudget e) {
      expanded = Optional.empty();
    }
    // The raw form renders each search once, so its size follows the detection's; it needs no budget.
    return expanded.orElseGet(new CanonicalForm(detection, false)::raw);
  }

  /** Ends an expansion that renders more than {@link #RENDER_BUDGET} characters. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super(null, null, false, false);
    }
  }

  private void spend(int chars) {
    rendered += chars;
    if (budgeted && rendered > RENDER_BUDGET) {
      throw new OverBudget();
    }
  }

  /**
   * A canonical node: an operator over a sorted, deduplicated set of rendered operands, or a leaf. Rendered
   * once; every rendering is charged to the budget.
   */
  private final class Node {
    final String op;
    final TreeSet<String> operands;
    private String text;

    private Node(String op, TreeSet<String> operands, String text) {
      this.op = op;
      this.operands = operands;
      this.text = text;
    }

    String render() {
      if (text == null) {
        text = op + "(" + String.join(",", operands) + ")";
        spend(text.length());
      }
      return text;
    }
  }

  private Node leaf(String text) {
    spend(text.length());
    return new Node(null, null, text);
  }

  /** Builds {@code op(children)}, flattening children of the same operator; one operand stands alone. */
  private Node node(String op, List<Node> children) {
    TreeSet<String> set = new TreeSet<>();
    java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Node c : children) {
      if (!seen.add(c)) {
        continue;
      }
      if (op.equals(c.op)) {
        set.addAll(c.operands);
      } else {
        set.add(c.render());
      }
    }
    if (set.size() == 1) {
      String only = set.first();
      for (Node c : children) {
        if (!op.equals(c.op) && c.render().equals(only)) {
          return c;
        }
      }
    }
    return new Node(op, set, null);
  }

  private Optional<String> expanded() {
    if (detection.conditions().isEmpty()) {
      return Optional.empty();
    }
    List<Node> parts = new ArrayList<>();
    for (SigmaCondition c : detection.conditions()) {
      if (c.expression().isEmpty()) {
        return Optional.empty();
      }
      Node n = expression(c.expression().get());
      if (n == null) {
        return Optional.empty();
      }
      if (c.aggregation().isPresent()) {
        n = leaf(n.render() + "|" + normaliseSpace(c.aggregation().get()));
      }
      parts.add(n);
    }
    return Optional.of(node("or", parts).render());
  }

  private Node expression(ConditionExpression e) {
    if (expressionCache.containsKey(e)) {
      return expressionCache.get(e);
    }
    Node n = expand(e);
    expressionCache.put(e, n);
    return n;
  }

  private Node expand(ConditionExpression e) {
    if (e instanceof ConditionExpression.Identifier id) {
      SearchIdentifier s = detection.searches().get(id.name());
      return s == null ? null : search(s);
    }
    if (e instanceof ConditionExpression.Not not) {
      Node inner = expression(not.operand());
      return inner == null ? null : leaf("not(" + inner.render() + ")");
    }
    if (e instanceof ConditionExpression.And and) {
      return operator("and", and.operands());
    }
    if (e instanceof ConditionExpression.Or or) {
      return operator("or", or.operands());
    }
    ConditionExpression.Quantified q = (ConditionExpression.Quantified) e;
    List<SearchIdentifier> matched = detection.matching(q.pattern());
    if (matched.isEmpty()) {
      return null;
    }
    List<Node> nodes = new ArrayList<>();
    for (SearchIdentifier s : matched) {
      nodes.add(search(s));
    }
    return node(q.quantifier() == ConditionExpression.Quantifier.ALL ? "and" : "or", nodes);
  }

  private Node operator(String op, List<ConditionExpression> operands) {
    List<Node> nodes = new ArrayList<>();
    for (ConditionExpression o : operands) {
      Node n = expression(o);
      if (n == null) {
        return null;
      }
      nodes.add(n);
    }
    return node(op, nodes);
  }

  private Node search(SearchIdentifier s) {
    Node cached = searchCache.get(s.name());
    if (cached == null) {
      cached = node(s.node());
      searchCache.put(s.name(), cached);
    }
    return cached;
  }

  private Node node(SearchNode n) {
    if (n instanceof SearchNode.AllOf all) {
      return items("and", all.items());
    }
    if (n instanceof SearchNode.AnyOf any) {
      return items("or", any.items());
    }
    return leaf(fieldMatch((SearchNode.FieldMatch) n));
  }

  private Node items(String op, List<SearchNode> items) {
    if (items.isEmpty()) {
      return leaf(op + "()");
    }
    List<Node> nodes = new ArrayList<>(items.size());
    for (SearchNode i : items) {
      nodes.add(node(i));
    }
    return node(op, nodes);
  }

  private static String fieldMatch(SearchNode.FieldMatch f) {
    StringBuilder sb = new StringBuilder();
    if (f.field().isPresent()) {
      quote(sb, f.field().get());
    } else {
      sb.append('*');
    }
    for (String m : f.modifiers()) {
      if (!m.equalsIgnoreCase("all")) {
        sb.append('|');
        quote(sb, m);
      }
    }
    TreeSet<String> values = new TreeSet<>();
    for (SigmaValue.Scalar v : f.values()) {
      values.add(scalar(v));
    }
    sb.append(values.size() > 1 && f.matchesAllValues() ? "=all[" : "=any[");
    sb.append(String.join(",", values)).append(']');
    return sb.toString();
  }

  private static String scalar(SigmaValue.Scalar v) {
    switch (v.type()) {
      case NULL:
        return "null";
      case BOOLEAN:
        return v.asBoolean().orElse(Boolean.FALSE).toString();
      default:
        StringBuilder sb = new StringBuilder();
        quote(sb, v.text());
        return sb.toString();
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private String raw() {
    StringBuilder sb = new StringBuilder("raw:{");
    TreeSet<String> searches = new TreeSet<>();
    for (SearchIdentifier s : detection.searches().values()) {
      StringBuilder name = new StringBuilder();
      quote(name, s.name());
      searches.add(name + "=" + search(s).render());
    }
    sb.append(String.join(",", searches)).append("}[");
    TreeSet<String> conditions = new TreeSet<>();
    for (SigmaCondition c : detection.conditions()) {
      conditions.add(normaliseSpace(c.text()));
    }
    sb.append(String.join(",", conditions)).append(']');
    return sb.toString();
  }

  private static String normaliseSpace(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
