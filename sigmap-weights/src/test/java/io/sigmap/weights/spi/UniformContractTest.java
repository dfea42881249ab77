package io.sigmap.weights.spi;

import io.sigmap.weights.testing.TacticWeightPolicyContract;

/** The contract, run against {@code TacticWeightPolicy.uniform()}. */
class UniformContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.uniform();
  }
}
