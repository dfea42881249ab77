package io.sigmap.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert a rule raised: the input of {@link Correlator#accept(Alert)}.
 *
 * <pre>{@code
 * Alert a = Alert.builder("alert-17", "5b3ce4b8-...", Instant.parse("2026-01-05T10:15:00Z"))
 *     .host("WS0042").user("alice")
 *     .field("Image", "C:\\Windows\\System32\\wsmprovhost.exe")
 *     .build();
 * }</pre>
 *
 * <p>Entities are kept in {@link EntityKind} precedence order (stable for several entities of one kind); the
 * first is the alert's <em>primary</em> entity, which keys suppression and prevalence. Fields are the event
 * fields allowlists match against, by exact name.
 *
 * @param id the alert id, unique in the stream; chains founded by the alert and verdicts refer to it
 * @param ruleId the id of the rule that fired, as in the {@link RuleCatalog}
 * @param time the event time, epoch milliseconds, in [{@link #MIN_TIME}, {@link #MAX_TIME}]
 * @param source the source type, when the alert gives one; otherwise the rule's
 * @param entities the entities the alert is about, at most {@link #MAX_ENTITIES}, in precedence order
 * @param fields event fields by name, at most {@link #MAX_FIELDS}
 * @since 0.1.0
 */
public record Alert(
    String id,
    String ruleId,
    long time,
    Optional<SourceType> source,
    List<EntityKey> entities,
    Map<String, String> fields) {

  /** The most entities an alert may have. */
  public static final int MAX_ENTITIES = 8;

  /** The earliest event time accepted, epoch milliseconds (about 271,821 BCE, as {@code java.util.Date}). */
  public static final long MIN_TIME = -8_640_000_000_000_000L;

  /** The latest event time accepted, epoch milliseconds (about 275,760 CE). */
  public static final long MAX_TIME = 8_640_000_000_000_000L;

  /** The most fields an alert may have. */
  public static final int MAX_FIELDS = 64;

  /**
   * Validates the components and puts the entities in precedence order.
   *
   * @throws NullPointerException if a component, entity, field name or field value is null
   * @throws IllegalArgumentException if the id or rule id is blank, or there are too many entities or fields
   */
  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(fields, "fields");
    if (id.isBlank()) {
      throw new IllegalArgumentException("alert id must not be blank");
    }
    if (ruleId.isBlank()) {
      throw new IllegalArgumentException("rule id of alert " + id + " must not be blank");
    }
    if (time < MIN_TIME || time > MAX_TIME) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "event time of alert %s (%d) is outside [Alert.MIN_TIME, Alert.MAX_TIME]", id, time));
    }
    if (entities.size() > MAX_ENTITIES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "alert %s has %d entities, more than the maximum allowed (%d, Alert.MAX_ENTITIES)", id,
          entities.size(), MAX_ENTITIES));
    }
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "alert %s has %d fields, more than the maximum allowed (%d, Alert.MAX_FIELDS)", id, fields.size(),
          MAX_FIELDS));
    }
    entities = ordered(entities);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      Objects.requireNonNull(f.getKey(), "field name");
      Objects.requireNonNull(f.getValue(), "field value");
    }
    fields = fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  private static List<EntityKey> ordered(List<EntityKey> entities) {
    List<EntityKey> copy = List.copyOf(entities);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i - 1).kind().compareTo(copy.get(i).kind()) > 0) {
        EntityKey[] sorted = copy.toArray(new EntityKey[0]);
        Arrays.sort(sorted, (a, b) -> a.kind().compareTo(b.kind()));
        return List.of(sorted);
      }
    }
    return copy;
  }

  /**
   * Returns the event time as an instant.
   *
   * @return the event time
   */
  public Instant instant() {
    return Instant.ofEpochMilli(time);
  }

  /**
   * Returns the primary entity: the first in precedence order.
   *
   * @return the primary entity, or empty when the alert has none
   */
  public Optional<EntityKey> primaryEntity() {
    return entities.isEmpty() ? Optional.empty() : Optional.of(entities.get(0));
  }

  /**
   * Returns a builder.
   *
   * @param id the alert id
   * @param ruleId the rule id
   * @param time the event time, epoch milliseconds
   * @return a new builder
   */
  public static Builder builder(String id, String ruleId, long time) {
    return new Builder(Objects.requireNonNull(id, "id"), Objects.requireNonNull(ruleId, "ruleId"), time);
  }

  /**
   * Returns a builder.
   *
   * @param id the alert id
   * @param ruleId the rule id
   * @param time the event time
   * @return a new builder
   */
  public static Builder builder(String id, String ruleId, Instant time) {
    return builder(id, ruleId, Objects.requireNonNull(time, "time").toEpochMilli());
  }

  /**
   * Returns a builder holding this alert's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, ruleId, time);
    b.source = source;
    b.entities.addAll(entities);
    b.fields.putAll(fields);
    return b;
  }

  /**
   * Builds an {@link Alert}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String id;
    private final String ruleId;
    private final long time;
    private Optional<SourceType> source = Optional.empty();
    private final List<EntityKey> entities = new ArrayList<>(4);
    private final Map<String, String> fields = new TreeMap<>();

    private Builder(String id, String ruleId, long time) {
      this.id = id;
      this.ruleId = ruleId;
      this.time = time;
    }

    /**
     * Sets the source type, overriding the rule's.
     *
     * @param source the source type
     * @return this builder
     */
    public Builder source(SourceType source) {
      this.source = Optional.of(source);
      return this;
    }

    /**
     * Adds an entity.
     *
     * @param kind the kind
     * @param value the value
     * @return this builder
     */
    public Builder entity(EntityKind kind, String value) {
      entities.add(new EntityKey(kind, value));
      return this;
    }

    /**
     * Adds a host.
     *
     * @param host the host name
     * @return this builder
     */
    public Builder host(String host) {
      return entity(EntityKind.HOST, host);
    }

    /**
     * Adds a user.
     *
     * @param user the user name
     * @return this builder
     */
    public Builder user(String user) {
      return entity(EntityKind.USER, user);
    }

    /**
     * Adds an IP address.
     *
     * @param ip the address
     * @return this builder
     */
    public Builder ip(String ip) {
      return entity(EntityKind.IP, ip);
    }

    /**
     * Adds a cloud account.
     *
     * @param account the account, subscription or tenant id
     * @return this builder
     */
    public Builder cloudAccount(String account) {
      return entity(EntityKind.CLOUD_ACCOUNT, account);
    }

    /**
     * Sets a field.
     *
     * @param name the field name, for example {@code Image}
     * @param value the value
     * @return this builder
     */
    public Builder field(String name, String value) {
      fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the alert.
     *
     * @return the alert
     * @throws IllegalArgumentException if a value is out of range
     */
    public Alert build() {
      return new Alert(id, ruleId, time, source, entities, fields);
    }
  }
}
