package io.sigmap.cli;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.StixFormatException;
import io.sigmap.stix.StixWarning;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code --attack} values and loads them into one {@link TechniqueIndex}.
 *
 * <ul>
 *   <li>{@code enterprise@18.1}, {@code mobile@latest}, {@code ics}: a cached release of a domain (the newest
 *       when no release is given);
 *   <li>{@code https://...}: the bundle fetched from that URL, which must be in the cache: sigmap reads the
 *       network only in {@code sigmap attack fetch};
 *   <li>anything else: a bundle file, {@code .json} or {@code .json.gz};
 *   <li>nothing: the newest cached Enterprise bundle.
 * </ul>
 * Several values merge their domains into one index. A single cached bundle loads from its index snapshot,
 * many times faster than parsing it.
 */
final class AttackSources {

  private static final Logger LOG = LoggerFactory.getLogger(AttackSources.class);

  private static final Pattern CACHED =
      Pattern.compile("(?i)(enterprise|mobile|ics)(?:-attack)?(?:@(\\S+))?");

  private static final String FETCH_OR_FILE =
      "run 'sigmap attack fetch' to download the latest Enterprise ATT&CK into the cache, or name an ATT&CK STIX "
          + "bundle file (--attack FILE; .json or .json.gz)";

  private AttackSources() {}

  /** Resolves each value, or the default when there is none, and loads the index. */
  static LoadedAttack load(List<String> specs, AttackCache cache) {
    List<AttackSource> sources = new ArrayList<>();
    if (specs.isEmpty()) {
      sources.add(defaultSource(cache));
    } else {
      for (String s : specs) {
        sources.add(resolve(s, cache));
      }
    }
    return new LoadedAttack(index(sources), sources);
  }

  /** The newest cached Enterprise bundle. */
  static AttackSource defaultSource(AttackCache cache) {
    CacheEntry e = cache.newest(AttackDomain.ENTERPRISE).orElseThrow(() -> CliException.usage(
        String.format(Locale.ROOT, "no ATT&CK data: no --attack given and the cache %s holds no Enterprise "
            + "bundle", cache.dir()), FETCH_OR_FILE));
    return new AttackSource(e.spec(), e.bundle(), Optional.of(e));
  }

  /** Resolves one value to a bundle file; see the class description. */
  static AttackSource resolve(String spec, AttackCache cache) {
    String s = spec.strip();
    if (s.isEmpty()) {
      throw CliException.usage("--attack is empty", FETCH_OR_FILE);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      CacheEntry e = cache.findByUrl(s).orElseThrow(() -> CliException.usage(
          String.format(Locale.ROOT, "%s is not in the cache %s: sigmap downloads ATT&CK only with "
              + "'sigmap attack fetch', never on the fly", s, cache.dir()),
          "run 'sigmap attack fetch --url " + s + "' first, then pass the same --attack URL"));
      return new AttackSource(spec, e.bundle(), Optional.of(e));
    }
    Path path = path(s);
    Matcher m = CACHED.matcher(s);
    if (m.matches() && (path == null || !Files.exists(path))) {
      return cached(spec, AttackDomain.fromId(m.group(1)).orElseThrow(), Optional.ofNullable(m.group(2)), cache);
    }
    if (path == null) {
      throw CliException.usage(String.format(Locale.ROOT, "--attack %s is neither a file, a URL nor a cached "
          + "release such as enterprise@18.1", s), FETCH_OR_FILE);
    }
    if (!Files.exists(path)) {
      throw CliException.usage(String.format(Locale.ROOT, "%s: no such file", s),
          "ATT&CK data is a STIX bundle file, a cached release such as enterprise@18.1 (see 'sigmap attack "
              + "list') or a URL fetched before with 'sigmap attack fetch --url'");
    }
    if (Files.isDirectory(path)) {
      throw CliException.usage(String.format(Locale.ROOT, "%s is a folder, not an ATT&CK bundle file", s),
          "pass the bundle file itself, for example enterprise-attack-18.1.json");
    }
    Optional<CacheEntry> inCache = cache.entries().stream()
        .filter(e -> sameFile(e.bundle(), path)).findFirst();
    return new AttackSource(spec, path, inCache);
  }

  private static AttackSource cached(String spec, AttackDomain domain, Optional<String> release, AttackCache cache) {
    boolean latest = release.isEmpty() || release.get().equalsIgnoreCase("latest");
    Optional<CacheEntry> e = latest ? cache.newest(domain) : cache.find(domain, release.get());
    if (e.isPresent()) {
      return new AttackSource(spec, e.get().bundle(), e);
    }
    List<String> have = new ArrayList<>();
    cache.entries().forEach(c -> have.add(c.spec()));
    String fetch = "sigmap attack fetch --domain " + domain.shortId() + (latest ? "" : " --release " + release.get());
    throw CliException.usage(
        String.format(Locale.ROOT, "%s is not in the cache %s (%s)", spec, cache.dir(),
            have.isEmpty() ? "the cache is empty" : "it holds " + String.join(", ", have)),
        "run '" + fetch + "' to download it, or pass --attack FILE");
  }

  /** Builds the index; one cached bundle reads (or writes) its snapshot. */
  static TechniqueIndex index(List<AttackSource> sources) {
    TechniqueIndex.Builder b = TechniqueIndex.builder();
    for (AttackSource s : sources) {
      if (s.cached().isPresent()) {
        b.addBundle(s.bundle(), s.cached().get().release());
      } else {
        b.addBundle(s.bundle());
      }
    }
    Optional<Path> snapshot = sources.size() == 1
        ? sources.get(0).cached().map(CacheEntry::snapshot) : Optional.empty();
    boolean existed = snapshot.isPresent() && Files.exists(snapshot.get());
    snapshot.ifPresent(b::snapshot);
    TechniqueIndex index;
    try {
      index = b.build();
    } catch (StixFormatException e) {
      AttackSource bad = sources.stream().filter(s -> e.source().equals(s.bundle().toString())).findFirst()
          .orElse(sources.get(0));
      String hint = bad.cached().isPresent()
          ? "the cached bundle is damaged: fetch it again with 'sigmap attack fetch --domain "
              + bad.cached().get().domain().shortId() + " --release " + bad.cached().get().release() + "'"
          : "--attack takes an ATT&CK STIX bundle such as enterprise-attack-18.1.json from "
              + "https://github.com/mitre-attack/attack-stix-data ('sigmap attack fetch' downloads one)";
      throw new CliException(ExitCodes.USAGE, "unusable ATT&CK data: " + e.getMessage(), List.of(hint), e);
    }
    if (snapshot.isPresent() && LOG.isInfoEnabled()) {
      boolean rejected = index.warnings().stream().anyMatch(w -> w.kind() == StixWarning.Kind.SNAPSHOT_REJECTED);
      LOG.info("{} the index snapshot {}", existed && !rejected ? "read" : "wrote", snapshot.get());
    }
    return index;
  }

  private static Path path(String s) {
    try {
      if (s.regionMatches(true, 0, "file:", 0, 5)) {
        return Path.of(URI.create(s));
      }
      return Path.of(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
