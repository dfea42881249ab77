package io.sigmap.weights.testservices;

/** A fake provider with a blank id. */
public final class BlankIdPolicy extends FakePolicy {
  public BlankIdPolicy() {
    super("  ", 5);
  }
}
