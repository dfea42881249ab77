package io.sigmap.weights.spi;

/** The contract, run against {@code TacticWeightPolicy.uniform()}. */
class UniformContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.uniform();
  }
}
