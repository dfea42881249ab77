package io.sigmap.stix;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem found while loading bundles that did not stop the load: the index is complete without the object
 * or link at fault. With {@link StixReadOptions#strict()} each of these is thrown as a
 * {@link StixFormatException} instead.
 *
 * @param kind what kind of problem
 * @param source the bundle's file name or stream name
 * @param line the 1-based JSON line of the object at fault, or 0 when not known
 * @param column the 1-based JSON column, or 0 when not known
 * @param stixId the STIX id of the object at fault, when there is one
 * @param message what is wrong and what the index did about it
 * @since 0.1.0
 */
public record StixWarning(
    StixWarning.Kind kind, String source, int line, int column, Optional<String> stixId, String message) {

  /**
   * The kinds of load warnings.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** An object lacks a field it needs (its id, its ATT&amp;CK id, a tactic's shortname); it was skipped. */
    MISSING_FIELD,
    /** A field has the wrong JSON type or an unusable value; the object was skipped. */
    INVALID_FIELD,
    /** Two different STIX objects carry one ATT&amp;CK id; the newest {@code modified} was kept. */
    DUPLICATE_ID,
    /** A {@code revoked-by} chain loops; the revoked technique has no replacement. */
    REVOKED_BY_CYCLE,
    /** A relationship names an object that is not in the loaded bundles; the link was dropped. */
    DANGLING_REFERENCE,
    /** A revoked object has no {@code revoked-by} relationship naming its replacement. */
    NO_REPLACEMENT,
    /** A technique's kill chain phase names a tactic its domain does not have; the phase was dropped. */
    UNKNOWN_TACTIC,
    /** A domain has no {@code x-mitre-matrix}, or a tactic is in none; tactic order falls back to ids. */
    NO_MATRIX_ORDER,
    /** Two bundles of one domain give different ATT&amp;CK versions; the first was kept. */
    VERSION_CONFLICT,
    /** An object names no domain and its bundle's domain could not be told; it was assumed Enterprise. */
    UNKNOWN_DOMAIN,
    /**
     * An index snapshot was not used (corrupt, truncated, another format version, or made from other bundle
     * files) and the bundles were parsed instead; or a fresh snapshot could not be written.
     */
    SNAPSHOT_REJECTED
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public StixWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(stixId, "stixId");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Formats the warning as {@code source:line:column: KIND: message (object id)}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ").append(kind).append(": ").append(message);
    stixId.ifPresent(id -> sb.append(String.format(Locale.ROOT, " (object %s)", id)));
    return sb.toString();
  }
}
