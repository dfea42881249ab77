package io.sigmap.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceTableTest {

  private static LogSource ls(String product, String category, String service) {
    LogSource l = LogSource.EMPTY;
    if (!product.equals("-")) {
      l = l.withProduct(product);
    }
    if (!category.equals("-")) {
      l = l.withCategory(category);
    }
    if (!service.equals("-")) {
      l = l.withService(service);
    }
    return l;
  }

  @ParameterizedTest
  @CsvSource({
      "windows, process_creation, -, ENDPOINT",
      "windows, network_connection, -, ENDPOINT",
      "windows, dns_query, -, ENDPOINT",
      "Windows, registry_set, -, ENDPOINT",
      "windows, -, security, IDENTITY",
      "windows, -, ntlm, IDENTITY",
      "windows, -, system, ENDPOINT",
      "windows, -, msexchange-management, APPLICATION",
      "windows, -, dns-server, NETWORK",
      "linux, process_creation, -, ENDPOINT",
      "linux, -, auditd, ENDPOINT",
      "linux, -, sshd, IDENTITY",
      "macos, file_event, -, ENDPOINT",
      "azure, -, signinlogs, IDENTITY",
      "azure, -, activitylogs, CLOUD",
      "okta, -, okta, IDENTITY",
      "onelogin, -, onelogin.events, IDENTITY",
      "cisco, -, duo, IDENTITY",
      "cisco, -, aaa, NETWORK",
      "aws, -, cloudtrail, CLOUD",
      "gcp, -, gcp.audit, CLOUD",
      "m365, -, threat_management, CLOUD",
      "kubernetes, application, audit, CLOUD",
      "github, -, audit, CLOUD",
      "zeek, -, smb_files, NETWORK",
      "fortigate, -, event, NETWORK",
      "paloalto, appliance, globalprotect, NETWORK",
      "opencanary, application, -, NETWORK",
      "-, proxy, -, NETWORK",
      "-, dns, -, NETWORK",
      "-, firewall, -, NETWORK",
      "-, -, netflow, NETWORK",
      "-, webserver, -, APPLICATION",
      "spring, application, -, APPLICATION",
      "-, database, -, APPLICATION",
      "-, -, apache, APPLICATION",
      "-, antivirus, -, ENDPOINT",
      "qualys, -, -, UNKNOWN",
      "-, -, -, UNKNOWN",
  })
  void classify_standardTable(String product, String category, String service, SourceType expected) {
    assertEquals(expected, SourceTable.standard().classify(ls(product, category, service)));
  }

  @Test
  void toBuilder_rowFirst_overridesStandardRows() {
    SourceTable t = SourceTable.standard().toBuilder().rowFirst("windows", "*", "security", SourceType.ENDPOINT)
        .row("qualys", "*", "*", SourceType.NETWORK).build();
    assertEquals(SourceType.ENDPOINT, t.classify(ls("windows", "-", "security")));
    assertEquals(SourceType.NETWORK, t.classify(ls("qualys", "-", "-")));
    assertEquals(SourceTable.standard().rows().size() + 2, t.rows().size());
    assertEquals(SourceTable.standard(), SourceTable.standard().toBuilder().build());
  }

  @Test
  void row_absentPattern_matchesOnlyAbsent() {
    SourceTable t = SourceTable.builder().row("-", "proxy", "-", SourceType.NETWORK).build();
    assertEquals(SourceType.NETWORK, t.classify(ls("-", "proxy", "-")));
    assertEquals(SourceType.UNKNOWN, t.classify(ls("zscaler", "proxy", "-")));
  }

  @Test
  void row_badPattern_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SourceTable.builder().row("a||b", "*", "*", SourceType.CLOUD));
    assertEquals("source table product pattern must be '*', '-' or values separated by '|': 'a||b'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SourceTable.builder().row(" ", "*", "*", SourceType.CLOUD));
    assertThrows(IllegalArgumentException.class, () -> SourceTable.builder().row("*", "x|", "*", SourceType.CLOUD));
  }

  @Test
  void ruleProfile_explicitSource_overridesTable() {
    RuleProfile p = RuleProfile.builder("r").logSource(ls("windows", "-", "security")).source(SourceType.ENDPOINT)
        .build();
    assertEquals(SourceType.ENDPOINT, p.sourceType(SourceTable.standard()));
  }
}
