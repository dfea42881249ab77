package io.sigmap.weights.testservices;

/** Named in a services file but not a TacticWeightPolicy. */
public final class NotAPolicy  {
  public NotAPolicy() {
    // Nothing.
  }
}
