package io.sigmap.weights.testservices;

/** A fake provider whose constructor throws, as a jar missing a dependency would. */
public final class ThrowingConstructorPolicy extends FakePolicy {
  public ThrowingConstructorPolicy() {
    super("fake-throwing-constructor", 5);
    throw new IllegalStateException("acme license file not found");
  }
}
