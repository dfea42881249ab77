package io.sigmap.weights.testservices;

import io.sigmap.stix.Tactic;
import io.sigmap.weights.spi.TacticWeightPolicy;

/** Base of the fake providers: an id and one weight for every tactic. */
abstract class FakePolicy implements TacticWeightPolicy {

  private final String id;
  private final int weight;

  FakePolicy(String id, int weight) {
    this.id = id;
    this.weight = weight;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "fake provider " + getClass().getSimpleName();
  }

  @Override
  public int weight(Tactic tactic) {
    return weight;
  }
}
