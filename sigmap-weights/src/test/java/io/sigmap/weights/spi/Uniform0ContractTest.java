package io.sigmap.weights.spi;

/** The contract, run against {@code TacticWeightPolicy.uniform(0)}. */
class Uniform0ContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.uniform(0);
  }
}
