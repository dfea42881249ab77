package io.sigmap.weights.testservices;

/** A well-behaved fake host policy, id {@code fake-one}, weight 6. */
public final class OnePolicy extends FakePolicy {
  public OnePolicy() {
    super("fake-one", 6);
  }
}
