package io.sigmap.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered table that derives a rule's {@link SourceType} from its Sigma {@link LogSource}: the first row
 * whose three patterns match gives the source type; when none matches, {@link SourceType#UNKNOWN}.
 *
 * <p>A pattern is {@code *} (anything, including absent), {@code -} (absent), or values separated by
 * {@code |}. The guiding principle is <em>the sensor that saw the activity</em>: events an endpoint agent
 * records about the network (Sysmon {@code network_connection}, {@code dns_query}) are ENDPOINT evidence, as
 * independent of a process-creation alert from the same agent as two process alerts are; product-less
 * {@code network_connection}, {@code dns}, {@code firewall} and {@code proxy} events come from network
 * sensors. {@link #standard()} holds these rows, in order:
 *
 * <table>
 * <caption>Standard source table (first match wins)</caption>
 * <tr><th>product</th><th>category</th><th>service</th><th>source</th><th>why</th></tr>
 * <tr><td>okta|onelogin</td><td>*</td><td>*</td><td>IDENTITY</td><td>identity providers</td></tr>
 * <tr><td>azure</td><td>*</td><td>signinlogs|auditlogs|riskdetection|pim</td><td>IDENTITY</td>
 *     <td>Entra ID sign-ins, directory audit, Identity Protection, PIM</td></tr>
 * <tr><td>cisco</td><td>*</td><td>duo</td><td>IDENTITY</td><td>MFA</td></tr>
 * <tr><td>windows</td><td>*</td><td>security|ntlm|lsa-server|ldap</td><td>IDENTITY</td>
 *     <td>the Security log's SigmaHQ rules are dominated by logon, Kerberos, account and directory-service
 *     events (4624, 4625, 4768, 4769, 4776, 4720, 4738, 5136, 4662); its host-object rules (4697, 5145,
 *     4663) are also read as IDENTITY unless the alert gives its source</td></tr>
 * <tr><td>linux</td><td>*</td><td>sshd|auth</td><td>IDENTITY</td><td>authentication logs</td></tr>
 * <tr><td>windows</td><td>*</td><td>msexchange-management|iis-configuration</td><td>APPLICATION</td>
 *     <td>server applications</td></tr>
 * <tr><td>windows</td><td>*</td><td>dns-server|dns-server-analytic</td><td>NETWORK</td>
 *     <td>DNS servers are network infrastructure</td></tr>
 * <tr><td>windows|linux|macos</td><td>*</td><td>*</td><td>ENDPOINT</td>
 *     <td>every other host event, including Sysmon network and DNS events</td></tr>
 * <tr><td>aws|gcp|azure|m365|github|bitbucket|kubernetes|google_workspace</td><td>*</td><td>*</td>
 *     <td>CLOUD</td><td>control planes and SaaS audit (Azure {@code activitylogs}, CloudTrail,
 *     {@code gcp.audit}, {@code google_workspace.admin})</td></tr>
 * <tr><td>zeek|suricata|cisco|paloalto|fortigate|fortios|juniper|huawei|checkpoint|opencanary|rpc_firewall
 *     </td><td>*</td><td>*</td><td>NETWORK</td><td>network sensors, devices, VPNs, honeypots</td></tr>
 * <tr><td>*</td><td>network_connection|dns|firewall|proxy</td><td>*</td><td>NETWORK</td>
 *     <td>product-less network logs</td></tr>
 * <tr><td>*</td><td>*</td><td>netflow</td><td>NETWORK</td><td>flow records</td></tr>
 * <tr><td>*</td><td>webserver|application|database</td><td>*</td><td>APPLICATION</td>
 *     <td>web access logs, application frameworks (jvm, spring, django, ...), databases</td></tr>
 * <tr><td>*</td><td>*</td><td>apache|nginx</td><td>APPLICATION</td><td>web servers</td></tr>
 * <tr><td>*</td><td>antivirus</td><td>*</td><td>ENDPOINT</td><td>antivirus detections on hosts</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SourceTable {

  /**
   * One row of the table.
   *
   * @param product the product pattern
   * @param category the category pattern
   * @param service the service pattern
   * @param source the source type of log sources the row matches
   * @since 0.1.0
   */
  public record Row(String product, String category, String service, SourceType source) {

    /**
     * Validates the patterns.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a pattern is blank or has an empty alternative
     */
    public Row {
      product = checkPattern(product, "product");
      category = checkPattern(category, "category");
      service = checkPattern(service, "service");
      Objects.requireNonNull(source, "source");
    }

    private static String checkPattern(String pattern, String name) {
      Objects.requireNonNull(pattern, name);
      String p = pattern.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty() || p.startsWith("|") || p.endsWith("|") || p.contains("||")) {
        throw new IllegalArgumentException(
            "source table " + name + " pattern must be '*', '-' or values separated by '|': '" + pattern + "'");
      }
      return p;
    }

    /**
     * Tells whether the row matches a log source.
     *
     * @param logSource the log source
     * @return whether each of the three patterns matches
     */
    public boolean matches(LogSource logSource) {
      Objects.requireNonNull(logSource, "logSource");
      return match(product, logSource.product()) && match(category, logSource.category())
          && match(service, logSource.service());
    }

    private static boolean match(String pattern, Optional<String> value) {
      if (pattern.equals("*")) {
        return true;
      }
      if (pattern.equals("-")) {
        return value.isEmpty();
      }
      if (value.isEmpty()) {
        return false;
      }
      String v = value.get();
      int start = 0;
      while (start <= pattern.length()) {
        int bar = pattern.indexOf('|', start);
        int end = bar < 0 ? pattern.length() : bar;
        if (end - start == v.length() && pattern.regionMatches(start, v, 0, v.length())) {
          return true;
        }
        if (bar < 0) {
          return false;
        }
        start = bar + 1;
      }
      return false;
    }
  }

  private static final SourceTable STANDARD = new Builder()
      .row("okta|onelogin", "*", "*", SourceType.IDENTITY)
      .row("azure", "*", "signinlogs|auditlogs|riskdetection|pim", SourceType.IDENTITY)
      .row("cisco", "*", "duo", SourceType.IDENTITY)
      .row("windows", "*", "security|ntlm|lsa-server|ldap", SourceType.IDENTITY)
      .row("linux", "*", "sshd|auth", SourceType.IDENTITY)
      .row("windows", "*", "msexchange-management|iis-configuration", SourceType.APPLICATION)
      .row("windows", "*", "dns-server|dns-server-analytic", SourceType.NETWORK)
      .row("windows|linux|macos", "*", "*", SourceType.ENDPOINT)
      .row("aws|gcp|azure|m365|github|bitbucket|kubernetes|google_workspace", "*", "*", SourceType.CLOUD)
      .row("zeek|suricata|cisco|paloalto|fortigate|fortios|juniper|huawei|checkpoint|opencanary|rpc_firewall",
          "*", "*", SourceType.NETWORK)
      .row("*", "network_connection|dns|firewall|proxy", "*", SourceType.NETWORK)
      .row("*", "*", "netflow", SourceType.NETWORK)
      .row("*", "webserver|application|database", "*", SourceType.APPLICATION)
      .row("*", "*", "apache|nginx", SourceType.APPLICATION)
      .row("*", "antivirus", "*", SourceType.ENDPOINT)
      .build();

  private final List<Row> rows;

  private SourceTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Returns the standard table described above.
   *
   * @return the standard table
   */
  public static SourceTable standard() {
    return STANDARD;
  }

  /**
   * Returns a builder for an empty table.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this table's rows, to add rows after them (or, with
   * {@link Builder#rowFirst}, before them).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rows.addAll(rows);
    return b;
  }

  /**
   * Classifies a log source.
   *
   * @param logSource the log source
   * @return the source type of the first matching row, or {@link SourceType#UNKNOWN}
   */
  public SourceType classify(LogSource logSource) {
    Objects.requireNonNull(logSource, "logSource");
    for (Row r : rows) {
      if (r.matches(logSource)) {
        return r.source();
      }
    }
    return SourceType.UNKNOWN;
  }

  /**
   * Returns the rows in matching order.
   *
   * @return the rows
   */
  public List<Row> rows() {
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceTable && ((SourceTable) o).rows.equals(rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "SourceTable" + rows;
  }

  /**
   * Builds a {@link SourceTable}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<Row> rows = new ArrayList<>();

    private Builder() {
    }

    /**
     * Appends a row.
     *
     * @param product the product pattern
     * @param category the category pattern
     * @param service the service pattern
     * @param source the source type
     * @return this builder
     */
    public Builder row(String product, String category, String service, SourceType source) {
      rows.add(new Row(product, category, service, source));
      return this;
    }

    /**
     * Inserts a row before all others, to override the rows already held.
     *
     * @param product the product pattern
     * @param category the category pattern
     * @param service the service pattern
     * @param source the source type
     * @return this builder
     */
    public Builder rowFirst(String product, String category, String service, SourceType source) {
      rows.add(0, new Row(product, category, service, source));
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table
     */
    public SourceTable build() {
      return new SourceTable(rows);
    }
  }
}
