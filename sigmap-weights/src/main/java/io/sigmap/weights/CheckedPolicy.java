package io.sigmap.weights;

import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.Locale;
import java.util.Objects;

/**
 * The checking decorator the registry hands out for every policy: a weight outside 0-10, or an exception from
 * the policy, becomes a {@link TacticWeightPolicyException} naming the policy id and the tactic (after
 * Caffeine's {@code BoundedWeigher}). The id and description are read once, when the policy is registered.
 * Package-private.
 */
final class CheckedPolicy implements TacticWeightPolicy {

  private final TacticWeightPolicy delegate;
  private final String id;
  private final String description;

  private CheckedPolicy(TacticWeightPolicy delegate, String id, String description) {
    this.delegate = delegate;
    this.id = id;
    this.description = description;
  }

  /**
   * Reads a policy's identity and wraps it.
   *
   * @param policy the policy; returned as is when already checked
   * @return the checked policy
   * @throws TacticWeightPolicyException if {@code id()} or {@code description()} throws or returns an invalid
   *     value
   */
  static CheckedPolicy of(TacticWeightPolicy policy) {
    if (policy instanceof CheckedPolicy) {
      return (CheckedPolicy) policy;
    }
    String className = policy.getClass().getName();
    String id;
    try {
      id = policy.id();
    } catch (RuntimeException | LinkageError e) {
      throw new TacticWeightPolicyException(String.format(Locale.ROOT,
          "policy class %s threw %s from id(): %s", className, e.getClass().getName(), e.getMessage()),
          null, null, e);
    }
    String problem = PolicyIds.problem(id);
    if (problem != null) {
      throw new TacticWeightPolicyException(String.format(Locale.ROOT,
          "policy class %s has an invalid id: %s; ids are non-blank, at most %d characters, without whitespace",
          className, problem, PolicyIds.MAX_LENGTH), null, null, null);
    }
    return new CheckedPolicy(policy, id, description(policy, id));
  }

  private static String description(TacticWeightPolicy policy, String id) {
    String description;
    try {
      description = policy.description();
    } catch (RuntimeException | LinkageError e) {
      throw new TacticWeightPolicyException(String.format(Locale.ROOT,
          "policy %s (%s) threw %s from description(): %s", id, policy.getClass().getName(),
          e.getClass().getName(), e.getMessage()), id, null, e);
    }
    if (description == null) {
      throw new TacticWeightPolicyException(String.format(Locale.ROOT,
          "policy %s (%s) returned a null description()", id, policy.getClass().getName()), id, null, null);
    }
    return description;
  }

  /** Returns the policy this one checks. */
  TacticWeightPolicy delegate() {
    return delegate;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int weight(Tactic tactic) {
    Objects.requireNonNull(tactic, "tactic");
    int w;
    try {
      w = delegate.weight(tactic);
    } catch (RuntimeException | LinkageError e) {
      throw thrown(e, tactic, null);
    }
    return check(w, tactic, null);
  }

  @Override
  public int weight(Tactic tactic, Technique technique) {
    Objects.requireNonNull(tactic, "tactic");
    Objects.requireNonNull(technique, "technique");
    int w;
    try {
      w = delegate.weight(tactic, technique);
    } catch (RuntimeException | LinkageError e) {
      throw thrown(e, tactic, technique);
    }
    return check(w, tactic, technique);
  }

  @Override
  public TacticWeightPolicy bind(TechniqueIndex index) {
    Objects.requireNonNull(index, "index");
    TacticWeightPolicy bound;
    try {
      bound = delegate.bind(index);
    } catch (RuntimeException | LinkageError e) {
      throw new TacticWeightPolicyException(String.format(Locale.ROOT, "policy %s threw %s from bind(%s): %s",
          id, e.getClass().getName(), index, e.getMessage()), id, null, e);
    }
    if (bound == null) {
      throw new TacticWeightPolicyException("policy " + id + " returned null from bind(" + index + ")", id, null,
          null);
    }
    // The bound policy keeps the id (configurations name it) but may describe itself differently.
    return bound == delegate ? this : new CheckedPolicy(bound, id, description(bound, id));
  }

  private int check(int w, Tactic tactic, Technique technique) {
    if (w < MIN_WEIGHT || w > MAX_WEIGHT) {
      throw new TacticWeightPolicyException(String.format(Locale.ROOT, "weight cannot be outside %d-%d: %d (%s)",
          MIN_WEIGHT, MAX_WEIGHT, w, context(tactic, technique)), id, tactic.id(), null);
    }
    return w;
  }

  private TacticWeightPolicyException thrown(Throwable e, Tactic tactic, Technique technique) {
    return new TacticWeightPolicyException(String.format(Locale.ROOT, "policy threw %s: %s (%s)",
        e.getClass().getName(), e.getMessage(), context(tactic, technique)), id, tactic.id(), e);
  }

  private String context(Tactic tactic, Technique technique) {
    String s = "policy " + id + ", tactic " + tactic.id() + " " + tactic.shortname();
    return technique == null ? s : s + ", technique " + technique.id();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
