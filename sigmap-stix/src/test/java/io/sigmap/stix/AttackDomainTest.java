package io.sigmap.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttackDomainTest {

  @Test
  void fromId_longAndShortForms() {
    assertEquals(AttackDomain.ENTERPRISE, AttackDomain.fromId("enterprise-attack").orElseThrow());
    assertEquals(AttackDomain.MOBILE, AttackDomain.fromId("Mobile").orElseThrow());
    assertEquals(AttackDomain.ICS, AttackDomain.fromId("ICS-ATTACK").orElseThrow());
    assertTrue(AttackDomain.fromId("pre-attack").isEmpty());
    assertEquals("ics", AttackDomain.ICS.shortId());
  }

  @Test
  void fromKillChainName_exact() {
    assertEquals(AttackDomain.MOBILE, AttackDomain.fromKillChainName("mitre-mobile-attack").orElseThrow());
    assertTrue(AttackDomain.fromKillChainName("lockheed-martin-cyber-kill-chain").isEmpty());
  }
}
