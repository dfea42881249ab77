package io.sigmap.correlate;

import static io.sigmap.correlate.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmap.correlate.spi.AssetCriticality;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value types: validation, normalisation, identifiers. */
class ModelTest {

  @Test
  void alert_entitiesInPrecedenceOrderAndPrimary() {
    Alert a = Alert.builder("a", "r", T0).ip("10.0.0.1").user("Alice").host("WS1").cloudAccount("acct").build();
    assertEquals(List.of(EntityKind.HOST, EntityKind.USER, EntityKind.IP, EntityKind.CLOUD_ACCOUNT),
        a.entities().stream().map(EntityKey::kind).collect(java.util.stream.Collectors.toList()));
    assertEquals(Optional.of(EntityKey.of(EntityKind.HOST, "ws1")), a.primaryEntity());
    assertEquals(Optional.empty(), Alert.builder("a", "r", T0).build().primaryEntity());
    assertEquals(a, a.toBuilder().build());
    assertEquals(java.time.Instant.ofEpochMilli(T0), a.instant());
  }

  @Test
  void alert_invalid_rejectedWithSetting() {
    assertThrows(IllegalArgumentException.class, () -> Alert.builder(" ", "r", T0).build());
    assertThrows(IllegalArgumentException.class, () -> Alert.builder("a", "", T0).build());
    IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
        () -> Alert.builder("a", "r", Long.MAX_VALUE).build());
    assertTrue(time.getMessage().contains("Alert.MAX_TIME"), time.getMessage());
    Alert.Builder many = Alert.builder("a", "r", T0);
    for (int i = 0; i < 9; i++) {
      many.host("h" + i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, many::build);
    assertEquals("alert a has 9 entities, more than the maximum allowed (8, Alert.MAX_ENTITIES)", e.getMessage());
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThrows(NullPointerException.class,
        () -> new Alert("a", "r", T0, Optional.empty(), List.of(), nullValue));
  }

  @Test
  void entityKey_normalisedAndBounded() {
    EntityKey k = EntityKey.of(EntityKind.USER, "  CORP\\Alice ");
    assertEquals("corp\\alice", k.value());
    assertEquals("user:corp\\alice", k.toString());
    String lower = "already-lower";
    assertSame(lower, EntityKey.of(EntityKind.HOST, lower).value(), "no copy when already normalised");
    assertThrows(IllegalArgumentException.class, () -> EntityKey.of(EntityKind.HOST, "  "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EntityKey.of(EntityKind.HOST, "x".repeat(513)));
    assertTrue(e.getMessage().contains("EntityKey.MAX_VALUE_LENGTH"), e.getMessage());
    assertTrue(EntityKey.of(EntityKind.HOST, "z").compareTo(EntityKey.of(EntityKind.USER, "a")) < 0);
  }

  @Test
  void logSource_normalised() {
    LogSource l = new LogSource(Optional.of(" Windows "), Optional.of(""), Optional.of("Security"));
    assertEquals(Optional.of("windows"), l.product());
    assertEquals(Optional.empty(), l.category());
    assertEquals("windows/-/security", l.toString());
  }

  @Test
  void ruleProfile_normalisedAndValidated() {
    RuleProfile p = RuleProfile.builder("r").technique("t1059.001").technique("T1059.001")
        .tactics(List.of("Credential_Access", "credential-access", " ")).build();
    assertEquals(List.of("T1059.001"), p.techniques());
    assertEquals(List.of("credential-access"), p.tactics());
    assertEquals(p, p.toBuilder().build());
    assertThrows(IllegalArgumentException.class, () -> RuleProfile.builder("r").techniqueConfidence(Double.NaN).build());
    assertThrows(IllegalArgumentException.class, () -> RuleProfile.builder("r").correlationWeight(11).build());
    assertThrows(IllegalArgumentException.class, () -> RuleProfile.builder(" ").build());
    assertTrue(!RuleProfile.builder("r").build().mapped());
    assertTrue(!RuleProfile.builder("r").status(RuleStatus.QUARANTINED).technique("T1003").build().mapped());
    assertTrue(RuleProfile.builder("r").tactic("discovery").build().mapped());
  }

  @Test
  void verdict_targetsExactlyOneThing() {
    assertThrows(IllegalArgumentException.class, () -> new Verdict(T0, VerdictKind.TRUE_POSITIVE, Optional.of("a"),
        Optional.of("c"), List.of("r"), Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new Verdict(T0, VerdictKind.TRUE_POSITIVE, Optional.empty(),
        Optional.empty(), List.of("r"), Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new Verdict(T0, VerdictKind.TRUE_POSITIVE, Optional.of("a"),
        Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
    Verdict v = new Verdict(T0, VerdictKind.TRUE_POSITIVE, Optional.of("a"), Optional.empty(), List.of("b", "a", "b"),
        Optional.empty(), Optional.empty());
    assertEquals(List.of("a", "b"), v.ruleIds());
  }

  @Test
  void identifiers_roundTripAndAliases() {
    for (EntityKind k : EntityKind.values()) {
      assertEquals(Optional.of(k), EntityKind.fromId(k.id().toUpperCase(java.util.Locale.ROOT)));
    }
    for (SourceType s : SourceType.values()) {
      assertEquals(Optional.of(s), SourceType.fromId(s.id()));
    }
    for (Level l : Level.values()) {
      assertEquals(Optional.of(l), Level.fromId(" " + l.id()));
    }
    for (RuleStatus s : RuleStatus.values()) {
      assertEquals(Optional.of(s), RuleStatus.fromId(s.id()));
    }
    for (VerdictKind k : VerdictKind.values()) {
      assertEquals(Optional.of(k), VerdictKind.fromId(k.id()));
    }
    for (AssetCriticality c : AssetCriticality.values()) {
      assertEquals(Optional.of(c), AssetCriticality.fromId(c.id()));
    }
    assertEquals(Optional.of(VerdictKind.BENIGN_TRUE_POSITIVE), VerdictKind.fromId("BTP"));
    assertEquals(Optional.of(VerdictKind.FALSE_POSITIVE), VerdictKind.fromId("false-positive"));
    assertEquals(Optional.empty(), Level.fromId("severe"));
    assertEquals(Optional.empty(), EntityKind.fromId("mac"));
    assertEquals("risk_threshold", EscalationReason.RISK_THRESHOLD.id());
    assertEquals("below_threshold", SuppressionReason.BELOW_THRESHOLD.id());
    assertEquals("late", RouteReason.LATE.id());
    assertEquals("lower_weight", RuleAdjustment.Recommendation.LOWER_WEIGHT.id());
  }

  @Test
  void inputIssue_andException_formatLocation() {
    assertEquals("f:3: bad", new InputIssue("f", 3, "bad").toString());
    assertEquals("f: bad", new InputIssue("f", 0, "bad").toString());
    CorrelationInputException e = new CorrelationInputException("f", 2, "bad", null);
    assertEquals("f:2: bad", e.getMessage());
    assertEquals("bad", e.detail());
    assertEquals("f", e.source());
    assertEquals(2, e.line());
    assertTrue(e instanceof io.sigmap.stix.SigmapException);
  }

  @Test
  void attackChain_escalated() {
    AttackChain c = new AttackChain("chain:a", T0, T0, List.of(), List.of(), List.of(), List.of(), 0, 0, 0,
        List.of(EscalationReason.HIGH_FIDELITY));
    assertTrue(c.escalated());
  }
}
