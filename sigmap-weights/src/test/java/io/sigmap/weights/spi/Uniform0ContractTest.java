package io.sigmap.weights.spi;

import io.sigmap.weights.testing.TacticWeightPolicyContract;

/** The contract, run against {@code TacticWeightPolicy.uniform(0)}. */
class Uniform0ContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.uniform(0);
  }
}
