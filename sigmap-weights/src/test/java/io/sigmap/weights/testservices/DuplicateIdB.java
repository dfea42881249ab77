package io.sigmap.weights.testservices;

/** The other fake provider with the id {@code fake-dup}. */
public final class DuplicateIdB extends FakePolicy {
  public DuplicateIdB() {
    super("fake-dup", 2);
  }
}
