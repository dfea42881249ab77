package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.DAY;
import static io.sigmap.correlate.Fixtures.HOUR;
import static io.sigmap.correlate.Fixtures.MINUTE;
import static io.sigmap.correlate.Fixtures.T0;
import static io.sigmap.correlate.Fixtures.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.correlate.Fixtures.Run;
import io.sigmap.correlate.spi.AssetContext;
import io.sigmap.correlate.spi.AssetCriticality;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelatorTest {

  private static CorrelatorOptions.Builder options() {
    return CorrelatorOptions.DEFAULT.toBuilder();
  }

  private static EscalationOptions.Builder escalation() {
    return EscalationOptions.DEFAULT.toBuilder();
  }

  // ------------------------------------------------------------------ routing aside

  @Test
  void accept_unknownRule_routedAside() {
    Run run = new Run().accept(alert("a1", "no-such-rule", T0, "h1", null)).flush();
    AlertRoutedAside d = assertInstanceOf(AlertRoutedAside.class, run.decision("a1"));
    assertEquals(RouteReason.UNKNOWN_RULE, d.reason());
    assertEquals(0.0, d.score());
    assertEquals(1, run.events.size());
  }

  @Test
  void accept_quarantinedUnreadableSkippedUnmapped_routedAsideNeverScored() {
    Run run = new Run().accept(alert("q", "quarantined", T0, "h1", null), alert("u", "unreadable", T0 + 1, "h1", null),
        alert("s", "skipped", T0 + 2, "h1", null), alert("m", "unmapped", T0 + 3, "h1", null)).flush();
    assertEquals(RouteReason.QUARANTINED_RULE, ((AlertRoutedAside) run.decision("q")).reason());
    assertEquals(RouteReason.UNREADABLE_RULE, ((AlertRoutedAside) run.decision("u")).reason());
    assertEquals(RouteReason.SKIPPED_RULE, ((AlertRoutedAside) run.decision("s")).reason());
    assertEquals(RouteReason.UNMAPPED_RULE, ((AlertRoutedAside) run.decision("m")).reason());
    assertEquals(0, run.correlator.stats().entities(), "routed-aside alerts create no entity state");
    CorrelationReport r = run.correlator.report();
    assertEquals(4, r.routedAsideTotal());
    assertEquals(0, r.tactics().stream().mapToLong(TacticVolume::alerts).sum());
  }

  // ------------------------------------------------------------------ allowlist

  @Test
  void accept_allowlistedExecution_zeroScoreTaggedAndRecorded() {
    CorrelatorOptions o = options().allow(AllowlistEntry.builder("AL-1 SCCM").rule("ps")
        .field("Image", "C:\\Windows\\CCM\\*.exe").field("ParentImage", "*\\ccmexec.exe").build()).build();
    Run run = new Run(o).accept(
        Alert.builder("a1", "ps", T0).host("h1").field("Image", "C:\\Windows\\CCM\\CcmEval.exe")
            .field("ParentImage", "C:\\Windows\\CCM\\CcmExec.exe").build(),
        Alert.builder("a2", "ps", T0 + HOUR).host("h1").field("Image", "C:\\Users\\x\\evil.exe")
            .field("ParentImage", "C:\\Windows\\CCM\\CcmExec.exe").build(),
        Alert.builder("a3", "runkey", T0 + 2 * HOUR).host("h1").field("Image", "C:\\Windows\\CCM\\CcmEval.exe")
            .field("ParentImage", "C:\\Windows\\CCM\\CcmExec.exe").build()).flush();
    AlertAllowlisted a1 = assertInstanceOf(AlertAllowlisted.class, run.decision("a1"));
    assertEquals("AL-1 SCCM", a1.allowlistCorrelationId());
    assertEquals(0.0, a1.score());
    assertInstanceOf(AlertScored.class, run.decision("a2"), "another image does not match");
    assertInstanceOf(AlertScored.class, run.decision("a3"), "the entry names rule ps only");
    assertEquals(1, run.correlator.report().allowlisted());
  }

  // ------------------------------------------------------------------ suppression

  private static RuleCatalog discoveryCatalog() {
    return RuleCatalog.builder().tactics(Fixtures.matrix())
        .add(Fixtures.rule("disc", Level.MEDIUM, 5, "endpoint", "T1082", "discovery"))
        .add(Fixtures.rule("ps", Level.MEDIUM, 5, "endpoint", "T1059.001", "execution"))
        .add(Fixtures.rule("ransom", Level.CRITICAL, 10, "endpoint", "T1486", "impact"))
        .build();
  }

  @Test
  void accept_repeatWithinTacticWindow_suppressedAsDuplicate() {
    Run run = new Run(discoveryCatalog(), CorrelatorOptions.DEFAULT).accept(
        alert("d1", "disc", T0, "h1", null), alert("p1", "ps", T0, "h2", null),
        alert("r1", "ransom", T0, "h3", null), alert("r2", "ransom", T0 + 1, "h3", null),
        alert("p2", "ps", T0 + 10 * MINUTE, "h2", null), alert("d2", "disc", T0 + 30 * MINUTE, "h1", null),
        alert("p3", "ps", T0 + 30 * MINUTE, "h2", null), alert("d3", "disc", T0 + 61 * MINUTE, "h1", null)).flush();
    assertEquals(0, run.correlator.stats().lateAlerts());
    AlertSuppressed d2 = assertInstanceOf(AlertSuppressed.class, run.decision("d2"));
    assertEquals(SuppressionReason.DUPLICATE, d2.reason());
    assertEquals(T0, d2.windowStart());
    assertEquals(T0 + HOUR, d2.windowEnd(), "discovery repeats are suppressed for an hour");
    assertTrue(d2.detail().contains("disc"));
    assertInstanceOf(AlertScored.class, run.decision("d3"));
    assertInstanceOf(AlertSuppressed.class, run.decision("p2"));
    assertInstanceOf(AlertScored.class, run.decision("p3"), "execution windows are 15 minutes");
    assertInstanceOf(AlertScored.class, run.decision("r2"), "impact alerts are never suppressed as duplicates");
    assertInstanceOf(AlertScored.class, run.decision("p1"), "suppression is per rule and entity");
  }

  @Test
  void accept_lowLevelRuleBelowThreshold_suppressedUntilCountReached() {
    Run run = new Run();
    for (int i = 0; i < 3; i++) {
      run.accept(alert("w" + i, "whoami", T0 + i * MINUTE, "h1", null));
    }
    run.flush();
    AlertSuppressed w0 = assertInstanceOf(AlertSuppressed.class, run.decision("w0"));
    assertEquals(SuppressionReason.BELOW_THRESHOLD, w0.reason());
    assertEquals(1.0, w0.count());
    assertEquals(3, w0.threshold());
    assertInstanceOf(AlertSuppressed.class, run.decision("w1"));
    AlertScored w2 = assertInstanceOf(AlertScored.class, run.decision("w2"));
    assertTrue(w2.score() > 0);
  }

  @Test
  void accept_thresholdNormalisedToBaseline() {
    Run run = new Run();
    for (int h = 1; h <= 4; h++) {
      for (int i = 0; i < 10; i++) {
        run.accept(alert("h" + h + "-" + i, "netuser", T0 + h * HOUR + i * MINUTE, "h" + h, null));
      }
    }
    run.accept(alert("x", "netuser", T0 + DAY + HOUR, "h5", null)).flush();
    AlertSuppressed first = assertInstanceOf(AlertSuppressed.class, run.decision("h1-0"));
    assertEquals(3, first.threshold(), "no history yet: the least threshold");
    AlertSuppressed x = assertInstanceOf(AlertSuppressed.class, run.decision("x"));
    // yesterday 40 alerts in 4 entity-days: baseline 10 a day per entity, threshold 2 x 10
    assertEquals(20, x.threshold());
  }

  @Test
  void accept_secondarySignalOnEntity_liftsThresholdSuppression() {
    Run run = new Run().accept(alert("w1", "whoami", T0, "h1", "alice"),
        alert("l1", "lsass", T0 + MINUTE, "h1", null),
        alert("w2", "whoami", T0 + 2 * MINUTE, "h1", null),
        alert("w3", "whoami", T0 + 2 * MINUTE, "h9", null),
        alert("w4", "whoami", T0 + 3 * MINUTE, null, "alice")).flush();
    assertInstanceOf(AlertSuppressed.class, run.decision("w1"));
    assertInstanceOf(AlertScored.class, run.decision("w2"), "lsass on h1 lifts suppression on h1");
    assertInstanceOf(AlertSuppressed.class, run.decision("w3"), "an unrelated host stays suppressed");
    assertInstanceOf(AlertSuppressed.class, run.decision("w4"), "alice was not on the lsass alert");
  }

  // ------------------------------------------------------------------ scoring

  @Test
  void accept_scoreFollowsDocumentedFormula() {
    AssetTable assets = AssetTable.builder().put(EntityKind.HOST, "DC01", AssetCriticality.EXTREME).build();
    List<CorrelationEvent> events = new java.util.ArrayList<>();
    Correlator c = Correlator.builder(Fixtures.catalog()).assets(assets).sink(events::add).build();
    c.accept(alert("a1", "ps", T0, "ws1", null));
    c.accept(alert("a2", "ps", T0 + HOUR, "dc01", null));
    c.accept(alert("a3", "runkey", T0 + HOUR + MINUTE, "dc01", null));
    c.flush();
    List<AlertScored> scored = events.stream().filter(e -> e instanceof AlertScored).map(e -> (AlertScored) e)
        .collect(Collectors.toList());
    assertEquals(3, scored.size());
    for (AlertScored s : scored) {
      assertEquals(Scoring.round2(Scoring.score(s.factors())), s.score(), "documented formula for " + s);
    }
    AlertScored a1 = scored.get(0);
    assertEquals(1, a1.factors().prevalence());
    assertEquals(44.68, a1.score(), 0.01, "medium, weight 5, confidence 1, first entity: odds 0.538 x 1.5");
    AlertScored a2 = scored.get(1);
    assertEquals(AssetCriticality.EXTREME, a2.factors().criticality());
    assertEquals(2, a2.factors().prevalence());
    assertTrue(a2.score() > a1.score(), "extreme asset outweighs the rule being less rare");
    AlertScored a3 = scored.get(2);
    assertEquals(1, a3.factors().nearbyRules(), "ps fired on dc01 a minute before");
  }

  @Test
  void accept_alertWithoutEntities_scoredWithoutChain() {
    Run run = new Run().accept(Alert.builder("a", "ps", T0).build()).flush();
    AlertScored s = assertInstanceOf(AlertScored.class, run.decision("a"));
    assertTrue(s.chainId().isEmpty());
  }

  @Test
  void accept_assetContextFails_countedAsMediumOrRethrownWhenStrict() {
    AssetContext broken = (kind, value) -> {
      throw new IllegalStateException("cmdb down");
    };
    List<CorrelationEvent> events = new java.util.ArrayList<>();
    Correlator lenient = Correlator.builder(Fixtures.catalog()).assets(broken).sink(events::add).build();
    lenient.accept(alert("a", "ps", T0, "h1", null));
    lenient.flush();
    assertEquals(AssetCriticality.MEDIUM, ((AlertScored) events.get(0)).factors().criticality());
    assertEquals(1, lenient.stats().assetLookupFailures());
    Correlator strict = Correlator.builder(Fixtures.catalog()).assets(broken)
        .options(options().strictAssets(true).build()).build();
    strict.accept(alert("a", "ps", T0, "h1", null));
    CorrelationException e = assertThrows(CorrelationException.class, strict::flush);
    assertTrue(e.getMessage().contains("host:h1"), e.getMessage());
    assertTrue(e.getMessage().contains("strictAssets"), e.getMessage());
  }

  // ------------------------------------------------------------------ chains

  @Test
  void accept_alertOnUserAndHost_mergesTheirChains() {
    Run run = new Run(options().chainUpdates(CorrelatorOptions.ChainUpdates.ALL).build()).accept(
        alert("a", "ps", T0, "h1", null), alert("b", "spray", T0 + MINUTE, null, "alice"),
        alert("c", "psexec", T0 + 2 * MINUTE, "h1", "alice")).flush();
    String chainA = run.chainOf("a").orElseThrow();
    String chainB = run.chainOf("b").orElseThrow();
    assertNotEquals(chainA, chainB);
    assertEquals("chain:a", chainA);
    assertEquals(chainA, run.chainOf("c").orElseThrow(), "the oldest chain survives");
    ChainUpdated last = run.of(ChainUpdated.class).get(run.of(ChainUpdated.class).size() - 1);
    assertEquals(List.of(chainB), last.merged());
    assertEquals(List.of(EntityKey.of(EntityKind.HOST, "h1"), EntityKey.of(EntityKind.USER, "alice")),
        last.chain().entities());
    assertEquals(List.of("ps", "psexec", "spray"), last.chain().rules());
    assertEquals(List.of("execution", "credential-access", "lateral-movement"), last.chain().tactics(),
        "tactics in matrix order");
    assertEquals(List.of(SourceType.ENDPOINT, SourceType.IDENTITY), last.chain().sources());
    assertEquals(3, last.chain().alerts());
  }

  @Test
  void accept_stopValue_neverLinksChains() {
    CorrelatorOptions o = options().linking(LinkOptions.builder().stopValue(EntityKind.HOST, "DC01").build()).build();
    Run run = new Run(o).accept(alert("a", "spray", T0, "dc01", "alice"), alert("b", "spray", T0 + MINUTE, "dc01", "bob"),
        alert("c", "ps", T0 + 2 * MINUTE, "dc01", null)).flush();
    assertNotEquals(run.chainOf("a"), run.chainOf("b"), "alice and bob are not linked through the DC");
    assertEquals("chain:c", run.chainOf("c").orElseThrow(), "the DC alone keeps its own chain");
  }

  @Test
  void accept_entityLinkingTooMuch_saturatesAndStopsLinking() {
    CorrelatorOptions o = options().linking(LinkOptions.builder().maxLinksPerEntity(3).build()).build();
    Run run = new Run(o);
    for (int h = 1; h <= 6; h++) {
      run.accept(alert("a" + h, "psexec", T0 + h * 10 * MINUTE, "h" + h, "svc-backup"));
    }
    run.flush();
    String first = run.chainOf("a1").orElseThrow();
    assertEquals(first, run.chainOf("a3").orElseThrow(), "the third link saturates svc-backup after linking");
    assertNotEquals(first, run.chainOf("a4").orElseThrow(), "a saturated user links no more hosts");
    assertEquals("chain:a4", run.chainOf("a4").orElseThrow());
    assertEquals(1, run.correlator.stats().saturatedEntities());
  }

  @Test
  void accept_chainAtEntityCap_refusesMerge() {
    CorrelatorOptions o = options().linking(LinkOptions.builder().maxEntitiesPerChain(2).build()).build();
    Run run = new Run(o).accept(alert("a", "psexec", T0, "h1", "u1"), alert("b", "psexec", T0 + 10 * MINUTE, "h2", "u1"))
        .flush();
    assertEquals(run.chainOf("a"), run.chainOf("b"));
    assertEquals(1, run.correlator.stats().mergesRefused());
  }

  @Test
  void accept_chainIdleLongerThanBreadthWindow_startsNewChain() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", null), alert("b", "ps", T0 + 7 * DAY + 1, "h1", null))
        .flush();
    assertEquals("chain:b", run.chainOf("b").orElseThrow());
  }

  // ------------------------------------------------------------------ escalation

  @Test
  void accept_riskOverThresholdFromTwoSources_escalates() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", "alice"), alert("b", "c2-beacon", T0 + MINUTE, "h1", null))
        .flush();
    List<ChainEscalated> esc = run.of(ChainEscalated.class);
    assertEquals(1, esc.size(), esc.toString());
    assertEquals(EscalationReason.RISK_THRESHOLD, esc.get(0).reason());
    assertEquals("b", esc.get(0).alertId());
    assertTrue(esc.get(0).chain().riskSum() > 100, esc.get(0).chain().toString());
    assertTrue(esc.get(0).detail().contains("2 source types"), esc.get(0).detail());
    assertEquals(List.of(EscalationReason.RISK_THRESHOLD), esc.get(0).chain().escalations());
    assertEquals(1, run.correlator.report().escalations().get(EscalationReason.RISK_THRESHOLD));
  }

  @Test
  void accept_highRiskFromOneSourceOnly_doesNotEscalate() {
    CorrelatorOptions o = options().escalation(escalation().enabled(EnumSet.of(EscalationReason.RISK_THRESHOLD))
        .build()).build();
    Run run = new Run(o).accept(alert("a", "ps", T0, "h1", null), alert("b", "runkey", T0 + MINUTE, "h1", null),
        alert("c", "psexec", T0 + 2 * MINUTE, "h1", null), alert("d", "ransom", T0 + 3 * MINUTE, "h1", null)).flush();
    assertTrue(run.of(ChainEscalated.class).isEmpty(), run.events.toString());
  }

  @Test
  void accept_oneNoisyRule_cappedAtMultipleOfItsMaximum() {
    SuppressionOptions noWindow = SuppressionOptions.builder().tacticWindow("execution", Duration.ZERO).build();
    Run capped = new Run(options().suppression(noWindow).escalation(escalation().riskMinSources(1).build()).build());
    for (int i = 0; i < 10; i++) {
      capped.accept(alert("a" + i, "ps", T0 + i * MINUTE, "h1", null));
    }
    capped.flush();
    assertEquals(10, capped.of(AlertScored.class).size());
    assertTrue(capped.of(ChainEscalated.class).isEmpty(), "ten alerts of one rule do not escalate alone");

    Run low = new Run(options().suppression(noWindow)
        .escalation(escalation().riskMinSources(1).riskThreshold(60).ruleCapMultiple(1.5).build()).build());
    for (int i = 0; i < 10; i++) {
      low.accept(alert("a" + i, "ps", T0 + i * MINUTE, "h1", null));
    }
    low.flush();
    double score = low.of(AlertScored.class).get(0).score();
    ChainEscalated e = low.of(ChainEscalated.class).get(0);
    assertEquals("a1", e.alertId());
    assertEquals(Scoring.round2(1.5 * score), e.chain().riskSum(), 0.02, "two alerts sum to 2x, capped at 1.5x");
  }

  @Test
  void accept_threeTacticsFourRules_escalatesOnBreadth() {
    CorrelatorOptions o = options().escalation(escalation().enabled(EnumSet.of(EscalationReason.TACTIC_BREADTH))
        .build()).build();
    Run run = new Run(o).accept(alert("a", "ps", T0, "h1", null), alert("b", "runkey", T0 + DAY, "h1", null),
        alert("c", "psexec", T0 + 2 * DAY, "h1", null), alert("d", "smb-lateral", T0 + 3 * DAY, "h1", null)).flush();
    List<ChainEscalated> esc = run.of(ChainEscalated.class);
    assertEquals(1, esc.size());
    assertEquals(EscalationReason.TACTIC_BREADTH, esc.get(0).reason());
    assertEquals("d", esc.get(0).alertId(), "the fourth rule meets the condition");
    assertEquals(List.of("execution", "persistence", "privilege-escalation", "lateral-movement"),
        esc.get(0).chain().tactics());
  }

  @Test
  void accept_highFidelitySignal_escalatesAtOnce() {
    Run run = new Run().accept(alert("a", "lsass", T0, "h1", null)).flush();
    List<ChainEscalated> esc = run.of(ChainEscalated.class);
    assertEquals(1, esc.size());
    assertEquals(EscalationReason.HIGH_FIDELITY, esc.get(0).reason());
    assertTrue(esc.get(0).detail().contains("T1003"), esc.get(0).detail());
  }

  @Test
  void accept_highFidelityDisabledByPattern_noEscalation() {
    CorrelatorOptions o = options().escalation(escalation().highFidelityTechniques(List.of("T1547.001")).build())
        .build();
    Run run = new Run(o).accept(alert("a", "lsass", T0, "h1", null)).flush();
    assertTrue(run.of(ChainEscalated.class).isEmpty());
  }

  @Test
  void accept_tacticsInMatrixOrder_escalateOnKillChainOnlyInOrder() {
    CorrelatorOptions o = options().escalation(escalation().enabled(EnumSet.of(EscalationReason.KILL_CHAIN))
        .progressionMinTactics(3).build()).build();
    Run forward = new Run(o).accept(alert("a", "phish", T0, null, "alice"), alert("b", "ps", T0 + HOUR, "h1", "alice"),
        alert("c", "runkey", T0 + 2 * HOUR, "h1", null)).flush();
    List<ChainEscalated> esc = forward.of(ChainEscalated.class);
    assertEquals(1, esc.size());
    assertEquals(EscalationReason.KILL_CHAIN, esc.get(0).reason());
    assertEquals(3, esc.get(0).chain().progression());
    Run backward = new Run(o).accept(alert("a", "runkey", T0, "h1", null), alert("b", "ps", T0 + HOUR, "h1", "alice"),
        alert("c", "phish", T0 + 2 * HOUR, null, "alice")).flush();
    assertTrue(backward.of(ChainEscalated.class).isEmpty());
  }

  @Test
  void accept_sameRuleAgain_doesNotEscalateTwice() {
    Run run = new Run().accept(alert("a", "lsass", T0, "h1", null), alert("b", "lsass", T0 + HOUR, "h1", null))
        .flush();
    assertEquals(1, run.of(ChainEscalated.class).size());
    assertEquals(1, run.of(ChainUpdated.class).size(), "the second alert changed nothing");
  }

  @Test
  void accept_newRulesAfterEscalation_escalateAgain() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", "alice"), alert("b", "c2-beacon", T0 + MINUTE, "h1", null),
        alert("c", "ps", T0 + 2 * HOUR, "h1", "alice"), alert("d", "c2-beacon", T0 + 2 * HOUR + MINUTE, "h1", null),
        alert("e", "spray", T0 + 3 * HOUR, null, "alice"), alert("f", "exfil", T0 + 3 * HOUR + MINUTE, "h1", null))
        .flush();
    List<ChainEscalated> risk = run.of(ChainEscalated.class).stream()
        .filter(e -> e.reason() == EscalationReason.RISK_THRESHOLD).collect(Collectors.toList());
    assertEquals(List.of("b", "f"), risk.stream().map(ChainEscalated::alertId).collect(Collectors.toList()),
        "the same rules again (c, d) do not escalate; two new rules from two sources (e, f) do");
    assertEquals(risk.get(0).chain().id(), risk.get(1).chain().id());
  }

  @Test
  void accept_mergeWouldOverflow_alertJoinsTheSmallestChain() {
    CorrelatorOptions o = options().linking(LinkOptions.builder().maxEntitiesPerChain(3).build()).build();
    Run run = new Run(o).accept(alert("a", "psexec", T0, "h1", "u1"), alert("b", "psexec", T0 + 10 * MINUTE, "h2", "u1"),
        alert("c", "spray", T0 + 20 * MINUTE, null, "u2"), alert("d", "runkey", T0 + 30 * MINUTE, "h2", "u2")).flush();
    assertEquals("chain:a", run.chainOf("b").orElseThrow());
    assertEquals("chain:c", run.chainOf("d").orElseThrow(), "chain:a is full; d joins u2's focused chain");
    assertEquals(1, run.correlator.stats().mergesRefused());
  }

  @Test
  void accept_memberIdleLongerThanBreadthWindow_detachedFromChain() {
    CorrelatorOptions o = options().chainUpdates(CorrelatorOptions.ChainUpdates.ALL).build();
    Run run = new Run(o).accept(alert("a", "psexec", T0, "h1", "u1"), alert("b", "ps", T0 + 6 * DAY, "h1", null),
        alert("c", "runkey", T0 + 8 * DAY, "h1", null)).flush();
    ChainUpdated last = run.of(ChainUpdated.class).get(run.of(ChainUpdated.class).size() - 1);
    assertEquals("chain:a", last.chain().id());
    assertEquals(List.of(EntityKey.of(EntityKind.HOST, "h1")), last.chain().entities(), "u1 was idle 8 days");
  }

  @Test
  void accept_ruleHabitualOnEntity_weighsLess() {
    SuppressionOptions none = SuppressionOptions.builder().clearTacticWindows().defaultWindow(Duration.ZERO).build();
    Run run = new Run(options().suppression(none).build());
    for (int d = 0; d < 4; d++) {
      run.accept(alert("a" + d, "ps", T0 + d * DAY, "h1", null));
    }
    run.flush();
    List<AlertScored> s = run.of(AlertScored.class);
    for (int d = 0; d < 4; d++) {
      assertEquals(d, s.get(d).factors().habituation());
    }
    assertTrue(s.get(3).score() < s.get(1).score() && s.get(1).score() < s.get(0).score());
  }

  // ------------------------------------------------------------------ event time

  @Test
  void accept_outOfOrderWithinLateness_processedInEventTimeOrder() {
    Run run = new Run().accept(alert("b", "ps", T0 + 6 * MINUTE, "h1", null), alert("a", "ps", T0 + 4 * MINUTE, "h1", null))
        .flush();
    List<AlertDecision> d = run.of(AlertDecision.class);
    assertEquals("a", d.get(0).alert().id());
    assertInstanceOf(AlertScored.class, d.get(0));
    assertInstanceOf(AlertSuppressed.class, d.get(1));
    assertFalse(d.get(0).late());
  }

  @Test
  void accept_lateAlert_processedClampedAndFlagged() {
    Run run = new Run().accept(alert("a", "ps", T0 + 10 * MINUTE, "h1", null),
        alert("b", "runkey", T0 + 20 * MINUTE, "h2", null));
    assertEquals(1, run.of(AlertDecision.class).size(), "a is released by b's watermark");
    run.accept(alert("late", "phish", T0, null, "carol")).flush();
    AlertScored late = assertInstanceOf(AlertScored.class, run.decision("late"));
    assertTrue(late.late());
    assertEquals(T0 + 10 * MINUTE, late.time(), "clamped to the last processed alert");
    assertEquals(1, run.correlator.stats().lateAlerts());
    assertEquals(1, run.correlator.report().late());
  }

  @Test
  void accept_lateAlertUnderRouteAside_routedAside() {
    Run run = new Run(options().latePolicy(CorrelatorOptions.LatePolicy.ROUTE_ASIDE).build())
        .accept(alert("a", "ps", T0 + 10 * MINUTE, "h1", null), alert("late", "ps", T0, "h1", null)).flush();
    AlertRoutedAside d = assertInstanceOf(AlertRoutedAside.class, run.decision("late"));
    assertEquals(RouteReason.LATE, d.reason());
    assertTrue(d.late());
  }

  @Test
  void advanceTo_releasesBufferedAlerts() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", null));
    assertEquals(0, run.events.size());
    assertEquals(1, run.correlator.stats().buffered());
    run.correlator.advanceTo(T0 + 10 * MINUTE);
    assertEquals(1, run.of(AlertDecision.class).size());
    assertEquals(0, run.correlator.stats().buffered());
  }

  @Test
  void accept_afterFlushOlderThanLastProcessed_late() {
    Run run = new Run().accept(alert("a", "ps", T0 + MINUTE, "h1", null)).flush().accept(alert("b", "ps", T0, "h1", null));
    assertTrue(run.decision("b").late());
  }

  // ------------------------------------------------------------------ bounded state

  @Test
  void accept_idleEntities_evictedAfterTtl() {
    Run run = new Run(options().entityTtl(Duration.ofDays(1)).build())
        .accept(alert("a", "ps", T0, "h1", null), alert("b", "ps", T0 + 2 * DAY, "h2", null)).flush();
    CorrelatorStats s = run.correlator.stats();
    assertEquals(1, s.entitiesEvictedByTtl());
    assertEquals(1, s.entities());
  }

  @Test
  void accept_moreEntitiesThanMax_leastRecentlySeenEvicted() {
    Run run = new Run(options().maxEntities(16).build());
    for (int i = 0; i < 20; i++) {
      run.accept(alert("a" + i, "ps", T0 + i * MINUTE, "h" + i, null));
    }
    run.flush();
    CorrelatorStats s = run.correlator.stats();
    assertEquals(4, s.entitiesEvictedByCapacity());
    assertEquals(16, s.entities());
    assertEquals(20, s.decisions());
    assertEquals(20, s.alertsIn());
  }

  @Test
  void accept_chainAlertsBeyondMax_oldestDropped() {
    CorrelatorOptions o = options().maxChainAlerts(4)
        .suppression(SuppressionOptions.builder().tacticWindow("execution", Duration.ZERO).build()).build();
    Run run = new Run(o);
    for (int i = 0; i < 6; i++) {
      run.accept(alert("a" + i, "ps", T0 + i * MINUTE, "h1", null));
    }
    run.flush();
    assertEquals(2, run.correlator.stats().chainAlertsDropped());
  }

  // ------------------------------------------------------------------ reports

  @Test
  void report_volumeByTacticAndDisproportion() {
    Run run = new Run(options().disproportionMinAlerts(5).build());
    for (int i = 0; i < 30; i++) {
      run.accept(alert("w" + i, "whoami", T0 + i * MINUTE, "h" + (i % 3), null));
    }
    run.accept(alert("p", "ps", T0 + HOUR, "h1", null), alert("l", "lsass", T0 + 2 * HOUR, "h1", null)).flush();
    CorrelationReport r = run.correlator.report(T0, T0 + DAY - 1);
    assertEquals(32, r.alerts());
    TacticVolume discovery = r.tactics().stream().filter(t -> t.tactic().equals("discovery")).findFirst()
        .orElseThrow();
    assertEquals(30, discovery.alerts());
    assertTrue(discovery.disproportionate(), discovery.toString());
    assertEquals(List.of("discovery"), r.disproportionateTactics());
    assertEquals(Fixtures.ENTERPRISE.length, r.tactics().size());
    assertEquals(r.alerts(), r.scored() + r.suppressedTotal() + r.allowlisted() + r.routedAsideTotal());
    assertEquals(1, r.escalations().get(EscalationReason.HIGH_FIDELITY));
    CorrelationReport nextDay = run.correlator.report(T0 + DAY, T0 + 2 * DAY);
    assertEquals(0, nextDay.alerts());
  }

  @Test
  void report_mergesPartitions() {
    Run a = new Run().accept(alert("a", "ps", T0, "h1", null)).flush();
    Run b = new Run().accept(alert("b", "whoami", T0 + DAY, "h2", null)).flush();
    CorrelationReport m = a.correlator.report().merge(b.correlator.report());
    assertEquals(2, m.alerts());
    assertEquals(1, m.scored());
    assertEquals(1, m.suppressedTotal());
    assertEquals(Math.floorDiv(T0, DAY), m.fromDay());
    assertEquals(Math.floorDiv(T0, DAY) + 1, m.toDay());
  }

  // ------------------------------------------------------------------ feedback

  @Test
  void feedback_falsePositives_lowerWeightLiveAndRecommendQuarantine() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", null)).flush();
    double before = ((AlertScored) run.decision("a")).score();
    for (int i = 0; i < 10; i++) {
      run.correlator.feedback(Verdict.onAlert(T0 + HOUR + i, "a", "ps", VerdictKind.FALSE_POSITIVE));
    }
    List<FeedbackRecommendation> recs = run.of(FeedbackRecommendation.class);
    FeedbackRecommendation last = recs.get(recs.size() - 1);
    assertEquals(RuleAdjustment.Recommendation.QUARANTINE, last.adjustment().recommendation());
    assertEquals(0.1, last.adjustment().weightMultiplier(), 1e-9);
    run.accept(alert("b", "ps", T0 + 2 * HOUR, "h1", null)).flush();
    AlertScored b = (AlertScored) run.decision("b");
    assertEquals(0.5, b.factors().weight(), 1e-9);
    assertTrue(b.score() < before, b.score() + " < " + before);
    assertEquals(10, run.correlator.ledger().verdicts().size());
  }

  @Test
  void feedback_verdictsLeaveWindow_adjustmentWithdrawnAtDayBoundary() {
    Run run = new Run();
    for (int i = 0; i < 10; i++) {
      run.correlator.feedback(Verdict.onAlert(T0 + i, "x" + i, "ps", VerdictKind.FALSE_POSITIVE));
    }
    run.accept(alert("a", "ps", T0 + 31 * DAY, "h1", null)).flush();
    List<FeedbackRecommendation> recs = run.of(FeedbackRecommendation.class);
    FeedbackRecommendation last = recs.get(recs.size() - 1);
    assertEquals(RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE, last.adjustment().recommendation());
    assertEquals(5.0, ((AlertScored) run.decision("a")).factors().weight(), 1e-9);
  }

  @Test
  void build_withLedgerFile_appliesItsAdjustments(@TempDir Path dir) {
    Path file = dir.resolve("verdicts.jsonl");
    try (FeedbackLedger ledger = FeedbackLedger.open(file)) {
      for (int i = 0; i < 10; i++) {
        ledger.append(Verdict.onAlert(T0 - DAY + i, "x" + i, "ps", VerdictKind.BENIGN_TRUE_POSITIVE));
      }
    }
    List<CorrelationEvent> events = new java.util.ArrayList<>();
    Correlator c = Correlator.builder(Fixtures.catalog()).feedback(FeedbackLedger.open(file)).sink(events::add).build();
    c.accept(alert("a", "ps", T0, "h1", null));
    c.flush();
    FeedbackRecommendation rec = assertInstanceOf(FeedbackRecommendation.class, events.get(0));
    assertEquals(RuleAdjustment.Recommendation.LOWER_WEIGHT, rec.adjustment().recommendation());
    assertEquals(0.5, rec.adjustment().weightMultiplier(), 1e-9);
    assertEquals(2.5, ((AlertScored) events.get(1)).factors().weight(), 1e-9);
  }

  // ------------------------------------------------------------------ replay

  @Test
  void replay_file_decidesEveryAlertAndReportsBadLines(@TempDir Path dir) throws IOException {
    Path alerts = dir.resolve("alerts.jsonl");
    Files.writeString(alerts, String.join("\n",
        "{\"id\":\"a\",\"rule_id\":\"ps\",\"time\":\"2026-01-05T00:00:00Z\",\"entities\":{\"host\":\"h1\"}}",
        "{not json",
        "",
        "{\"rule_id\":\"c2-beacon\",\"time\":1767571260000,\"entities\":{\"host\":\"h1\",\"user\":[\"alice\"]}}",
        "{\"id\":\"c\",\"rule_id\":\"nope\",\"time\":\"2026-01-05T00:02:00Z\"}",
        "{\"id\":\"d\",\"rule_id\":\"ps\"}"), StandardCharsets.UTF_8);
    Run run = new Run();
    ReplaySummary s = run.correlator.replay(alerts);
    assertEquals(6, s.lines());
    assertEquals(3, s.alerts());
    assertEquals(2, s.rejected());
    assertEquals(2, s.issues().size());
    assertEquals(2, s.issues().get(0).line());
    assertEquals(6, s.issues().get(1).line());
    assertEquals(3, run.of(AlertDecision.class).size());
    assertEquals(alerts + ":4", run.of(AlertDecision.class).get(1).alert().id(), "an alert without id gets file:line");
    assertEquals(1, run.of(ChainEscalated.class).size());
    assertEquals(3, s.stats().decisions());
    String json = CorrelationJson.toJson(s);
    assertTrue(json.startsWith("{\"event\":\"summary\""), json);
  }

  @Test
  void replay_reader_manyBadLines_countsAllListsTheFirst() {
    StringBuilder text = new StringBuilder();
    int bad = Correlator.MAX_REPLAY_ISSUES + 5;
    for (int i = 0; i < bad; i++) {
      text.append("{broken\n");
    }
    text.append("{\"id\":\"a\",\"rule_id\":\"ps\",\"time\":1767571200000,\"entities\":{\"host\":\"h1\"}}\n");
    Run run = new Run();
    ReplaySummary s = run.correlator.replay(new StringReader(text.toString()), "stdin");
    assertEquals(bad + 1, s.lines());
    assertEquals(1, s.alerts());
    assertEquals(bad, s.rejected());
    assertEquals(Correlator.MAX_REPLAY_ISSUES, s.issues().size());
    assertEquals("stdin", s.issues().get(0).source());
    assertEquals(1, run.of(AlertDecision.class).size());
    assertTrue(CorrelationJson.toJson(s).contains("\"rejected\":" + bad + ","));
  }

  @Test
  void replay_missingFile_throwsInputException(@TempDir Path dir) {
    Run run = new Run();
    CorrelationInputException e = assertThrows(CorrelationInputException.class,
        () -> run.correlator.replay(dir.resolve("none.jsonl")));
    assertTrue(e.getMessage().contains("none.jsonl"));
  }

  // ------------------------------------------------------------------ snapshot

  @Test
  void snapshot_restoredIntoCatalogueWithoutARule_dropsThatRulesState() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", null), alert("b", "runkey", T0 + MINUTE, "h1", null)).flush();
    byte[] snap = run.correlator.snapshot();
    RuleCatalog smaller = RuleCatalog.builder().tactics(Fixtures.matrix())
        .add(Fixtures.rule("runkey", Level.MEDIUM, 7, "endpoint", "T1547.001", "persistence", "privilege-escalation"))
        .build();
    List<CorrelationEvent> events = new java.util.ArrayList<>();
    Correlator restored = Correlator.builder(smaller).restore(snap).sink(events::add).build();
    assertEquals(run.correlator.stats(), restored.stats());
    restored.accept(alert("c", "runkey", T0 + HOUR, "h1", null));
    restored.flush();
    AlertScored c = (AlertScored) events.get(0);
    assertEquals("chain:a", c.chainId().orElseThrow());
    assertEquals(0, c.factors().nearbyRules(), "ps is gone from the catalogue; runkey itself does not count");
  }

  @Test
  void restore_corruptSnapshot_throwsInputException() {
    byte[] snap = new Run().accept(alert("a", "ps", T0, "h1", null)).flush().correlator.snapshot();
    byte[] truncated = java.util.Arrays.copyOf(snap, snap.length / 2);
    CorrelationInputException e = assertThrows(CorrelationInputException.class,
        () -> Correlator.builder(Fixtures.catalog()).restore(truncated).build());
    assertTrue(e.getMessage().startsWith("snapshot: corrupt"), e.getMessage());
    assertThrows(CorrelationInputException.class,
        () -> Correlator.builder(Fixtures.catalog()).restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).build());
  }

  @Test
  void toString_namesStateSizes() {
    Run run = new Run().accept(alert("a", "ps", T0, "h1", null));
    assertTrue(run.correlator.toString().contains("1 buffered"), run.correlator.toString());
    assertEquals(Set.of(), Set.copyOf(run.correlator.ledger().verdicts()));
  }
}
