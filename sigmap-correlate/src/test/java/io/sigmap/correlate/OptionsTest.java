package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The option records: documented defaults, round trips, validation messages naming the setting. */
class OptionsTest {

  @Test
  void defaults_asDocumented() {
    CorrelatorOptions o = CorrelatorOptions.DEFAULT;
    assertEquals(Duration.ofMinutes(5), o.allowedLateness());
    assertEquals(CorrelatorOptions.LatePolicy.PROCESS_CLAMPED, o.latePolicy());
    assertEquals(1_000_000, o.maxEntities());
    assertEquals(Duration.ofDays(8), o.entityTtl());
    assertEquals(128, o.maxChainAlerts());
    EscalationOptions e = o.escalation();
    assertEquals(100.0, e.riskThreshold());
    assertEquals(Duration.ofHours(24), e.riskWindow());
    assertEquals(2, e.riskMinSources());
    assertEquals(3, e.breadthMinTactics());
    assertEquals(4, e.breadthMinRules());
    assertEquals(2, e.breadthMinSources());
    assertEquals(Duration.ofDays(7), e.breadthWindow());
    assertEquals(List.of("T1003", "T1547.001"), e.highFidelityTechniques());
    assertEquals(0, e.progressionMinTactics());
    assertEquals(EnumSet.allOf(EscalationReason.class), e.enabled());
    SuppressionOptions s = o.suppression();
    assertEquals(Duration.ofHours(1), s.tacticWindows().get("discovery"));
    assertEquals(Duration.ZERO, s.tacticWindows().get("impact"));
    assertEquals(Duration.ofMinutes(15), s.defaultWindow());
    assertEquals(EnumSet.of(Level.INFORMATIONAL, Level.LOW), s.thresholdLevels());
    assertEquals(3, s.thresholdMinCount());
    LinkOptions l = o.linking();
    assertEquals(EnumSet.of(EntityKind.HOST, EntityKind.USER), l.kinds());
    assertEquals(10, l.maxLinksPerEntity());
    assertEquals(32, l.maxEntitiesPerChain());
    FeedbackOptions f = o.feedback();
    assertEquals(Duration.ofDays(30), f.window());
    assertEquals(10, f.minSample());
  }

  @Test
  void toBuilder_roundTrips() {
    assertEquals(CorrelatorOptions.DEFAULT, CorrelatorOptions.DEFAULT.toBuilder().build());
    assertEquals(EscalationOptions.DEFAULT, EscalationOptions.DEFAULT.toBuilder().build());
    assertEquals(SuppressionOptions.DEFAULT, SuppressionOptions.DEFAULT.toBuilder().build());
    assertEquals(LinkOptions.DEFAULT, LinkOptions.DEFAULT.toBuilder().build());
    assertEquals(FeedbackOptions.DEFAULT, FeedbackOptions.DEFAULT.toBuilder().build());
    assertEquals(CorrelatorOptions.builder().build(), CorrelatorOptions.DEFAULT);
  }

