package io.sigmap.weights.testservices;

import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.spi.TacticWeightPolicy;

/** A fake provider that fails when bound to an index. */
public final class BindFailsPolicy extends FakePolicy {
  public BindFailsPolicy() {
    super("fake-bind-fails", 5);
  }

  @Override
  public TacticWeightPolicy bind(TechniqueIndex index) {
    throw new UnsupportedOperationException("needs ATT&CK 19");
  }
}
