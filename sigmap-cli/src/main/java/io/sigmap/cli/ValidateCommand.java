package io.sigmap.cli;

import io.sigmap.core.BatchResult;
import io.sigmap.core.RuleEnricher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigmap validate PATH...}: the gate. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Check Sigma rules against ATT&CK: the gate for a rule repository.",
        "",
        "Every attack.* tag is checked against the ATT&CK data; a rule is validated when a technique maps and its"
            + " status allows production, quarantined otherwise. Files are named as PATH was given"
            + " (rules/windows/x.yml), so that locations open from the working directory.",
        "",
        "Formats: text (quiet on success: one summary line; on failure one line per finding that reaches"
            + " --fail-on, path:line, then a summary), json ({\"results\": [...], \"summary\": {...}}, results in"
            + " the enrichment contract), jsonl (one result per line, then a {\"summary\": ...} line), sarif"
            + " (SARIF 2.1.0 for GitHub code scanning: one rule per finding code, one result per finding)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing reaches the --fail-on level", "1:a rule reaches the --fail-on level",
        "2:usage error, a PATH that does not exist, or ATT&CK data missing or unusable", ExitCodes.HELP_IO,
        ExitCodes.HELP_INTERNAL})
final class ValidateCommand extends CommandBase {

  enum Format { text, json, jsonl, sarif }

  @Mixin
  AttackOptions attack;

  @Mixin
  PolicyOptions policy;

  @Mixin
  RuleSettings settings;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "quarantine", description = FailOn.HELP)
  FailOn failOn;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, jsonl or sarif (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--source-root", paramLabel = "DIR",
      description = "SARIF locations are relative to DIR (default: the working directory, as GitHub expects when"
          + " the job runs at the repository's root).")
  Path sourceRoot;

  @Mixin
  OutputOptions output;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Rule files (.yml, .yaml) or folders, read recursively.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    Rules.requireExisting(paths);
    LoadedAttack loaded = attack.load(cache());
    PolicyOptions.Selected selected = policy.resolve(Optional.of(loaded.index()));
    RuleEnricher enricher = RuleEnricher.builder(loaded.index()).policy(selected.policy())
        .options(settings.options()).build();
    BatchResult batch = Rules.asGiven(enricher, paths);
    GateReport report = new GateReport(batch, failOn, Rules.attackVersions(loaded.index()), selected.policy().id(),
        settings.strict);
    try (Output out = output.open(env())) {
      switch (format) {
        case json -> report.json(out.writer());
        case jsonl -> report.jsonLines(out.writer());
        case sarif -> {
          Path cwd = Path.of("").toAbsolutePath();
          Path root = sourceRoot == null ? cwd : cwd.resolve(sourceRoot).normalize();
          Sarif.write(report, cwd, root, out.writer());
        }
        default -> report.text(out.writer());
      }
      out.commit();
    }
    return report.exitCode();
  }
}
