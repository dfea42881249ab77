package io.sigmap.core;

import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.core.sigma.SigmaRuleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of enriching one rule document: {@link Validated}, {@link Quarantined}, {@link Skipped} (filter
 * rules) or {@link Unreadable} (the document could not be read). A batch yields exactly one result per rule
 * document read.
 *
 * @since 0.1.0
 */
public sealed interface EnrichmentResult
    permits EnrichmentResult.Validated, EnrichmentResult.Quarantined, EnrichmentResult.Skipped,
        EnrichmentResult.Unreadable {

  /**
   * The four outcomes, as written in output ({@code validated}, ...).
   *
   * @since 0.1.0
   */
  enum Status {
    /** At least one technique maps and the rule's status allows production use. */
    VALIDATED,
    /** No technique maps, or the rule is deprecated or unsupported, or feedback quarantined it. */
    QUARANTINED,
    /** A filter rule: it modifies other rules and is not enriched itself. */
    SKIPPED,
    /** The document could not be read as a rule. */
    UNREADABLE;

    /**
     * Returns the name as written in output.
     *
     * @return {@code validated}, {@code quarantined}, {@code skipped} or {@code unreadable}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Returns which outcome this is.
   *
   * @return the status
   */
  Status status();

  /**
   * Returns the path of the rule's file, as the reader gave it.
   *
   * @return the path, with {@code /} separators
   */
  String path();

  /**
   * Returns the 0-based index of the YAML document in its file.
   *
   * @return the document index
   */
  int documentIndex();

  /**
   * Returns the findings, most serious first, then in tag order.
   *
   * @return an immutable list
   */
  List<Finding> findings();

  /**
   * Returns the rule, when the document could be read.
   *
   * @return the rule, empty for {@link Unreadable}
   */
  default Optional<SigmaRule> rule() {
    return Optional.empty();
  }

  /**
   * Returns the ATT&amp;CK attributes, for validated and quarantined rules.
   *
   * @return the enrichment, empty for skipped and unreadable documents
   */
  default Optional<Enrichment> enrichment() {
    return Optional.empty();
  }

  /**
   * A rule that maps to ATT&amp;CK and may go to production.
   *
   * @param sigmaRule the rule
   * @param attributes its ATT&amp;CK attributes
   * @param findings the findings (warnings and advice; no error)
   * @since 0.1.0
   */
  record Validated(SigmaRule sigmaRule, Enrichment attributes, List<Finding> findings) implements EnrichmentResult {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Validated {
      Objects.requireNonNull(sigmaRule, "sigmaRule");
      Objects.requireNonNull(attributes, "attributes");
      findings = List.copyOf(findings);
    }

    @Override
    public Status status() {
      return Status.VALIDATED;
    }

    @Override
    public String path() {
      return sigmaRule.source().path();
    }

    @Override
    public int documentIndex() {
      return sigmaRule.source().documentIndex();
    }

    @Override
    public Optional<SigmaRule> rule() {
      return Optional.of(sigmaRule);
    }

    @Override
    public Optional<Enrichment> enrichment() {
      return Optional.of(attributes);
    }
  }

  /**
   * A rule kept out of production, with the reasons among its findings ({@link FindingCode#NO_TECHNIQUE_MAPPING},
   * {@link FindingCode#RULE_DEPRECATED}, {@link FindingCode#FEEDBACK_QUARANTINE}).
   *
   * @param sigmaRule the rule
   * @param attributes whatever did map (a deprecated rule may still map to techniques)
   * @param findings the findings, errors first
   * @since 0.1.0
   */
  record Quarantined(SigmaRule sigmaRule, Enrichment attributes, List<Finding> findings)
      implements EnrichmentResult {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Quarantined {
      Objects.requireNonNull(sigmaRule, "sigmaRule");
      Objects.requireNonNull(attributes, "attributes");
      findings = List.copyOf(findings);
    }

    @Override
    public Status status() {
      return Status.QUARANTINED;
    }

    @Override
    public String path() {
      return sigmaRule.source().path();
    }

    @Override
    public int documentIndex() {
      return sigmaRule.source().documentIndex();
    }

    @Override
    public Optional<SigmaRule> rule() {
      return Optional.of(sigmaRule);
    }

    @Override
    public Optional<Enrichment> enrichment() {
      return Optional.of(attributes);
    }

    /**
     * Returns the findings that quarantined the rule.
     *
     * @return the quarantine findings, in order
     */
    public List<Finding> reasons() {
      return findings.stream().filter(f -> f.code() == FindingCode.NO_TECHNIQUE_MAPPING
          || f.code() == FindingCode.RULE_DEPRECATED || f.code() == FindingCode.FEEDBACK_QUARANTINE).toList();
    }
  }

  /**
   * A document that is read but not enriched: a filter rule.
   *
   * @param sigmaRule the rule
   * @param reason why it is skipped
   * @since 0.1.0
   */
  record Skipped(SigmaRule sigmaRule, String reason) implements EnrichmentResult {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Skipped {
      Objects.requireNonNull(sigmaRule, "sigmaRule");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Status status() {
      return Status.SKIPPED;
    }

    @Override
    public String path() {
      return sigmaRule.source().path();
    }

    @Override
    public int documentIndex() {
      return sigmaRule.source().documentIndex();
    }

    @Override
    public List<Finding> findings() {
      return List.of();
    }

    @Override
    public Optional<SigmaRule> rule() {
      return Optional.of(sigmaRule);
    }
  }

  /**
   * A document that could not be read as a rule.
   *
   * @param error the reader's error, with path, line and column
   * @param findings one {@link FindingCode#UNREADABLE} finding carrying the error's message and location
   * @since 0.1.0
   */
  record Unreadable(SigmaRuleException error, List<Finding> findings) implements EnrichmentResult {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Unreadable {
      Objects.requireNonNull(error, "error");
      findings = List.copyOf(findings);
    }

    /**
     * Creates the result of an unreadable document, with its finding.
     *
     * @param error the reader's error
     * @return the result
     */
    public static Unreadable of(SigmaRuleException error) {
      return new Unreadable(error, List.of(new Finding(FindingCode.UNREADABLE, Severity.ERROR, Optional.empty(),
          error.detail(), error.line(), error.column())));
    }

    @Override
    public Status status() {
      return Status.UNREADABLE;
    }

    @Override
    public String path() {
      return error.path();
    }

    @Override
    public int documentIndex() {
      return error.documentIndex();
    }
  }
}
