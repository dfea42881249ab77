package io.sigmap.weights.testservices;

import io.sigmap.stix.Tactic;

/** A fake provider whose weight method throws for impact. */
public final class ThrowingWeightPolicy extends FakePolicy {
  public ThrowingWeightPolicy() {
    super("fake-throwing", 5);
  }

  @Override
  public int weight(Tactic tactic) {
    if (tactic.shortname().equals("impact")) {
      throw new ArithmeticException("/ by zero");
    }
    return super.weight(tactic);
  }
}
