package io.sigmap.cli;

import io.sigmap.core.FindingCode;
import java.util.Locale;

/** What each finding code means, for SARIF rule descriptions: a title, a description and what to do. */
final class FindingCodes {

  private FindingCodes() {}

  /**
   * The description of a code.
   *
   * @param title a short title
   * @param description what the finding means
   * @param help what to do about it
   */
  record Text(String title, String description, String help) {}

  static Text of(FindingCode code) {
    return switch (code) {
      case UNKNOWN_TECHNIQUE -> new Text("Unknown ATT&CK technique",
          "The rule tags a well-formed technique id that the ATT&CK data does not hold, so the tag does not map. "
              + "An id above the data's highest technique number probably comes from a newer ATT&CK release.",
          "Tag an existing technique, or validate against the ATT&CK release that defines it (--attack).");
      case REVOKED_TECHNIQUE -> new Text("Revoked ATT&CK technique",
          "The rule tags a technique that ATT&CK revoked. It maps to the active end of its replacement chain with "
              + "a lower confidence; in strict mode, or when the chain has no active end, it does not map.",
          "Tag the replacement that the message names.");
      case DEPRECATED_TECHNIQUE -> new Text("Deprecated ATT&CK technique",
          "The rule tags a technique that ATT&CK withdrew without a replacement, so the tag does not map.",
          "Tag a current technique that describes what the rule detects.");
      case MALFORMED_ATTACK_TAG -> new Text("Malformed ATT&CK tag",
          "An attack.* tag that is no valid ATT&CK reference, such as attack.t1059_001, so it does not map.",
          "Write techniques as attack.t1059.001 and tactics as attack.defense-evasion.");
      case UNKNOWN_TACTIC -> new Text("Unknown ATT&CK tactic",
          "A tactic tag that no loaded ATT&CK domain has, possibly a tactic of a newer release.",
          "Use a tactic short name of the matrix, such as attack.execution.");
      case TACTIC_WITHOUT_TECHNIQUE -> new Text("Tactic without a matching technique",
          "A tagged tactic that none of the rule's mapped techniques has.",
          "Tag a technique of that tactic, or remove the tactic tag.");
      case TECHNIQUE_TACTIC_NOT_TAGGED -> new Text("Technique's tactics not tagged",
          "A mapped technique none of whose tactics the rule tags. When the rule tags other tactics this is a "
              + "contradiction that lowers the technique's confidence; when it tags none, it is advice.",
          "Tag the tactic that the rule detects.");
      case PLATFORM_MISMATCH -> new Text("Technique platform mismatch",
          "A mapped technique whose ATT&CK platforms do not include those of the rule's logsource product; its "
              + "confidence is lowered.",
          "Check the technique tag against the rule's logsource.");
      case UNKNOWN_ATTACK_OBJECT -> new Text("Unknown ATT&CK object",
          "A group, software, campaign, mitigation, data source, data component or detection strategy id that the "
              + "ATT&CK data does not hold.",
          "Check the id against the ATT&CK release.");
      case REVOKED_ATTACK_OBJECT -> new Text("Revoked ATT&CK object",
          "A revoked group, software or other ATT&CK object; the message names its replacement when there is one.",
          "Tag the replacement.");
      case DEPRECATED_ATTACK_OBJECT -> new Text("Deprecated ATT&CK object",
          "A deprecated group, software or other ATT&CK object.",
          "Remove the tag, or tag a current object.");
      case DUPLICATE_TAG -> new Text("Duplicate ATT&CK tag",
          "The same ATT&CK tag appears twice, after case and underscore folding.",
          "Remove the repeated tag.");
      case NON_CANONICAL_TAG -> new Text("Non-canonical ATT&CK tag",
          "An ATT&CK tag with upper case letters, or a tactic written with underscores.",
          "Write tags in lower case with hyphens: attack.t1059.001, attack.defense-evasion.");
      case UNRESOLVED_RULE_REFERENCE -> new Text("Unresolved rule reference",
          "A correlation rule names a rule that is not among the rules checked with it, so the correlation does "
              + "not inherit its techniques.",
          "Check the correlation together with the rules it references.");
      case NO_TECHNIQUE_MAPPING -> new Text("No ATT&CK technique mapping",
          "No tag of the rule maps to an active ATT&CK technique: the rule is quarantined.",
          "Add a technique tag such as attack.t1059.001, or fix the rule's technique tags.");
      case RULE_DEPRECATED -> new Text("Deprecated or unsupported rule",
          "The rule's status is deprecated or unsupported: the rule is quarantined.",
          "Take the rule out of production, or update the rule and its status.");
      case FEEDBACK_QUARANTINE -> new Text("Quarantined by analyst feedback",
          "Analyst verdicts show a high false-positive ratio: the rule is quarantined.",
          "Tune the rule's detection or filters, then collect new verdicts.");
      case FEEDBACK_WEIGHT_LOWERED -> new Text("Weight lowered by analyst feedback",
          "Analyst verdicts lowered the rule's correlation weight.",
          "Tune the rule to lower its false positives.");
      case UNREADABLE -> new Text("Unreadable rule",
          "The document could not be read as a Sigma rule: YAML syntax, wrong types, missing fields, encoding or "
              + "a size limit.",
          "Fix the rule at the location given.");
    };
  }

  /** The code as a SARIF rule name: {@code UnknownTechnique}. */
  static String pascalCase(FindingCode code) {
    StringBuilder sb = new StringBuilder();
    for (String part : code.name().split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
