package io.sigmap.correlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How alerts on related entities join one attack chain, and the guards against the "giant component" that
 * would link a whole network through one shared value.
 *
 * <p>An alert links the chains of all its <em>linking</em> entities: those of a kind in {@link #kinds()},
 * not a stop value, and not saturated. By default hosts and users link; IP addresses and cloud accounts do
 * not, because they are shared too widely (NAT, DHCP, one cloud account for a whole organisation): they still
 * key suppression and proximity. Guards:
 * <ul>
 *   <li><b>Stop values</b> ({@link #stopValues()}: a domain controller, a NAT address, {@code system}) never
 *       link chains. An alert on a stop value and an ordinary entity joins the ordinary entity's chain; an
 *       alert whose only entities are stop values joins its primary entity's own chain.
 *   <li><b>Link cap</b>: an entity that has brought {@link #maxLinksPerEntity()} other entities or chains into
 *       its chain is <em>saturated</em> and stops linking, as a stop value (a service account that logs on
 *       to every host). Counted in {@link CorrelatorStats#saturatedEntities()}.
 *   <li><b>Chain size</b>: a merge that would give a chain more than {@link #maxEntitiesPerChain()} entities
 *       is refused; the alert joins the oldest chain only. Counted in {@link CorrelatorStats#mergesRefused()}.
 * </ul>
 *
 * @param stopValues entities that never link chains, sorted
 * @param maxLinksPerEntity the links after which an entity saturates
 * @param maxEntitiesPerChain the most entities one chain may hold
 * @param kinds the entity kinds that link chains
 * @since 0.1.0
 */
public record LinkOptions(
    List<EntityKey> stopValues, int maxLinksPerEntity, int maxEntitiesPerChain, Set<EntityKind> kinds) {

  /** No stop value, 10 links per entity, 32 entities per chain, hosts and users link. */
  public static final LinkOptions DEFAULT = new Builder().build();

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a limit is out of range
   */
  public LinkOptions {
    stopValues = List.copyOf(new TreeSet<>(Objects.requireNonNull(stopValues, "stopValues")));
    Checks.atLeast(maxLinksPerEntity, 1, "LinkOptions.maxLinksPerEntity");
    Checks.atLeast(maxEntitiesPerChain, 1, "LinkOptions.maxEntitiesPerChain");
    Objects.requireNonNull(kinds, "kinds");
    EnumSet<EntityKind> k = EnumSet.noneOf(EntityKind.class);
    k.addAll(kinds);
    kinds = Collections.unmodifiableSet(k);
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.stopValues.addAll(stopValues);
    b.maxLinksPerEntity = maxLinksPerEntity;
    b.maxEntitiesPerChain = maxEntitiesPerChain;
    b.kinds = EnumSet.noneOf(EntityKind.class);
    b.kinds.addAll(kinds);
    return b;
  }

  /**
   * Builds {@link LinkOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<EntityKey> stopValues = new ArrayList<>();
    private int maxLinksPerEntity = 10;
    private int maxEntitiesPerChain = 32;
    private EnumSet<EntityKind> kinds = EnumSet.of(EntityKind.HOST, EntityKind.USER);

    private Builder() {
    }

    /**
     * Adds a stop value.
     *
     * @param kind the kind
     * @param value the value
     * @return this builder
     */
    public Builder stopValue(EntityKind kind, String value) {
      stopValues.add(new EntityKey(kind, value));
      return this;
    }

    /**
     * Sets the links after which an entity saturates.
     *
     * @param links the number, at least 1
     * @return this builder
     */
    public Builder maxLinksPerEntity(int links) {
      this.maxLinksPerEntity = links;
      return this;
    }

    /**
     * Sets the most entities one chain may hold.
     *
     * @param entities the number, at least 1
     * @return this builder
     */
    public Builder maxEntitiesPerChain(int entities) {
      this.maxEntitiesPerChain = entities;
      return this;
    }

    /**
     * Sets the entity kinds that link chains.
     *
     * @param linkKinds the kinds
     * @return this builder
     */
    public Builder kinds(Set<EntityKind> linkKinds) {
      this.kinds = EnumSet.noneOf(EntityKind.class);
      this.kinds.addAll(Objects.requireNonNull(linkKinds, "linkKinds"));
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if a limit is out of range
     */
    public LinkOptions build() {
      return new LinkOptions(stopValues, maxLinksPerEntity, maxEntitiesPerChain, kinds);
    }
  }
}
