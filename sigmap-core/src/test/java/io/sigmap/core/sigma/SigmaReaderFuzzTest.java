package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * "No input makes the reader throw, hang or run out of memory": random bytes, random text and mutated rules
 * (bit flips, truncation, insertions, duplicated lines and keys, tabs, deep nesting, alias chains, random
 * unicode) always give well-formed results, never an exception and never an {@link SigmaErrorKind#INTERNAL}
 * error. Small limits keep each try fast.
 */
class SigmaReaderFuzzTest {

  private static final SigmaReadOptions SMALL = SigmaReadOptions.builder()
      .maxFileBytes(200_000)
      .maxDocumentsPerFile(50)
      .maxDocumentCodePoints(100_000)
      .maxNestingDepth(24)
      .maxAliases(40)
      .maxNodes(5_000)
      .maxScalarLength(20_000)
      .maxTags(100)
      .build();

  private static final SigmaReader READER = SigmaReader.create(SMALL);

  static final List<String> SEEDS = List.of(
      SigmaReaderTest.RULE,
      """
      action: global
      title: Global
      tags: [attack.t1543.003, attack.persistence]
      detection:
          selection1: {EventID: 4624}
          condition: selection1 or selection2
      ---
      logsource: {product: windows, service: security}
      detection:
          selection2:
              EventID: 4697
      ---
      action: repeat
      logsource: {product: windows, service: system}
      """,
      """
      title: Many failed logins
      id: 0e95725d-7320-415d-80f7-004da920fc11
      correlation:
          type: event_count
          rules: [5638f7c0-ac70-491d-8465-2a65075e0d86]
          group-by: [ComputerName]
          timespan: 1h
          condition: {gte: 100}
      """,
      """
      title: Filter admins
      logsource: {category: process_creation, product: windows}
      filter:
          rules: [6f3e2987-db24-4c78-a860-b4f4095a7095]
          selection: {User|startswith: 'adm_'}
          condition: selection
      """,
      """
      title: Aliases
      logsource: &ls {product: windows}
      detection:
          base: &base {EventID: 4624}
          sel:
              <<: *base
              Other|re: '^a.*$'
          keywords: ["x", 'y', z]
          condition: 1 of sel* and not (keywords or all of them) | count() by x > 3
      copy: *ls
      """);

  private static final List<String> SNIPPETS = List.of("\t", "---\n", "...\n", "&a ", "*a", "<<: *a\n", "[", "{",
      "]", "}", "? ", ": ", "- ", "!!python/object ", "!!binary ", "%YAML 1.1\n", "\"", "'", "|\n", ">-\n", "#",
      "\u0000", "\uFEFF", "\uD83D\uDE00", "\uD800", "\u2028", "\r", "\r\n", "\n  ", "\n\t", "action: global\n",
      "title: dup\n", "tags: attack.t1059\n", "detection: [a]\n", "condition: (a and\n", "~", "0x", "1e3", "yes",
      "!!str ", "! ", "&b [*a, *a, *a, *a]\n", "\\", "\u00e9", "\u0085", "%");

  // ---- invariants

  static void check(SigmaFile f, String name) {
    assertEquals(name, f.path());
    assertFalse(f.results().isEmpty());
    int expected = f.documents() - f.controlDocuments() - f.skippedDocuments();
    if (expected > 0) {
      assertEquals(expected, f.results().size(), "results per document");
    } else {
      assertEquals(1, f.results().size(), "a file without rule documents yields one error");
      assertFalse(f.results().get(0).isParsed());
    }
    int lastIndex = -1;
    for (SigmaReadResult r : f.results()) {
      assertEquals(name, r.path());
      assertTrue(r.documentIndex() > lastIndex || f.documents() == 0, "results in document order");
      lastIndex = r.documentIndex();
      assertNotEquals(r.rule().isPresent(), r.error().isPresent());
      if (r.error().isPresent()) {
        SigmaRuleException e = r.error().get();
        assertNotEquals(SigmaErrorKind.INTERNAL, e.kind(), e::getMessage);
        assertTrue(e.getMessage().startsWith(name + ":"), e.getMessage());
        assertTrue(e.line() >= 0 && e.column() >= 0);
      } else {
        SigmaRule rule = r.rule().get();
        assertFalse(rule.title().isBlank());
        assertTrue(rule.source().line() >= 1);
        assertTrue(rule.source().documentIndex() < Math.max(1, f.documents()));
        // Every derived form must be computable without throwing or hanging.
        assertEquals(rule, rule);
        rule.hashCode();
        assertFalse(rule.toString().isEmpty());
        if (rule instanceof DetectionRule d) {
          assertFalse(d.detection().canonicalForm().isEmpty());
        } else if (rule instanceof FilterRule fr) {
          assertFalse(fr.filter().canonicalForm().isEmpty());
        }
        for (SigmaTag t : rule.tags()) {
          assertTrue(t.line() >= 1 && t.column() >= 1);
          assertEquals(t.kind(), SigmaTag.of(t.canonicalText()).kind());
        }
      }
    }
  }

  /** When every document is a rule that was read, the documents' texts are the file, in order. */
  static void checkTexts(SigmaFile f, String text) {
    if (f.controlDocuments() == 0 && f.skippedDocuments() == 0 && !f.hasErrors()) {
      StringBuilder all = new StringBuilder();
      for (SigmaRule r : f.rules()) {
        all.append(r.text());
      }
      assertEquals(text.startsWith("\uFEFF") ? text.substring(1) : text, all.toString());
    }
  }

  // ---- properties

  @Property(tries = 400)
  void readBytes_randomBytes(@ForAll @Size(max = 2000) byte[] bytes) {
    check(READER.readBytes(bytes, "random.yml"), "random.yml");
  }

  @Property(tries = 400)
  void readString_randomUnicode(@ForAll @Size(max = 500) String text) {
    SigmaFile f = READER.readString(text, "unicode.yml");
    check(f, "unicode.yml");
    checkTexts(f, text);
  }

  @Provide
  Arbitrary<String> yamlishText() {
    Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(SNIPPETS),
        Arbitraries.of("title", "detection", "logsource", "condition", "selection", "tags", "id", "status",
            "correlation", "filter", "rules", "type", "timespan", "action", "global", "repeat", "reset", "level",
            "a", "b", "1 of", "them", "not", "and", "or", "(", ")", "|", "contains", "all"),
        Arbitraries.strings().ofMaxLength(6), Arbitraries.of(" ", "  ", "    ", "\n", "\n    ", ":", ": ", "- "));
    return token.list().ofMaxSize(120).map(ts -> String.join("", ts));
  }

  @Property(tries = 600)
  void readString_yamlishTokens(@ForAll("yamlishText") String text) {
    SigmaFile f = READER.readString(text, "tokens.yml");
    check(f, "tokens.yml");
    checkTexts(f, text);
  }

  /** One edit of a byte array; positions are fractions of the current length. */
  interface Mutation {
    byte[] apply(byte[] in);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Mutation> flip = Combinators.combine(at, Arbitraries.integers().between(0, 7))
        .as((p, bit) -> in -> {
          if (in.length == 0) {
            return in;
          }
          byte[] out = in.clone();
          int i = index(p, out.length);
          out[i] = (byte) (out[i] ^ (1 << bit));
          return out;
        });
    Arbitrary<Mutation> truncate = at.map(p -> in -> Arrays.copyOf(in, index(p, in.length + 1)));
    Arbitrary<Mutation> insertSnippet = Combinators.combine(at, Arbitraries.of(SNIPPETS))
        .as((p, s) -> in -> insert(in, index(p, in.length + 1), s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Mutation> insertBytes = Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
        .as((p, b) -> in -> insert(in, index(p, in.length + 1), b));
    Arbitrary<Mutation> insertUnicode = Combinators.combine(at, Arbitraries.strings().all().ofMaxLength(6))
        .as((p, s) -> in -> insert(in, index(p, in.length + 1), s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Mutation> delete = Combinators.combine(at, Arbitraries.integers().between(1, 40))
        .as((p, n) -> in -> {
          int i = index(p, in.length + 1);
          int end = Math.min(in.length, i + n);
          byte[] out = new byte[in.length - (end - i)];
          System.arraycopy(in, 0, out, 0, i);
          System.arraycopy(in, end, out, i, in.length - end);
          return out;
        });
    Arbitrary<Mutation> duplicateLine = at.map(p -> in -> {
      List<String> lines = new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
      int i = index(p, lines.size());
      lines.add(i, lines.get(i));
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    });
    Arbitrary<Mutation> swapLines = Combinators.combine(at, at).as((p, q) -> in -> {
      List<String> lines = new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
      int i = index(p, lines.size());
      int j = index(q, lines.size());
      String t = lines.get(i);
      lines.set(i, lines.get(j));
      lines.set(j, t);
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    });
    Arbitrary<Mutation> indent = Combinators.combine(at, Arbitraries.of("\t", " ", "  ", "", "\t "))
        .as((p, ws) -> in -> {
          List<String> lines =
              new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
          int i = index(p, lines.size());
          lines.set(i, ws + lines.get(i).stripLeading());
          return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        });
    Arbitrary<Mutation> nest = Combinators.combine(at, Arbitraries.integers().between(1, 5_000),
        Arbitraries.of("[", "{a: ", "- "))
        .as((p, depth, open) -> in -> {
          String close = open.equals("[") ? "]" : open.equals("- ") ? "" : "}";
          String s = open.repeat(depth) + "x" + close.repeat(depth);
          return insert(in, index(p, in.length + 1), s.getBytes(StandardCharsets.UTF_8));
        });
    Arbitrary<Mutation> laughs = Arbitraries.integers().between(1, 12)
        .map(levels -> in -> {
          String bomb = SigmaReaderErrorsTest.billionLaughs(levels).replace("title: lol\n", "")
              .replace(SigmaReaderErrorsTest.OK, "");
          return insert(in, in.length, ("\n" + bomb).getBytes(StandardCharsets.UTF_8));
        });
    Arbitrary<Mutation> aliasChain = Combinators.combine(at, Arbitraries.integers().between(1, 60))
        .as((p, n) -> in -> {
          StringBuilder sb = new StringBuilder("\nc0: &c0 {k: v}\n");
          for (int i = 1; i < n; i++) {
            sb.append('c').append(i).append(": &c").append(i).append(" {<<: *c").append(i - 1).append(", k")
                .append(i).append(": *c").append(i - 1).append("}\n");
          }
          return insert(in, in.length, sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, flip), net.jqwik.api.Tuple.of(2, truncate),
        net.jqwik.api.Tuple.of(5, insertSnippet), net.jqwik.api.Tuple.of(2, insertBytes),
        net.jqwik.api.Tuple.of(2, insertUnicode), net.jqwik.api.Tuple.of(2, delete),
        net.jqwik.api.Tuple.of(3, duplicateLine), net.jqwik.api.Tuple.of(2, swapLines),
        net.jqwik.api.Tuple.of(3, indent), net.jqwik.api.Tuple.of(1, nest), net.jqwik.api.Tuple.of(1, laughs),
        net.jqwik.api.Tuple.of(1, aliasChain));
  }

  private static int index(double p, int length) {
    return Math.min(length - 1, Math.max(0, (int) (p * length)));
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
    out.write(in, 0, at);
    out.write(what, 0, what.length);
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }

  @Provide
  Arbitrary<byte[]> mutatedRules() {
    return Combinators.combine(Arbitraries.of(SEEDS), mutations().list().ofMinSize(1).ofMaxSize(6))
        .as((seed, ms) -> {
          byte[] b = seed.getBytes(StandardCharsets.UTF_8);
          for (Mutation m : ms) {
            b = m.apply(b);
          }
          return b;
        });
  }

  @Property(tries = 1000)
  void readBytes_mutatedRules(@ForAll("mutatedRules") byte[] bytes) {
    SigmaFile f = READER.readBytes(bytes, "mutated.yml");
    check(f, "mutated.yml");
    Statistics.label("first result").collect(f.results().get(0).error().map(e -> e.kind().name()).orElse("PARSED"));
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!f.hasErrors() && Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
      checkTexts(f, text);
    }
  }

  @Property(tries = 50)
  void seeds_readWithoutErrors(@ForAll("seedIndex") int i) {
    SigmaFile f = READER.readString(SEEDS.get(i), "seed.yml");
    check(f, "seed.yml");
    assertFalse(f.hasErrors(), () -> f.errors().toString());
  }

  @Provide
  Arbitrary<Integer> seedIndex() {
    return Arbitraries.integers().between(0, SEEDS.size() - 1);
  }
}
