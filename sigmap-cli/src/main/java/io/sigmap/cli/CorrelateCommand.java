package io.sigmap.cli;

import io.sigmap.correlate.AssetTable;
import io.sigmap.correlate.CorrelationException;
import io.sigmap.correlate.CorrelationInputException;
import io.sigmap.correlate.CorrelationJson;
import io.sigmap.correlate.Correlator;
import io.sigmap.correlate.CorrelatorOptions;
import io.sigmap.correlate.EscalationOptions;
import io.sigmap.correlate.FeedbackLedger;
import io.sigmap.correlate.InputIssue;
import io.sigmap.correlate.ReplaySummary;
import io.sigmap.correlate.RuleCatalog;
import io.sigmap.correlate.RuleProfile;
import io.sigmap.stix.AttackDomain;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sigmap correlate --rules ENRICHED --alerts FILE}: replays an alert file through the alert-time runtime
 * and writes the decision stream and a summary.
 */
@Command(
    name = "correlate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Replay alerts: score, suppress and link them into attack chains.",
        "",
        "Reads the enriched rules 'sigmap enrich' wrote (--rules: a folder of *_enriched.json files, or its"
            + " enriched.jsonl) and alerts as JSON Lines, one alert a line, in any order within --lateness of each"
            + " other. Writes JSON Lines to stdout or --output: exactly one decision per alert (alert_scored,"
            + " alert_suppressed, alert_allowlisted or alert_routed_aside), chain_updated, chain_escalated and"
            + " feedback_recommendation events as they happen, and, as the last line, the summary"
            + " (\"event\": \"summary\": lines read, alerts, rejected lines, counters, the report by tactic) unless"
            + " --summary writes it to a file. 'jq -c \"select(.event == \\\"chain_escalated\\\")\"' picks the"
            + " incidents.",
        "",
        "A line that is not a valid alert is reported on stderr with its file and line, counted in the summary"
            + " ('rejected') and skipped; it does not fail the run. So are rule files that cannot be read.",
        "",
        "Tactic order, for kill-chain progression: --attack, else the newest cached Enterprise bundle when the"
            + " cache has one, else the order the rules' mitre_tactics imply. Nothing needs to be cached."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success",
        "1:with --fail-on-escalation: a chain escalated",
        "2:usage error: a --rules path that does not exist or holds no enriched rule, an --alerts, --assets or"
            + " --feedback file that does not exist, an invalid asset file, or unusable --attack data",
        "3:I/O error: the alerts cannot be read to their end, or an output file cannot be written",
        ExitCodes.HELP_INTERNAL},
    footerHeading = "%nAlert lines:%n",
    footer = {
        "  {\"id\":\"a-1\",\"rule_id\":\"5b3c...\",\"time\":\"2026-01-05T10:15:00Z\",\"source\":\"endpoint\",",
        "   \"entities\":{\"host\":\"ws-0042\",\"user\":\"alice\",\"ip\":[\"10.0.0.5\"]},"
            + "\"fields\":{\"Image\":\"...\"}}",
        "  id (or alert_id), rule_id (the rule's id, or path#document for a rule without one) and time",
        "  (or @timestamp: ISO-8601 or epoch milliseconds) are required; source (endpoint, network,",
        "  identity, cloud, application), entities (host, user, ip, cloud_account) and fields (for",
        "  allowlists) are optional.",
        "",
        "Asset file (--assets), JSON Lines:",
        "  {\"kind\":\"host\",\"value\":\"dc01\",\"criticality\":\"extreme\"}",
        "Verdict ledger (--feedback), JSON Lines:",
        "  {\"time\":\"2026-01-05T11:00:00Z\",\"verdict\":\"false_positive\",\"alert_id\":\"a-1\","
            + "\"rule_id\":\"5b3c...\"}"})
final class CorrelateCommand extends CommandBase {

  /** The name alerts read from standard input are reported under. */
  static final String STDIN = "stdin";

  @Option(names = "--rules", paramLabel = "ENRICHED", required = true,
      description = "The enriched rules: a folder of *_enriched.json files (searched recursively) or a .jsonl file,"
          + " as 'sigmap enrich --format json|jsonl' writes them.")
  Path rules;

  @Option(names = "--alerts", paramLabel = "FILE", required = true,
      description = "The alerts, JSON Lines (see below); - reads standard input.")
  String alerts;

  @Option(names = "--assets", paramLabel = "FILE",
      description = "Asset criticality, JSON Lines; entities not listed are medium.")
  Path assets;

  @Option(names = "--feedback", paramLabel = "FILE",
      description = "An analyst verdict ledger, JSON Lines: rules with many false positives weigh less.")
  Path feedback;

  @Mixin
  AttackOptions attack;

  @Mixin
  OutputOptions output;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Write the summary (one JSON object) to FILE instead of as the last line of the output.")
  Path summary;

  @Option(names = "--lateness", paramLabel = "DURATION", converter = Lateness.class,
      description = "How late an alert may arrive after newer ones and still be decided in event-time order: 0,"
          + " 30s, 5m, 1h (default: 5m).")
  Duration lateness;

