package io.sigmap.weights.spi;

/** The contract, run against {@code TacticWeightPolicy.uniform(10)}. */
class Uniform10ContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.uniform(10);
  }
}
