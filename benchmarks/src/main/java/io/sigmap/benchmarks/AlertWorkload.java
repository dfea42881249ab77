package io.sigmap.benchmarks;

import io.sigmap.correlate.Alert;
import io.sigmap.correlate.EntityKey;
import io.sigmap.correlate.EntityKind;
import io.sigmap.correlate.Level;
import io.sigmap.correlate.RuleCatalog;
import io.sigmap.correlate.RuleProfile;
import io.sigmap.correlate.SourceType;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded SIEM-like alert workload for the correlator benchmarks: 60,000 hosts and 40,000 users (each user the
 * owner of one host), a catalogue of 22 rules across endpoint, network and identity sources, and
 *
 * <ul>
 *   <li>a <em>population</em>: one alert per host (with its owner, when it has one) over an hour, so that every
 *       one of the 100,000 entities has state;
 *   <li>a <em>stream</em> that follows it over six hours: 85% benign repeats (each host's own habitual rule; half
 *       of them from a hot set of 2,000 hosts, so that many are duplicates), 13% other benign rules on random
 *       hosts, and 2% the stages of multi-stage attacks (initial access to impact, across the three source
 *       types, 20 attacks in flight at a time, each on a fresh victim host and user).
 * </ul>
 *
 * Alerts are in event-time order. Each alert has its own entity keys and strings, allocated with it, as alerts
 * that a parser has just read have: sharing one key object per entity across the stream would make every alert
 * read a cold key from memory, which no real ingest does.
 */
final class AlertWorkload {

  static final int HOSTS = 60_000;
  static final int USERS = 40_000;
  static final int ENTITIES = HOSTS + USERS;
  static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  static final long HOUR = 3_600_000L;

  private static final String[] MATRIX = {"reconnaissance", "resource-development", "initial-access", "execution",
      "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery",
      "lateral-movement", "collection", "command-and-control", "exfiltration", "impact"};

  /** Benign rules: id, level, weight, source, technique, tactics. */
  private static final Object[][] BENIGN = {
      {"b-whoami", Level.LOW, 2, SourceType.ENDPOINT, "T1033", "discovery"},
      {"b-net-group", Level.LOW, 3, SourceType.ENDPOINT, "T1069.002", "discovery"},
      {"b-sysinfo", Level.INFORMATIONAL, 1, SourceType.ENDPOINT, "T1082", "discovery"},
      {"b-script-host", Level.LOW, 3, SourceType.ENDPOINT, "T1059.005", "execution"},
      {"b-ps-encoded", Level.MEDIUM, 5, SourceType.ENDPOINT, "T1059.001", "execution"},
      {"b-rundll32", Level.MEDIUM, 5, SourceType.ENDPOINT, "T1218.011", "defense-evasion"},
      {"b-masquerade", Level.LOW, 3, SourceType.ENDPOINT, "T1036.005", "defense-evasion"},
      {"b-schtask", Level.MEDIUM, 6, SourceType.ENDPOINT, "T1053.005", "execution", "persistence"},
      {"b-rdp", Level.LOW, 4, SourceType.ENDPOINT, "T1021.001", "lateral-movement"},
      {"b-archive", Level.MEDIUM, 5, SourceType.ENDPOINT, "T1560.001", "collection"},
      {"b-rare-ua", Level.LOW, 3, SourceType.NETWORK, "T1071.001", "command-and-control"},
      {"b-new-country", Level.LOW, 3, SourceType.IDENTITY, "T1078", "initial-access"},
  };

  /** Attack stages in matrix order: id, level, weight, source, technique, tactics. */
  private static final Object[][] ATTACK = {
      {"a-phish-link", Level.MEDIUM, 6, SourceType.NETWORK, "T1566.002", "initial-access"},
      {"a-ps-download", Level.HIGH, 7, SourceType.ENDPOINT, "T1059.001", "execution"},
      {"a-run-key", Level.MEDIUM, 7, SourceType.ENDPOINT, "T1547.001", "persistence", "privilege-escalation"},
      {"a-kerberoast", Level.HIGH, 7, SourceType.IDENTITY, "T1558.003", "credential-access"},
      {"a-lsass", Level.HIGH, 9, SourceType.ENDPOINT, "T1003.001", "credential-access"},
      {"a-adfind", Level.MEDIUM, 5, SourceType.ENDPOINT, "T1087.002", "discovery"},
      {"a-smb-admin", Level.MEDIUM, 6, SourceType.NETWORK, "T1021.002", "lateral-movement"},
      {"a-beacon", Level.HIGH, 8, SourceType.NETWORK, "T1071.001", "command-and-control"},
      {"a-exfil", Level.HIGH, 8, SourceType.NETWORK, "T1567.002", "exfiltration"},
      {"a-vss-delete", Level.CRITICAL, 10, SourceType.ENDPOINT, "T1490", "impact"},
  };

  private AlertWorkload() {}

