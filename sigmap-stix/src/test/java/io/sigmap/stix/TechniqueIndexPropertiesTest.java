package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of id normalisation, resolution and loading, over generated and mutated input. */
class TechniqueIndexPropertiesTest {

  private static final TechniqueIndex MINI = Fixtures.mini();
  private static final byte[] MINI_BYTES;

  static {
    try {
      MINI_BYTES = Files.readAllBytes(Fixtures.miniEnterprise());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<Technique> techniques() {
    return Arbitraries.of(MINI.techniques());
  }

  private static String mangleCase(String s, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return b.toString();
  }

  @Property(tries = 300)
  void technique_caseAndPrefixDoNotMatter(
      @ForAll("techniques") Technique t, @ForAll boolean prefixed, @ForAll long seed) {
    String text = mangleCase((prefixed ? "attack." : "") + t.id(), seed);
    assertSame(t, MINI.technique(text).orElseThrow(), text);
    assertEquals(t.id(), MINI.resolve(text).id());
  }

  @Property(tries = 1000)
  void resolve_neverThrowsAndAgreesWithLookup(@ForAll String text) {
    Resolution r = MINI.resolve(text);
    assertNotNull(r);
    boolean known = MINI.technique(text).isPresent();
    assertEquals(known, r.technique().isPresent());
    if (r.status() == Resolution.Status.MALFORMED) {
      assertEquals(text, r.id());
      assertTrue(((Resolution.Malformed) r).reason().length() > 0);
    }
    r.mapsTo().ifPresent(t -> assertEquals(AttackStatus.ACTIVE, t.status()));
  }

  @Provide
  Arbitrary<String> idLike() {
    Arbitrary<String> prefix = Arbitraries.of("", "attack.", "ATTACK.", "Attack.");
    Arbitrary<String> letter = Arbitraries.of("T", "t", "G", "");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(5);
    Arbitrary<String> sep = Arbitraries.of("", ".", "_", "-", "..");
    return Combinators.combine(prefix, letter, digits, sep, digits).as((p, l, a, s, b) -> p + l + a + s + b);
  }

  @Property(tries = 1000)
  void resolve_idShapedTextIsClassifiedConsistently(@ForAll("idLike") String text) {
    Resolution r = MINI.resolve(text);
    boolean wellFormed = text.toLowerCase(Locale.ROOT).replaceFirst("^attack\\.", "")
        .matches("t\\d{4}(\\.(?!000)\\d{3})?");
    assertEquals(wellFormed, r.status() != Resolution.Status.MALFORMED, text + " -> " + r);
    if (wellFormed) {
      assertEquals(text.substring(text.length() - r.id().length()).toUpperCase(Locale.ROOT), r.id());
    }
  }

  @Property(tries = 200)
  void findTactics_spellingsAreEquivalent(@ForAll("tactics") Tactic t, @ForAll long seed) {
    String underscore = t.shortname().replace('-', '_');
    assertEquals(List.of(t), MINI.findTactics(mangleCase(underscore, seed)));
    assertEquals(List.of(t), MINI.findTactics("attack." + t.shortname()));
    assertEquals(List.of(t), MINI.findTactics(mangleCase(t.name(), seed)));
    assertEquals(List.of(t), MINI.findTactics(mangleCase(t.id(), seed)));
  }

  @Provide
  Arbitrary<Tactic> tactics() {
    return Arbitraries.of(MINI.tactics());
  }

  /** A random revocation graph: statuses and revoked-by edges, cycles and dangling targets included. */
  @Property(tries = 200)
  void resolve_revokedChainEndsActiveOrReportsAProblem(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 2) Integer> statuses,
      @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 13) Integer> edgeEnds) {
    List<String> objects = new ArrayList<>();
    objects.add("{\"type\": \"x-mitre-tactic\", \"id\": \"x-mitre-tactic--e\", \"name\": \"Execution\","
        + " \"x_mitre_shortname\": \"execution\", \"external_references\": [{\"source_name\": \"mitre-attack\","
        + " \"external_id\": \"TA0002\"}], \"x_mitre_domains\": [\"enterprise-attack\"]}");
    for (int i = 0; i < statuses.size(); i++) {
      int s = statuses.get(i);
      objects.add(String.format(Locale.ROOT, "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--%d\","
          + " \"name\": \"T%d\", \"revoked\": %b, \"x_mitre_deprecated\": %b, \"external_references\":"
          + " [{\"source_name\": \"mitre-attack\", \"external_id\": \"T%04d\"}], \"x_mitre_domains\":"
          + " [\"enterprise-attack\"]}", i, i, s == 1, s == 2, 1000 + i));
    }
    for (int e = 0; e + 1 < edgeEnds.size(); e += 2) {
      // Targets beyond the techniques generated are dangling references.
      objects.add(String.format(Locale.ROOT, "{\"type\": \"relationship\", \"id\": \"relationship--%d\","
          + " \"relationship_type\": \"revoked-by\", \"source_ref\": \"attack-pattern--%d\","
          + " \"target_ref\": \"attack-pattern--%d\"}", e, edgeEnds.get(e), edgeEnds.get(e + 1)));
    }
    String json = "{\"type\": \"bundle\", \"objects\": [" + String.join(",", objects) + "]}";
    TechniqueIndex index = TechniqueIndex.builder()
        .addBundle(json.getBytes(StandardCharsets.UTF_8), "generated.json", "x").build();
    for (Technique t : index.techniques()) {
      Resolution r = index.resolve(t.id());
      assertEquals(t.status().name(), r.status().name());
      if (r instanceof Resolution.Revoked rev) {
        assertTrue(rev.replacement().map(x -> x.status() == AttackStatus.ACTIVE).orElse(rev.problem().isPresent()));
        assertTrue(rev.chain().size() <= statuses.size());
        if (rev.problem().isPresent()) {
          assertTrue(index.warnings().stream().anyMatch(w -> w.stixId().orElse("").equals(t.stixId())),
              "a chain without an active end is reported: " + rev.problem().get());
        }
      }
    }
  }

  /** Mutated bundles load or fail with the documented exception: nothing else escapes. */
  @Property(tries = 300)
  void load_mutatedBytesNeverThrowAnythingButStixFormatException(
      @ForAll @IntRange(min = 0, max = 40_000) int at,
      @ForAll @IntRange(min = 0, max = 3) int kind,
      @ForAll @IntRange(min = 1, max = 200) int length,
      @ForAll byte value) {
    byte[] b = MINI_BYTES.clone();
    int pos = Math.min(at, b.length - 1);
    switch (kind) {
      case 0:
        b = java.util.Arrays.copyOf(b, pos);
        break;
      case 1:
        for (int i = pos; i < Math.min(b.length, pos + length); i++) {
          b[i] = value;
        }
        break;
      case 2:
        byte[] cut = new byte[b.length - Math.min(length, b.length - pos)];
        System.arraycopy(b, 0, cut, 0, pos);
        System.arraycopy(b, pos + (b.length - cut.length), cut, pos, cut.length - pos);
        b = cut;
        break;
      default:
        b[pos] ^= (byte) (1 << (length % 8));
    }
    byte[] input = b;
    try {
      TechniqueIndex index = TechniqueIndex.builder().addBundle(input, "mutated.json", "x").build();
      assertNotNull(index.techniques());
    } catch (StixFormatException expected) {
      assertTrue(expected.getMessage().startsWith("mutated.json"), expected.getMessage());
    }
  }
}
