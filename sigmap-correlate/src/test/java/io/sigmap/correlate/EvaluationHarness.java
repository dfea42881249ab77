package io.sigmap.correlate;

import io.sigmap.correlate.spi.AssetCriticality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded generator of a realistic alert stream and the evaluation of a correlator over it (test code).
 *
 * <p>The environment: 1,900 workstations each with a primary user, 96 servers (high criticality), 4 domain
 * controllers (extreme, stop values), 1,500 users and 30 administrators (high), over 14 days. Benign noise:
 * rules that fire on legitimate software on a fixed subset of hosts at their own daily rate (log-uniform
 * spread of reach and rate), identity, network and cloud rules raised by ordinary users, and administrators'
 * work on servers that raises lateral-movement, execution, discovery and persistence rules (half of it from an
 * allowlisted admin tool path). Injected attacks: multi-stage chains in matrix order with 3 to 6 tactics
 * across at least 2 source types, on a victim user, the user's workstation and, after lateral movement, a
 * server; some fast (minutes apart), some low-and-slow (hours apart, up to days).
 */
final class EvaluationHarness {

  static final long T0 = Fixtures.T0;
  static final long MINUTE = Fixtures.MINUTE;
  static final long HOUR = Fixtures.HOUR;
  static final long DAY = Fixtures.DAY;
  static final int DAYS = 14;
  static final int WORKSTATIONS = 1900;
  static final int SERVERS = 96;
  static final int DCS = 4;
  static final int USERS = 1500;
  static final int ADMINS = 30;
  static final String ADMIN_TOOL = "C:\\Program Files\\AdminTools\\";

  /** One injected attack: its alert ids, tactics and sources. */
  record Attack(int number, List<String> alertIds, Set<String> tactics, Set<SourceType> sources, long start) {
  }

  /** The figures of one evaluation. */
  record Figures(
      int alerts,
      int benignAlerts,
      int attackAlerts,
      int attacks,
      Map<String, Long> decisions,
      long chainsCreated,
      int escalatedChains,
      int trueEscalations,
      int falseEscalations,
      int falseAfterWarmup,
      int escalationEvents,
      Map<EscalationReason, Integer> reasons,
      Map<EscalationReason, Integer> firstReasonsTrue,
      Map<EscalationReason, Integer> firstReasonsFalse,
      int detected,
      List<Integer> missed,
      long medianMinutesToDetect,
      CorrelatorStats stats) {

    double recall() {
      return attacks == 0 ? 1.0 : (double) detected / attacks;
    }

    double alertReduction() {
      return 1.0 - (double) escalatedChains / alerts;
    }

    double suppressedShare() {
      long s = decisions.getOrDefault("suppressed", 0L) + decisions.getOrDefault("allowlisted", 0L);
      return (double) s / alerts;
    }

    String render(String name) {
      return String.format(Locale.ROOT,
          "evaluation %s%n"
              + "  alerts in            %,d (benign %,d, attack %,d in %d injected chains)%n"
              + "  decisions            %s%n"
              + "  suppressed+allowlist %.1f%%%n"
              + "  chains created       %,d%n"
              + "  escalated chains     %d (true %d, false %d; false after the 7-day warm-up %d)%n"
              + "  escalation events    %d, by reason %s%n"
              + "  first reason         true chains %s, false chains %s%n"
              + "  recall               %d/%d = %.1f%% (missed %s), median time to detect %d min%n"
              + "  alert reduction      %.2f%% (alerts in -> escalated chains)%n"
              + "  state                %d entities, evicted %d (ttl) %d (capacity), saturated %d, merges "
              + "refused %d%n",
          name, alerts, benignAlerts, attackAlerts, attacks, decisions, 100 * suppressedShare(), chainsCreated,
          escalatedChains, trueEscalations, falseEscalations, falseAfterWarmup, escalationEvents, reasons,
          firstReasonsTrue, firstReasonsFalse,
          detected, attacks,
          100 * recall(), missed, medianMinutesToDetect, 100 * alertReduction(), stats.entities(),
          stats.entitiesEvictedByTtl(), stats.entitiesEvictedByCapacity(), stats.saturatedEntities(),
          stats.mergesRefused());
    }
  }

