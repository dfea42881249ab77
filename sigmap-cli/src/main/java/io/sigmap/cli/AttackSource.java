package io.sigmap.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code --attack} value resolved to a bundle file.
 *
 * @param spec the value as given, or {@code enterprise@<newest>} for the default
 * @param bundle the bundle file
 * @param cached the cache entry, when the bundle is in the cache
 */
record AttackSource(String spec, Path bundle, Optional<CacheEntry> cached) {

  AttackSource {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(cached, "cached");
  }
}
