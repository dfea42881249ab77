package io.sigmap.core;

/**
 * The stable codes of enrichment findings. Codes are part of the output contract: tools match on them, so a code
 * is never renamed or reused.
 *
 * @since 0.1.0
 */
public enum FindingCode {
  /** A well-formed technique id that the ATT&amp;CK data does not hold (possibly from a newer release). */
  UNKNOWN_TECHNIQUE(Severity.ERROR),
  /**
   * A revoked technique: mapped to the end of its replacement chain with a warning; in strict mode, or when the
   * chain has no active end, an error that does not map.
   */
  REVOKED_TECHNIQUE(Severity.WARNING),
  /** A deprecated technique: withdrawn without replacement, so it does not map. */
  DEPRECATED_TECHNIQUE(Severity.ERROR),
  /** An {@code attack.} tag that is no valid ATT&amp;CK reference ({@code attack.t1059_001}, {@code attack.}). */
  MALFORMED_ATTACK_TAG(Severity.ERROR),
  /** A tactic name that no loaded domain has (possibly from a newer release, such as v19's {@code stealth}). */
  UNKNOWN_TACTIC(Severity.ERROR),
  /** A tagged tactic that none of the rule's mapped techniques has. */
  TACTIC_WITHOUT_TECHNIQUE(Severity.WARNING),
  /**
   * A mapped technique none of whose tactics the rule tags: when the rule tags other tactics, a contradiction
   * that lowers the technique's confidence; when it tags none, advice.
   */
  TECHNIQUE_TACTIC_NOT_TAGGED(Severity.INFO),
  /** A mapped technique whose platforms do not include the platforms of the rule's log source product. */
  PLATFORM_MISMATCH(Severity.WARNING),
  /** A group, software, campaign, mitigation, data source or component, or detection strategy not in the data. */
  UNKNOWN_ATTACK_OBJECT(Severity.WARNING),
  /** A revoked group, software or other object; the message names its replacement when there is one. */
  REVOKED_ATTACK_OBJECT(Severity.WARNING),
  /** A deprecated group, software or other object. */
  DEPRECATED_ATTACK_OBJECT(Severity.WARNING),
  /** The same ATT&amp;CK tag twice (after case and underscore folding). */
  DUPLICATE_TAG(Severity.INFO),
  /** An ATT&amp;CK tag not in canonical form: upper case letters, or a tactic written with underscores. */
  NON_CANONICAL_TAG(Severity.INFO),
  /** A correlation rule names a rule that is not in the batch, so its techniques could not be inherited. */
  UNRESOLVED_RULE_REFERENCE(Severity.WARNING),
  /** No tag of the rule maps to an active technique: the rule is quarantined. */
  NO_TECHNIQUE_MAPPING(Severity.ERROR),
  /** The rule's status is {@code deprecated} or {@code unsupported}: the rule is quarantined. */
  RULE_DEPRECATED(Severity.ERROR),
  /** Analyst feedback recommends quarantine (a high false-positive ratio): the rule is quarantined. */
  FEEDBACK_QUARANTINE(Severity.ERROR),
  /** Analyst feedback lowered the rule's correlation weight. */
  FEEDBACK_WEIGHT_LOWERED(Severity.INFO),
  /** The rule document could not be read; the finding carries the reader's message and location. */
  UNREADABLE(Severity.ERROR);

  private final Severity severity;

  FindingCode(Severity severity) {
    this.severity = severity;
  }

  /**
   * Returns the severity findings of this code usually have; {@link #REVOKED_TECHNIQUE} is an error in strict
   * mode or when its chain has no active end.
   *
   * @return the default severity
   */
  public Severity defaultSeverity() {
    return severity;
  }
}