  private final RuleCatalog catalog;
  private final Random random;
  private final List<Alert> alerts = new ArrayList<>();
  private final List<Attack> attacks = new ArrayList<>();
  private final Map<String, Integer> attackOf = new HashMap<>();
  private final Map<String, Map<SourceType, List<RuleProfile>>> attackPool = new TreeMap<>();
  private final List<RuleProfile> noisyEndpoint = new ArrayList<>();
  private final Map<SourceType, List<RuleProfile>> noisyOther = new EnumMap<>(SourceType.class);
  private final List<RuleProfile> adminRules = new ArrayList<>();
  private int sequence;

  EvaluationHarness(RuleCatalog catalog, long seed) {
    this.catalog = catalog;
    this.random = new Random(seed);
    EscalationOptions esc = EscalationOptions.DEFAULT;
    Set<String> benignTactics = Set.of("discovery", "execution", "defense-evasion", "persistence",
        "privilege-escalation", "command-and-control", "collection", "lateral-movement", "credential-access",
        "initial-access");
    for (RuleProfile r : catalog.rules()) {
      if (!r.mapped()) {
        continue;
      }
      SourceType s = r.sourceType(catalog.sourceTable());
      if (s == SourceType.UNKNOWN) {
        continue;
      }
      boolean hf = r.techniques().stream().anyMatch(esc::highFidelity);
      Level level = r.level().orElse(Level.MEDIUM);
      if (level.compareTo(Level.MEDIUM) >= 0) {
        for (String t : r.tactics()) {
          attackPool.computeIfAbsent(t, k -> new EnumMap<>(SourceType.class))
              .computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
      }
      if (!hf && r.tactics().stream().anyMatch(benignTactics::contains)) {
        if (s == SourceType.ENDPOINT) {
          noisyEndpoint.add(r);
        } else {
          noisyOther.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
      }
    }
  }

  List<Alert> alerts() {
    return alerts;
  }

  RuleCatalog catalogOf() {
    return catalog;
  }

  List<Attack> attacks() {
    return attacks;
  }

  static String workstation(int i) {
    return String.format(Locale.ROOT, "ws-%04d", i);
  }

  static String server(int i) {
    return String.format(Locale.ROOT, "srv-%03d", i);
  }

  static String dc(int i) {
    return String.format(Locale.ROOT, "dc-%02d", i);
  }

  static String user(int i) {
    return String.format(Locale.ROOT, "user-%04d", i);
  }

  static String admin(int i) {
    return String.format(Locale.ROOT, "adm-%02d", i);
  }

  /** The primary user of a workstation. */
  static String owner(int workstation) {
    return user(workstation % USERS);
  }

  private double logUniform(double lo, double hi) {
    return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  private int poisson(double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1.0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l && k < 1000);
    return k - 1;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private String benignId() {
    return "b-" + sequence++;
  }

  /** Generates the whole stream: benign noise and {@code attackCount} attacks. */
  EvaluationHarness generate(int noisyRules, int attackCount) {
    benignEndpoint(noisyRules);
    benignOther();
    administrators();
    for (int a = 0; a < attackCount; a++) {
      attack(a);
    }
    alerts.sort(Comparator.comparingLong(Alert::time).thenComparing(Alert::id));
    return this;
  }

  private void benignEndpoint(int noisyRules) {
    List<RuleProfile> pool = new ArrayList<>(noisyEndpoint);
    java.util.Collections.shuffle(pool, random);
    for (RuleProfile r : pool.subList(0, Math.min(noisyRules, pool.size()))) {
      int reach = Math.max(1, (int) Math.round((WORKSTATIONS + SERVERS) * logUniform(0.0005, 0.06)));
      double rate = logUniform(0.3, 12);
      for (int k = 0; k < reach; k++) {
        int h = random.nextInt(WORKSTATIONS + SERVERS);
        boolean isServer = h >= WORKSTATIONS;
        String host = isServer ? server(h - WORKSTATIONS) : workstation(h);
        for (int d = 0; d < DAYS; d++) {
          int n = poisson(rate);
          for (int i = 0; i < n; i++) {
            long t = T0 + d * DAY + (long) (random.nextDouble() * DAY);
            Alert.Builder b = Alert.builder(benignId(), r.id(), t).host(host);
            if (!isServer && random.nextDouble() < 0.7) {
              b.user(owner(h));
            }
            alerts.add(b.build());
          }
        }
      }
    }
  }

  private void benignOther() {
    for (Map.Entry<SourceType, List<RuleProfile>> e : noisyOther.entrySet()) {
      List<RuleProfile> pool = new ArrayList<>(e.getValue());
      java.util.Collections.shuffle(pool, random);
      for (RuleProfile r : pool.subList(0, Math.min(4, pool.size()))) {
        int reach = Math.max(1, (int) Math.round(USERS * logUniform(0.001, 0.03)));
        double rate = logUniform(0.1, 3);
        for (int k = 0; k < reach; k++) {
          int u = random.nextInt(USERS);
          for (int d = 0; d < DAYS; d++) {
            int n = poisson(rate);
            for (int i = 0; i < n; i++) {
              long t = T0 + d * DAY + (long) (random.nextDouble() * DAY);
              Alert.Builder b = Alert.builder(benignId(), r.id(), t);
              switch (e.getKey()) {
                case NETWORK:
                  b.host(workstation(u % WORKSTATIONS));
                  break;
                case CLOUD:
                  b.user(user(u)).cloudAccount("acct-" + (u % 7));
                  break;
                default:
                  b.user(user(u));
                  break;
              }
              alerts.add(b.build());
            }
          }
        }
      }
    }
  }

  private void administrators() {
    Set<String> adminTactics = Set.of("lateral-movement", "execution", "discovery", "persistence");
    List<RuleProfile> pool = new ArrayList<>();
    for (RuleProfile r : noisyEndpoint) {
      if (r.tactics().stream().anyMatch(adminTactics::contains)) {
        pool.add(r);
      }
    }
    java.util.Collections.shuffle(pool, random);
    adminRules.addAll(pool.subList(0, Math.min(8, pool.size())));
    List<RuleProfile> identity = noisyOther.getOrDefault(SourceType.IDENTITY, List.of());
    for (int d = 0; d < DAYS; d++) {
      if (d % 7 >= 5) {
        continue;
      }
      for (int a = 0; a < ADMINS; a++) {
        int sessions = 1 + random.nextInt(3);
        for (int s = 0; s < sessions; s++) {
          String host = random.nextDouble() < 0.05 ? dc(random.nextInt(DCS)) : server(random.nextInt(SERVERS));
          long t = T0 + d * DAY + 8 * HOUR + (long) (random.nextDouble() * 9 * HOUR);
          int steps = 1 + random.nextInt(3);
          for (int i = 0; i < steps; i++) {
            RuleProfile r = pick(adminRules);
            Alert.Builder b = Alert.builder(benignId(), r.id(), t + i * 3 * MINUTE).host(host).user(admin(a));
            if (random.nextDouble() < 0.5) {
              b.field("Image", ADMIN_TOOL + "tool" + (i % 3) + ".exe");
            }
            alerts.add(b.build());
          }
          if (!identity.isEmpty() && random.nextDouble() < 0.1) {
            alerts.add(Alert.builder(benignId(), pick(identity).id(), t - 2 * MINUTE).user(admin(a)).build());
          }
        }
      }
    }
  }

  /** The stages an attack may have, in matrix order, with the sources each may come from. */
  private static final Object[][] STAGES = {
      {"initial-access", List.of(SourceType.IDENTITY, SourceType.NETWORK, SourceType.APPLICATION)},
      {"execution", List.of(SourceType.ENDPOINT)},
      {"persistence", List.of(SourceType.ENDPOINT, SourceType.IDENTITY, SourceType.CLOUD)},
      {"privilege-escalation", List.of(SourceType.ENDPOINT)},
      {"defense-evasion", List.of(SourceType.ENDPOINT)},
      {"credential-access", List.of(SourceType.ENDPOINT, SourceType.IDENTITY)},
      {"discovery", List.of(SourceType.ENDPOINT)},
      {"lateral-movement", List.of(SourceType.ENDPOINT, SourceType.NETWORK)},
      {"collection", List.of(SourceType.ENDPOINT)},
      {"command-and-control", List.of(SourceType.NETWORK, SourceType.ENDPOINT)},
      {"exfiltration", List.of(SourceType.NETWORK, SourceType.CLOUD)},
      {"impact", List.of(SourceType.ENDPOINT)},
  };

  @SuppressWarnings("unchecked")
  private void attack(int number) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int k = 3 + random.nextInt(4);
      List<Integer> stages = new ArrayList<>();
      while (stages.size() < k) {
        int s = random.nextInt(STAGES.length);
        if (!stages.contains(s)) {
          stages.add(s);
        }
      }
      stages.sort(null);
      List<RuleProfile> rules = new ArrayList<>();
      List<SourceType> sources = new ArrayList<>();
      boolean ok = true;
      for (int s : stages) {
        Map<SourceType, List<RuleProfile>> bySource = attackPool.getOrDefault((String) STAGES[s][0], Map.of());
        List<SourceType> options = new ArrayList<>();
        for (SourceType st : (List<SourceType>) STAGES[s][1]) {
          if (bySource.containsKey(st)) {
            options.add(st);
          }
        }
        if (options.isEmpty()) {
          ok = false;
          break;
        }
        SourceType st = pick(options);
        sources.add(st);
        rules.add(pick(bySource.get(st)));
      }
      Set<SourceType> distinctSources = EnumSet.noneOf(SourceType.class);
      distinctSources.addAll(sources);
      if (!ok || distinctSources.size() < 2) {
        continue;
      }
      emitAttack(number, stages, rules, sources, distinctSources);
      return;
    }
    throw new IllegalStateException("the catalogue cannot build a multi-source attack");
  }

  private void emitAttack(int number, List<Integer> stages, List<RuleProfile> rules, List<SourceType> sources,
      Set<SourceType> distinctSources) {
    int ws = random.nextInt(WORKSTATIONS);
    String victim = owner(ws);
    String host = workstation(ws);
    String lateral = server(random.nextInt(SERVERS));
    boolean slow = random.nextBoolean();
    long t = T0 + (2 + random.nextInt(DAYS - 8)) * DAY + (long) (random.nextDouble() * DAY);
    long start = t;
    List<String> ids = new ArrayList<>();
    Set<String> tactics = new HashSet<>();
    boolean moved = false;
    for (int i = 0; i < stages.size(); i++) {
      String tactic = (String) STAGES[stages.get(i)][0];
      RuleProfile rule = rules.get(i);
      tactics.add(tactic);
      String id = "atk-" + number + "-" + i;
      Alert.Builder b = Alert.builder(id, rule.id(), t);
      String onHost = moved ? lateral : host;
      switch (sources.get(i)) {
        case IDENTITY:
          b.user(victim);
          break;
        case NETWORK:
          b.host(tactic.equals("lateral-movement") ? lateral : onHost);
          if (tactic.equals("lateral-movement") || tactic.equals("initial-access")) {
            b.user(victim);
          }
          break;
        case CLOUD:
          b.user(victim).cloudAccount("acct-" + (ws % 7));
          break;
        case APPLICATION:
          b.user(victim);
          break;
        default:
          b.host(tactic.equals("lateral-movement") ? lateral : onHost).user(victim);
          break;
      }
      if (tactic.equals("lateral-movement")) {
        moved = true;
      }
      alerts.add(b.build());
      ids.add(id);
      attackOf.put(id, number);
      long gap = slow ? (long) (logUniform(1, 30) * HOUR) : (long) (logUniform(1, 40) * MINUTE);
      t += gap;
    }
    attacks.add(new Attack(number, ids, tactics, distinctSources, start));
  }

  /** The options the evaluation runs with: defaults, plus the environment's stop values and allowlist. */
  static CorrelatorOptions options(CorrelatorOptions base) {
    LinkOptions.Builder link = base.linking().toBuilder();
    for (int i = 0; i < DCS; i++) {
      link.stopValue(EntityKind.HOST, dc(i));
    }
    return base.toBuilder()
        .linking(link.build())
        .chainUpdates(CorrelatorOptions.ChainUpdates.ALL)
        .allow(AllowlistEntry.builder("AL-1 admin tools").field("Image", ADMIN_TOOL + "*").reason("IT toolset")
            .build())
        .build();
  }

  static AssetTable assets() {
    AssetTable.Builder b = AssetTable.builder();
    for (int i = 0; i < SERVERS; i++) {
      b.put(EntityKind.HOST, server(i), AssetCriticality.HIGH);
    }
    for (int i = 0; i < DCS; i++) {
      b.put(EntityKind.HOST, dc(i), AssetCriticality.EXTREME);
    }
    for (int i = 0; i < ADMINS; i++) {
      b.put(EntityKind.USER, admin(i), AssetCriticality.HIGH);
    }
    return b.build();
  }

  /** Runs the stream through a correlator and measures it. Arrival is jittered within the allowed lateness. */
  Figures evaluate(CorrelatorOptions base) {
    CorrelatorOptions options = options(base);
    Map<String, String> parent = new HashMap<>();
    Map<String, Set<Integer>> attacksInChain = new HashMap<>();
    Map<String, Long> decisions = new LinkedHashMap<>();
    Set<String> escalated = new HashSet<>();
    Set<String> falseEscalated = new HashSet<>();
    Map<String, Long> firstEscalation = new HashMap<>();
    Set<String> trueEscalated = new HashSet<>();
    Map<EscalationReason, Integer> reasons = new EnumMap<>(EscalationReason.class);
    Map<EscalationReason, Integer> firstTrue = new EnumMap<>(EscalationReason.class);
    Map<EscalationReason, Integer> firstFalse = new EnumMap<>(EscalationReason.class);
    Map<Integer, Long> detectedAt = new TreeMap<>();
    CorrelationSink sink = event -> {
      if (event instanceof AlertDecision) {
        String kind = event instanceof AlertScored ? "scored"
            : event instanceof AlertSuppressed ? "suppressed"
            : event instanceof AlertAllowlisted ? "allowlisted" : "routed_aside";
        decisions.merge(kind, 1L, Long::sum);
        if (event instanceof AlertSuppressed) {
          decisions.merge("suppressed_" + ((AlertSuppressed) event).reason().id(), 1L, Long::sum);
        }
        if (event instanceof AlertScored && ((AlertScored) event).chainId().isPresent()) {
          AlertScored s = (AlertScored) event;
          Integer attack = attackOf.get(s.alert().id());
          if (attack != null) {
            attacksInChain.computeIfAbsent(find(parent, s.chainId().get()), k -> new HashSet<>()).add(attack);
          }
        }
      } else if (event instanceof ChainUpdated) {
        ChainUpdated u = (ChainUpdated) event;
        String root = find(parent, u.chain().id());
        for (String m : u.merged()) {
          String other = find(parent, m);
          if (!other.equals(root)) {
            parent.put(other, root);
            Set<Integer> moved = attacksInChain.remove(other);
            if (moved != null) {
              attacksInChain.computeIfAbsent(root, k -> new HashSet<>()).addAll(moved);
            }
          }
        }
      } else if (event instanceof ChainEscalated) {
        ChainEscalated e = (ChainEscalated) event;
        reasons.merge(e.reason(), 1, Integer::sum);
        String id = e.chain().id();
        Set<Integer> inside = attacksInChain.getOrDefault(find(parent, id), Set.of());
        if (escalated.add(id)) {
          (inside.isEmpty() ? firstFalse : firstTrue).merge(e.reason(), 1, Integer::sum);
          firstEscalation.put(id, e.time());
        }
        if (inside.isEmpty()) {
          falseEscalated.add(id);
        } else {
          trueEscalated.add(id);
          for (int a : inside) {
            detectedAt.putIfAbsent(a, e.time());
          }
        }
      }
    };
    Correlator correlator = Correlator.builder(catalog).options(options).assets(assets()).sink(sink).build();
    // arrival jitter within the allowed lateness: event order is restored by the lateness buffer
    long lateness = options.allowedLateness().toMillis();
    Random arrival = new Random(7);
    List<long[]> order = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      order.add(new long[] {alerts.get(i).time() + (long) (arrival.nextDouble() * lateness), i});
    }
    order.sort(Comparator.comparingLong((long[] x) -> x[0]).thenComparingLong(x -> x[1]));
    for (long[] o : order) {
      correlator.accept(alerts.get((int) o[1]));
    }
    correlator.flush();
    falseEscalated.removeAll(trueEscalated);
    int afterWarmup = 0;
    for (String id : falseEscalated) {
      if (firstEscalation.get(id) >= T0 + 7 * DAY) {
        afterWarmup++;
      }
    }
    int events = reasons.values().stream().mapToInt(Integer::intValue).sum();
    List<Integer> missed = new ArrayList<>();
    List<Long> delays = new ArrayList<>();
    for (Attack a : attacks) {
      Long at = detectedAt.get(a.number());
      if (at == null) {
        missed.add(a.number());
      } else {
        delays.add((at - a.start()) / MINUTE);
      }
    }
    delays.sort(null);
    long median = delays.isEmpty() ? -1 : delays.get(delays.size() / 2);
    int attackAlerts = attackOf.size();
    return new Figures(alerts.size(), alerts.size() - attackAlerts, attackAlerts, attacks.size(), decisions,
        correlator.report().chainsCreated(), escalated.size(), trueEscalated.size(), falseEscalated.size(),
        afterWarmup, events, reasons,
        firstTrue, firstFalse, attacks.size() - missed.size(), missed, median, correlator.stats());
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (parent.containsKey(root)) {
      root = parent.get(root);
    }
    String node = id;
    while (!node.equals(root)) {
      String next = parent.get(node);
      parent.put(node, root);
      node = next;
    }
    return root;
  }

