package io.sigmap.weights.testservices;

/** A well-behaved fake provider listed after the broken ones: discovery must still find it. */
public final class SurvivorPolicy extends FakePolicy {
  public SurvivorPolicy() {
    super("fake-survivor", 7);
  }
}
