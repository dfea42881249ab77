package io.sigmap.weights.testservices;

/** One of two fake providers with the id {@code fake-dup}. */
public final class DuplicateIdA extends FakePolicy {
  public DuplicateIdA() {
    super("fake-dup", 1);
  }
}
