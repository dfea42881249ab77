package io.sigmap.cli;

import io.sigmap.stix.AttackDomain;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ATT&amp;CK cache: bundles fetched by {@code sigmap attack fetch} under {@code <cache>/attack/}. Every file
 * arrives by an atomic move from a staging folder in the same place, so a reader never sees half a file and a
 * failed fetch leaves the cache as it was. Listings are sorted by domain, then release.
 */
final class AttackCache {

  private static final Pattern BUNDLE = Pattern.compile(
      "(enterprise|mobile|ics)-attack-(" + Releases.RELEASE.pattern() + ")\\.json");

  private static final String STAGING_PREFIX = ".fetch-";

  private final Path root;

  AttackCache(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The cache folder, as configured. */
  Path root() {
    return root;
  }

  /** The folder of ATT&amp;CK bundles. */
  Path dir() {
    return root.resolve("attack");
  }

  /** Every cached bundle, by domain then release (oldest first). */
  List<CacheEntry> entries() {
    List<CacheEntry> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(), "*-attack-*.json")) {
      for (Path f : files) {
        Matcher m = BUNDLE.matcher(f.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(f)) {
          continue;
        }
        AttackDomain domain = AttackDomain.fromId(m.group(1)).orElseThrow();
        CacheEntry bare = new CacheEntry(domain, m.group(2), f, Files.size(f), Optional.empty());
        found.add(new CacheEntry(domain, bare.release(), f, bare.size(), Manifest.read(bare.manifestFile())));
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot list the cache %s: %s", dir(), e), e,
          "check the folder's permissions, or use another cache with --cache DIR or SIGMAP_CACHE");
    }
    found.sort(Comparator.comparing(CacheEntry::domain)
        .thenComparing(CacheEntry::release, Releases.ORDER));
    return List.copyOf(found);
  }

  Optional<CacheEntry> find(AttackDomain domain, String release) {
    return entries().stream().filter(e -> e.domain() == domain && e.release().equals(release)).findFirst();
  }

  /** The newest release of a domain, by release number (not by fetch time). */
  Optional<CacheEntry> newest(AttackDomain domain) {
    CacheEntry newest = null;
    for (CacheEntry e : entries()) {
      if (e.domain() == domain) {
        newest = e;
      }
    }
    return Optional.ofNullable(newest);
  }

  /** The newest entry fetched from a URL. */
  Optional<CacheEntry> findByUrl(String url) {
    CacheEntry found = null;
    for (CacheEntry e : entries()) {
      if (e.manifest().isPresent() && e.manifest().get().url().equals(url)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The path a bundle of a domain and release has in the cache. */
  Path bundlePath(AttackDomain domain, String release) {
    return dir().resolve(CacheEntry.baseName(domain, release) + ".json");
  }

  /**
   * Makes a staging folder inside the cache, where a fetch writes before committing; staging folders that a
   * crashed fetch left more than a day ago are removed.
   */
  Path stage() {
    try {
      Files.createDirectories(dir());
      removeStaleStaging();
      return Files.createTempDirectory(dir(), STAGING_PREFIX);
    } catch (IOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot write to the cache %s: %s", dir(), e), e,
          "check the folder's permissions, or use another cache with --cache DIR or SIGMAP_CACHE");
    }
  }

  /**
   * Moves a staged bundle and its snapshot into the cache, then writes its checksum file and manifest; each
   * file arrives by an atomic move. The snapshot goes first: a snapshot that does not match its bundle is
   * detected and rebuilt, a bundle without its manifest is still listed.
   */
  CacheEntry commit(Path stagedBundle, Path stagedSnapshot, Manifest manifest, AttackDomain domain) {
    Path bundle = bundlePath(domain, manifest.release());
    CacheEntry entry = new CacheEntry(domain, manifest.release(), bundle, manifest.size(), Optional.of(manifest));
    try {
      Path stage = stagedBundle.getParent();
      Path sha = stage.resolve("sha256");
      Files.writeString(sha, manifest.sha256() + "  " + bundle.getFileName() + "\n", StandardCharsets.US_ASCII);
      Path man = stage.resolve("manifest");
      try (Writer w = Files.newBufferedWriter(man, StandardCharsets.UTF_8)) {
        manifest.write(w);
      }
      if (Files.exists(stagedSnapshot)) {
        move(stagedSnapshot, entry.snapshot());
      }
      move(stagedBundle, bundle);
      move(sha, entry.sha256File());
      move(man, entry.manifestFile());
      return entry;
    } catch (IOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot write %s into the cache: %s", bundle, e), e,
          "check the folder's permissions and free space, or use another cache with --cache DIR");
    }
  }

  /** Deletes a staging folder and what it holds; failures are ignored (the next fetch cleans up). */
  static void deleteStaging(Path stage) {
    try (Stream<Path> files = Files.list(stage)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(stage);
    } catch (IOException e) {
      // left for removeStaleStaging
    }
  }

  private void removeStaleStaging() throws IOException {
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir(), STAGING_PREFIX + "*")) {
      for (Path d : dirs) {
        FileTime t = Files.getLastModifiedTime(d);
        if (Files.isDirectory(d) && t.toInstant().isBefore(dayAgo)) {
          deleteStaging(d);
        }
      }
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
