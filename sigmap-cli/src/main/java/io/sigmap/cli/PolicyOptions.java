package io.sigmap.cli;

import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.LoadedTablePolicy;
import io.sigmap.weights.TablePolicyLoader;
import io.sigmap.weights.TacticWeightPolicies;
import io.sigmap.weights.TacticWeightPolicyException;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --policy ID|FILE}: the tactic weight policy. An id selects a built-in or discovered policy; a
 * {@code .yml}, {@code .yaml} or {@code .json} file (or any existing file) is loaded as a table policy. Without
 * the option the CLI uses {@code baseline}, so that its output does not change when a policy jar appears on the
 * class path.
 */
final class PolicyOptions {

  /** The policy used without {@code --policy}. */
  static final String DEFAULT_POLICY = "baseline";

  @Option(names = "--policy", paramLabel = "ID|FILE",
      description = "The tactic weight policy: an id (see 'sigmap policies'; default: baseline) or a YAML/JSON "
          + "table file.")
  String policy;

  /**
   * The registry with the chosen policy selected.
   *
   * @param index the ATT&amp;CK data that a table's tactic names are checked against, when loaded
   */
  Selected resolve(Optional<TechniqueIndex> index) {
    TacticWeightPolicies.Builder b = TacticWeightPolicies.builder();
    index.ifPresent(b::index);
    String id = policy == null ? DEFAULT_POLICY : policy;
    Optional<Path> table = policy == null ? Optional.empty() : tableFile(policy);
    if (table.isPresent()) {
      TablePolicyLoader.Builder loader = TablePolicyLoader.builder();
      index.ifPresent(loader::index);
      LoadedTablePolicy loaded;
      try {
        loaded = loader.build().load(table.get());
      } catch (TacticWeightPolicyException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage(), List.of(
            "see the table format in the TablePolicyLoader documentation, or pass a policy id (sigmap policies)"),
            e);
      }
      b.register(loaded.policy());
      id = loaded.policy().id();
    }
    b.select(id);
    try {
      TacticWeightPolicies registry = b.build();
      return new Selected(registry, registry.defaultPolicy(), table);
    } catch (TacticWeightPolicyException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(),
          List.of("'sigmap policies' lists the policy ids; a table file must end with .yml, .yaml or .json"), e);
    }
  }

  private static Optional<Path> tableFile(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    boolean named = lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json")
        || value.contains("/") || value.contains("\\");
    try {
      Path p = Path.of(value);
      if (named || Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    } catch (InvalidPathException e) {
      // not a path: an id
    }
    return Optional.empty();
  }

  /**
   * The policies and the one chosen.
   *
   * @param registry every available policy
   * @param policy the chosen policy, checked and bound
   * @param table the table file it was loaded from, when it is a table
   */
  record Selected(TacticWeightPolicies registry, TacticWeightPolicy policy, Optional<Path> table) {}
}
