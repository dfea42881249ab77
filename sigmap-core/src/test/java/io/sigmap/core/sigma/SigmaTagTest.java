package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SigmaTagTest {

  @ParameterizedTest
  @CsvSource({
      "attack.t1059, TECHNIQUE",
      "attack.T1059.001, TECHNIQUE",
      "ATTACK.t1003.006, TECHNIQUE",
      "attack.defense-evasion, TACTIC",
      "attack.defense_evasion, TACTIC",
      "attack.Command-And-Control, TACTIC",
      "attack.execution, TACTIC",
      "attack.ta0005, TACTIC",
      "attack.g0016, GROUP",
      "attack.s0002, SOFTWARE",
      "attack.c0024, CAMPAIGN",
      "attack.m1042, MITIGATION",
      "attack.ds0005, DATA_SOURCE",
      "attack.dc0021, DATA_COMPONENT",
      "attack.det0010, DETECTION_STRATEGY",
      "attack.a0001, ASSET",
      "attack.t1059_001, MALFORMED_ATTACK",
      "attack.1059, MALFORMED_ATTACK",
      "attack., MALFORMED_ATTACK",
      "attack.t123, MALFORMED_ATTACK",
      "attack.t12345, MALFORMED_ATTACK",
      "attack.t1059.01, MALFORMED_ATTACK",
      "attack.t1059.001.002, MALFORMED_ATTACK",
      "attack.x1234, MALFORMED_ATTACK",
      "attack.g0016x, MALFORMED_ATTACK",
      "attack.defense--evasion, MALFORMED_ATTACK",
      "attack.-evasion, MALFORMED_ATTACK",
      "attack.evasion-, MALFORMED_ATTACK",
      "attack.defense evasion, MALFORMED_ATTACK",
      "attack.t1059., MALFORMED_ATTACK",
      "cve.2021-44228, OTHER",
      "car.2016-04-005, OTHER",
      "detection.threat-hunting, OTHER",
      "tlp.amber-strict, OTHER",
      "stp.3k, OTHER",
      "d3fend.d3f-WindowsNtOpenFile, OTHER",
      "attackers.t1059, OTHER",
      "t1059, OTHER"
  })
  void of_classifies(String text, SigmaTag.Kind kind) {
    assertEquals(kind, SigmaTag.of(text).kind(), text);
  }

  @Test
  void of_splitsAtTheFirstDot() {
    SigmaTag t = SigmaTag.of("attack.t1059.001", 12, 7);
    assertEquals("attack", t.namespace());
    assertEquals("t1059.001", t.name());
    assertEquals("attack.t1059.001", t.text());
    assertEquals(12, t.line());
    assertEquals(7, t.column());
    assertTrue(t.isAttack());
  }

  @Test
  void of_withoutDot_hasEmptyNamespace() {
    SigmaTag t = SigmaTag.of("nonamespace");
    assertEquals("", t.namespace());
    assertEquals("nonamespace", t.name());
    assertEquals(SigmaTag.Kind.OTHER, t.kind());
    assertFalse(t.isAttack());
  }

  @Test
  void canonicalText_lowerCaseAndHyphenatedTactics() {
    assertEquals("attack.defense-evasion", SigmaTag.of("attack.Defense_Evasion").canonicalText());
    assertEquals("attack.t1059.001", SigmaTag.of("Attack.T1059.001").canonicalText());
    assertEquals("attack.g0016", SigmaTag.of("attack.G0016").canonicalText());
    assertEquals("d3fend.d3f-WindowsNtOpenFile", SigmaTag.of("d3fend.d3f-WindowsNtOpenFile").canonicalText());
  }

  @Test
  void isCanonical_flagsCaseAndUnderscores() {
    assertTrue(SigmaTag.of("attack.defense-evasion").isCanonical());
    assertTrue(SigmaTag.of("attack.t1059.001").isCanonical());
    assertFalse(SigmaTag.of("attack.defense_evasion").isCanonical());
    assertFalse(SigmaTag.of("attack.T1059").isCanonical());
    assertFalse(SigmaTag.of("Attack.t1059").isCanonical());
    assertTrue(SigmaTag.of("cve.2021-44228").isCanonical());
    assertTrue(SigmaTag.of("tlp.AMBER").isCanonical(), "other namespaces are kept as written");
  }

  @Test
  void equals_ignoresLocation() {
    assertEquals(SigmaTag.of("attack.t1059", 1, 1), SigmaTag.of("attack.t1059", 9, 5));
    assertEquals(SigmaTag.of("attack.t1059", 1, 1).hashCode(), SigmaTag.of("attack.t1059", 9, 5).hashCode());
    assertNotEquals(SigmaTag.of("attack.t1059"), SigmaTag.of("attack.T1059"));
  }

  // ---- properties

  @Provide
  Arbitrary<String> techniqueNames() {
    Arbitrary<String> base = Arbitraries.strings().numeric().ofLength(4).map(d -> "t" + d);
    Arbitrary<String> sub = Arbitraries.strings().numeric().ofLength(3).map(d -> "." + d).injectNull(0.5);
    return Combinators.combine(base, sub).as((b, s) -> s == null ? b : b + s);
  }

  @Provide
  Arbitrary<String> tacticNames() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    return word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join("-", words));
  }

  @Provide
  Arbitrary<String> anyCase() {
    return Arbitraries.of("lower", "upper", "mixed");
  }

  private static String recase(String s, String mode, long seed) {
    switch (mode) {
      case "upper":
        return s.toUpperCase(Locale.ROOT);
      case "mixed": {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          sb.append(((seed >> (i % 63)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
      }
      default:
        return s;
    }
  }

  @Property(tries = 300)
  void technique_isRecognisedInAnyCase(@ForAll("techniqueNames") String name, @ForAll("anyCase") String mode,
      @ForAll long seed) {
    SigmaTag tag = SigmaTag.of(recase("attack." + name, mode, seed));
    assertEquals(SigmaTag.Kind.TECHNIQUE, tag.kind());
    assertEquals("attack." + name, tag.canonicalText());
    assertEquals(tag.text().equals("attack." + name), tag.isCanonical());
  }

  @Property(tries = 300)
  void tactic_hyphenAndUnderscoreFormsAreEquivalent(@ForAll("tacticNames") String name,
      @ForAll("anyCase") String mode, @ForAll long seed) {
    String underscored = name.replace('-', '_');
    SigmaTag hyphen = SigmaTag.of(recase("attack." + name, mode, seed));
    SigmaTag underscore = SigmaTag.of(recase("attack." + underscored, mode, seed));
    assertEquals(SigmaTag.Kind.TACTIC, hyphen.kind());
    assertEquals(SigmaTag.Kind.TACTIC, underscore.kind());
    assertEquals(hyphen.canonicalText(), underscore.canonicalText());
    assertEquals("attack." + name, hyphen.canonicalText());
    if (!underscored.equals(name)) {
      assertFalse(underscore.isCanonical());
    }
  }

  @Property(tries = 500)
  void of_neverThrowsAndCanonicalIsStable(@ForAll String text) {
    SigmaTag tag = SigmaTag.of(text);
    assertEquals(text, tag.text());
    SigmaTag again = SigmaTag.of(tag.canonicalText());
    assertEquals(tag.kind(), again.kind(), "classification survives canonicalisation");
    assertTrue(again.isCanonical());
  }

  @Provide
  Arbitrary<String> asciiNames() {
    return Arbitraries.strings().withChars("tgscmdaeTGSCMDAE0123456789._- xyz").ofMaxLength(12);
  }

  @Property(tries = 500)
  void classifyAttack_isCaseInsensitiveForAscii(@ForAll("asciiNames") String name) {
    SigmaTag.Kind kind = SigmaTag.classifyAttack(name);
    assertEquals(kind, SigmaTag.classifyAttack(name.toLowerCase(Locale.ROOT)));
    assertEquals(kind, SigmaTag.classifyAttack(name.toUpperCase(Locale.ROOT)));
    assertEquals(kind, SigmaTag.of("AtTaCk." + name).kind());
  }

  @Test
  void classifyAttack_nonAsciiLettersAreNotFolded() {
    // U+212A KELVIN SIGN lower-cases to 'k' and U+0130 to "i̇": neither may turn a malformed tag into a valid one.
    assertEquals(SigmaTag.Kind.MALFORMED_ATTACK, SigmaTag.of("attack.de\u212Aense").kind());
    assertEquals("attack.de\u212Aense", SigmaTag.of("attack.de\u212Aense").canonicalText());
    assertEquals(SigmaTag.Kind.OTHER, SigmaTag.of("attac\u212A.t1059").kind());
    assertEquals(SigmaTag.Kind.MALFORMED_ATTACK, SigmaTag.of("attack.\u0130mpact").kind());
  }
}
