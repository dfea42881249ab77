package io.sigmap.weights.testservices;

import io.sigmap.stix.Tactic;

/** A fake provider that returns 12 for credential access. */
public final class OutOfRangePolicy extends FakePolicy {
  public OutOfRangePolicy() {
    super("fake-out-of-range", 5);
  }

  @Override
  public int weight(Tactic tactic) {
    return tactic.shortname().equals("credential-access") ? 12 : super.weight(tactic);
  }
}
