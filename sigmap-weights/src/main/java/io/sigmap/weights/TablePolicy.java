package io.sigmap.weights;

import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.weights.internal.Names;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A policy read from a table: technique overrides, then the tactic's row by TA id, then by shortname, then the
 * default. Immutable; the maps are unmodifiable copies made by {@link TableReader}.
 */
final class TablePolicy implements TacticWeightPolicy {

  private final String id;
  private final String description;
  private final int defaultWeight;
  /** Uppercase TA ids. */
  private final Map<String, Integer> byTacticId;
  /** Canonical shortnames (lowercase, hyphens). */
  private final Map<String, Integer> byShortname;
  /** Uppercase technique ids. */
  private final Map<String, Integer> byTechnique;

  TablePolicy(String id, String description, int defaultWeight, Map<String, Integer> byTacticId,
      Map<String, Integer> byShortname, Map<String, Integer> byTechnique) {
    this.id = id;
    this.description = description;
    this.defaultWeight = defaultWeight;
    this.byTacticId = byTacticId;
    this.byShortname = byShortname;
    this.byTechnique = byTechnique;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int weight(Tactic tactic) {
    Objects.requireNonNull(tactic, "tactic");
    Integer w = byTacticId.isEmpty() ? null : byTacticId.get(tactic.id());
    if (w == null) {
      w = byShortname.get(Names.canonicalShortname(tactic.shortname()));
    }
    return w == null ? defaultWeight : w;
  }

  @Override
  public int weight(Tactic tactic, Technique technique) {
    Objects.requireNonNull(tactic, "tactic");
    Objects.requireNonNull(technique, "technique");
    if (!byTechnique.isEmpty()) {
      Integer w = techniqueWeight(technique.id());
      if (w == null && technique.parentId().isPresent()) {
        w = techniqueWeight(technique.parentId().get());
      }
      if (w != null) {
        return w;
      }
    }
    return weight(tactic);
  }

  private Integer techniqueWeight(String techniqueId) {
    Integer w = byTechnique.get(techniqueId);
    if (w == null) {
      for (int i = 0; i < techniqueId.length(); i++) {
        if (Character.isLowerCase(techniqueId.charAt(i))) {
          return byTechnique.get(techniqueId.toUpperCase(Locale.ROOT));
        }
      }
    }
    return w;
  }

  @Override
  public String toString() {
    return "TacticWeightPolicy[" + id + ", table: " + (byTacticId.size() + byShortname.size()) + " tactics, "
        + byTechnique.size() + " techniques, default " + defaultWeight + "]";
  }
}
