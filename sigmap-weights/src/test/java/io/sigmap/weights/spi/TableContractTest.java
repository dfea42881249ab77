package io.sigmap.weights.spi;

import io.sigmap.weights.testing.TacticWeightPolicyContract;
import java.util.Map;

/** The contract, run against a {@code table} policy with tactic rows, a TA id row and technique overrides. */
class TableContractTest implements TacticWeightPolicyContract {

  @Override
  public TacticWeightPolicy policy() {
    return TacticWeightPolicy.table(Map.of(
        "id", "contract-table",
        "default", 3,
        "tactics", Map.of("credential-access", 9, "Defense_Evasion", 0, "TA0027", 10, "stealth", 7),
        "techniques", Map.of("T1003", 10, "attack.t1059.001", 1)));
  }
}