  /** The catalogue: the benign and attack rules, tactics in Enterprise matrix order. */
  static RuleCatalog catalog() {
    List<Tactic> matrix = new ArrayList<>();
    for (int i = 0; i < MATRIX.length; i++) {
      matrix.add(new Tactic(String.format(Locale.ROOT, "TA9%03d", i), MATRIX[i], MATRIX[i], AttackDomain.ENTERPRISE,
          i, "x-mitre-tactic--" + i, "", false));
    }
    RuleCatalog.Builder b = RuleCatalog.builder().tactics(matrix);
    for (Object[][] table : new Object[][][] {BENIGN, ATTACK}) {
      for (Object[] r : table) {
        RuleProfile.Builder p = RuleProfile.builder((String) r[0]).title((String) r[0]).level((Level) r[1])
            .correlationWeight((Integer) r[2]).source((SourceType) r[3]).technique((String) r[4]);
        for (int i = 5; i < r.length; i++) {
          p.tactic((String) r[i]);
        }
        b.add(p.build());
      }
    }
    return b.build();
  }

  static String host(int i) {
    return "ws-" + pad5(i);
  }

  static String user(int i) {
    return "user-" + pad5(i);
  }

  private static String pad5(int i) {
    String s = Integer.toString(i);
    return "00000".substring(Math.min(5, s.length())) + s;
  }

  /** The population alerts: one per host, with its owner when it has one; fresh strings on every call. */
  static Alert populationAlert(int host) {
    long t = T0 + (long) host * HOUR / HOSTS;
    List<EntityKey> entities = host < USERS
        ? List.of(new EntityKey(EntityKind.HOST, host(host)), new EntityKey(EntityKind.USER, user(host)))
        : List.of(new EntityKey(EntityKind.HOST, host(host)));
    return new Alert("p-" + host, (String) BENIGN[host % BENIGN.length][0], t, Optional.empty(), entities, Map.of());
  }

  /** The population, built once, for benchmarks that replay it. */
  static Alert[] population() {
    Alert[] out = new Alert[HOSTS];
    for (int h = 0; h < HOSTS; h++) {
      out[h] = populationAlert(h);
    }
    return out;
  }

  /** The stream that follows the population: {@code size} alerts over six hours. */
  static Alert[] stream(int size, long seed) {
    Random random = new Random(seed);
    int hot = 2_000;
    int inFlight = 20;
    int[] victim = new int[inFlight];
    int[] stage = new int[inFlight];
    int[][] plan = new int[inFlight][];
    for (int k = 0; k < inFlight; k++) {
      victim[k] = random.nextInt(USERS);
      plan[k] = attackPlan(random);
    }
    int nextAttack = 0;
    long start = T0 + HOUR;
    long span = 6 * HOUR;
    Alert[] out = new Alert[size];
    for (int i = 0; i < size; i++) {
      long t = start + (long) ((double) i * span / size);
      String id = "s-" + i;
      double kind = random.nextDouble();
      if (kind < 0.85) {
        int h = random.nextBoolean() ? random.nextInt(hot) : random.nextInt(HOSTS);
        out[i] = alert(id, (String) BENIGN[h % BENIGN.length][0], t, h, random.nextBoolean() && h < USERS ? h : -1);
      } else if (kind < 0.98) {
        int h = random.nextInt(HOSTS);
        Object[] rule = BENIGN[random.nextInt(BENIGN.length)];
        boolean identity = rule[3] == SourceType.IDENTITY && h < USERS;
        out[i] = identity ? alert(id, (String) rule[0], t, -1, h)
            : alert(id, (String) rule[0], t, h, random.nextBoolean() && h < USERS ? h : -1);
      } else {
        int k = nextAttack;
        nextAttack = (nextAttack + 1) % inFlight;
        Object[] rule = ATTACK[plan[k][stage[k]]];
        int v = victim[k];
        out[i] = rule[3] == SourceType.IDENTITY ? alert(id, (String) rule[0], t, -1, v)
            : rule[3] == SourceType.NETWORK ? alert(id, (String) rule[0], t, v, -1)
            : alert(id, (String) rule[0], t, v, v);
        if (++stage[k] == plan[k].length) {
          stage[k] = 0;
          victim[k] = random.nextInt(USERS);
          plan[k] = attackPlan(random);
        }
      }
    }
    return out;
  }

  /** An alert on a host and/or a user (-1 for none), with keys of its own. */
  private static Alert alert(String id, String rule, long time, int host, int user) {
    List<EntityKey> entities = host >= 0 && user >= 0
        ? List.of(new EntityKey(EntityKind.HOST, host(host)), new EntityKey(EntityKind.USER, user(user)))
        : host >= 0 ? List.of(new EntityKey(EntityKind.HOST, host(host)))
        : List.of(new EntityKey(EntityKind.USER, user(user)));
    return new Alert(id, rule, time, Optional.empty(), entities, Map.of());
  }

  /** Five distinct attack stages in matrix order. */
  private static int[] attackPlan(Random random) {
    boolean[] chosen = new boolean[ATTACK.length];
    int n = 0;
    while (n < 5) {
      int s = random.nextInt(ATTACK.length);
      if (!chosen[s]) {
        chosen[s] = true;
        n++;
      }
    }
    int[] plan = new int[5];
    int j = 0;
    for (int s = 0; s < ATTACK.length; s++) {
      if (chosen[s]) {
        plan[j++] = s;
      }
    }
    return plan;
  }
}
