package io.sigmap.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The counts of a batch, and the duplicate coverage it found. The counts always add up:
 * {@code read == validated + quarantined + unreadable + skipped}.
 *
 * @param read how many rule documents were read: one result each
 * @param validated how many validated
 * @param quarantined how many quarantined
 * @param unreadable how many could not be read
 * @param skipped how many filter rules were skipped
 * @param findingsByCode how many findings of each code, in code order, codes with none left out
 * @param duplicateIds groups of rules that share a rule id
 * @param duplicateDetections groups of rules from different files that share their techniques, log source and
 *     normalised detection: the same rule shipped twice
 * @since 0.1.0
 */
public record BatchSummary(
    int read,
    int validated,
    int quarantined,
    int unreadable,
    int skipped,
    Map<FindingCode, Integer> findingsByCode,
    List<DuplicateGroup> duplicateIds,
    List<DuplicateGroup> duplicateDetections) {

  /**
   * Validates the components and checks that the counts add up.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the counts do not add up
   */
  public BatchSummary {
    if (read != validated + quarantined + unreadable + skipped) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "counts do not add up: read %d != validated %d + quarantined %d + unreadable %d + skipped %d",
          read, validated, quarantined, unreadable, skipped));
    }
    Map<FindingCode, Integer> copy = new EnumMap<>(FindingCode.class);
    copy.putAll(Objects.requireNonNull(findingsByCode, "findingsByCode"));
    findingsByCode = Collections.unmodifiableMap(copy);
    duplicateIds = List.copyOf(duplicateIds);
    duplicateDetections = List.copyOf(duplicateDetections);
  }

  /**
   * Rules that share something: a rule id, or technique, log source and detection.
   *
   * @param key what they share: the rule id, or a description of technique, log source and detection
   * @param rules the rules, in batch order
   * @since 0.1.0
   */
  public record DuplicateGroup(String key, List<RuleRef> rules) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if fewer than two rules are given
     */
    public DuplicateGroup {
      Objects.requireNonNull(key, "key");
      rules = List.copyOf(rules);
      if (rules.size() < 2) {
        throw new IllegalArgumentException("a duplicate group has at least two rules");
      }
    }
  }

  /**
   * Where a rule is.
   *
   * @param path the file
   * @param documentIndex the 0-based document index
   * @param line the 1-based line where the document starts
   * @param title the rule's title
   * @since 0.1.0
   */
  public record RuleRef(String path, int documentIndex, int line, String title) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public RuleRef {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(title, "title");
    }
  }
}
