package io.sigmap.correlate;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The kind of sensor that saw the activity an alert reports. Escalation counts distinct source types: two
 * alerts from the same sensor are weaker evidence than an endpoint alert corroborated by an identity or
 * network alert. {@link #UNKNOWN} never counts as a source type.
 *
 * <p>A rule's source type is derived from its Sigma {@code logsource} by a {@link SourceTable}; an alert may
 * also give its own.
 *
 * @since 0.1.0
 */
public enum SourceType {
  /** Host telemetry: EDR, Sysmon, process, file, registry, PowerShell, auditd, host network and DNS events. */
  ENDPOINT("endpoint"),
  /** Network sensors and devices: Zeek, Suricata, firewalls, proxies, DNS servers, VPN concentrators. */
  NETWORK("network"),
  /** Authentication and directory: Entra ID sign-ins, Okta, Duo, Windows Security (logon, Kerberos). */
  IDENTITY("identity"),
  /** Cloud control planes and SaaS audit logs: AWS CloudTrail, Azure activity, GCP, M365, Kubernetes. */
  CLOUD("cloud"),
  /** Applications and web servers: web access logs, application frameworks, databases, Exchange, IIS. */
  APPLICATION("application"),
  /** No row of the source table matched; not counted as a source type. */
  UNKNOWN("unknown");

  private final String id;

  SourceType(String id) {
    this.id = id;
  }

  /**
   * Returns the identifier used in JSON, for example {@code endpoint}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Finds a source type by its identifier, in any case.
   *
   * @param id the identifier, for example {@code network}
   * @return the source type, or empty if none has that identifier
   */
  public static Optional<SourceType> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (SourceType s : values()) {
      if (s.id.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
