package io.sigmap.weights.testservices;

/** A fake provider that takes the built-in id {@code baseline}. */
public final class ClashWithBuiltIn extends FakePolicy {
  public ClashWithBuiltIn() {
    super("baseline", 3);
  }
}
