package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigmaValueTest {

  @Test
  void equals_ignoresLocation() {
    SigmaValue.Scalar a = new SigmaValue.Scalar("x", SigmaValue.ScalarType.STRING, 1, 2);
    SigmaValue.Scalar b = new SigmaValue.Scalar("x", SigmaValue.ScalarType.STRING, 7, 9);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new SigmaValue.Scalar("x", SigmaValue.ScalarType.NULL, 1, 2));
    assertEquals(new SigmaValue.Sequence(List.of(a), 1, 1), new SigmaValue.Sequence(List.of(b), 3, 3));
    assertEquals(new SigmaValue.Mapping(Map.of("k", a), 1, 1), new SigmaValue.Mapping(Map.of("k", b), 5, 5));
  }

  @Test
  void mapping_keepsOrderAndIsUnmodifiable() {
    Map<String, SigmaValue> entries = new LinkedHashMap<>();
    for (String k : List.of("z", "a", "m", "b", "y")) {
      entries.put(k, SigmaValue.Scalar.of(k));
    }
    SigmaValue.Mapping m = new SigmaValue.Mapping(entries, 0, 0);
    entries.clear();
    assertEquals(List.of("z", "a", "m", "b", "y"), List.copyOf(m.entries().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> m.entries().put("c", SigmaValue.Scalar.of("c")));
    assertThrows(UnsupportedOperationException.class, () -> m.entries().keySet().remove("z"));
  }

  @ParameterizedTest
  @CsvSource({"12, 12", "-12, -12", "0x1F, 31", "0o17, ", "017, 15", "0b101, 5", "1_000, 1000", "1:30, 90",
      "+7, 7", "99999999999999999999, "})
  void asLong_yaml11Integers(String text, Long expected) {
    SigmaValue.Scalar s = new SigmaValue.Scalar(text, SigmaValue.ScalarType.INTEGER, 0, 0);
    assertEquals(expected == null ? OptionalLong.empty() : OptionalLong.of(expected), s.asLong());
  }

  @Test
  void asLongAndAsBoolean_onlyForTheirTypes() {
    assertEquals(OptionalLong.empty(), SigmaValue.Scalar.of("12").asLong());
    assertEquals(Optional.empty(), SigmaValue.Scalar.of("true").asBoolean());
    assertEquals(Optional.of(true), new SigmaValue.Scalar("On", SigmaValue.ScalarType.BOOLEAN, 0, 0).asBoolean());
    assertEquals(Optional.of(false), new SigmaValue.Scalar("NO", SigmaValue.ScalarType.BOOLEAN, 0, 0).asBoolean());
    assertEquals(Optional.of(true), new SigmaValue.Scalar("yes", SigmaValue.ScalarType.BOOLEAN, 0, 0).asBoolean());
    assertTrue(new SigmaValue.Scalar("", SigmaValue.ScalarType.NULL, 0, 0).isNull());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "abc|STRING", "~|NULL", "null|NULL", "Null|NULL", "NULL|NULL", "nULL|STRING", "yes|BOOLEAN", "Off|BOOLEAN",
      "TRUE|BOOLEAN", "tRUE|STRING", "y|STRING", "42|INTEGER", "-0x1f|INTEGER", "08|STRING", "0b12|STRING",
      "1.5|FLOAT", "1.|FLOAT", ".5|FLOAT", "1e5|STRING", "1.0e+5|FLOAT", ".inf|FLOAT", "-.Inf|FLOAT",
      ".NaN|FLOAT", "190:20:30|INTEGER", "2024-01-02|STRING", "+|STRING", "-|STRING", ".|STRING", "~x|STRING"})
  void plainScalars_resolveAsPyYamlSafeLoader(String text, SigmaValue.ScalarType type) {
    String yaml = "title: t\nlogsource: {product: x}\ndetection: {s: {f: " + text + "}, condition: s}\n";
    DetectionRule r = (DetectionRule) SigmaReader.create().readString(yaml, "v.yml").results().get(0).orThrow();
    SearchNode.FieldMatch f = (SearchNode.FieldMatch) ((SearchNode.AllOf) r.detection().searches().get("s").node())
        .items().get(0);
    assertEquals(type, f.values().get(0).type(), text);
    assertEquals(text, f.values().get(0).text());
  }

  @Test
  void constructors_rejectNegativeLocations() {
    assertThrows(IllegalArgumentException.class, () -> new SigmaValue.Scalar("x", SigmaValue.ScalarType.STRING,
        -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new SigmaValue.Sequence(List.of(), 0, -1));
  }
}
