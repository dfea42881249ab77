package io.sigmap.cli;

import io.sigmap.core.BatchResult;
import io.sigmap.core.Enrichment;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.MappedTechnique;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.AttackStatus;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ATT&amp;CK a batch of rules covers: per tactic and per technique, the validated rules that map to it.
 *
 * <ul>
 *   <li>Only validated rules count; quarantined rules are kept out of production, so they cover nothing.
 *   <li>A rule covers the techniques it maps to. A correlation rule's techniques inherited from the rules it
 *       references are not counted again: those rules count.
 *   <li>A sub-technique's rules do not count for its parent. A parent with covered sub-techniques but no rule of
 *       its own is "covered through sub-techniques" ({@link TechniqueRow#viaSubtechniques()}) and not listed as
 *       uncovered; one with neither is uncovered.
 *   <li>A tactic's rules are the validated rules whose {@code mitre_tactics} hold it; its techniques are the
 *       active techniques of its domain that have it.
 *   <li>Only active techniques and tactics that are not deprecated are listed, per loaded domain, in matrix and
 *       id order.
 * </ul>
 *
 * @param batch the batch the coverage comes from
 * @param domains one entry per loaded domain, in domain order
 */
record Coverage(BatchResult batch, List<DomainCoverage> domains) {

  /**
   * A validated rule.
   *
   * @param path the file, as the batch names it
   * @param document the document's index in the file
   * @param line the line where the rule's document starts
   * @param title the rule's title
   */
  record Ref(String path, int document, int line, String title) {}

  /**
   * One technique's coverage.
   *
   * @param technique the technique
   * @param tactics its tactics in this domain, in matrix order
   * @param rules the validated rules that map to it, in batch order
   * @param viaSubtechniques for a parent, the validated rules that map to one of its sub-techniques
   */
  record TechniqueRow(Technique technique, List<Tactic> tactics, List<Ref> rules, List<Ref> viaSubtechniques) {
    boolean covered() {
      return !rules.isEmpty();
    }

    boolean uncovered() {
      return rules.isEmpty() && viaSubtechniques.isEmpty();
    }
  }

  /**
   * One tactic's coverage.
   *
   * @param tactic the tactic
   * @param rules how many validated rules have it among their tactics
   * @param techniques how many active techniques have it
   * @param covered how many of those a validated rule maps to
   */
  record TacticRow(Tactic tactic, int rules, int techniques, int covered) {}

  /**
   * One domain's coverage.
   *
   * @param domain the domain
   * @param version its ATT&amp;CK version
   * @param tactics its tactics in matrix order
   * @param techniques its active techniques, by id
   */
  record DomainCoverage(AttackDomain domain, String version, List<TacticRow> tactics,
      List<TechniqueRow> techniques) {

    List<TechniqueRow> covered() {
      return techniques.stream().filter(TechniqueRow::covered).toList();
    }

    List<TechniqueRow> viaSubtechniquesOnly() {
      return techniques.stream().filter(t -> !t.covered() && !t.viaSubtechniques().isEmpty()).toList();
    }

    List<TechniqueRow> uncovered() {
      return techniques.stream().filter(TechniqueRow::uncovered).toList();
    }
  }

  Coverage {
    domains = List.copyOf(domains);
  }

  /** The validated rules. */
  int validated() {
    return batch.summary().validated();
  }

  static Coverage of(TechniqueIndex index, BatchResult batch) {
    Map<String, Set<Ref>> byTechnique = new HashMap<>();
    Map<Tactic, Integer> byTactic = new HashMap<>();
    for (EnrichmentResult r : batch.results()) {
      if (r.status() != EnrichmentResult.Status.VALIDATED) {
        continue;
      }
      SigmaRule rule = r.rule().orElseThrow();
      Enrichment e = r.enrichment().orElseThrow();
      Ref ref = new Ref(r.path(), r.documentIndex(), rule.source().line(), rule.title());
      for (MappedTechnique m : e.techniques()) {
        if (m.inheritedFrom().isEmpty()) {
          byTechnique.computeIfAbsent(m.technique().id(), k -> new LinkedHashSet<>()).add(ref);
        }
      }
      for (Tactic t : e.tactics()) {
        byTactic.merge(t, 1, Integer::sum);
      }
    }
    List<DomainCoverage> domains = new ArrayList<>();
    for (AttackDomain d : index.domains()) {
      List<TechniqueRow> rows = new ArrayList<>();
      for (Technique t : index.techniques(d)) {
        if (t.status() != AttackStatus.ACTIVE) {
          continue;
        }
        List<Tactic> tactics = t.tactics().stream().filter(x -> x.domain() == d && !x.deprecated()).toList();
        Set<Ref> via = new LinkedHashSet<>();
        for (String sub : t.subtechniqueIds()) {
          via.addAll(byTechnique.getOrDefault(sub, Set.of()));
        }
        rows.add(new TechniqueRow(t, tactics, List.copyOf(byTechnique.getOrDefault(t.id(), Set.of())),
            List.copyOf(via)));
      }
      rows.sort((a, b) -> a.technique().id().compareTo(b.technique().id()));
      List<TacticRow> tactics = new ArrayList<>();
      for (Tactic tactic : index.tactics(d)) {
        if (tactic.deprecated()) {
          continue;
        }
        int total = 0;
        int covered = 0;
        for (TechniqueRow row : rows) {
          if (row.tactics().contains(tactic)) {
            total++;
            if (row.covered()) {
              covered++;
            }
          }
        }
        tactics.add(new TacticRow(tactic, byTactic.getOrDefault(tactic, 0), total, covered));
      }
      domains.add(new DomainCoverage(d, index.attackVersion(d).orElse("unknown"), tactics, rows));
    }
    return new Coverage(batch, domains);
  }
}