  @Option(names = "--risk-threshold", paramLabel = "N",
      description = "Escalate a chain whose risk sum over 24 hours exceeds N (default: 100).")
  Double riskThreshold;

  @Option(names = "--min-tactics", paramLabel = "N",
      description = "Escalate a chain with N tactics (and 4 rules) within 7 days (default: 3).")
  Integer minTactics;

  @Option(names = "--min-sources", paramLabel = "N",
      description = "The source types (endpoint, network, identity, cloud, application) every escalation but a"
          + " high-fidelity rule needs (default: 2).")
  Integer minSources;

  @Option(names = "--kill-chain", paramLabel = "N",
      description = "Also escalate a chain whose alerts advance through N tactics in matrix order (default: 0,"
          + " off).")
  Integer killChain;

  @Option(names = "--chain-updates", paramLabel = "MODE",
      description = "Which chain changes to emit: correlated (default: chains of two or more rules, and escalated"
          + " ones), all, none. Escalations are always emitted.")
  CorrelatorOptions.ChainUpdates chainUpdates;

  @Option(names = "--fail-on-escalation",
      description = "Exit 1 when a chain escalated: for replays in CI.")
  boolean failOnEscalation;

  /** {@code --lateness}: {@code 0} or a duration as {@link Converters.Time} reads it. */
  static final class Lateness implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return value.strip().matches("0+\\s*(ms|s|m|h)?") ? Duration.ZERO : new Converters.Time().convert(value);
    }
  }

  @Override
  public Integer call() {
    Path summaryFile = summary;
    if (summaryFile != null && output.file != null
        && summaryFile.toAbsolutePath().normalize().equals(output.file.toAbsolutePath().normalize())) {
      throw CliException.usage("--summary and --output name the same file " + summaryFile,
          "name two files, or leave --summary out to get the summary as the output's last line");
    }
    CorrelatorOptions options = options();
    Path alertFile = alerts.equals("-") ? null : Path.of(alerts);
    if (alertFile != null) {
      requireFile(alertFile, "--alerts", "the alerts are a JSON Lines file; - reads standard input");
    }
    RuleCatalog catalog = catalog();
    Correlator.Builder b = Correlator.builder(catalog).options(options);
    if (assets != null) {
      b.assets(assetTable(assets));
    }
    FeedbackLedger ledger = null;
    if (feedback != null) {
      ledger = ledger(feedback);
      b.feedback(ledger);
    }
    PrintWriter err = env().err();
    ReplaySummary result;
    try (Output out = output.open(env())) {
      PrintWriter w = out.writer();
      Correlator correlator = b.sink(CorrelationJson.jsonLines(w)).build();
      result = replay(correlator, alertFile);
      if (summaryFile == null) {
        w.write(CorrelationJson.toJson(result));
        w.write('\n');
      }
      out.commit();
    } finally {
      if (ledger != null) {
        ledger.close();
      }
    }
    if (summaryFile != null) {
      try (Output out = Output.open(summaryFile, env())) {
        out.writer().write(CorrelationJson.toJson(result));
        out.writer().write('\n');
        out.commit();
      }
    }
    for (InputIssue i : result.issues()) {
      err.println("sigmap: warning: " + i);
    }
    if (result.rejected() > result.issues().size()) {
      err.println(String.format(Locale.ROOT, "sigmap: warning: %d more lines of %s skipped (the summary counts"
          + " them as rejected)", result.rejected() - result.issues().size(), result.source()));
    }
    long escalations = result.report().escalationsTotal();
    Logger log = log();
    if (log.isInfoEnabled()) {
      log.info(String.format(Locale.ROOT, "%d alerts from %d lines (%d rejected): %d scored, %d suppressed, %d"
          + " allowlisted, %d routed aside; %d chains, %d escalations", result.alerts(), result.lines(),
          result.rejected(), result.report().scored(), result.report().suppressedTotal(),
          result.report().allowlisted(), result.report().routedAsideTotal(), result.report().chainsCreated(),
          escalations));
    }
    err.flush();
    return failOnEscalation && escalations > 0 ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }

  /** The options from the flags; the library checks the ranges. */
  private CorrelatorOptions options() {
    try {
      CorrelatorOptions.Builder o = CorrelatorOptions.DEFAULT.toBuilder();
      if (lateness != null) {
        o.allowedLateness(lateness);
      }
      if (chainUpdates != null) {
        o.chainUpdates(chainUpdates);
      }
      EscalationOptions.Builder e = CorrelatorOptions.DEFAULT.escalation().toBuilder();
      if (riskThreshold != null) {
        e.riskThreshold(riskThreshold);
      }
      if (minTactics != null) {
        e.breadthMinTactics(minTactics);
      }
      if (minSources != null) {
        e.riskMinSources(minSources).breadthMinSources(minSources).progressionMinSources(minSources);
      }
      if (killChain != null) {
        e.progressionMinTactics(killChain);
      }
      return o.escalation(e.build()).build();
    } catch (IllegalArgumentException ex) {
      throw CliException.usage(ex.getMessage(), "see 'sigmap correlate --help' for the ranges");
    }
  }

  /** The catalogue, ordered by --attack, else by the cached Enterprise bundle, else by the rules. */
  private RuleCatalog catalog() {
    if (!Files.exists(rules)) {
      throw CliException.usage(String.format(Locale.ROOT, "--rules %s: no such file or folder", rules),
          "point --rules at what 'sigmap enrich --out DIR' wrote: DIR, or DIR/" + EnrichCommand.JSONL_FILE);
    }
    RuleCatalog.Builder b = RuleCatalog.builder();
    if (!attack.sources.isEmpty()) {
      b.tactics(attack.load(cache()).index());
    } else {
      AttackCache cache = cache();
      if (cache.newest(AttackDomain.ENTERPRISE).isPresent()) {
        try {
          b.tactics(AttackSources.load(List.of(), cache).index());
        } catch (CliException e) {
          env().err().println("sigmap: warning: " + e.getMessage() + "; tactics ordered by the rules instead");
        }
      }
    }
    RuleCatalog catalog;
    try {
      catalog = b.read(rules).build();
    } catch (CorrelationInputException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read the enriched rules: " + e.getMessage(),
          List.of("point --rules at what 'sigmap enrich --out DIR' wrote"), e);
    }
    PrintWriter err = env().err();
    boolean folder = Files.isDirectory(rules);
    for (InputIssue i : catalog.issues()) {
      // the reader names files relative to the folder it read, or by their name
      String where = i.source().equals("catalogue") ? "" : (folder ? rules.resolve(i.source()) : rules)
          + (i.line() > 0 ? ":" + i.line() : "") + ": ";
      err.println("sigmap: warning: " + where + i.message());
    }
    if (catalog.size() == 0) {
      throw CliException.usage(String.format(Locale.ROOT, "--rules %s holds no enriched rule", rules),
          "write them with 'sigmap enrich --out DIR --format json RULES...' (or jsonl) and pass --rules DIR");
    }
    if (catalog.rules().stream().noneMatch(RuleProfile::mapped)) {
      err.println(String.format(Locale.ROOT, "sigmap: warning: none of the %d rules in %s is validated and mapped;"
          + " every alert will be routed aside", catalog.size(), rules));
    }
    log().info("{}", catalog);
    return catalog;
  }

  /**
   * The logger, made when the command runs: picocli instantiates every command to parse a command line, and a
   * logger made then would fix slf4j-simple's level before {@code -v} sets it ({@link Logging}).
   */
  private static Logger log() {
    return LoggerFactory.getLogger(CorrelateCommand.class);
  }

  private static void requireFile(Path file, String option, String hint) {
    if (!Files.exists(file)) {
      throw CliException.usage(String.format(Locale.ROOT, "%s %s: no such file", option, file), hint);
    }
    if (Files.isDirectory(file)) {
      throw CliException.usage(String.format(Locale.ROOT, "%s %s is a folder; name a file", option, file), hint);
    }
  }

  private static AssetTable assetTable(Path file) {
    requireFile(file, "--assets", "an asset file is JSON Lines: {\"kind\":\"host\",\"value\":\"dc01\","
        + "\"criticality\":\"extreme\"}");
    try {
      return AssetTable.read(file);
    } catch (CorrelationInputException e) {
      throw new CliException(ExitCodes.USAGE, "invalid asset file: " + e.getMessage(),
          List.of("each line is {\"kind\":\"host|user|ip|cloud_account\",\"value\":\"...\",\"criticality\":"
              + "\"low|medium|high|extreme\"}"), e);
    }
  }

  private FeedbackLedger ledger(Path file) {
    requireFile(file, "--feedback", "the verdict ledger is the JSON Lines file analysts' verdicts are appended to");
    FeedbackLedger ledger;
    try {
      ledger = FeedbackLedger.open(file);
    } catch (CorrelationInputException e) {
      throw new CliException(ExitCodes.IO_ERROR, "cannot read the verdict ledger: " + e.getMessage(), List.of(),
          e);
    }
    for (InputIssue i : ledger.issues()) {
      env().err().println("sigmap: warning: " + i);
    }
    return ledger;
  }

  /** Replays a file, or standard input; bytes that are not UTF-8 become U+FFFD, so such a line is rejected. */
  private static ReplaySummary replay(Correlator correlator, Path file) {
    String name = file == null ? STDIN : file.toString();
    try (InputStream in = file == null ? new NonClosing(System.in) : Files.newInputStream(file);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return correlator.replay(r, name);
    } catch (IOException | CorrelationInputException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot read the alerts %s: %s", name,
          e instanceof IOException io ? Output.reason(io) : e.getMessage()), e);
    } catch (CorrelationException e) {
      throw CliException.io("cannot write the decisions: " + e.getMessage(), e);
    }
  }

  /** Standard input, left open for whoever owns it. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // System.in belongs to the process
    }
  }
}
