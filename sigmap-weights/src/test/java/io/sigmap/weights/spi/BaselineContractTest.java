package io.sigmap.weights.spi;

/** The contract, run against {@code TacticWeightPolicy.baseline()}. */
class BaselineContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.baseline();
  }
}
