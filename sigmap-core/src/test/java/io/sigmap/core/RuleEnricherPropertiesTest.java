package io.sigmap.core;

import static io.sigmap.core.TestRules.INDEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReadResult;
import io.sigmap.core.sigma.SigmaRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Enrichment never throws, does not depend on tag order or case, and batch counts always add up. */
class RuleEnricherPropertiesTest {

  private static final RuleEnricher ENRICHER = RuleEnricher.builder(INDEX).build();

  private static final List<String> TAGS = List.of("attack.t1059.001", "attack.t1059", "attack.t1086",
      "attack.t1150", "attack.t1064", "attack.t1454", "attack.t1685", "attack.t9999", "attack.t1003.001",
      "attack.t1055.011", "attack.t1647", "attack.t1078.004", "attack.t1595", "attack.execution",
      "attack.defense_evasion", "attack.privilege-escalation", "attack.persistence", "attack.stealth",
      "attack.ta0005", "attack.g0016", "attack.g0099", "attack.g9999", "attack.s0002", "attack.s0039",
      "attack.ds0009", "attack.dc0001", "attack.c0022", "attack.m1026", "attack.det0001", "attack.a0001",
      "attack.t1059_001", "attack.1059", "attack.", "attack.t", "cve.2021-44228", "car.2016-04-005", "tlp.red",
      "detection.threat-hunting");

  @Provide
  Arbitrary<String> tag() {
    return Arbitraries.oneOf(Arbitraries.of(TAGS),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(20).map(s -> "attack." + s),
        Arbitraries.strings().alpha().numeric().ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> product() {
    return Arbitraries.of("windows", "linux", "macos", "azure", "aws", "m365", "okta", "zeek", "cisco", "kubernetes",
        "esxi", "unknownproduct");
  }

  @Provide
  Arbitrary<String> status() {
    return Arbitraries.of("stable", "test", "experimental", "deprecated", "unsupported");
  }

  private static String yamlTag(String tag) {
    return "'" + tag.replace("'", "''") + "'";
  }

  private static SigmaRule rule(List<String> tags, String product, String status) {
    List<String> quoted = new ArrayList<>();
    tags.forEach(t -> quoted.add(yamlTag(t)));
    return TestRules.rule(TestRules.yaml(product, status, quoted.toArray(new String[0])));
  }

  @Property(tries = 500)
  void enrich_neverThrowsAndStaysInRange(
      @ForAll @Size(max = 12) List<@net.jqwik.api.From("tag") String> tags,
      @ForAll("product") String product,
      @ForAll("status") String status) {
    EnrichmentResult r = ENRICHER.enrich(rule(tags, product, status));
    assertNotNull(r);
    Enrichment e = r.enrichment().orElseThrow();
    assertTrue(e.techniqueConfidence() >= 0 && e.techniqueConfidence() <= 1);
    assertTrue(e.correlationWeight() >= 0 && e.correlationWeight() <= 10);
    boolean usable = !status.equals("deprecated") && !status.equals("unsupported");
    assertEquals(e.mapped() && usable, r.status() == EnrichmentResult.Status.VALIDATED, r.findings().toString());
    for (int i = 1; i < r.findings().size(); i++) {
      assertTrue(r.findings().get(i - 1).severity().compareTo(r.findings().get(i).severity()) <= 0);
    }
  }

  /** What must not change when tags are reordered or their case changed. */
  private static Map<String, Object> essence(EnrichmentResult r) {
    Enrichment e = r.enrichment().orElseThrow();
    Map<String, Object> m = new TreeMap<>();
    m.put("status", r.status());
    Map<String, Double> techniques = new TreeMap<>();
    e.techniques().forEach(t -> techniques.put(t.technique().id(), t.confidence()));
    m.put("techniques", techniques);
    m.put("tactics", e.tactics());
    m.put("primary", e.primaryTactic());
    m.put("confidence", e.techniqueConfidence());
    m.put("weight", e.correlationWeight());
    return m;
  }

  @Property(tries = 300)
  void enrich_independentOfTagOrderAndCase(
      @ForAll @Size(max = 10) List<@net.jqwik.api.From("known") String> tags,
      @ForAll("product") String product,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<String> shuffled = new ArrayList<>(tags);
    Collections.shuffle(shuffled, random);
    List<String> recased = new ArrayList<>();
    for (String t : shuffled) {
      StringBuilder b = new StringBuilder();
      for (char c : t.toCharArray()) {
        b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
      }
      recased.add(b.toString());
    }
    assertEquals(essence(ENRICHER.enrich(rule(tags, product, "test"))),
        essence(ENRICHER.enrich(rule(recased, product, "test"))));
  }

  @Provide
  Arbitrary<String> known() {
    return Arbitraries.of(TAGS.stream().filter(t -> t.startsWith("attack.") && t.length() > 8
        && !t.contains("_00")).toList());
  }

  @Property(tries = 100)
  void enrichFiles_countsAlwaysAddUp(
      @ForAll @Size(max = 15) List<@net.jqwik.api.From("document") String> documents) {
    List<SigmaFile> files = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      files.add(TestRules.file(documents.get(i), String.format(Locale.ROOT, "r%02d.yml", i)));
    }
    BatchResult batch = ENRICHER.enrichFiles(files);
    int documentsRead = files.stream().mapToInt(f -> f.results().size()).sum();
    BatchSummary s = batch.summary();
    assertEquals(documentsRead, batch.results().size());
    assertEquals(s.read(), batch.results().size());
    assertEquals(s.read(), s.validated() + s.quarantined() + s.unreadable() + s.skipped());
    long failed = files.stream().flatMap(f -> f.results().stream()).filter(r -> !r.isParsed()).count();
    assertEquals(failed, s.unreadable());
  }

  @Provide
  Arbitrary<String> document() {
    return Arbitraries.oneOf(
        Arbitraries.of(TAGS).list().ofMaxSize(4).map(t -> TestRules.yaml("windows", "test",
            t.stream().map(RuleEnricherPropertiesTest::yamlTag).toArray(String[]::new))),
        Arbitraries.of("title: [broken\n", "", "just a string\n", "title: x\n", RuleEnricherTest.CORRELATION,
            "title: F\nlogsource:\n  product: windows\nfilter:\n  rules: [a]\n  s:\n    User: x\n  condition: not s\n",
            "action: global\ntitle: G\ntags: [attack.t1059.001]\n---\nlogsource: {product: windows}\n"
                + "detection: {s: {Image: x}, condition: s}\n"));
  }
}
