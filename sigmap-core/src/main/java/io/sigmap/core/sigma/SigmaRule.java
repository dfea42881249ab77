package io.sigmap.core.sigma;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Sigma rule read from a YAML document: a {@link DetectionRule}, a {@link CorrelationRule} or a
 * {@link FilterRule}.
 *
 * <p>All kinds share the {@link SigmaMetadata} attributes (exposed here one by one), where they come from
 * ({@link #source()}, including the document's original {@link #text()}) and the warnings found while reading
 * them. Implementations are immutable records and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface SigmaRule permits DetectionRule, CorrelationRule, FilterRule {

  /**
   * Returns the kind of rule.
   *
   * @return the kind
   */
  SigmaRuleKind kind();

  /**
   * Returns the attributes all rule kinds share.
   *
   * @return the metadata
   */
  SigmaMetadata metadata();

  /**
   * Returns the file, document and original text the rule was read from.
   *
   * @return the source
   */
  SigmaSource source();

  /**
   * Returns the problems found that did not prevent reading the rule, in file order.
   *
   * @return the warnings, possibly empty
   */
  List<SigmaWarning> warnings();

  /**
   * Returns the title.
   *
   * @return the title, never blank
   */
  default String title() {
    return metadata().title();
  }

  /**
   * Returns the rule's id.
   *
   * @return the UUID, or empty when the rule has no {@code id}
   */
  default Optional<UUID> id() {
    return metadata().id();
  }

  /**
   * Returns the rule's unique name, which correlation rules may refer to.
   *
   * @return the name, or empty
   */
  default Optional<String> name() {
    return metadata().name();
  }

  /**
   * Returns the field-name taxonomy.
   *
   * @return the taxonomy, or empty when absent (Sigma's default is {@code sigma})
   */
  default Optional<String> taxonomy() {
    return metadata().taxonomy();
  }

  /**
   * Returns the SPDX license id.
   *
   * @return the license, or empty
   */
  default Optional<String> license() {
    return metadata().license();
  }

  /**
   * Returns the maturity.
   *
   * @return the status, or empty when absent or not a Sigma status (then with a warning)
   */
  default Optional<SigmaStatus> status() {
    return metadata().status();
  }

  /**
   * Returns the criticality.
   *
   * @return the level, or empty when absent or not a Sigma level (then with a warning)
   */
  default Optional<SigmaLevel> level() {
    return metadata().level();
  }

  /**
   * Returns the description.
   *
   * @return the description, or empty
   */
  default Optional<String> description() {
    return metadata().description();
  }

  /**
   * Returns the author(s).
   *
   * @return the author, or empty
   */
  default Optional<String> author() {
    return metadata().author();
  }

  /**
   * Returns the references, in order.
   *
   * @return the references, possibly empty
   */
  default List<String> references() {
    return metadata().references();
  }

  /**
   * Returns the creation date.
   *
   * @return the date, or empty when absent or invalid (then with a warning)
   */
  default Optional<LocalDate> date() {
    return metadata().date();
  }

  /**
   * Returns the date of the last modification.
   *
   * @return the date, or empty when absent or invalid (then with a warning)
   */
  default Optional<LocalDate> modified() {
    return metadata().modified();
  }

  /**
   * Returns the related rules, in order.
   *
   * @return the related rules, possibly empty
   */
  default List<SigmaRelated> related() {
    return metadata().related();
  }

  /**
   * Returns the tags, in order, each with its line and column in the file.
   *
   * @return the tags, possibly empty
   */
  default List<SigmaTag> tags() {
    return metadata().tags();
  }

  /**
   * Returns the known false positives, in order.
   *
   * @return the false positives, possibly empty
   */
  default List<String> falsepositives() {
    return metadata().falsepositives();
  }

  /**
   * Returns the top-level attributes the Sigma specification does not define, in file order.
   *
   * @return the custom attributes, possibly empty
   */
  default Map<String, SigmaValue> customAttributes() {
    return metadata().customAttributes();
  }

  /**
   * Returns the original text of the rule's YAML document, exactly as in the file.
   *
   * @return the text; see {@link SigmaSource#text()}
   */
  default String text() {
    return source().text();
  }
}
