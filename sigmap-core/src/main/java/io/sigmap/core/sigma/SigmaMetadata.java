package io.sigmap.core.sigma;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The attributes every kind of Sigma rule shares; {@link SigmaRule} exposes each one directly.
 *
 * @param title the title (mandatory, not blank)
 * @param id the rule's UUID
 * @param name the unique name correlation rules may refer to
 * @param taxonomy the field-name taxonomy (default {@code sigma} when absent)
 * @param status the maturity
 * @param description the description
 * @param license the SPDX license id
 * @param author the author(s); a YAML list of authors is joined with {@code ", "}
 * @param references the references, in order
 * @param date the creation date
 * @param modified the date of the last modification
 * @param related the related rules, in order
 * @param tags the tags, in order, with their locations
 * @param level the criticality
 * @param falsepositives the known false positives, in order
 * @param customAttributes the top-level keys the specification does not define, in file order
 * @since 0.1.0
 */
public record SigmaMetadata(String title, Optional<UUID> id, Optional<String> name, Optional<String> taxonomy,
    Optional<SigmaStatus> status, Optional<String> description, Optional<String> license,
    Optional<String> author, List<String> references, Optional<LocalDate> date, Optional<LocalDate> modified,
    List<SigmaRelated> related, List<SigmaTag> tags, Optional<SigmaLevel> level, List<String> falsepositives,
    Map<String, SigmaValue> customAttributes) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   * @throws IllegalArgumentException if {@code title} is blank
   */
  public SigmaMetadata {
    if (Objects.requireNonNull(title, "title").isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(author, "author");
    references = List.copyOf(references);
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(modified, "modified");
    related = List.copyOf(related);
    tags = List.copyOf(tags);
    Objects.requireNonNull(level, "level");
    falsepositives = List.copyOf(falsepositives);
    customAttributes = Copies.orderedMap(customAttributes);
  }

  /**
   * Returns metadata with only a title, for building rules in code and tests.
   *
   * @param title the title, not blank
   * @return the metadata
   * @throws NullPointerException if {@code title} is null
   * @throws IllegalArgumentException if {@code title} is blank
   */
  public static SigmaMetadata ofTitle(String title) {
    return new SigmaMetadata(title, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), Optional.empty(), List.of(), Map.of());
  }
}
