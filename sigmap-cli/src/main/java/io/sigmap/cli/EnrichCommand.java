package io.sigmap.cli;

import io.sigmap.core.BatchResult;
import io.sigmap.core.EnrichmentWriter;
import io.sigmap.core.RuleEnricher;
import io.sigmap.core.RuleFeedback;
import io.sigmap.correlate.CorrelationException;
import io.sigmap.correlate.FeedbackLedger;
import io.sigmap.correlate.InputIssue;
import io.sigmap.correlate.RuleAdjustment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigmap enrich --out DIR PATH...}: writes the enriched rules. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Write Sigma rules enriched with their ATT&CK mapping, weight and confidence.",
        "",
        "Every rule is written, validated or not (its status is in the output): --format json writes one"
            + " <rule>_enriched.json per rule document; jsonl writes all of them to DIR/" + EnrichCommand.JSONL_FILE
            + "; sigma writes each rule file with an enrichment block appended to each rule, comments and layout"
            + " kept, for Sigma converters. Files mirror the tree under a single folder PATH (rules/windows/x.yml"
            + " becomes DIR/windows/x_enriched.json); with several PATHs, each keeps its name as given"
            + " (DIR/rules/windows/...). Nothing is written outside DIR; each file appears complete or not at"
            + " all.",
        "",
        "Then the same report as 'sigmap validate' goes to stdout, and the same gate sets the exit code.",
        "",
        "--feedback FILE reads an analyst verdict ledger (JSON Lines, as sigmap-correlate's FeedbackLedger"
            + " writes it). A rule with at least 10 verdicts in the 30 days before --now whose false-positive"
            + " ratio ((FP + BTP/2) / n) reaches 0.2 gets its correlation_weight multiplied by 1 - ratio (at least"
            + " 0.1); from 0.8 on it is also quarantined. Fewer verdicts or a lower ratio change nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written; nothing reaches the --fail-on level",
        "1:written; a rule reaches the --fail-on level",
        "2:usage error, a PATH or --feedback file that does not exist, --out is a file, or ATT&CK data missing"
            + " or unusable",
        "3:I/O error: DIR or a file under it cannot be written", ExitCodes.HELP_INTERNAL})
final class EnrichCommand extends CommandBase {

  /** The file {@code --format jsonl} writes under DIR. */
  static final String JSONL_FILE = "enriched.jsonl";

  enum Format { json, jsonl, sigma }

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The folder to write to; created if needed. Nothing is written outside it.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json, jsonl or sigma (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  AttackOptions attack;

  @Mixin
  PolicyOptions policy;

  @Mixin
  RuleSettings settings;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "quarantine", description = FailOn.HELP)
  FailOn failOn;

  @Option(names = "--feedback", paramLabel = "FILE",
      description = "An analyst verdict ledger (JSON Lines) that lowers weights and quarantines noisy rules.")
  Path feedback;

  @Option(names = "--now", paramLabel = "INSTANT", converter = Converters.When.class,
      description = "The end of the feedback window, ISO-8601 (default: now); for reproducible runs.")
  Instant now;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Rule files (.yml, .yaml) or folders, read recursively.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    Rules.requireExisting(paths);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw CliException.usage(String.format(Locale.ROOT, "--out %s is a file; name a folder", out));
    }
    Map<String, RuleFeedback> verdicts = feedback == null ? Map.of() : feedback(feedback);
    LoadedAttack loaded = attack.load(cache());
    PolicyOptions.Selected selected = policy.resolve(Optional.of(loaded.index()));
    RuleEnricher enricher = RuleEnricher.builder(loaded.index()).policy(selected.policy())
        .options(settings.options()).feedback(verdicts).build();
    BatchResult batch = Rules.asLibrary(enricher, paths);
    int written = write(batch);
    GateReport report = new GateReport(batch, failOn, Rules.attackVersions(loaded.index()), selected.policy().id(),
        settings.strict);
    PrintWriter stdout = env().out();
    stdout.println(String.format(Locale.ROOT, "wrote %d %s under %s", written, written == 1 ? "file" : "files",
        out));
    report.text(stdout);
    stdout.flush();
    return report.exitCode();
  }

  private int write(BatchResult batch) {
    try {
      Files.createDirectories(out);
    } catch (IOException | UncheckedIOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot create the folder %s: %s", out,
          e instanceof IOException io ? Output.reason(io) : e.getMessage()), e,
          "check that --out names a folder that can be created and written");
    }
    try {
      return switch (format) {
        case jsonl -> {
          EnrichmentWriter.writeJsonLinesFile(batch.results(), out.resolve(JSONL_FILE));
          yield 1;
        }
        case sigma -> EnrichmentWriter.writeSigmaFiles(batch, out).size();
        default -> EnrichmentWriter.writeJsonFiles(batch.results(), out).size();
      };
    } catch (UncheckedIOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot write under %s: %s", out, e.getMessage()), e,
          "check that the folder is writable and the file system has room");
    }
  }

  /** The ledger's adjustments that change something, by rule id, as the enricher takes them. */
  private Map<String, RuleFeedback> feedback(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(String.format(Locale.ROOT, "--feedback %s: no such file", file),
          "name the verdict ledger, a JSON Lines file with one analyst verdict per line");
    }
    Instant end = now != null ? now : env().clock().instant();
    Map<String, RuleFeedback> map = new TreeMap<>();
    try (FeedbackLedger ledger = FeedbackLedger.open(file)) {
      for (InputIssue issue : ledger.issues()) {
        env().err().println("sigmap: warning: " + issue);
      }
      long days = ledger.options().window().toDays();
      for (RuleAdjustment a : ledger.adjustments(end.toEpochMilli()).values()) {
        toFeedback(a, days).ifPresent(f -> map.put(a.ruleId(), f));
      }
    } catch (CorrelationException e) {
      throw CliException.io("cannot read the feedback ledger " + file + ": " + e.getMessage(), e);
    }
    return map;
  }

  /** What an adjustment says, when it changes something: a lowered weight, or quarantine. */
  static Optional<RuleFeedback> toFeedback(RuleAdjustment a, long windowDays) {
    boolean quarantine = a.recommendation() == RuleAdjustment.Recommendation.QUARANTINE;
    if (!quarantine && a.recommendation() != RuleAdjustment.Recommendation.LOWER_WEIGHT) {
      return Optional.empty();
    }
    String reason = String.format(Locale.ROOT, "false-positive ratio %.2f over %d days (%d verdicts: %d false "
            + "positive, %d benign true positive, %d true positive)", a.falsePositiveRatio(), windowDays,
        a.sampleSize(), a.falsePositives(), a.benignTruePositives(), a.truePositives());
    return Optional.of(new RuleFeedback(a.weightMultiplier(), quarantine, reason));
  }
}
