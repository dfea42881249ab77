package io.sigmap.weights;

import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads {@code table} policies from YAML or JSON files, streams or maps, with the limits and validation it is
 * configured with.
 *
 * <h2>The format</h2>
 * YAML and JSON share one structure; every key is optional:
 * <pre>{@code
 * id: acme-weights          # the policy id; default "table"
 * description: ACME SOC weights, reviewed 2026-01
 * default: 5                # the weight of tactics the table does not list; default 5
 * tactics:                  # tactic -> weight
 *   credential-access: 9
 *   defense_evasion: 6      # underscores, spaces and any case are accepted
 *   TA0027: 8               # a TA id names one domain's tactic (Mobile initial access) and wins over names
 * techniques:               # technique -> weight, whatever the tactic; sub-techniques inherit their
 *   T1003: 10               # parent's row unless they have their own
 * }</pre>
 *
 * <p>A {@code tactics} or {@code techniques} key without a value (every row commented out) has no rows.
 * Weights are integers from 0 to 10. A weight outside that range, a text ({@code high}), a decimal, a list,
 * a map or a missing value is an error: {@link TacticWeightTableException} names the file, line and column.
 * A duplicate row ({@code credential-access} and {@code credential_access}) and a {@code techniques} key that
 * is not a technique id are errors too. What is well formed but cannot take effect (a tactic name that no
 * loaded domain has, such as a table written for a newer ATT&amp;CK release, or an unknown top-level key) is a
 * {@link TablePolicyFinding}, returned with the policy and logged as a warning; {@link Builder#strict(boolean)}
 * makes it an error. Names are checked against the {@link Builder#index(TechniqueIndex) index} when one is
 * given; without one only their shape is checked.
 *
 * <p>A file or stream is read as JSON when its name ends with {@code .json}, and as YAML otherwise (YAML reads
 * most JSON too). Input is bounded by {@link #maxBytes()} and {@link #maxEntries()}.
 *
 * <pre>{@code
 * LoadedTablePolicy loaded = TablePolicyLoader.builder().index(index).build().load(Path.of("acme.yml"));
 * loaded.findings().forEach(f -> System.err.println(f));
 * TacticWeightPolicies policies = TacticWeightPolicies.builder().register(loaded.policy()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TablePolicyLoader {

  /** The default maximum size of a table file: 1 MiB. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  /** The default maximum number of tactic and technique rows: 10,000. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  /** A loader without an index, lenient, with the default limits. */
  public static final TablePolicyLoader DEFAULT = builder().build();

  private final TechniqueIndex index;
  private final boolean strict;
  private final int maxBytes;
  private final int maxEntries;

  private TablePolicyLoader(Builder b) {
    this.index = b.index;
    this.strict = b.strict;
    this.maxBytes = b.maxBytes;
    this.maxEntries = b.maxEntries;
  }

  /**
   * Returns a builder with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with this loader's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.index = index;
    b.strict = strict;
    b.maxBytes = maxBytes;
    b.maxEntries = maxEntries;
    return b;
  }

  /**
   * Returns the index that tactic and technique names are checked against.
   *
   * @return the index, or empty when only the names' shape is checked
   */
  public Optional<TechniqueIndex> index() {
    return Optional.ofNullable(index);
  }

  /**
   * Returns whether findings are thrown instead of returned.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Returns the largest table file or stream accepted.
   *
   * @return the limit in bytes
   */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the largest number of {@code tactics} plus {@code techniques} rows accepted.
   *
   * @return the limit
   */
  public int maxEntries() {
    return maxEntries;
  }

  /**
   * Loads a table file.
   *
   * @param file a {@code .yml}, {@code .yaml} or {@code .json} file
   * @return the policy and the findings
   * @throws TacticWeightTableException if the file cannot be read, exceeds a limit or holds an invalid value,
   *     or, in strict mode, on the first finding
   */
  public LoadedTablePolicy load(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return new TableReader(this, source).read(readBounded(in, source));
    } catch (NoSuchFileException e) {
      throw new TacticWeightTableException(source, 0, 0, null, "no such file", e);
    } catch (IOException e) {
      throw new TacticWeightTableException(source, 0, 0, null, "cannot read the file: " + e, e);
    }
  }

  /**
   * Loads a table from a stream, which is read to its end and not closed.
   *
   * @param in the YAML or JSON text, UTF-8
   * @param sourceName the name used in messages and findings; JSON is expected when it ends with {@code .json}
   * @return the policy and the findings
   * @throws TacticWeightTableException if the stream cannot be read, exceeds a limit or holds an invalid value,
   *     or, in strict mode, on the first finding
   */
  public LoadedTablePolicy load(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    try {
      return new TableReader(this, sourceName).read(readBounded(in, sourceName));
    } catch (IOException e) {
      throw new TacticWeightTableException(sourceName, 0, 0, null, "cannot read the stream: " + e, e);
    }
  }

  /**
   * Loads a table from a map of the file's structure: {@code "tactics"} maps to a {@code Map<String, Integer>}
   * and so on. Rows are read in key order, so findings and errors do not depend on the map's iteration order.
   *
   * @param table the table; read once, not kept
   * @param sourceName the name used in messages and findings
   * @return the policy and the findings
   * @throws TacticWeightTableException if the map exceeds a limit or holds an invalid value, or, in strict mode,
   *     on the first finding
   */
  public LoadedTablePolicy load(Map<String, ?> table, String sourceName) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(sourceName, "sourceName");
    return new TableReader(this, sourceName).read(table);
  }

  private byte[] readBounded(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new TacticWeightTableException(source, 0, 0, null, String.format(Locale.ROOT,
          "table size exceeds the maximum allowed (%d bytes, from TablePolicyLoader.maxBytes())", maxBytes),
          null);
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "TablePolicyLoader[index=" + (index == null ? "none" : index.toString()) + ", strict=" + strict
        + ", maxBytes=" + maxBytes + ", maxEntries=" + maxEntries + "]";
  }

  /**
   * Configures a {@link TablePolicyLoader}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private TechniqueIndex index;
    private boolean strict;
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxEntries = DEFAULT_MAX_ENTRIES;

    private Builder() {}

    /**
     * Sets the index that tactic and technique names are checked against; without one, only their shape is.
     *
     * @param index the index
     * @return this builder
     */
    public Builder index(TechniqueIndex index) {
      this.index = Objects.requireNonNull(index, "index");
      return this;
    }

    /**
     * Sets whether findings (unknown names) are thrown instead of returned. Default false.
     *
     * @param strict true to throw
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets the largest table file or stream accepted. Default 1 MiB,
     * {@link TablePolicyLoader#DEFAULT_MAX_BYTES}.
     *
     * @param maxBytes at least 1
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBytes must be from 1 to " + (Integer.MAX_VALUE - 1) + ": "
            + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the largest number of {@code tactics} plus {@code techniques} rows accepted. Default 10,000,
     * {@link TablePolicyLoader#DEFAULT_MAX_ENTRIES}.
     *
     * @param maxEntries at least 1
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Builds the loader.
     *
     * @return an immutable loader
     */
    public TablePolicyLoader build() {
      return new TablePolicyLoader(this);
    }
  }
}
