package io.sigmap.cli;

import io.sigmap.stix.AttackDomain;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One bundle in the cache: {@code <cache>/attack/<domain>-attack-<release>.json}, with its index snapshot
 * ({@code .idx}), its SHA-256 in {@code sha256sum} form ({@code .json.sha256}) and its manifest
 * ({@code .manifest.json}) beside it.
 *
 * @param domain the domain
 * @param release the ATT&amp;CK release
 * @param bundle the bundle file
 * @param size the bundle file's size
 * @param manifest the manifest, when the bundle was fetched by sigmap and the manifest is readable
 */
record CacheEntry(AttackDomain domain, String release, Path bundle, long size, Optional<Manifest> manifest) {

  CacheEntry {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** The base name shared by the entry's files: {@code enterprise-attack-18.1}. */
  static String baseName(AttackDomain domain, String release) {
    return domain.id() + "-" + release;
  }

  /** How {@code --attack} names this entry: {@code enterprise@18.1}. */
  String spec() {
    return domain.shortId() + "@" + release;
  }

  Path snapshot() {
    return bundle.resolveSibling(baseName(domain, release) + ".idx");
  }

  Path manifestFile() {
    return bundle.resolveSibling(baseName(domain, release) + ".manifest.json");
  }

  Path sha256File() {
    return bundle.resolveSibling(bundle.getFileName() + ".sha256");
  }
}
