package io.sigmap.cli;

import io.sigmap.core.BatchResult;
import io.sigmap.core.RuleEnricher;
import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.core.sigma.SigmaRuleException;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.TechniqueIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading the rules a command is given. Paths are checked before anything is read: a PATH that does not exist is
 * a usage error; a file that exists but cannot be read as a rule is an unreadable result.
 *
 * <p>Results are named in one of two ways. {@link #asGiven} names each file after the PATH as it was typed
 * ({@code rules/windows/x.yml} for PATH {@code rules}), so that messages and SARIF locations open from the
 * working directory; {@link RuleEnricher#enrichPaths(List)} (used by {@code enrich}) names them relative to a
 * single folder PATH, so that output mirrors the folder's tree.
 */
final class Rules {

  private Rules() {}

  /** Each path must exist. */
  static void requireExisting(List<Path> paths) {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw CliException.usage(String.format(Locale.ROOT, "%s: no such file or folder", p),
            "pass Sigma rule files (.yml, .yaml) or folders that hold them; folders are read recursively");
      }
    }
  }

  /** The name a path's results carry: the path as typed, with {@code /}, without {@code ./} or a final {@code /}. */
  static String name(Path p) {
    String s = p.toString().replace('\\', '/');
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals(".") ? "" : s;
  }

  /** Reads the paths, naming results after the paths as given, and enriches them as one batch. */
  static BatchResult asGiven(RuleEnricher enricher, List<Path> paths) {
    requireExisting(paths);
    SigmaReader reader = SigmaReader.create(enricher.options().readOptions().toBuilder()
        .parallelism(enricher.options().threads()).build());
    List<SigmaFile> files = new ArrayList<>();
    try {
      for (Path p : paths) {
        files.addAll(reader.read(p, name(p)));
      }
    } catch (SigmaRuleException e) {
      throw CliException.io("cannot read the rules: " + e.getMessage(), e, "check the folder's permissions");
    }
    return enricher.enrichFiles(files);
  }

  /** Reads and enriches the paths as {@link RuleEnricher#enrichPaths(List)} does. */
  static BatchResult asLibrary(RuleEnricher enricher, List<Path> paths) {
    requireExisting(paths);
    try {
      return enricher.enrichPaths(paths);
    } catch (SigmaRuleException e) {
      throw CliException.io("cannot read the rules: " + e.getMessage(), e, "check the folder's permissions");
    }
  }

  /** The version of each loaded domain, by short domain id, in domain order. */
  static Map<String, String> attackVersions(TechniqueIndex index) {
    Map<String, String> map = new LinkedHashMap<>();
    for (AttackDomain d : index.domains()) {
      map.put(d.shortId(), index.attackVersion(d).orElse("unknown"));
    }
    return map;
  }

  /** The ATT&amp;CK data in a few words: {@code enterprise 18.1}, {@code enterprise 18.1, mobile 18.1}. */
  static String attackLabel(TechniqueIndex index) {
    StringBuilder sb = new StringBuilder();
    for (AttackDomain d : index.domains()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(d.shortId()).append(' ')
          .append(index.attackVersion(d).orElse("unknown"));
    }
    return sb.length() == 0 ? "no domain" : sb.toString();
  }
}
