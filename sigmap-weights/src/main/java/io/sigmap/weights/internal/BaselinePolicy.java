package io.sigmap.weights.internal;

import io.sigmap.stix.Tactic;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.Objects;

/**
 * The {@code baseline} policy: the background article's table. Public, with a public no-argument constructor,
 * because {@link java.util.ServiceLoader} instantiates it from {@code META-INF/services}; the package is not
 * exported. Obtain it with {@link TacticWeightPolicy#baseline()}.
 */
public final class BaselinePolicy implements TacticWeightPolicy {

  /** The policy id. */
  public static final String ID = "baseline";

  /** Creates the policy. */
  public BaselinePolicy() {
    // Stateless.
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "the background article's table: initial-access 9, execution 8, privilege-escalation 8, "
        + "credential-access 9, persistence 7, defense-evasion 6, every other tactic 5";
  }

  @Override
  public int weight(Tactic tactic) {
    switch (Names.canonicalShortname(Objects.requireNonNull(tactic, "tactic").shortname())) {
      case "initial-access":
      case "credential-access":
        return 9;
      case "execution":
      case "privilege-escalation":
        return 8;
      case "persistence":
        return 7;
      case "defense-evasion":
        return 6;
      default:
        return NEUTRAL_WEIGHT;
    }
  }

  @Override
  public String toString() {
    return "TacticWeightPolicy[" + ID + "]";
  }
}
