package io.sigmap.stix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the bundles read into one validated model and builds the index. Every decision here is
 * deterministic: inputs are visited in bundle order, then file order, and ties go to the first seen.
 * Package-private.
 */
final class IndexAssembler {

  private final StixReadOptions options;
  private final List<StixWarning> warnings = new ArrayList<>();
  private List<RawBundle> bundles;
  private final Map<Integer, Set<AttackDomain>> bundleDomains = new HashMap<>();

  IndexAssembler(StixReadOptions options) {
    this.options = options;
  }

  TechniqueIndex assemble(List<RawBundle> raw, List<IndexSnapshot.Fingerprint> fingerprints) {
    this.bundles = raw;
    for (RawBundle b : raw) {
      for (RawObject o : b.rejected) {
        if (o.problem != null) {
          warn(StixWarning.Kind.INVALID_FIELD, o, o.problemLine, o.problemColumn,
              o.problem + "; the object was skipped");
        } else {
          warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column, "the object has no \"type\"; it was skipped");
        }
      }
    }
    List<BundleInfo> infos = new ArrayList<>();
    Map<AttackDomain, String> versions = new EnumMap<>(AttackDomain.class);
    for (RawBundle b : raw) {
      Set<AttackDomain> domains = domainsOfBundle(b);
      bundleDomains.put(b.index, domains);
      String version = b.collectionVersion != null ? b.collectionVersion : b.versionLabel;
      infos.add(new BundleInfo(b.source, domains, b.specVersion, version, b.objectCount));
      for (AttackDomain d : domains) {
        String had = versions.get(d);
        if (had == null || had.equals("unknown")) {
          versions.put(d, version);
        } else if (!had.equals(version) && !version.equals("unknown")) {
          warnings.add(check(new StixWarning(StixWarning.Kind.VERSION_CONFLICT, b.source, 0, 0, Optional.empty(),
              String.format(Locale.ROOT, "%s is ATT&CK %s here but %s in an earlier bundle; %s is reported",
                  d.id(), version, had, had))));
        }
      }
    }

    Map<String, RawObject> tacticObjects = merge(b -> b.tactics);
    Map<String, RawObject> matrixObjects = merge(b -> b.matrices);
    Map<String, RawObject> techniqueObjects = merge(b -> b.techniques);
    Map<String, RawObject> otherObjects = merge(b -> b.objects);
    Map<String, RawObject> relationships = merge(b -> b.relationships);

    Map<String, Tactic> tacticsByStix = new LinkedHashMap<>();
    List<Tactic> tactics = buildTactics(tacticObjects, matrixObjects, tacticsByStix);
    Map<AttackDomain, Map<String, Tactic>> tacticByShortname = new EnumMap<>(AttackDomain.class);
    for (Tactic t : tactics) {
      tacticByShortname.computeIfAbsent(t.domain(), d -> new HashMap<>()).putIfAbsent(t.shortname(), t);
    }

    Map<Integer, RawObject> techniquesByKey = pickTechniques(techniqueObjects);
    Map<String, RawObject> objectsById = pickObjects(otherObjects);
    Map<String, String> attackIdByStix = new HashMap<>();
    techniquesByKey.values().forEach(o -> attackIdByStix.put(o.stixId, o.attackId));
    objectsById.values().forEach(o -> attackIdByStix.put(o.stixId, o.attackId));
    Map<String, String> revokedBy = revokedBy(relationships, techniqueObjects, otherObjects, attackIdByStix);

    Map<Integer, List<String>> subs = new TreeMap<>();
    for (int key : techniquesByKey.keySet()) {
      if (key % 1000 != 0) {
        subs.computeIfAbsent(key - key % 1000, k -> new ArrayList<>()).add(AttackIds.canonical(key));
      }
    }
    List<Technique> techniques = new ArrayList<>(techniquesByKey.size());
    for (Map.Entry<Integer, RawObject> e : techniquesByKey.entrySet()) {
      techniques.add(technique(e.getKey(), e.getValue(), tacticByShortname, subs, revokedBy));
    }

