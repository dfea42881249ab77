package io.sigmap.stix;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import io.sigmap.stix.internal.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable index of MITRE ATT&amp;CK techniques, tactics and the other objects Sigma rules tag, built from
 * one or more official STIX bundles (Enterprise, Mobile, ICS; STIX 2.0 or 2.1; {@code .json} or
 * {@code .json.gz}).
 *
 * <pre>{@code
 * TechniqueIndex index = TechniqueIndex.load(Path.of("enterprise-attack-18.1.json"));
 * Resolution r = index.resolve("attack.t1086");            // REVOKED
 * Technique t = r.mapsTo().orElseThrow();                   // T1059.001 PowerShell
 * List<Tactic> tactics = t.tactics();                        // [execution]
 * index.technique("T1055.011").get().tactics();              // [privilege-escalation, defense-evasion]
 * }</pre>
 *
 * <p>Lookups take the id as tags write it: any case, with or without an {@code attack.} prefix. They run in
 * constant time and, for {@link #technique(CharSequence)}, {@link #findTactics(CharSequence)},
 * {@link #tactic(AttackDomain, CharSequence)}, {@link #attackObject(CharSequence)} and, for ids in the data,
 * {@link #resolve(CharSequence)}, allocate nothing.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class TechniqueIndex {

  private static final Logger LOG = LoggerFactory.getLogger(TechniqueIndex.class);

  /** Technique numbers are four digits. */
  private static final int NUMBERS = 10_000;

  /** What the index holds for one technique id; resolution and optional are built once. */
  private static final class Entry {
    final Optional<Technique> technique;
    final Resolution resolution;

    Entry(Technique technique, Resolution resolution) {
      this.technique = Optional.of(technique);
      this.resolution = resolution;
    }
  }

  private final IndexData data;
  /** Technique entries by the spellings tags use most: T1059.001, t1059.001, attack.t1059.001, attack.T1059.001. */
  private final Map<String, Entry> exact;
  private final List<IndexSnapshot.Fingerprint> fingerprints;
  private boolean fromSnapshot;
  private final Entry[][] byNumber = new Entry[NUMBERS][];
  private final int highestNumber;
  private final Map<AttackDomain, List<Technique>> techniquesByDomain = new EnumMap<>(AttackDomain.class);
  private final Map<AttackDomain, List<Tactic>> tacticsByDomain = new EnumMap<>(AttackDomain.class);
  private final KeyTable<List<Tactic>> tacticKeys;
  private final Map<AttackDomain, KeyTable<Optional<Tactic>>> tacticKeysByDomain =
      new EnumMap<>(AttackDomain.class);
  private final KeyTable<Optional<AttackObject>> objectKeys;
  private final Map<AttackObjectKind, List<AttackObject>> objectsByKind = new EnumMap<>(AttackObjectKind.class);

  TechniqueIndex(IndexData data, List<IndexSnapshot.Fingerprint> fingerprints) {
    this.data = data;
    this.fingerprints = List.copyOf(fingerprints);
    this.exact = new HashMap<>(data.techniques().size() * 8);
    Map<String, Technique> byId = new LinkedHashMap<>();
    for (Technique t : data.techniques()) {
      byId.put(t.id(), t);
    }
    int highest = 0;
    for (Technique t : data.techniques()) {
      int key = AttackIds.techniqueKey(t.id());
      int number = key / 1000;
      int sub = key % 1000;
      highest = Math.max(highest, number);
      Entry[] subs = byNumber[number];
      if (subs == null || subs.length <= sub) {
        Entry[] grown = new Entry[sub + 1];
        if (subs != null) {
          System.arraycopy(subs, 0, grown, 0, subs.length);
        }
        byNumber[number] = subs = grown;
      }
      subs[sub] = new Entry(t, resolutionOf(t, byId));
      String lower = 't' + t.id().substring(1); // ids are T and digits
      for (String spelling : new String[] {t.id(), lower, AttackIds.PREFIX + lower, AttackIds.PREFIX + t.id()}) {
        exact.put(spelling, subs[sub]);
      }
      for (AttackDomain d : t.domains()) {
        techniquesByDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(t);
      }
    }
    highestNumber = highest;
    techniquesByDomain.replaceAll((d, l) -> List.copyOf(l));

    Map<String, List<Tactic>> tacticEntries = new LinkedHashMap<>();
    Map<AttackDomain, Map<String, Optional<Tactic>>> perDomain = new EnumMap<>(AttackDomain.class);
    for (Tactic t : data.tactics()) {
      tacticsByDomain.computeIfAbsent(t.domain(), k -> new ArrayList<>()).add(t);
      Map<String, Optional<Tactic>> own = perDomain.computeIfAbsent(t.domain(), k -> new LinkedHashMap<>());
      for (String key : List.of(t.shortname(), t.name(), t.id())) {
        String k = KeyTable.normalize(key);
        List<Tactic> list = tacticEntries.computeIfAbsent(k, x -> new ArrayList<>());
        if (!list.contains(t)) {
          list.add(t);
        }
        own.putIfAbsent(k, Optional.of(t));
      }
    }
    tacticsByDomain.replaceAll((d, l) -> List.copyOf(l));
    tacticEntries.replaceAll((k, l) -> List.copyOf(l));
    tacticKeys = new KeyTable<>(tacticEntries);
    perDomain.forEach((d, m) -> tacticKeysByDomain.put(d, new KeyTable<>(m)));

    Map<String, Optional<AttackObject>> objectEntries = new LinkedHashMap<>();
    for (AttackObject o : data.objects()) {
      objectEntries.put(o.id(), Optional.of(o));
      objectsByKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
    }
    objectsByKind.replaceAll((k, l) -> List.copyOf(l));
    objectKeys = new KeyTable<>(objectEntries);
  }

  private static Resolution resolutionOf(Technique t, Map<String, Technique> byId) {
    switch (t.status()) {
      case ACTIVE:
        return new Resolution.Active(t);
      case DEPRECATED:
        return new Resolution.Deprecated(t);
      default:
        Chains.End end = Chains.follow(t, byId::get);
        return new Resolution.Revoked(t, end.chain(), Optional.ofNullable(end.replacement()),
            Optional.ofNullable(end.problem()));
    }
  }

  /**
   * Returns a builder for an index.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads bundles with the default options.
   *
   * @param bundles the bundle files, {@code .json} or {@code .json.gz}
   * @return the index
   * @throws StixFormatException if a bundle cannot be read or is not a STIX bundle
   */
  public static TechniqueIndex load(Path... bundles) {
    Builder b = builder();
    for (Path p : bundles) {
      b.addBundle(p);
    }
    return b.build();
  }

  /**
   * Finds a technique or sub-technique by id, whatever its status.
   *
   * @param id the id as a tag writes it: {@code T1059.001}, {@code t1059.001} or {@code attack.t1059.001}
   * @return the technique, or empty when the id is malformed or not in the index
   */
  public Optional<Technique> technique(CharSequence id) {
    Entry e = entry(id);
    return e == null ? Optional.empty() : e.technique;
  }

  /**
   * Tells what a technique id means: active, revoked (with its replacement chain), deprecated, unknown or
   * malformed. Never throws for any text.
   *
   * @param id the id as a tag writes it: {@code T1059.001}, {@code t1059.001} or {@code attack.t1059.001}
   * @return the resolution
   */
  public Resolution resolve(CharSequence id) {
    Objects.requireNonNull(id, "id");
    if (id instanceof String) {
      Entry hit = exact.get(id);
      if (hit != null) {
        return hit.resolution;
      }
    }
    int key = AttackIds.techniqueKey(id);
    if (key == AttackIds.MALFORMED) {
      return new Resolution.Malformed(id.toString(), AttackIds.whyMalformed(id));
    }
    Entry e = entry(key);
    if (e != null) {
      return e.resolution;
    }
    int number = key / 1000;
    int sub = key % 1000;
    Entry[] subs = byNumber[number];
    boolean newer = number > highestNumber || sub > 0 && subs != null && subs[0] != null && sub >= subs.length;
    return new Resolution.Unknown(AttackIds.canonical(key), highestNumber, newer);
  }

  private Entry entry(CharSequence id) {
    if (Objects.requireNonNull(id, "id") instanceof String) {
      Entry hit = exact.get(id);
      if (hit != null) {
        return hit;
      }
    }
    int key = AttackIds.techniqueKey(id);
    return key == AttackIds.MALFORMED ? null : entry(key);
  }

  private Entry entry(int key) {
    Entry[] subs = byNumber[key / 1000];
    int sub = key % 1000;
    return subs == null || sub >= subs.length ? null : subs[sub];
  }

  /**
   * Returns every technique and sub-technique, whatever its status, sorted by id.
   *
   * @return an immutable list
   */
  public List<Technique> techniques() {
    return data.techniques();
  }

  /**
   * Returns the techniques of one domain, whatever their status, sorted by id.
   *
   * @param domain the domain
   * @return an immutable list, empty when the domain is not loaded
   */
  public List<Technique> techniques(AttackDomain domain) {
    return techniquesByDomain.getOrDefault(Objects.requireNonNull(domain, "domain"), List.of());
  }

  /**
   * Returns every tactic: by domain, then in matrix order.
   *
   * @return an immutable list
   */
  public List<Tactic> tactics() {
    return data.tactics();
  }

  /**
   * Returns the tactics of one domain in matrix order.
   *
   * @param domain the domain
   * @return an immutable list, empty when the domain is not loaded
   */
  public List<Tactic> tactics(AttackDomain domain) {
    return tacticsByDomain.getOrDefault(Objects.requireNonNull(domain, "domain"), List.of());
  }

  /**
   * Finds the tactics that a key names, in every loaded domain: Enterprise and Mobile both have
   * {@code execution}.
   *
   * @param key a shortname in hyphen or underscore form ({@code defense-evasion}, {@code defense_evasion}), a
   *     display name ({@code Defense Evasion}) or a TA id ({@code TA0005}); any case; with or without an
   *     {@code attack.} prefix
   * @return the tactics in domain order, empty when none matches
   */
  public List<Tactic> findTactics(CharSequence key) {
    List<Tactic> found = tacticKeys.get(Objects.requireNonNull(key, "key"));
    return found == null ? List.of() : found;
  }

  /**
   * Finds a tactic of one domain.
   *
   * @param domain the domain
   * @param key as for {@link #findTactics(CharSequence)}
   * @return the tactic, or empty
   */
  public Optional<Tactic> tactic(AttackDomain domain, CharSequence key) {
    KeyTable<Optional<Tactic>> table = tacticKeysByDomain.get(Objects.requireNonNull(domain, "domain"));
    Optional<Tactic> found = table == null ? null : table.get(Objects.requireNonNull(key, "key"));
    return found == null ? Optional.empty() : found;
  }

  /**
   * Finds a group, software, campaign, mitigation, data source, data component or detection strategy.
   *
   * @param id for example {@code G0016}, {@code attack.s0002}, {@code DS0009}, {@code DET0103}; any case
   * @return the object, or empty
   */
  public Optional<AttackObject> attackObject(CharSequence id) {
    Optional<AttackObject> found = objectKeys.get(Objects.requireNonNull(id, "id"));
    return found == null ? Optional.empty() : found;
  }

  /**
   * Returns the objects of one kind, sorted by id.
   *
   * @param kind the kind
   * @return an immutable list
   */
  public List<AttackObject> attackObjects(AttackObjectKind kind) {
    return objectsByKind.getOrDefault(Objects.requireNonNull(kind, "kind"), List.of());
  }

  /**
   * Returns the domains loaded.
   *
   * @return an immutable set, in enum order
   */
  public Set<AttackDomain> domains() {
    return data.versions().keySet();
  }

  /**
   * Returns the ATT&amp;CK version of a loaded domain: from its bundle's {@code x-mitre-collection}, else the
   * caller's label, else the file name, else {@code unknown}.
   *
   * @param domain the domain
   * @return the version, or empty when the domain is not loaded
   */
  public Optional<String> attackVersion(AttackDomain domain) {
    return Optional.ofNullable(data.versions().get(Objects.requireNonNull(domain, "domain")));
  }

  /**
   * Returns the highest technique number in the index ({@code 1681} for Enterprise 18.1): an unknown id above it
   * probably comes from a newer ATT&amp;CK release.
   *
   * @return the number, or 0 for an index without techniques
   */
  public int highestTechniqueNumber() {
    return highestNumber;
  }

  /**
   * Returns what the index knows of each bundle it loaded, in the order given.
   *
   * @return an immutable list
   */
  public List<BundleInfo> bundles() {
    return data.bundles();
  }

  /**
   * Returns the problems found while loading that did not stop the load, in the order found.
   *
   * @return an immutable list
   */
  public List<StixWarning> warnings() {
    return data.warnings();
  }

  /**
   * Writes this index as a snapshot file that {@link #readSnapshot(Path)} and {@link Builder#snapshot(Path)} read
   * many times faster than parsing the bundles. The file is written to a temporary file and moved into place,
   * so a reader never sees half of it.
   *
   * <p>The format is versioned and checksummed; a snapshot records the file name, size and a checksum of the
   * ends of each bundle file it was built from, so a builder can tell a stale snapshot from a current one.
   *
   * @param file the snapshot file
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public void writeSnapshot(Path file) {
    Objects.requireNonNull(file, "file");
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(file, out -> IndexSnapshot.write(data, fingerprints, out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes this index as a snapshot to a stream.
   *
   * @param out the stream; flushed, not closed
   * @throws java.io.UncheckedIOException if the stream fails
   */
  public void writeSnapshot(OutputStream out) {
    Objects.requireNonNull(out, "out");
    try {
      IndexSnapshot.write(data, fingerprints, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an index from a snapshot written by {@link #writeSnapshot(Path)}, without checking it against any
   * bundle (use {@link Builder#snapshot(Path)} for that).
   *
   * @param file the snapshot file
   * @return the index, equal in content to the one written
   * @throws StixFormatException if the file is missing, truncated, corrupt or of another format version
   */
  public static TechniqueIndex readSnapshot(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return readSnapshot(in, file.toString());
    } catch (IOException e) {
      throw new StixFormatException(file.toString(), 0, 0, null, "cannot read the snapshot: " + e, e);
    }
  }

  /**
   * Reads an index from a snapshot stream.
   *
   * @param in the stream; read to its end, not closed
   * @param sourceName the name used in messages
   * @return the index
   * @throws StixFormatException if the snapshot is truncated, corrupt or of another format version
   */
  public static TechniqueIndex readSnapshot(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    IndexSnapshot.Contents c = IndexSnapshot.read(in, sourceName);
    TechniqueIndex index = new TechniqueIndex(c.data(), c.fingerprints());
    index.fromSnapshot = true;
    return index;
  }

  /** The same index with bundle sources named as now given (a snapshot may have been made elsewhere). */
  private TechniqueIndex withSources(List<Builder.Source> sources) {
    List<BundleInfo> infos = new ArrayList<>();
    for (int i = 0; i < data.bundles().size(); i++) {
      BundleInfo b = data.bundles().get(i);
      infos.add(new BundleInfo(sources.get(i).name(), b.domains(), b.specVersion(), b.attackVersion(),
          b.objectCount()));
    }
    TechniqueIndex renamed = new TechniqueIndex(new IndexData(data.techniques(), data.tactics(), data.objects(),
        data.versions(), List.copyOf(infos), data.warnings()), fingerprints);
    renamed.fromSnapshot = fromSnapshot;
    return renamed;
  }

  /** Whether this index was read from a snapshot rather than parsed; for tests and diagnostics. */
  boolean fromSnapshot() {
    return fromSnapshot;
  }

  private TechniqueIndex withWarnings(List<StixWarning> extra) {
    List<StixWarning> all = new ArrayList<>(data.warnings());
    all.addAll(extra);
    return new TechniqueIndex(new IndexData(data.techniques(), data.tactics(), data.objects(), data.versions(),
        data.bundles(), List.copyOf(all)), fingerprints);
  }

  @Override
  public String toString() {
    return "TechniqueIndex" + data.versions() + "[" + data.techniques().size() + " techniques, "
        + data.tactics().size() + " tactics, " + data.objects().size() + " other objects]";
  }

  /**
   * Collects bundles and builds a {@link TechniqueIndex}. Bundles are read by {@link #build()}, in the order
   * added; streams are read then, and not closed. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private static final Pattern VERSION_IN_NAME =
        Pattern.compile("(?i)attack-v?(\\d+\\.\\d+(?:\\.\\d+)?)\\.json(?:\\.gz)?$");

    private interface Reading {
      RawBundle read(BundleReader reader, int index) throws IOException;
    }

    private record Source(String name, Path path, Reading reading) {}

    private final List<Source> sources = new ArrayList<>();
    private StixReadOptions options = StixReadOptions.DEFAULT;
    private Path snapshot;

    private Builder() {}

    /**
     * Sets the read limits and mode.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(StixReadOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Adds a bundle file, {@code .json} or gzip-compressed. Its ATT&amp;CK version comes from its
     * {@code x-mitre-collection}, else from a file name such as {@code enterprise-attack-18.1.json}.
     *
     * @param path the file
     * @return this builder
     */
    public Builder addBundle(Path path) {
      Objects.requireNonNull(path, "path");
      return addBundle(path, versionFromName(path));
    }

    /**
     * Adds a bundle file with a version label for bundles without an {@code x-mitre-collection} (STIX 2.0).
     *
     * @param path the file
     * @param versionLabel the ATT&amp;CK version to report, for example {@code 18.1}
     * @return this builder
     */
    public Builder addBundle(Path path, String versionLabel) {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(versionLabel, "versionLabel");
      String name = path.toString();
      sources.add(new Source(name, path, (reader, index) -> {
        try (InputStream in = Files.newInputStream(path)) {
          return reader.read(decompress(in), name, index, versionLabel);
        } catch (NoSuchFileException e) {
          throw new StixFormatException(name, 0, 0, null, "no such file", e);
        }
      }));
      return this;
    }

    /**
     * Adds a bundle from a stream, JSON or gzip-compressed JSON.
     *
     * @param in the stream; read by {@link #build()}, not closed
     * @param sourceName the name used in messages, for example a URL
     * @return this builder
     */
    public Builder addBundle(InputStream in, String sourceName) {
      return addBundle(in, sourceName, "unknown");
    }

    /**
     * Adds a bundle from a stream with a version label for bundles without an {@code x-mitre-collection}.
     *
     * @param in the stream; read by {@link #build()}, not closed
     * @param sourceName the name used in messages, for example a URL
     * @param versionLabel the ATT&amp;CK version to report, for example {@code 18.1}
     * @return this builder
     */
    public Builder addBundle(InputStream in, String sourceName, String versionLabel) {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(versionLabel, "versionLabel");
      sources.add(new Source(sourceName, null, (reader, index) -> reader.read(decompress(in), sourceName, index,
          versionLabel)));
      return this;
    }

    /**
     * Adds a bundle held in memory, JSON or gzip-compressed JSON.
     *
     * @param bundle the bytes; not copied, so do not change them before {@link #build()}
     * @param sourceName the name used in messages
     * @param versionLabel the ATT&amp;CK version to report, for example {@code 18.1}
     * @return this builder
     */
    public Builder addBundle(byte[] bundle, String sourceName, String versionLabel) {
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(versionLabel, "versionLabel");
      sources.add(new Source(sourceName, null, (reader, index) ->
          bundle.length > 1 && (bundle[0] & 0xff) == 0x1f && (bundle[1] & 0xff) == 0x8b
              ? reader.read(new GZIPInputStream(new ByteArrayInputStream(bundle)), sourceName, index, versionLabel)
              : reader.read(bundle, sourceName, index, versionLabel)));
      return this;
    }

    /**
     * Uses a snapshot file to start fast: when it exists, is intact and was made from exactly the bundle files
     * added (same names, sizes and checksums), the index is read from it instead of parsing the bundles.
     * Otherwise the bundles are parsed, the index carries a {@link StixWarning.Kind#SNAPSHOT_REJECTED} warning
     * saying why (unless the file simply did not exist), and a fresh snapshot is written to the file. Bundles
     * added as streams or bytes cannot be checked, so with them the snapshot is not used.
     *
     * @param file the snapshot file, for example {@code enterprise-attack-18.1.idx} next to the bundle
     * @return this builder
     */
    public Builder snapshot(Path file) {
      this.snapshot = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Reads the bundles and builds the index.
     *
     * @return the index
     * @throws StixFormatException if a bundle cannot be read, is not a STIX bundle or exceeds a limit, or, in
     *     strict mode, on the first load warning
     * @throws IllegalStateException if no bundle was added
     */
    public TechniqueIndex build() {
      if (sources.isEmpty()) {
        throw new IllegalStateException("no bundle added: call addBundle before build");
      }
      // Fingerprints of file bundles (name, size, checksum of the ends) go into any snapshot written later.
      List<IndexSnapshot.Fingerprint> prints = new ArrayList<>();
      for (Source s : sources) {
        if (s.path() == null) {
          prints = List.of();
          break;
        }
        try {
          prints.add(IndexSnapshot.fingerprint(s.path()));
        } catch (IOException e) {
          return parse(List.of()); // the parse reports the unreadable bundle
        }
      }
      if (snapshot == null || prints.isEmpty()) {
        return parse(prints);
      }
      String rejected;
      if (!Files.exists(snapshot)) {
        rejected = null;
      } else {
        try {
          TechniqueIndex cached = readSnapshot(snapshot);
          if (cached.fingerprints.equals(prints)) {
            return cached.withSources(sources);
          }
          rejected = "it was made from other bundle files than " + sources.stream().map(Source::name).toList();
        } catch (StixFormatException e) {
          rejected = e.getMessage();
        }
      }
      TechniqueIndex parsed = parse(prints);
      List<StixWarning> extra = new ArrayList<>();
      if (rejected != null) {
        String message = "the index snapshot was not used and the bundles were parsed instead: " + rejected;
        LOG.warn("{}: {}", snapshot, message);
        extra.add(new StixWarning(StixWarning.Kind.SNAPSHOT_REJECTED, snapshot.toString(), 0, 0,
            Optional.empty(), message));
      }
      try {
        parsed.writeSnapshot(snapshot);
      } catch (UncheckedIOException e) {
        LOG.warn("{}", e.getMessage());
        extra.add(new StixWarning(StixWarning.Kind.SNAPSHOT_REJECTED, snapshot.toString(), 0, 0,
            Optional.empty(), e.getMessage()));
      }
      return extra.isEmpty() ? parsed : parsed.withWarnings(extra);
    }

    private TechniqueIndex parse(List<IndexSnapshot.Fingerprint> prints) {
      BundleReader reader = new BundleReader(options);
      List<RawBundle> raw = new ArrayList<>(sources.size());
      for (int i = 0; i < sources.size(); i++) {
        Source source = sources.get(i);
        try {
          raw.add(source.reading().read(reader, i));
        } catch (IOException e) {
          throw new StixFormatException(source.name(), 0, 0, null, "cannot read the bundle: " + e.getMessage(), e);
        }
      }
      return new IndexAssembler(options).assemble(Collections.unmodifiableList(raw), prints);
    }

    static String versionFromName(Path path) {
      Path file = path.getFileName();
      if (file == null) {
        return "unknown";
      }
      Matcher m = VERSION_IN_NAME.matcher(file.toString());
      return m.find() ? m.group(1) : "unknown";
    }

    private static InputStream decompress(InputStream in) throws IOException {
      BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
      b.mark(2);
      int first = b.read();
      int second = b.read();
      b.reset();
      return first == 0x1f && second == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    }
  }
}
