package io.sigmap.weights.internal;

import io.sigmap.stix.Tactic;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code uniform} policy: one weight for every tactic. Public, with a public no-argument constructor (weight
 * 5), because {@link java.util.ServiceLoader} instantiates it; the package is not exported. Obtain it with
 * {@link TacticWeightPolicy#uniform()} or {@link TacticWeightPolicy#uniform(int)}.
 */
public final class UniformPolicy implements TacticWeightPolicy {

  /** The id of the built-in, weight-5 policy. */
  public static final String ID = "uniform";

  private final int weight;
  private final String id;

  /** Creates the built-in policy, weight 5. */
  public UniformPolicy() {
    this(NEUTRAL_WEIGHT);
  }

  /**
   * Creates a policy with one weight.
   *
   * @param weight from 0 to 10
   * @throws IllegalArgumentException if the weight is outside the scale
   */
  public UniformPolicy(int weight) {
    if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "uniform weight cannot be outside %d-%d: %d", MIN_WEIGHT, MAX_WEIGHT, weight));
    }
    this.weight = weight;
    this.id = weight == NEUTRAL_WEIGHT ? ID : ID + "-" + weight;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "every tactic weighs " + weight;
  }

  @Override
  public int weight(Tactic tactic) {
    Objects.requireNonNull(tactic, "tactic");
    return weight;
  }

  @Override
  public String toString() {
    return "TacticWeightPolicy[" + id + "]";
  }
}
