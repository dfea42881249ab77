package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.stix.Tactic;
import io.sigmap.weights.spi.TacticWeightPolicy;
import io.sigmap.weights.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * The table loader never throws anything but {@link TacticWeightTableException}, whatever the input: random
 * text and bytes, mutations of valid YAML and JSON tables, and random maps. What it loads always weighs within
 * 0-10.
 */
class TablePolicyLoaderFuzzTest {

  private static final TablePolicyLoader LOADER = TablePolicyLoader.builder().index(Fixtures.index()).build();
  private static final String YAML = resource("acme.yml");
  private static final String JSON = resource("acme.json");

  private static String resource(String name) {
    try (InputStream in = TablePolicyLoaderFuzzTest.class.getResourceAsStream("/tables/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads, accepting only success or the documented exception, and checks what was loaded. */
  private static void loadsOrRejects(byte[] bytes, String name) {
    try {
      check(LOADER.load(new ByteArrayInputStream(bytes), name));
    } catch (TacticWeightTableException expected) {
      assertTrue(expected.getMessage().startsWith(name), expected.getMessage());
    }
  }

  private static void check(LoadedTablePolicy loaded) {
    TacticWeightPolicy p = loaded.policy();
    for (Tactic t : Fixtures.index().tactics()) {
      int w = p.weight(t);
      assertTrue(w >= 0 && w <= 10, () -> "weight " + w);
    }
  }

  @Property(tries = 500)
  void load_randomText_onlyDocumentedException(@ForAll String text) {
    loadsOrRejects(text.getBytes(StandardCharsets.UTF_8), "random.yml");
    loadsOrRejects(text.getBytes(StandardCharsets.UTF_8), "random.json");
  }

  @Property(tries = 300)
  void load_randomBytes_onlyDocumentedException(@ForAll @Size(max = 300) byte[] bytes) {
    loadsOrRejects(bytes, "bytes.yml");
    loadsOrRejects(bytes, "bytes.json");
  }

  @Property(tries = 500)
  void load_mutatedYaml_onlyDocumentedException(@ForAll("yamlMutations") String text) {
    loadsOrRejects(text.getBytes(StandardCharsets.UTF_8), "mutated.yml");
  }

  @Property(tries = 500)
  void load_mutatedJson_onlyDocumentedException(@ForAll("jsonMutations") String text) {
    loadsOrRejects(text.getBytes(StandardCharsets.UTF_8), "mutated.json");
  }

  @Property(tries = 500)
  void load_randomMap_onlyDocumentedException(@ForAll("maps") Map<String, Object> map) {
    try {
      check(LOADER.load(map, "map"));
    } catch (TacticWeightTableException expected) {
      assertTrue(expected.getMessage().startsWith("map"), expected.getMessage());
    }
  }

  @Provide
  Arbitrary<String> yamlMutations() {
    return mutations(YAML, ":{}[]-#&*!|>'\"%@` \n\t0123456789.,");
  }

  @Provide
  Arbitrary<String> jsonMutations() {
    return mutations(JSON, ":{}[],\"\\ \n0123456789.-eE");
  }

  /** Up to five deletions, insertions or replacements of a character, at random positions. */
  private static Arbitrary<String> mutations(String text, String alphabet) {
    Arbitrary<Tuple.Tuple3<Integer, Integer, Character>> edit = net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, text.length()),
        Arbitraries.of(alphabet.chars().mapToObj(c -> (char) c).toArray(Character[]::new))).as(Tuple::of);
    return edit.list().ofMinSize(1).ofMaxSize(5).map(edits -> {
      StringBuilder sb = new StringBuilder(text);
      for (Tuple.Tuple3<Integer, Integer, Character> e : edits) {
        int at = Math.min(e.get2(), sb.length());
        switch (e.get1()) {
          case 0:
            if (at < sb.length()) {
              sb.deleteCharAt(at);
            }
            break;
          case 1:
            sb.insert(at, e.get3().charValue());
            break;
          default:
            if (at < sb.length()) {
              sb.setCharAt(at, e.get3());
            }
        }
      }
      return sb.toString();
    });
  }

  @Provide
  Arbitrary<Map<String, Object>> maps() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 13).map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
    Arbitrary<String> rowKey = Arbitraries.oneOf(
        Arbitraries.of("credential-access", "Defense_Evasion", "TA0027", "T1003", "attack.t1059.001", "stealth",
            "T1086", "T9999"),
        Arbitraries.strings().ofMaxLength(12));
    Arbitrary<Object> rows = Arbitraries.maps(rowKey, scalar).ofMaxSize(6).map(m -> (Object) new HashMap<>(m));
    Arbitrary<Object> value = Arbitraries.oneOf(scalar, rows,
        scalar.list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l)));
    Arbitrary<String> topKey = Arbitraries.oneOf(
        Arbitraries.of("id", "description", "default", "tactics", "techniques"),
        Arbitraries.strings().ofMaxLength(8));
    return Arbitraries.maps(topKey, value).ofMaxSize(6).map(HashMap::new);
  }

  @Property(tries = 50)
  void load_validTables_roundTrip(@ForAll("validRows") List<Tuple.Tuple2<String, Integer>> rows) {
    StringBuilder yaml = new StringBuilder("tactics:\n");
    Map<String, Object> tactics = new HashMap<>();
    for (Tuple.Tuple2<String, Integer> r : rows) {
      yaml.append("  ").append(r.get1()).append(": ").append(r.get2()).append('\n');
      tactics.put(r.get1(), r.get2());
    }
    TacticWeightPolicy fromYaml = LOADER.load(new ByteArrayInputStream(yaml.toString()
        .getBytes(StandardCharsets.UTF_8)), "rows.yml").policy();
    TacticWeightPolicy fromMap = LOADER.load(Map.of("tactics", tactics), "rows").policy();
    for (Tactic t : Fixtures.index().tactics()) {
      assertEquals(fromMap.weight(t), fromYaml.weight(t), t.shortname());
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, Integer>>> validRows() {
    List<String> names = new ArrayList<>();
    Fixtures.index().tactics().forEach(t -> names.add(t.shortname()));
    return Arbitraries.of(names).flatMap(n ->
        Arbitraries.integers().between(0, 10).map(w -> Tuple.of(n, w))).list().ofMaxSize(8)
        .uniqueElements(Tuple.Tuple2::get1);
  }
}
