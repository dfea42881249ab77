package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.MINUTE;
import static io.sigmap.correlate.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Conservation, arrival-order independence and snapshot/restore equivalence over random alert streams. */
class CorrelatorPropertiesTest {

  private static final String[] RULES = {"phish", "ps", "whoami", "netuser", "runkey", "lsass", "spray",
      "impossible-travel", "psexec", "smb-lateral", "c2-beacon", "exfil", "ransom", "cloud-key", "quarantined",
      "unmapped", "no-such-rule"};
  private static final RuleCatalog CATALOG = Fixtures.catalog();
  private static final long LATENESS = 5 * MINUTE;

  /** Options that exercise every mechanism on small streams: eviction, saturation, allowlist, stop values. */
  private static final CorrelatorOptions OPTIONS = CorrelatorOptions.DEFAULT.toBuilder()
      .allowedLateness(Duration.ofMillis(LATENESS))
      .maxEntities(16)
      .entityTtl(Duration.ofHours(30))
      .maxChainAlerts(8)
      .chainUpdates(CorrelatorOptions.ChainUpdates.ALL)
      .linking(LinkOptions.builder().stopValue(EntityKind.HOST, "h0").maxLinksPerEntity(4).maxEntitiesPerChain(6)
          .build())
      .allow(AllowlistEntry.builder("AL").field("Image", "*admin*").build())
      .escalation(EscalationOptions.DEFAULT.toBuilder().progressionMinTactics(3).build())
      .build();

  @Provide
  Arbitrary<List<Alert>> streams() {
    Arbitrary<Alert> one = Combinators.combine(
        Arbitraries.integers().between(0, RULES.length - 1),
        Arbitraries.longs().between(0, 3 * Fixtures.DAY),
        Arbitraries.integers().between(-1, 20),
        Arbitraries.integers().between(-1, 6),
        Arbitraries.integers().between(0, 9)).as((rule, offset, host, user, extra) -> {
          Alert.Builder b = Alert.builder("x", RULES[rule], T0 + offset);
          if (host >= 0) {
            b.host("h" + host);
          }
          if (user >= 0) {
            b.user("u" + user);
          }
          if (extra == 0) {
            b.field("Image", "C:\\admin\\tool.exe");
          } else if (extra == 1) {
            b.ip("10.0.0." + host);
          } else if (extra == 2) {
            b.source(SourceType.CLOUD);
          }
          return b.build();
        });
    return one.list().ofMinSize(1).ofMaxSize(80).map(list -> {
      List<Alert> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Alert a = list.get(i);
        out.add(new Alert("a" + i, a.ruleId(), a.time(), a.source(), a.entities(), a.fields()));
      }
      return out;
    });
  }

  private static List<String> run(List<Alert> alerts) {
    List<String> out = new ArrayList<>();
    Correlator c = Correlator.builder(CATALOG).options(OPTIONS).sink(e -> out.add(CorrelationJson.toJson(e))).build();
    alerts.forEach(c::accept);
    c.flush();
    return out;
  }

  private static List<Alert> sorted(List<Alert> alerts) {
    return alerts.stream().sorted(Comparator.comparingLong(Alert::time).thenComparing(Alert::id))
        .collect(Collectors.toList());
  }

  @Property(tries = 300)
  void accept_everyAlert_exactlyOneDecision(@ForAll("streams") List<Alert> alerts) {
    List<AlertDecision> decisions = new ArrayList<>();
    Correlator c = Correlator.builder(CATALOG).options(OPTIONS).sink(e -> {
      if (e instanceof AlertDecision) {
        decisions.add((AlertDecision) e);
      }
    }).build();
    alerts.forEach(c::accept);
    c.flush();
    assertEquals(alerts.size(), decisions.size());
    Set<String> ids = new HashSet<>();
    for (AlertDecision d : decisions) {
      assertTrue(ids.add(d.alert().id()), "one decision per alert: " + d.alert().id());
      assertTrue(d.score() >= 0 && d.score() <= 100);
    }
    CorrelatorStats s = c.stats();
    assertEquals(alerts.size(), s.alertsIn());
    assertEquals(alerts.size(), s.decisions());
    assertEquals(0, s.buffered());
    assertTrue(s.entities() <= 16);
    CorrelationReport r = c.report();
    assertEquals(alerts.size(), r.alerts());
    assertEquals(r.alerts(), r.scored() + r.suppressedTotal() + r.allowlisted() + r.routedAsideTotal());
  }

  @Property(tries = 300)
  void accept_anyArrivalOrderWithinLateness_sameEvents(@ForAll("streams") List<Alert> alerts,
      @ForAll long seed) {
    List<Alert> inOrder = sorted(alerts);
    Random random = new Random(seed);
    Map<String, Long> key = new HashMap<>();
    Map<String, Integer> tie = new HashMap<>();
    for (Alert a : inOrder) {
      // arriving at most LATENESS after its event time keeps every alert within the bound
      key.put(a.id(), a.time() + (long) (random.nextDouble() * LATENESS));
      tie.put(a.id(), random.nextInt());
    }
    List<Alert> shuffled = inOrder.stream()
        .sorted(Comparator.comparingLong((Alert a) -> key.get(a.id())).thenComparing(a -> tie.get(a.id())))
        .collect(Collectors.toList());
    assertEquals(run(inOrder), run(shuffled));
  }

  @Property(tries = 300)
  void snapshot_restoreThenContinue_sameFutureAsWithout(@ForAll("streams") List<Alert> alerts,
      @ForAll @IntRange(min = 0, max = 80) int cut) {
    List<Alert> inOrder = sorted(alerts);
    int k = Math.min(cut, inOrder.size());
    List<String> expected = run(inOrder);
    List<String> actual = new ArrayList<>();
    Correlator first = Correlator.builder(CATALOG).options(OPTIONS).sink(e -> actual.add(CorrelationJson.toJson(e)))
        .build();
    inOrder.subList(0, k).forEach(first::accept);
    byte[] snapshot = first.snapshot();
    Correlator second = Correlator.builder(CATALOG).options(OPTIONS)
        .sink(e -> actual.add(CorrelationJson.toJson(e))).restore(snapshot).build();
    assertEquals(first.stats(), second.stats());
    assertEquals(CorrelationJson.toJson(first.report()), CorrelationJson.toJson(second.report()));
    inOrder.subList(k, inOrder.size()).forEach(second::accept);
    second.flush();
    assertEquals(expected, actual);
  }

  @Property(tries = 200)
  void snapshot_ofRestored_isIdentical(@ForAll("streams") List<Alert> alerts) {
    Correlator c = Correlator.builder(CATALOG).options(OPTIONS).build();
    sorted(alerts).forEach(c::accept);
    byte[] once = c.snapshot();
    byte[] twice = Correlator.builder(CATALOG).options(OPTIONS).restore(once).build().snapshot();
    assertArrayEquals(once, twice);
  }
}
