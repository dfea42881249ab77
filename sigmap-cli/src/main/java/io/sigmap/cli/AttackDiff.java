package io.sigmap.cli;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.AttackStatus;
import io.sigmap.stix.Resolution;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two ATT&amp;CK releases, over the domains both hold: techniques added, removed, revoked
 * (with the replacement at the end of the chain in the new release), newly deprecated, reactivated, renamed,
 * moved to other tactics or platforms, and tactics added to or removed from a matrix.
 *
 * <p>{@link #changes(String)} tells, for one technique id, what changed in a way that affects a rule tagging it:
 * the question {@code attack diff --rules} answers for a rule repository.
 *
 * @param domains the domains compared, in enum order
 * @param oldVersions the old release of each domain compared
 * @param newVersions the new release of each domain compared
 * @param added techniques in the new release only (not revoked there), by id
 * @param removed techniques in the old release only, by id
 * @param revoked techniques revoked in the new release and not in the old
 * @param deprecated techniques deprecated in the new release and not in the old (and not revoked)
 * @param reactivated techniques revoked or deprecated in the old release and active in the new
 * @param renamed techniques whose name changed
 * @param tacticsChanged techniques whose tactics changed
 * @param platformsChanged techniques whose platforms changed
 * @param tacticsAdded tactics in a new matrix only, in matrix order
 * @param tacticsRemoved tactics in an old matrix only, in the old matrix order
 */
record AttackDiff(
    Set<AttackDomain> domains,
    Map<AttackDomain, String> oldVersions,
    Map<AttackDomain, String> newVersions,
    List<Technique> added,
    List<Technique> removed,
    List<Revoked> revoked,
    List<Technique> deprecated,
    List<Technique> reactivated,
    List<Renamed> renamed,
    List<TacticsChanged> tacticsChanged,
    List<PlatformsChanged> platformsChanged,
    List<Tactic> tacticsAdded,
    List<Tactic> tacticsRemoved) {

  /** The kinds of change that affect a rule tagging a technique. */
  enum Change { REMOVED, REVOKED, DEPRECATED, RENAMED, TACTICS_CHANGED, PLATFORMS_CHANGED }

  /**
   * A technique revoked in the new release.
   *
   * @param technique the technique as the new release has it
   * @param chain the replacements in order, from the new release
   * @param replacement the active technique at the end of the chain, when there is one
   */
  record Revoked(Technique technique, List<Technique> chain, Optional<Technique> replacement) {}

  /**
   * A technique with a new name.
   *
   * @param technique the technique as the new release has it
   * @param oldName the old name
   */
  record Renamed(Technique technique, String oldName) {}

  /**
   * A technique with other tactics.
   *
   * @param technique the technique as the new release has it
   * @param oldTactics the tactics in the old release, in its matrix order
   */
  record TacticsChanged(Technique technique, List<Tactic> oldTactics) {}

  /**
   * A technique with other platforms.
   *
   * @param technique the technique as the new release has it
   * @param addedPlatforms platforms only the new release lists, sorted
   * @param removedPlatforms platforms only the old release lists, sorted
   */
  record PlatformsChanged(Technique technique, List<String> addedPlatforms, List<String> removedPlatforms) {}

  AttackDiff {
    domains = Collections.unmodifiableSet(domains.isEmpty() ? EnumSet.noneOf(AttackDomain.class)
        : EnumSet.copyOf(domains));
    oldVersions = Collections.unmodifiableMap(new EnumMap<>(oldVersions));
    newVersions = Collections.unmodifiableMap(new EnumMap<>(newVersions));
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    revoked = List.copyOf(revoked);
    deprecated = List.copyOf(deprecated);
    reactivated = List.copyOf(reactivated);
    renamed = List.copyOf(renamed);
    tacticsChanged = List.copyOf(tacticsChanged);
    platformsChanged = List.copyOf(platformsChanged);
    tacticsAdded = List.copyOf(tacticsAdded);
    tacticsRemoved = List.copyOf(tacticsRemoved);
  }

  /**
   * Compares two indexes over the domains both hold.
   *
   * @throws CliException ({@link ExitCodes#USAGE}) when they share no domain
   */
  static AttackDiff compute(TechniqueIndex older, TechniqueIndex newer) {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    Set<AttackDomain> common = EnumSet.noneOf(AttackDomain.class);
    common.addAll(older.domains());
    common.retainAll(newer.domains());
    if (common.isEmpty()) {
      throw CliException.usage("nothing to compare: the old data holds " + names(older.domains())
          + " and the new data holds " + names(newer.domains()),
          "compare two releases of one domain, for example enterprise@17.1 enterprise@18.1");
    }
    Map<AttackDomain, String> oldVersions = new EnumMap<>(AttackDomain.class);
    Map<AttackDomain, String> newVersions = new EnumMap<>(AttackDomain.class);
    for (AttackDomain d : common) {
      oldVersions.put(d, older.attackVersion(d).orElse("unknown"));
      newVersions.put(d, newer.attackVersion(d).orElse("unknown"));
    }
    Map<String, Technique> before = byId(older, common);
    Map<String, Technique> after = byId(newer, common);

    List<Technique> added = new ArrayList<>();
    List<Technique> removed = new ArrayList<>();
    List<Revoked> revoked = new ArrayList<>();
    List<Technique> deprecated = new ArrayList<>();
    List<Technique> reactivated = new ArrayList<>();
    List<Renamed> renamed = new ArrayList<>();
    List<TacticsChanged> tacticsChanged = new ArrayList<>();
    List<PlatformsChanged> platformsChanged = new ArrayList<>();

    for (Technique old : before.values()) {
      if (!after.containsKey(old.id())) {
        removed.add(old);
      }
    }
    for (Technique now : after.values()) {
      Technique old = before.get(now.id());
      AttackStatus was = old == null ? null : old.status();
      AttackStatus is = now.status();
      if (is == AttackStatus.REVOKED) {
        if (was != AttackStatus.REVOKED) {
          Resolution r = newer.resolve(now.id());
          if (r instanceof Resolution.Revoked rv) {
            revoked.add(new Revoked(now, rv.chain(), rv.replacement()));
          } else {
            revoked.add(new Revoked(now, List.of(), Optional.empty()));
          }
        }
        continue;
      }
      if (old == null) {
        added.add(now);
        continue;
      }
      if (is == AttackStatus.DEPRECATED && was != AttackStatus.DEPRECATED) {
        deprecated.add(now);
      }
      if (is == AttackStatus.ACTIVE && was != AttackStatus.ACTIVE) {
        reactivated.add(now);
      }
      if (!old.name().equals(now.name())) {
        renamed.add(new Renamed(now, old.name()));
      }
      if (!tacticKeys(old.tactics()).equals(tacticKeys(now.tactics()))) {
        tacticsChanged.add(new TacticsChanged(now, old.tactics()));
      }
      Set<String> oldPlatforms = new TreeSet<>(old.platforms());
      Set<String> newPlatforms = new TreeSet<>(now.platforms());
      if (!oldPlatforms.equals(newPlatforms)) {
        Set<String> plus = new TreeSet<>(newPlatforms);
        plus.removeAll(oldPlatforms);
        Set<String> minus = new TreeSet<>(oldPlatforms);
        minus.removeAll(newPlatforms);
        platformsChanged.add(new PlatformsChanged(now, List.copyOf(plus), List.copyOf(minus)));
      }
    }

    List<Tactic> tacticsAdded = new ArrayList<>();
    List<Tactic> tacticsRemoved = new ArrayList<>();
    for (AttackDomain d : common) {
      Set<String> oldIds = new TreeSet<>();
      older.tactics(d).forEach(t -> oldIds.add(t.id()));
      Set<String> newIds = new TreeSet<>();
      newer.tactics(d).forEach(t -> newIds.add(t.id()));
      newer.tactics(d).stream().filter(t -> !oldIds.contains(t.id())).forEach(tacticsAdded::add);
      older.tactics(d).stream().filter(t -> !newIds.contains(t.id())).forEach(tacticsRemoved::add);
    }
    return new AttackDiff(common, oldVersions, newVersions, added, removed, revoked, deprecated, reactivated,
        renamed, tacticsChanged, platformsChanged, tacticsAdded, tacticsRemoved);
  }

  /** Whether the releases differ in anything this diff looks at. */
  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && revoked.isEmpty() && deprecated.isEmpty()
        && reactivated.isEmpty() && renamed.isEmpty() && tacticsChanged.isEmpty() && platformsChanged.isEmpty()
        && tacticsAdded.isEmpty() && tacticsRemoved.isEmpty();
  }

  /**
   * What changed for a technique in a way that affects a rule tagging it.
   *
   * @param techniqueId a technique id, any case
   * @return the changes in enum order; empty when the technique is unchanged, added or unknown
   */
  Set<Change> changes(String techniqueId) {
    Set<Change> found = changesById().get(techniqueId.toUpperCase(Locale.ROOT));
    return found == null ? Set.of() : found;
  }

  /** Every technique id with a change that affects rules, sorted, with its changes. */
  Map<String, Set<Change>> changesById() {
    Map<String, Set<Change>> map = new TreeMap<>();
    removed.forEach(t -> mark(map, t.id(), Change.REMOVED));
    revoked.forEach(r -> mark(map, r.technique().id(), Change.REVOKED));
    deprecated.forEach(t -> mark(map, t.id(), Change.DEPRECATED));
    renamed.forEach(r -> mark(map, r.technique().id(), Change.RENAMED));
    tacticsChanged.forEach(c -> mark(map, c.technique().id(), Change.TACTICS_CHANGED));
    platformsChanged.forEach(c -> mark(map, c.technique().id(), Change.PLATFORMS_CHANGED));
    map.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    return Collections.unmodifiableMap(map);
  }

  private static void mark(Map<String, Set<Change>> map, String id, Change change) {
    map.computeIfAbsent(id, k -> EnumSet.noneOf(Change.class)).add(change);
  }

  private static Map<String, Technique> byId(TechniqueIndex index, Set<AttackDomain> domains) {
    Map<String, Technique> map = new LinkedHashMap<>();
    for (Technique t : index.techniques()) {
      if (!Collections.disjoint(t.domains(), domains)) {
        map.put(t.id(), t);
      }
    }
    return map;
  }

  private static Set<String> tacticKeys(List<Tactic> tactics) {
    Set<String> keys = new TreeSet<>();
    tactics.forEach(t -> keys.add(t.domain().shortId() + ":" + t.shortname()));
    return keys;
  }

  private static String names(Set<AttackDomain> domains) {
    return domains.isEmpty() ? "no domain" : String.join(", ", domains.stream().map(AttackDomain::shortId).toList());
  }
}
