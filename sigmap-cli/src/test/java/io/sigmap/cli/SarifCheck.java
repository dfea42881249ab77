package io.sigmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the structure SARIF 2.1.0 requires and GitHub code scanning reads: version and schema, one run with a
 * named driver and its rules (id, short and full description, default level), and results whose rule id and
 * index agree, with a level, a message, a location (an artifact URI, relative without a leading slash, or an
 * absolute file URI; a start line of at least 1) and a fingerprint.
 */
final class SarifCheck {

  private SarifCheck() {}

  static void check(JsonNode root) {
    assertEquals("2.1.0", text(root, "version"));
    assertTrue(text(root, "$schema").endsWith("sarif-2.1.0.json"), root.toString());
    assertEquals(1, root.get("runs").size());
    JsonNode run = root.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("sigmap", text(driver, "name"));
    assertFalse(text(driver, "version").isEmpty());
    JsonNode rules = driver.get("rules");
    assertTrue(rules.isArray() && rules.size() > 0);
    Set<String> ids = new HashSet<>();
    for (JsonNode rule : rules) {
      assertTrue(ids.add(text(rule, "id")), "rule ids are unique");
      assertFalse(text(rule, "name").isEmpty());
      assertFalse(text(rule.get("shortDescription"), "text").isEmpty());
      assertFalse(text(rule.get("fullDescription"), "text").isEmpty());
      assertTrue(Set.of("error", "warning", "note").contains(text(rule.get("defaultConfiguration"), "level")));
      assertTrue(rule.get("properties").get("tags").isArray());
    }
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode result : run.get("results")) {
      String ruleId = text(result, "ruleId");
      int index = result.get("ruleIndex").asInt();
      assertEquals(ruleId, text(rules.get(index), "id"), "ruleIndex points at ruleId");
      assertTrue(Set.of("error", "warning", "note").contains(text(result, "level")), result.toString());
      assertFalse(text(result.get("message"), "text").isEmpty());
      assertEquals(1, result.get("locations").size());
      JsonNode physical = result.get("locations").get(0).get("physicalLocation");
      JsonNode artifact = physical.get("artifactLocation");
      String uri = text(artifact, "uri");
      if (artifact.has("uriBaseId")) {
        assertEquals("%SRCROOT%", text(artifact, "uriBaseId"));
        assertFalse(uri.startsWith("/") || uri.contains("\\") || uri.startsWith("../") || uri.contains(":"), uri);
      } else {
        assertTrue(uri.startsWith("file:/"), uri);
      }
      assertTrue(physical.get("region").get("startLine").asInt() >= 1, result.toString());
      if (physical.get("region").has("startColumn")) {
        assertTrue(physical.get("region").get("startColumn").asInt() >= 1, result.toString());
      }
      String fp = text(result.get("partialFingerprints"), Sarif.FINGERPRINT);
      assertTrue(fingerprints.add(fp), "fingerprints are unique: " + result);
    }
  }

  private static String text(JsonNode node, String field) {
    assertTrue(node != null && node.has(field) && node.get(field).isTextual(), "missing " + field + " in " + node);
    return node.get(field).asText();
  }
}
