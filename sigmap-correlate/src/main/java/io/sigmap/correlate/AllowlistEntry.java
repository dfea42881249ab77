package io.sigmap.correlate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A known-good execution: alerts it matches are tagged with its id as their {@code allowlist_correlation_id}
 * and recorded with score 0 ({@link AlertAllowlisted}), not scored, linked or suppressed.
 *
 * <pre>{@code
 * AllowlistEntry sccm = AllowlistEntry.builder("AL-7 SCCM client")
 *     .rule("5b3ce4b8-...")
 *     .field("Image", "C:\\Windows\\CCM\\*.exe")
 *     .field("ParentImage", "*\\CcmExec.exe")
 *     .build();
 * }</pre>
 *
 * <p>An alert matches when its rule is one of {@link #ruleIds()} (any rule when empty) and every field
 * pattern matches the alert's field of that name. Patterns compare without regard to case and may use
 * {@code *} for any run of characters; a field the alert lacks never matches. Entries are tried in order; the
 * first match wins.
 *
 * @param id the allowlist correlation id
 * @param ruleIds the rules the entry applies to, sorted; empty for any rule
 * @param fields field name to pattern, sorted by name
 * @param reason why the execution is known to be good
 * @since 0.1.0
 */
public record AllowlistEntry(String id, List<String> ruleIds, Map<String, String> fields, Optional<String> reason) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the id is blank or the entry has neither rules nor fields (it would
   *     allowlist everything)
   */
  public AllowlistEntry {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("allowlist id must not be blank");
    }
    ruleIds = List.copyOf(new TreeSet<>(Objects.requireNonNull(ruleIds, "ruleIds")));
    Objects.requireNonNull(fields, "fields");
    TreeMap<String, String> f = new TreeMap<>();
    fields.forEach((k, v) -> f.put(Objects.requireNonNull(k, "field name"), Objects.requireNonNull(v, "pattern")));
    fields = Collections.unmodifiableMap(f);
    Objects.requireNonNull(reason, "reason");
    if (ruleIds.isEmpty() && fields.isEmpty()) {
      throw new IllegalArgumentException(
          "allowlist entry " + id + " names no rule and no field: it would allowlist every alert");
    }
  }

  /**
   * Returns a builder.
   *
   * @param id the allowlist correlation id
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(Objects.requireNonNull(id, "id"));
  }

  /**
   * Builds an {@link AllowlistEntry}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String id;
    private final TreeSet<String> ruleIds = new TreeSet<>();
    private final TreeMap<String, String> fields = new TreeMap<>();
    private Optional<String> reason = Optional.empty();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Adds a rule the entry applies to.
     *
     * @param ruleId the rule id
     * @return this builder
     */
    public Builder rule(String ruleId) {
      ruleIds.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    /**
     * Adds a field pattern.
     *
     * @param name the field name, matched exactly
     * @param pattern the pattern, case-insensitive, {@code *} for any run of characters
     * @return this builder
     */
    public Builder field(String name, String pattern) {
      fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /**
     * Sets the reason.
     *
     * @param why why the execution is known to be good
     * @return this builder
     */
    public Builder reason(String why) {
      this.reason = Optional.of(why);
      return this;
    }

    /**
     * Builds the entry.
     *
     * @return the entry
     * @throws IllegalArgumentException if the entry names neither rules nor fields
     */
    public AllowlistEntry build() {
      return new AllowlistEntry(id, List.copyOf(ruleIds), fields, reason);
    }
  }
}