  /** A small hand-built catalogue across sources and tactics, used when the shared data is absent. */
  static RuleCatalog handBuilt() {
    RuleCatalog.Builder b = RuleCatalog.builder().tactics(Fixtures.matrix());
    Object[][] specs = {
        // id, level, weight, source, technique, tactics...
        {"ia-signin-risk", Level.MEDIUM, 6, "identity", "T1078.004", "initial-access", "persistence"},
        {"ia-proxy-phish", Level.MEDIUM, 6, "network", "T1566.002", "initial-access"},
        {"ia-impossible-travel", Level.HIGH, 7, "identity", "T1078", "initial-access", "persistence"},
        {"ex-ps-encoded", Level.MEDIUM, 5, "endpoint", "T1059.001", "execution"},
        {"ex-ps-download", Level.HIGH, 7, "endpoint", "T1059.001", "execution"},
        {"ex-wmic-exec", Level.MEDIUM, 5, "endpoint", "T1047", "execution"},
        {"ex-script-host", Level.LOW, 3, "endpoint", "T1059.005", "execution"},
        {"pe-schtask", Level.MEDIUM, 6, "endpoint", "T1053.005", "execution", "persistence", "privilege-escalation"},
        {"pe-service-install", Level.MEDIUM, 6, "endpoint", "T1543.003", "persistence", "privilege-escalation"},
        {"pe-new-admin", Level.HIGH, 7, "identity", "T1098", "persistence", "privilege-escalation"},
        {"pe-cloud-key", Level.MEDIUM, 6, "cloud", "T1098.001", "persistence"},
        {"pv-uac-bypass", Level.HIGH, 7, "endpoint", "T1548.002", "privilege-escalation", "defense-evasion"},
        {"de-clear-logs", Level.HIGH, 8, "endpoint", "T1070.001", "defense-evasion"},
        {"de-rundll32", Level.MEDIUM, 5, "endpoint", "T1218.011", "defense-evasion"},
        {"de-masquerade", Level.LOW, 3, "endpoint", "T1036.005", "defense-evasion"},
        {"ca-kerberoast", Level.HIGH, 7, "identity", "T1558.003", "credential-access"},
        {"ca-spray", Level.MEDIUM, 6, "identity", "T1110.003", "credential-access"},
        {"ca-browser-creds", Level.MEDIUM, 6, "endpoint", "T1555.003", "credential-access"},
        {"ca-lsass-dump", Level.HIGH, 9, "endpoint", "T1003.001", "credential-access"},
        {"di-whoami", Level.LOW, 2, "endpoint", "T1033", "discovery"},
        {"di-net-group", Level.LOW, 3, "endpoint", "T1069.002", "discovery"},
        {"di-adfind", Level.MEDIUM, 5, "endpoint", "T1087.002", "discovery"},
        {"di-sysinfo", Level.INFORMATIONAL, 1, "endpoint", "T1082", "discovery"},
        {"lm-psexec", Level.MEDIUM, 6, "endpoint", "T1021.002", "lateral-movement"},
        {"lm-rdp", Level.LOW, 4, "endpoint", "T1021.001", "lateral-movement"},
        {"lm-smb-admin-share", Level.MEDIUM, 6, "network", "T1021.002", "lateral-movement"},
        {"lm-winrm", Level.MEDIUM, 6, "endpoint", "T1021.006", "lateral-movement"},
        {"co-archive", Level.MEDIUM, 5, "endpoint", "T1560.001", "collection"},
        {"co-clipboard", Level.LOW, 3, "endpoint", "T1115", "collection"},
        {"c2-beacon", Level.HIGH, 8, "network", "T1071.001", "command-and-control"},
        {"c2-tool-transfer", Level.MEDIUM, 6, "endpoint", "T1105", "command-and-control"},
        {"c2-dns-tunnel", Level.MEDIUM, 6, "network", "T1071.004", "command-and-control"},
        {"ex-exfil-web", Level.HIGH, 8, "network", "T1567.002", "exfiltration"},
        {"ex-exfil-s3", Level.HIGH, 8, "cloud", "T1537", "exfiltration"},
        {"im-vss-delete", Level.CRITICAL, 10, "endpoint", "T1490", "impact"},
        {"im-encrypt", Level.CRITICAL, 10, "endpoint", "T1486", "impact"},
        {"pe-runkey", Level.MEDIUM, 7, "endpoint", "T1547.001", "persistence", "privilege-escalation"},
        {"ia-mfa-fatigue", Level.MEDIUM, 5, "identity", "T1621", "credential-access"},
        {"ia-new-country", Level.LOW, 3, "identity", "T1078", "initial-access"},
        {"c2-proxy-rare-ua", Level.LOW, 3, "network", "T1071.001", "command-and-control"},
        {"cl-console-login", Level.LOW, 3, "cloud", "T1078.004", "initial-access"},
    };
    for (Object[] s : specs) {
      String[] tactics = new String[s.length - 5];
      for (int i = 5; i < s.length; i++) {
        tactics[i - 5] = (String) s[i];
      }
      b.add(Fixtures.rule((String) s[0], (Level) s[1], (Integer) s[2], (String) s[3], (String) s[4], tactics));
    }
    return b.build();
  }

  /** Default options as the evaluation reports them. */
  static CorrelatorOptions defaults() {
    return CorrelatorOptions.DEFAULT.toBuilder().allowedLateness(Duration.ofMinutes(5)).build();
  }
}
