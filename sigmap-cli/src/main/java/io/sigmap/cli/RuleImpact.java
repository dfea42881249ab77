package io.sigmap.cli;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReadOptions;
import io.sigmap.core.sigma.SigmaReader;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.core.sigma.SigmaRuleException;
import io.sigmap.core.sigma.SigmaTag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code attack diff --rules PATH}: the rules whose technique tags an ATT&amp;CK upgrade affects. A rule is
 * affected by each change ({@link AttackDiff.Change}) of each technique it tags: removed, revoked, deprecated,
 * renamed, moved to other tactics or platforms.
 *
 * @param read the rule documents read
 * @param unreadable the documents that could not be read
 * @param byChange the affected tags per change, in change order, each list in rule order
 */
record RuleImpact(int read, int unreadable, Map<AttackDiff.Change, List<Tagged>> byChange) {

  /**
   * One tag of one rule that a change affects.
   *
   * @param path the rule's file, named as PATH was given
   * @param line the tag's line
   * @param title the rule's title
   * @param ruleId the rule's id, when it has one
   * @param tag the tag as written
   * @param technique the technique id it names, upper case
   */
  record Tagged(String path, int line, String title, Optional<String> ruleId, String tag, String technique) {}

  RuleImpact {
    Map<AttackDiff.Change, List<Tagged>> copy = new EnumMap<>(AttackDiff.Change.class);
    byChange.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byChange = Collections.unmodifiableMap(copy);
  }

  /** The number of distinct rules affected by any change. */
  int affectedRules() {
    Set<String> rules = new HashSet<>();
    byChange.values().forEach(list -> list.forEach(t -> rules.add(t.path() + '\n' + t.title())));
    return rules.size();
  }

  static RuleImpact of(AttackDiff diff, List<Path> paths, int threads) {
    Rules.requireExisting(paths);
    SigmaReader reader = SigmaReader.create(SigmaReadOptions.DEFAULT.toBuilder().parallelism(threads).build());
    List<SigmaFile> files = new ArrayList<>();
    try {
      for (Path p : paths) {
        files.addAll(reader.read(p, Rules.name(p)));
      }
    } catch (SigmaRuleException e) {
      throw CliException.io("cannot read the rules: " + e.getMessage(), e, "check the folder's permissions");
    }
    Map<String, Set<AttackDiff.Change>> changes = diff.changesById();
    Map<AttackDiff.Change, List<Tagged>> byChange = new EnumMap<>(AttackDiff.Change.class);
    int read = 0;
    int unreadable = 0;
    for (SigmaFile f : files) {
      read += f.results().size();
      unreadable += f.errors().size();
      for (SigmaRule rule : f.rules()) {
        for (SigmaTag tag : rule.tags()) {
          if (tag.kind() != SigmaTag.Kind.TECHNIQUE) {
            continue;
          }
          String id = tag.name().toUpperCase(Locale.ROOT);
          Set<AttackDiff.Change> found = changes.get(id);
          if (found == null) {
            continue;
          }
          Tagged t = new Tagged(rule.source().path(), tag.line(), rule.title(), rule.id().map(Object::toString),
              tag.text(), id);
          for (AttackDiff.Change c : found) {
            byChange.computeIfAbsent(c, k -> new ArrayList<>()).add(t);
          }
        }
      }
    }
    return new RuleImpact(read, unreadable, byChange);
  }
}