    List<AttackObject> objects = new ArrayList<>(objectsById.size());
    for (RawObject o : objectsById.values()) {
      AttackObjectKind kind = AttackObjectKind.fromStixType(o.type).orElseThrow();
      objects.add(new AttackObject(kind, o.attackId, o.stixId, o.name, AttackStatus.of(o.revoked, o.deprecated),
          domainsOf(o, null), o.modified,
          o.revoked ? Optional.ofNullable(revokedBy.get(o.stixId)) : Optional.empty()));
    }
    objects.sort(Comparator.comparing(AttackObject::kind).thenComparing(AttackObject::id));

    Map<String, Technique> byId = new HashMap<>();
    techniques.forEach(t -> byId.put(t.id(), t));
    for (Technique t : techniques) {
      if (t.revoked()) {
        Chains.End end = Chains.follow(t, byId::get);
        if (end.problem() != null) {
          RawObject o = techniqueObjects.get(t.stixId());
          warn(end.kind(), o, o.line, o.column, end.problem());
        }
      }
    }
    IndexData data = new IndexData(List.copyOf(techniques), List.copyOf(tactics), List.copyOf(objects),
        Collections.unmodifiableMap(versions), List.copyOf(infos), List.copyOf(warnings));
    return new TechniqueIndex(data, fingerprints);
  }

  // ---------------------------------------------------------------------------------------------- domains

  private Set<AttackDomain> domainsOfBundle(RawBundle b) {
    Set<AttackDomain> domains = EnumSet.noneOf(AttackDomain.class);
    for (RawObject m : b.matrices) {
      if (m.attackId != null) {
        AttackDomain.fromId(m.attackId).ifPresent(domains::add);
      }
    }
    if (domains.isEmpty()) {
      for (RawObject m : b.matrices) {
        knownDomains(m.domains, domains);
      }
    }
    if (domains.isEmpty()) {
      for (RawObject t : b.techniques) {
        knownDomains(t.domains, domains);
        for (String[] phase : t.phases) {
          AttackDomain.fromKillChainName(phase[0]).ifPresent(domains::add);
        }
      }
    }
    if (domains.isEmpty()) {
      for (RawObject t : b.tactics) {
        knownDomains(t.domains, domains);
      }
    }
    return domains;
  }

  private static void knownDomains(List<String> ids, Set<AttackDomain> into) {
    for (String id : ids) {
      AttackDomain.fromId(id).ifPresent(into::add);
    }
  }

  /** The object's domains: its own, else its kill chains', else its bundle's, else Enterprise (warned). */
  private Set<AttackDomain> domainsOf(RawObject o, Set<AttackDomain> fromPhases) {
    Set<AttackDomain> domains = EnumSet.noneOf(AttackDomain.class);
    knownDomains(o.domains, domains);
    if (domains.isEmpty() && fromPhases != null) {
      domains.addAll(fromPhases);
    }
    if (domains.isEmpty()) {
      domains.addAll(bundleDomains.getOrDefault(o.bundleIndex, Set.of()));
    }
    if (domains.isEmpty()) {
      warn(StixWarning.Kind.UNKNOWN_DOMAIN, o, o.line, o.column,
          "the object names no ATT&CK domain and neither does its bundle; Enterprise is assumed");
      domains.add(AttackDomain.ENTERPRISE);
    }
    return domains;
  }

  // ---------------------------------------------------------------------------------------------- merging

  private interface Part {
    List<RawObject> of(RawBundle b);
  }

  /**
   * Merges one kind of object across bundles by STIX id: an object in several bundles (a group in Enterprise
   * and Mobile) becomes one, with the union of its domains and the fields of its newest version.
   */
  private Map<String, RawObject> merge(Part part) {
    Map<String, RawObject> byStix = new LinkedHashMap<>();
    for (RawBundle b : bundles) {
      for (RawObject o : part.of(b)) {
        if (o.stixId == null) {
          warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column,
              "the " + o.type + " object has no \"id\"; it was skipped");
          continue;
        }
        RawObject had = byStix.get(o.stixId);
        if (had == null) {
          byStix.put(o.stixId, o);
        } else {
          RawObject keep = o.newerThan(had) ? o : had;
          RawObject drop = keep == o ? had : o;
          Set<String> union = new LinkedHashSet<>(keep.domains);
          union.addAll(drop.domains);
          keep.domains = List.copyOf(union);
          byStix.put(o.stixId, keep);
        }
      }
    }
    return byStix;
  }

  // ---------------------------------------------------------------------------------------------- tactics

  private List<Tactic> buildTactics(
      Map<String, RawObject> tacticObjects, Map<String, RawObject> matrixObjects, Map<String, Tactic> byStix) {
    Map<AttackDomain, Map<String, RawObject>> perDomain = new EnumMap<>(AttackDomain.class);
    for (RawObject o : tacticObjects.values()) {
      if (o.attackId == null || o.shortname == null || o.name == null) {
        warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column, "the tactic lacks its "
            + (o.attackId == null ? "ATT&CK id" : o.shortname == null ? "x_mitre_shortname" : "name")
            + "; it was skipped");
        continue;
      }
      if (!AttackIds.isObjectId(o.attackId, "TA") || o.attackId.length() != 6) {
        warn(StixWarning.Kind.INVALID_FIELD, o, o.line, o.column,
            "the tactic's ATT&CK id \"" + o.attackId + "\" is not TA and four digits; it was skipped");
        continue;
      }
      AttackDomain domain = domainsOf(o, null).iterator().next();
      Map<String, RawObject> own = perDomain.computeIfAbsent(domain, d -> new LinkedHashMap<>());
      RawObject had = own.get(o.shortname);
      if (had != null) {
        RawObject keep = o.newerThan(had) ? o : had;
        warn(StixWarning.Kind.DUPLICATE_ID, o, o.line, o.column, String.format(Locale.ROOT,
            "two tactics are %s in %s (%s and %s); the newest, %s, was kept", o.shortname, domain.id(),
            had.stixId, o.stixId, keep.stixId));
        own.put(o.shortname, keep);
      } else {
        own.put(o.shortname, o);
      }
    }

    List<Tactic> all = new ArrayList<>();
    for (Map.Entry<AttackDomain, Map<String, RawObject>> e : perDomain.entrySet()) {
      AttackDomain domain = e.getKey();
      Map<String, RawObject> byTacticStix = new LinkedHashMap<>();
      e.getValue().values().forEach(o -> byTacticStix.put(o.stixId, o));

      List<RawObject> matrices = new ArrayList<>();
      for (RawObject m : matrixObjects.values()) {
        Optional<AttackDomain> md = m.attackId == null ? Optional.empty() : AttackDomain.fromId(m.attackId);
        if (md.map(domain::equals).orElseGet(() -> domainsOf(m, null).contains(domain))) {
          matrices.add(m);
        }
      }
      // Current matrices first; among equals, bundle then file order (the list is already in that order).
      matrices.sort(Comparator.comparing(m -> m.revoked || m.deprecated));
      List<RawObject> ordered = new ArrayList<>();
      Set<String> placed = new LinkedHashSet<>();
      for (RawObject m : matrices) {
        for (String ref : m.tacticRefs) {
          RawObject t = byTacticStix.get(ref);
          if (t == null) {
            if (!tacticObjects.containsKey(ref)) {
              warn(StixWarning.Kind.DANGLING_REFERENCE, m, m.line, m.column,
                  "the matrix names tactic " + ref + ", which is not in the loaded data");
            }
          } else if (placed.add(ref)) {
            ordered.add(t);
          }
        }
      }
      List<RawObject> rest = new ArrayList<>();
      for (RawObject t : byTacticStix.values()) {
        if (!placed.contains(t.stixId)) {
          rest.add(t);
        }
      }
      if (!rest.isEmpty()) {
        rest.sort(Comparator.comparing(t -> t.attackId));
        RawObject first = rest.get(0);
        warn(StixWarning.Kind.NO_MATRIX_ORDER, first, first.line, first.column, String.format(Locale.ROOT,
            matrices.isEmpty()
                ? "%s has no x-mitre-matrix; its tactics are ordered by id: %s"
                : "%s tactics in no matrix are placed last, by id: %s",
            domain.id(), rest.stream().map(t -> t.attackId).reduce((a, b) -> a + ", " + b).orElse("")));
        ordered.addAll(rest);
      }
      for (int i = 0; i < ordered.size(); i++) {
        RawObject o = ordered.get(i);
        Tactic t = new Tactic(o.attackId, o.shortname, o.name, domain, i, o.stixId, o.url == null ? "" : o.url,
            o.deprecated || o.revoked);
        byStix.put(o.stixId, t);
        all.add(t);
      }
    }
    return all;
  }

  // ---------------------------------------------------------------------------------------------- techniques

  private Map<Integer, RawObject> pickTechniques(Map<String, RawObject> techniqueObjects) {
    Map<Integer, RawObject> byKey = new TreeMap<>();
    for (RawObject o : techniqueObjects.values()) {
      if (o.attackId == null) {
        warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column,
            "the attack-pattern has no mitre-attack external reference with an external_id; it was skipped");
        continue;
      }
      int key = AttackIds.techniqueKey(o.attackId);
      if (key == AttackIds.MALFORMED || !o.attackId.equals(AttackIds.canonical(key))) {
        warn(StixWarning.Kind.INVALID_FIELD, o, o.line, o.column, "the attack-pattern's ATT&CK id \""
            + o.attackId + "\" is not T and four digits, optionally .nnn; it was skipped");
        continue;
      }
      if (o.name == null) {
        warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column, "technique " + o.attackId
            + " has no name; it was skipped");
        continue;
      }
      RawObject had = byKey.get(key);
      if (had == null) {
        byKey.put(key, o);
      } else {
        RawObject keep = o.newerThan(had) ? o : had;
        warn(StixWarning.Kind.DUPLICATE_ID, o, o.line, o.column, String.format(Locale.ROOT,
            "%s is carried by two objects, %s (%s, modified %s) and %s (%s, modified %s); the newest, %s, was kept",
            o.attackId, had.stixId, had.source, had.modified, o.stixId, o.source, o.modified, keep.stixId));
        byKey.put(key, keep);
      }
    }
    return byKey;
  }

  private Map<String, RawObject> pickObjects(Map<String, RawObject> otherObjects) {
    Map<String, RawObject> byId = new LinkedHashMap<>();
    for (RawObject o : otherObjects.values()) {
      AttackObjectKind kind = AttackObjectKind.fromStixType(o.type).orElseThrow();
      if (o.attackId == null) {
        warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column,
            "the " + o.type + " has no mitre-attack external reference with an external_id; it was skipped");
        continue;
      }
      if (!AttackIds.isObjectId(o.attackId, kind.prefix())) {
        // Mitigations from before 2019 carry the id of the technique they mitigate (T1174); they are
        // deprecated and no rule tags them, so they are skipped without a warning.
        if (kind != AttackObjectKind.MITIGATION || AttackIds.techniqueKey(o.attackId) == AttackIds.MALFORMED) {
          warn(StixWarning.Kind.INVALID_FIELD, o, o.line, o.column, String.format(Locale.ROOT,
              "the %s's ATT&CK id \"%s\" does not start with %s and digits; it was skipped",
              o.type, o.attackId, kind.prefix()));
        }
        continue;
      }
      if (o.name == null) {
        warn(StixWarning.Kind.MISSING_FIELD, o, o.line, o.column, o.attackId + " has no name; it was skipped");
        continue;
      }
      RawObject had = byId.get(o.attackId);
      if (had == null) {
        byId.put(o.attackId, o);
      } else {
        RawObject keep = o.newerThan(had) ? o : had;
        warn(StixWarning.Kind.DUPLICATE_ID, o, o.line, o.column, String.format(Locale.ROOT,
            "%s is carried by two objects, %s and %s; the newest, %s, was kept",
            o.attackId, had.stixId, o.stixId, keep.stixId));
        byId.put(o.attackId, keep);
      }
    }
    return byId;
  }

  /** Maps the STIX id of each revoked object to the ATT&amp;CK id of its replacement. */
  private Map<String, String> revokedBy(
      Map<String, RawObject> relationships,
      Map<String, RawObject> techniques,
      Map<String, RawObject> objects,
      Map<String, String> attackIdByStix) {
    Map<String, RawObject> newest = new LinkedHashMap<>();
    for (RawObject r : relationships.values()) {
      if (!"revoked-by".equals(r.relationshipType)) {
        continue;
      }
      if (r.sourceRef == null || r.targetRef == null) {
        warn(StixWarning.Kind.MISSING_FIELD, r, r.line, r.column,
            "the revoked-by relationship lacks its source_ref or target_ref; it was skipped");
        continue;
      }
      if (!techniques.containsKey(r.sourceRef) && !objects.containsKey(r.sourceRef)) {
        continue; // revokes something the index does not keep
      }
      RawObject had = newest.get(r.sourceRef);
      if (had == null || r.newerThan(had)) {
        newest.put(r.sourceRef, r);
      }
    }
    Map<String, String> out = new HashMap<>();
    for (RawObject r : newest.values()) {
      String target = attackIdByStix.get(r.targetRef);
      if (target == null) {
        warn(StixWarning.Kind.DANGLING_REFERENCE, r, r.line, r.column, String.format(Locale.ROOT,
            "the revoked-by relationship names %s as the replacement of %s, but %s is not in the loaded data",
            r.targetRef, attackIdByStix.getOrDefault(r.sourceRef, r.sourceRef), r.targetRef));
        continue;
      }
      out.put(r.sourceRef, target);
    }
    return out;
  }

  private Technique technique(
      int key,
      RawObject o,
      Map<AttackDomain, Map<String, Tactic>> tacticByShortname,
      Map<Integer, List<String>> subs,
      Map<String, String> revokedBy) {
    List<Tactic> tactics = new ArrayList<>(o.phases.size());
    Set<AttackDomain> phaseDomains = EnumSet.noneOf(AttackDomain.class);
    for (String[] phase : o.phases) {
      Optional<AttackDomain> domain = AttackDomain.fromKillChainName(phase[0]);
      if (domain.isEmpty()) {
        continue; // a kill chain other than ATT&CK's
      }
      phaseDomains.add(domain.get());
      Tactic t = tacticByShortname.getOrDefault(domain.get(), Map.of()).get(phase[1]);
      if (t == null) {
        warn(StixWarning.Kind.UNKNOWN_TACTIC, o, o.line, o.column, String.format(Locale.ROOT,
            "%s names tactic %s in %s, which has no such tactic; the phase was dropped",
            o.attackId, phase[1], domain.get().id()));
      } else if (!tactics.contains(t)) {
        tactics.add(t);
      }
    }
    tactics.sort(Comparator.comparingInt(Tactic::order));
    int sub = key % 1000;
    Optional<String> parent = sub == 0 ? Optional.empty() : Optional.of(AttackIds.canonical(key - sub));
    return new Technique(o.attackId, o.stixId, o.name, o.url == null ? "" : o.url, tactics, o.platforms,
        domainsOf(o, phaseDomains), parent, sub == 0 ? subs.getOrDefault(key, List.of()) : List.of(),
        o.xMitreVersion == null ? "" : o.xMitreVersion, o.modified, o.deprecated, o.revoked,
        o.revoked ? Optional.ofNullable(revokedBy.get(o.stixId)) : Optional.empty());
  }

  // ---------------------------------------------------------------------------------------------- warnings

  private void warn(StixWarning.Kind kind, RawObject o, int line, int column, String message) {
    warnings.add(check(new StixWarning(kind, o.source, line, column, Optional.ofNullable(o.stixId), message)));
  }

  private StixWarning check(StixWarning w) {
    if (options.strict()) {
      throw new StixFormatException(w.source(), w.line(), w.column(), w.stixId().orElse(null),
          w.kind() + ": " + w.message() + " (strict mode: StixReadOptions.strict())", null);
    }
    return w;
  }
}
