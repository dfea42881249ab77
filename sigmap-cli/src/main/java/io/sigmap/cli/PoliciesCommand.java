package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmap.weights.TacticWeightPolicies;
import io.sigmap.weights.TacticWeightPolicyException;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sigmap policies}: the tactic weight policies available, with the one used by default. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "List the tactic weight policies.",
        "",
        "The built-in ones, those found on the class path (policy jars, for example through SIGMAP_CLASSPATH with"
            + " bin/sigmap) and a --policy table file, each with its description and origin. The policy marked"
            + " 'default' is the one used: --policy, else baseline."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_SUCCESS, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO, ExitCodes.HELP_INTERNAL})
final class PoliciesCommand extends CommandBase {

  enum Format { text, json }

  @Mixin
  PolicyOptions policy;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    PolicyOptions.Selected selected = policy.resolve(Optional.empty());
    try (Output out = output.open(env())) {
      if (format == Format.json) {
        json(selected, out.writer());
      } else {
        text(selected, out.writer());
      }
      out.commit();
    }
    return ExitCodes.OK;
  }

  private static void text(PolicyOptions.Selected selected, PrintWriter out) {
    TacticWeightPolicies registry = selected.registry();
    for (TacticWeightPolicy p : registry.policies()) {
      boolean chosen = p.id().equals(selected.policy().id());
      out.println(p.id() + (chosen ? " (default)" : ""));
      out.println("    " + p.description());
      out.println("    " + registry.origin(p.id()));
    }
    for (TacticWeightPolicyException skipped : registry.skippedProviders()) {
      out.println("skipped: " + skipped.getMessage());
    }
  }

  private static void json(PolicyOptions.Selected selected, PrintWriter out) {
    TacticWeightPolicies registry = selected.registry();
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeStringField("default", selected.policy().id());
      g.writeArrayFieldStart("policies");
      for (TacticWeightPolicy p : registry.policies()) {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("description", p.description());
        g.writeStringField("origin", registry.origin(p.id()));
        g.writeBooleanField("default", p.id().equals(selected.policy().id()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("skipped");
      for (TacticWeightPolicyException skipped : registry.skippedProviders()) {
        g.writeString(skipped.getMessage());
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the policy list: " + e.getMessage(), e);
    }
    out.println();
  }
}
