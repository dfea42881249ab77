package io.sigmap.weights.spi;

import io.sigmap.weights.testing.TacticWeightPolicyContract;

/** The contract, run against {@code TacticWeightPolicy.uniform(10)}. */
class Uniform10ContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.uniform(10);
  }
}