  @Test
  void validation_namesTheSetting() {
    assertMessage("CorrelatorOptions.maxEntities must be at least 16: 3",
        () -> CorrelatorOptions.builder().maxEntities(3).build());
    assertMessage("CorrelatorOptions.allowedLateness must not be negative: PT-1S",
        () -> CorrelatorOptions.builder().allowedLateness(Duration.ofSeconds(-1)).build());
    assertMessage("two allowlist entries have the id 'x'", () -> CorrelatorOptions.builder()
        .allow(AllowlistEntry.builder("x").rule("a").build()).allow(AllowlistEntry.builder("x").rule("b").build())
        .build());
    assertMessage("EscalationOptions.breadthWindow (PT1H) must not be shorter than EscalationOptions.riskWindow "
        + "(PT24H)", () -> EscalationOptions.builder().breadthWindow(Duration.ofHours(1)).build());
    assertMessage("EscalationOptions.highFidelityTechniques: not a technique id or T1234.* pattern: 'lsass'",
        () -> EscalationOptions.builder().highFidelityTechniques(List.of("lsass")).build());
    assertMessage("EscalationOptions.ruleCapMultiple must be in [1.0, 1000.0]: 0.5",
        () -> EscalationOptions.builder().ruleCapMultiple(0.5).build());
    assertMessage("SuppressionOptions.thresholdMaxCount must be at least 3: 2",
        () -> SuppressionOptions.builder().thresholdMaxCount(2).build());
    assertMessage("SuppressionOptions.tacticWindows[impact] must not be negative: PT-1M",
        () -> SuppressionOptions.builder().tacticWindow("impact", Duration.ofMinutes(-1)).build());
    assertMessage("FeedbackOptions.quarantineRatio (0.1) must not be below FeedbackOptions.lowerRatio (0.2)",
        () -> FeedbackOptions.builder().quarantineRatio(0.1).build());
    assertMessage("LinkOptions.maxEntitiesPerChain must be at least 1: 0",
        () -> LinkOptions.builder().maxEntitiesPerChain(0).build());
    assertMessage("allowlist entry x names no rule and no field: it would allowlist every alert",
        () -> AllowlistEntry.builder("x").build());
  }

  private static void assertMessage(String expected, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertEquals(expected, e.getMessage());
  }

  @Test
  void highFidelity_patterns() {
    EscalationOptions e = EscalationOptions.builder()
        .highFidelityTechniques(List.of("T1003.*", "attack.t1547.001", "t1055")).build();
    assertEquals(List.of("T1003", "T1055", "T1547.001"), e.highFidelityTechniques());
    assertTrue(e.highFidelity("T1003"));
    assertTrue(e.highFidelity("T1003.001"));
    assertTrue(e.highFidelity("T1547.001"));
    assertFalse(e.highFidelity("T1547"));
    assertFalse(e.highFidelity("T1547.009"));
    assertFalse(e.highFidelity("T10030"));
  }

  @Test
  void suppression_tacticWindowsNormalised() {
    SuppressionOptions s = SuppressionOptions.builder().clearTacticWindows()
        .tacticWindow("Lateral_Movement", Duration.ofMinutes(2)).thresholdRule("z").thresholdRule("a")
        .thresholdLevels(Set.of()).build();
    assertEquals(Set.of("lateral-movement"), s.tacticWindows().keySet());
    assertEquals(List.of("a", "z"), s.thresholdRules());
    assertTrue(s.thresholdLevels().isEmpty());
  }

  @Test
  void compiledRules_windowIsShortestTacticWindow() {
    RuleCatalog c = RuleCatalog.builder().tactics(Fixtures.matrix())
        .add(RuleProfile.builder("both").tactic("discovery").tactic("impact").build())
        .add(RuleProfile.builder("disc").tactic("discovery").build())
        .add(RuleProfile.builder("none").technique("T1").build()).build();
    CompiledRules r = new CompiledRules(c, CorrelatorOptions.DEFAULT);
    assertEquals(0, r.duplicateWindow[r.indexOf("both")]);
    assertEquals(Duration.ofHours(1).toMillis(), r.duplicateWindow[r.indexOf("disc")]);
    assertEquals(Duration.ofMinutes(15).toMillis(), r.duplicateWindow[r.indexOf("none")]);
  }

  @Test
  void glob_matchesCaseInsensitively() {
    assertTrue(new Glob("C:\\Windows\\*\\*.EXE").matches("c:\\windows\\ccm\\x.exe"));
    assertTrue(new Glob("*").matches(""));
    assertTrue(new Glob("a*b*c").matches("abc"));
    assertFalse(new Glob("a*b*c").matches("acb"));
    assertFalse(new Glob("abc").matches("abcd"));
    assertTrue(new Glob("ABC").matches("abc"));
    assertFalse(new Glob("a*a").matches("a"));
  }
}
