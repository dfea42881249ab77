package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetectionTest {

  private static Detection detection(String body) {
    SigmaFile f = SigmaReader.create().readString("title: t\nlogsource: {product: x}\ndetection:\n" + body, "d.yml");
    return ((DetectionRule) f.results().get(0).orThrow()).detection();
  }

  @Test
  void canonicalForm_ignoresOrderAndIdentifierNames() {
    Detection a = detection("""
          selection:
            Image|endswith: ['\\\\a.exe', '\\\\b.exe']
            CommandLine|contains: x
          filter:
            - User: SYSTEM
            - User: LOCAL SERVICE
          condition: selection and not filter
        """);
    Detection b = detection("""
          sel_main:
            CommandLine|contains: x
            Image|endswith: ['\\\\b.exe', '\\\\a.exe']
          filter_users:
            - User: LOCAL SERVICE
            - User: SYSTEM
          condition: not 1 of filter_* and sel_main
        """);
    assertNotEquals(a, b);
    assertEquals(a.canonicalForm(), b.canonicalForm());
    assertEquals("and(\"CommandLine\"|\"contains\"=any[\"x\"],\"Image\"|\"endswith\"=any[\"\\\\\\\\a.exe\","
        + "\"\\\\\\\\b.exe\"],not(or(\"User\"=any[\"LOCAL SERVICE\"],\"User\"=any[\"SYSTEM\"])))",
        a.canonicalForm());
  }

  @Test
  void canonicalForm_distinguishesLogic() {
    String base = "  s1: {a: 1}\n  s2: {b: 2}\n  condition: ";
    assertNotEquals(detection(base + "s1 and s2\n").canonicalForm(), detection(base + "s1 or s2\n").canonicalForm());
    assertNotEquals(detection(base + "s1 and not s2\n").canonicalForm(),
        detection(base + "not s1 and s2\n").canonicalForm());
    assertNotEquals(detection("  s: {a|contains: x}\n  condition: s\n").canonicalForm(),
        detection("  s: {a|startswith: x}\n  condition: s\n").canonicalForm());
    assertNotEquals(detection("  s: {a|contains|all: [x, y]}\n  condition: s\n").canonicalForm(),
        detection("  s: {a|contains: [x, y]}\n  condition: s\n").canonicalForm());
    assertNotEquals(detection("  s: {a: null}\n  condition: s\n").canonicalForm(),
        detection("  s: {a: 'null'}\n  condition: s\n").canonicalForm());
  }

  @Test
  void canonicalForm_equatesEquivalentWritings() {
    assertEquals(detection("  s: {a: 4624}\n  condition: s\n").canonicalForm(),
        detection("  s: {a: '4624'}\n  condition: s\n").canonicalForm());
    assertEquals(detection("  s: {a: x}\n  condition: s\n").canonicalForm(),
        detection("  s: {a: [x]}\n  condition: s\n").canonicalForm());
    assertEquals(detection("  s1: {a: 1}\n  s2: {b: 2}\n  condition: all of s*\n").canonicalForm(),
        detection("  x: {b: 2, a: 1}\n  condition: x\n").canonicalForm());
    assertEquals(detection("  s1: {a: 1}\n  s2: {b: 2}\n  condition: [s1, s2]\n").canonicalForm(),
        detection("  s1: {a: 1}\n  s2: {b: 2}\n  condition: s2 or s1\n").canonicalForm());
    assertEquals(detection("  s: {a: 1}\n  _t: {b: 2}\n  condition: 1 of them\n").canonicalForm(),
        detection("  s: {a: 1}\n  condition: s\n").canonicalForm());
  }

  @Test
  void canonicalForm_fallsBackToRawWhenUnresolved() {
    String raw = detection("  s: {a: 1}\n  condition: s and missing\n").canonicalForm();
    assertTrue(raw.startsWith("raw:{\"s\"=\"a\"=any[\"1\"]}["), raw);
    assertTrue(raw.endsWith("[s and missing]"), raw);
    assertTrue(detection("  s: {a: 1}\n  condition: write s to x\n").canonicalForm().startsWith("raw:"));
  }

  @Test
  void canonicalForm_keepsAggregation() {
    assertEquals("\"a\"=any[\"1\"]|count() by x > 3",
        detection("  s: {a: 1}\n  condition: s |  count()  by x > 3\n").canonicalForm());
  }

  @Test
  void canonicalForm_hostileConditionFallsBackToRaw() {
    StringBuilder body = new StringBuilder("  big: [");
    for (int i = 0; i < 2_000; i++) {
      body.append(i == 0 ? "" : ", ").append("'").append("v".repeat(90)).append(i).append("'");
    }
    body.append("]\n");
    StringBuilder condition = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      body.append("  x").append(i).append(": [k").append(i).append("]\n");
      condition.append(i == 0 ? "" : " or ").append("(big and x").append(i).append(')');
    }
    body.append("  condition: ").append(condition).append('\n');
    String form = detection(body.toString()).canonicalForm();
    assertTrue(form.startsWith("raw:{"), () -> form.substring(0, 80));
    assertTrue(form.length() < 2 * CanonicalForm.RENDER_BUDGET, "length " + form.length());
  }

  @Test
  void matching_patternsAndThem() {
    Detection d = detection("  sel_a: [x]\n  sel_b: [y]\n  _private: [z]\n  filter: [w]\n  condition: sel_a\n");
    assertEquals(List.of("sel_a", "sel_b"), names(d.matching(Optional.of("sel_*"))));
    assertEquals(List.of("sel_a", "sel_b", "filter"), names(d.matching(Optional.empty())));
    assertEquals(List.of("_private"), names(d.matching(Optional.of("_*"))));
    assertEquals(List.of("sel_a", "sel_b", "_private", "filter"), names(d.matching(Optional.of("*"))));
    assertEquals(List.of(), names(d.matching(Optional.of("Sel*"))));
    assertEquals(List.of("filter"), names(d.matching(Optional.of("f*t*r"))));
    assertEquals(Optional.of("sel_b"), d.search("sel_b").map(SearchIdentifier::name));
    assertEquals(Optional.empty(), d.search("nope"));
  }

  private static List<String> names(List<SearchIdentifier> searches) {
    return searches.stream().map(SearchIdentifier::name).collect(Collectors.toList());
  }

  @Test
  void constructor_checksKeysAndCopies() {
    SearchIdentifier s = new SearchIdentifier("s", new SearchNode.AllOf(List.of()), 0, 0);
    Map<String, SearchIdentifier> wrong = new LinkedHashMap<>();
    wrong.put("t", s);
    assertThrows(IllegalArgumentException.class, () -> new Detection(wrong, List.of(), Optional.empty()));
    Map<String, SearchIdentifier> map = new LinkedHashMap<>();
    map.put("s", s);
    Detection d = new Detection(map, List.of(SigmaCondition.parse("s")), Optional.empty());
    map.clear();
    assertEquals(1, d.searches().size());
    assertThrows(UnsupportedOperationException.class, () -> d.searches().clear());
    assertEquals("and()", d.canonicalForm());
  }

  @Test
  void equals_ignoresLocations() {
    String body = "  s: {a: 1}\n  condition: s\n";
    assertEquals(detection(body), detection("\n\n" + body.replace("  s:", "  s:  ")));
  }
}
