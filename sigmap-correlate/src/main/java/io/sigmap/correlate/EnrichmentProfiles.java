package io.sigmap.correlate;

import io.sigmap.core.Enrichment;
import io.sigmap.core.EnrichmentResult;
import io.sigmap.core.MappedTechnique;
import io.sigmap.core.sigma.DetectionRule;
import io.sigmap.core.sigma.FilterRule;
import io.sigmap.core.sigma.Logsource;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.stix.Tactic;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * Converts the enricher's results into {@link RuleProfile}s. The mapping is the one {@link CatalogReader} applies
 * to the JSON {@code EnrichmentWriter} writes for the same result, field for field, so that a catalogue built from
 * a batch in memory equals the catalogue read from its JSON files.
 */
final class EnrichmentProfiles {

  /** The weight the JSON reader gives a rule without {@code correlation_weight} (skipped, unreadable). */
  static final int NO_WEIGHT = 5;

  private EnrichmentProfiles() {
  }

  static RuleProfile profile(EnrichmentResult result) {
    Optional<SigmaRule> rule = result.rule();
    String id = rule.flatMap(SigmaRule::id).map(Object::toString)
        .orElseGet(() -> result.path() + "#" + result.documentIndex());
    RuleProfile.Builder p = RuleProfile.builder(id).status(status(result.status())).path(result.path());
    if (rule.isPresent()) {
      SigmaRule r = rule.get();
      p.title(r.title());
      r.level().flatMap(l -> Level.fromId(l.id())).ifPresent(p::level);
      Logsource l = r instanceof DetectionRule ? ((DetectionRule) r).logsource()
          : r instanceof FilterRule ? ((FilterRule) r).logsource() : null;
      if (l != null) {
        p.logSource(new LogSource(l.product(), l.category(), l.service()));
      }
    }
    Optional<Enrichment> enrichment = result.enrichment();
    if (enrichment.isEmpty()) {
      return p.techniqueConfidence(0.0).correlationWeight(NO_WEIGHT).build();
    }
    Enrichment e = enrichment.get();
    LinkedHashSet<String> techniqueTactics = new LinkedHashSet<>();
    for (MappedTechnique m : e.techniques()) {
      p.technique(m.technique().id());
      for (Tactic t : m.technique().tactics()) {
        techniqueTactics.add(t.shortname());
      }
    }
    // as the reader: mitre_tactics when given, else the primary tactic and the techniques' tactics
    if (!e.tactics().isEmpty()) {
      for (Tactic t : e.tactics()) {
        p.tactic(t.shortname());
      }
    } else {
      e.primaryTactic().ifPresent(t -> p.tactic(t.shortname()));
      techniqueTactics.forEach(p::tactic);
    }
    return p.techniqueConfidence(e.techniqueConfidence()).correlationWeight(e.correlationWeight()).build();
  }

  /** The tactic records a result names: its rule tactics, its primary tactic and its techniques' tactics. */
  static void tactics(EnrichmentResult result, java.util.Collection<Tactic> into) {
    result.enrichment().ifPresent(e -> {
      into.addAll(e.tactics());
      e.primaryTactic().ifPresent(into::add);
      for (MappedTechnique m : e.techniques()) {
        into.addAll(m.technique().tactics());
      }
    });
  }

  static RuleStatus status(EnrichmentResult.Status status) {
    switch (status) {
      case VALIDATED:
        return RuleStatus.VALIDATED;
      case QUARANTINED:
        return RuleStatus.QUARANTINED;
      case SKIPPED:
        return RuleStatus.SKIPPED;
      default:
        return RuleStatus.UNREADABLE;
    }
  }
}
