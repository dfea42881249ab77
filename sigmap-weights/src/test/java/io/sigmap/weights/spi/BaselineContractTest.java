package io.sigmap.weights.spi;

import io.sigmap.weights.testing.TacticWeightPolicyContract;

/** The contract, run against {@code TacticWeightPolicy.baseline()}. */
class BaselineContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.baseline();
  }
}
