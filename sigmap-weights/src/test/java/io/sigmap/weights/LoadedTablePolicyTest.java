package io.sigmap.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmap.weights.spi.TacticWeightPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader's result record. */
class LoadedTablePolicyTest {

  @Test
  void findings_copiedAndImmutable() {
    List<TablePolicyFinding> findings = new ArrayList<>();
    findings.add(new TablePolicyFinding(TablePolicyFinding.Kind.UNKNOWN_KEY, "s", 1, 1, "k", "m"));
    LoadedTablePolicy loaded = new LoadedTablePolicy(TacticWeightPolicy.uniform(), findings);
    findings.clear();
    assertEquals(1, loaded.findings().size());
    assertThrows(UnsupportedOperationException.class, () -> loaded.findings().clear());
  }

  @Test
  void constructor_nulls_rejected() {
    assertThrows(NullPointerException.class, () -> new LoadedTablePolicy(null, List.of()));
    assertThrows(NullPointerException.class, () -> new LoadedTablePolicy(TacticWeightPolicy.uniform(), null));
  }
}
