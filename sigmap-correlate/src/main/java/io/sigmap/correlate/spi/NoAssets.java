package io.sigmap.correlate.spi;

import io.sigmap.correlate.EntityKind;

/** The context of {@link AssetContext#none()}. */
enum NoAssets implements AssetContext {
  INSTANCE;

  @Override
  public AssetCriticality criticality(EntityKind kind, String value) {
    return AssetCriticality.MEDIUM;
  }

  @Override
  public String toString() {
    return "AssetContext.none()";
  }
}
