package io.sigmap.weights.spi;

/** The contract, run against {@code TacticWeightPolicy.killChain()}. */
class KillChainContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.killChain();
  }
}
