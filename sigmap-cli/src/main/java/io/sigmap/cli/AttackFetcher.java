package io.sigmap.cli;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.StixFormatException;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an ATT&amp;CK bundle into the cache: download (HTTP or TAXII) into a staging folder inside the cache,
 * tell its release, load it with {@link TechniqueIndex} to prove it usable (which also writes its index
 * snapshot), then commit it with its SHA-256 and manifest. Anything that fails before the commit leaves the
 * cache exactly as it was.
 */
final class AttackFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(AttackFetcher.class);

  /** Where MITRE publishes ATT&amp;CK in STIX 2.1, one folder per domain. */
  static final String MITRE_BASE = "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/";

  private static final String ACCEPT = "application/json, text/plain;q=0.9, */*;q=0.1";

  /**
   * What to fetch.
   *
   * @param domain the domain asked for; empty lets a {@code --url} bundle say it (default Enterprise)
   * @param release the release asked for; empty for the latest, read from the bundle
   * @param url a bundle URL instead of MITRE's
   * @param taxii a TAXII 2.1 API root or collection instead of a bundle URL
   * @param pageSize the TAXII page size, or null for the server's
   */
  record Request(Optional<AttackDomain> domain, Optional<String> release, Optional<URI> url, Optional<URI> taxii,
      Integer pageSize) {}

  private final AttackCache cache;
  private final HttpFetch http;
  private final Clock clock;

  AttackFetcher(AttackCache cache, HttpFetch http, Clock clock) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The URL of MITRE's bundle of a domain: a release's, or the latest. */
  static URI mitreUrl(AttackDomain domain, Optional<String> release) {
    return URI.create(MITRE_BASE + domain.id() + "/" + domain.id() + release.map(r -> "-" + r).orElse("") + ".json");
  }

  CacheEntry fetch(Request r) {
    r.release().ifPresent(rel -> {
      if (!Releases.valid(rel)) {
        throw CliException.usage(String.format(Locale.ROOT, "--release %s is not a release number such as 18.1",
            rel));
      }
    });
    AttackDomain domain = r.domain().orElse(AttackDomain.ENTERPRISE);
    Path stage = cache.stage();
    try {
      Path download = stage.resolve("download.json");
      String source;
      String transport;
      String sha256;
      if (r.taxii().isPresent()) {
        URI objects = new TaxiiClient(http, stage).download(r.taxii().get(), domain, r.pageSize(), download);
        source = objects.toString();
        transport = "taxii";
        sha256 = sha256(download);
      } else {
        URI uri = r.url().isPresent() ? r.url().get() : mitreUrl(domain, r.release());
        HttpFetch.Result res = http.get(uri, ACCEPT, HttpFetch::refuseUnlessBundle, download, http.maxBytes(),
            "fetching " + fileName(uri));
        LOG.info("downloaded {} bytes ({} on the wire) from {}", res.bytes(), res.wireBytes(), uri);
        source = uri.toString();
        transport = "http";
        sha256 = res.sha256();
      }
      String path = URI.create(source).getPath();
      Optional<String> named = transport.equals("http") && path != null ? Releases.fromName(path) : Optional.empty();
      String release = release(r.release(), BundleProbe.collectionVersion(download), named, source);

      Path staged = stage.resolve(CacheEntry.baseName(domain, release) + ".json");
      AttackCache.move(download, staged);
      http.progress().status("checking " + staged.getFileName() + " (ATT&CK " + release + ")");
      TechniqueIndex index = load(staged, release, source);
      Set<AttackDomain> domains = index.domains();
      if (!domains.contains(domain)) {
        if (r.domain().isPresent() || domains.size() != 1) {
          throw CliException.usage(String.format(Locale.ROOT, "%s holds %s ATT&CK, not %s", source,
              domains.isEmpty() ? "no" : String.join(" and ", domains.stream().map(AttackDomain::shortId).toList()),
              domain.shortId()), domains.size() == 1
                  ? "pass --domain " + domains.iterator().next().shortId() : "pass the --domain the bundle holds");
        }
        // a --url bundle of another domain, without --domain: name it after the domain it holds
        domain = domains.iterator().next();
        Path renamed = stage.resolve(CacheEntry.baseName(domain, release) + ".json");
        Files.deleteIfExists(stage.resolve(staged.getFileName().toString().replace(".json", ".idx")));
        AttackCache.move(staged, renamed);
        staged = renamed;
        index = load(staged, release, source);
      }
      String version = index.attackVersion(domain).orElse(release);
      if (!version.equals(release) && !version.equals("unknown")) {
        throw CliException.usage(String.format(Locale.ROOT, "%s holds ATT&CK %s %s, not %s", source,
            domain.shortId(), version, release), "pass --release " + version + " or another --url");
      }
      String stix = index.bundles().isEmpty() ? "unknown" : index.bundles().get(0).specVersion();
      Manifest manifest = new Manifest(domain.shortId(), release, source, transport, sha256, Files.size(staged),
          clock.instant().truncatedTo(ChronoUnit.SECONDS), stix, VersionProvider.version());
      Path snapshot = stage.resolve(CacheEntry.baseName(domain, release) + ".idx");
      CacheEntry entry = cache.commit(staged, snapshot, manifest, domain);
      LOG.info("cached {} ({} techniques, sha256 {})", entry.bundle(), index.techniques(domain).size(), sha256);
      return entry;
    } catch (IOException e) {
      throw CliException.io("cannot write the staging folder " + stage + ": " + e.getMessage(), e,
          "check the cache folder's permissions and free space");
    } finally {
      http.progress().clear();
      AttackCache.deleteStaging(stage);
    }
  }

  /**
   * The release: the one asked for, which the bundle must not contradict; else the bundle's
   * {@code x-mitre-collection}; else the one the URL's file name gives ({@code enterprise-attack-18.1.json}).
   */
  private static String release(Optional<String> asked, Optional<String> inBundle, Optional<String> inName,
      String source) {
    if (asked.isPresent()) {
      if (inBundle.isPresent() && !inBundle.get().equals(asked.get())) {
        throw CliException.usage(String.format(Locale.ROOT, "%s holds ATT&CK %s, not %s as --release says", source,
            inBundle.get(), asked.get()), "pass --release " + inBundle.get() + ", or the URL of release "
                + asked.get());
      }
      return asked.get();
    }
    if (inBundle.isEmpty() && inName.isPresent()) {
      return inName.get();
    }
    if (inBundle.isEmpty()) {
      throw CliException.usage(String.format(Locale.ROOT, "cannot tell the ATT&CK release of %s: its bundle has no "
          + "x-mitre-collection with an x_mitre_version (STIX 2.0 bundles have none) and its name no release",
          source), "pass --release X.Y");
    }
    if (!Releases.valid(inBundle.get())) {
      throw CliException.usage(String.format(Locale.ROOT, "%s says its ATT&CK release is \"%s\", which is not a "
          + "release number such as 18.1", source, inBundle.get()), "pass --release X.Y");
    }
    return inBundle.get();
  }

  /** Loads the staged bundle, which proves it usable and writes its snapshot beside it. */
  private static TechniqueIndex load(Path staged, String release, String source) {
    Path snapshot = staged.resolveSibling(staged.getFileName().toString().replace(".json", ".idx"));
    try {
      return TechniqueIndex.builder().addBundle(staged, release).snapshot(snapshot).build();
    } catch (StixFormatException e) {
      String where = e.line() > 0 ? String.format(Locale.ROOT, " at line %d, column %d", e.line(), e.column()) : "";
      int colon = e.getMessage().indexOf(": ");
      String what = colon < 0 ? e.getMessage() : e.getMessage().substring(colon + 2);
      throw new CliException(ExitCodes.USAGE, String.format(Locale.ROOT, "%s is not a usable ATT&CK bundle%s: %s",
          source, where, what), List.of("the cache was not changed; check the URL"), e);
    }
  }

  private static String fileName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    int slash = path.lastIndexOf('/');
    String name = slash < 0 ? path : path.substring(slash + 1);
    return name.isEmpty() ? uri.getHost() : name;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest d = HttpFetch.newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
