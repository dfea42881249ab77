package io.sigmap.core.sigma;

import java.util.Locale;

/**
 * Limits and modes for reading Sigma rules, so that a hostile or broken file yields a clear error instead of
 * exhausting memory or time.
 *
 * <p>Every limit is checked per file or per YAML document and, when exceeded, gives a
 * {@link SigmaErrorKind#LIMIT_EXCEEDED} error naming the value, the limit and the setting; the scan goes on
 * with the next document or file. The limits also configure SnakeYAML's {@code LoaderOptions}
 * ({@code codePointLimit}, {@code nestingDepthLimit}, {@code maxAliasesForCollections}, no duplicate keys).
 * The defaults are far above what real rules need (in the SigmaHQ corpus of December 2025 the largest file is
 * about 300 KB; no rule nests deeper than 5 levels, holds more than 5,000 nodes or a scalar longer than 5,000
 * characters, or uses an alias) and low enough to read untrusted repositories safely.
 *
 * <p>Immutable and thread-safe; start from {@link #DEFAULT} or {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class SigmaReadOptions {

  /**
   * The defaults: files up to 4 MiB, 1,000 documents per file, documents up to 1,048,576 code points, nesting
   * depth 64, 100 aliases and 100,000 nodes (after alias expansion) per document, scalars up to 262,144
   * characters, 1,000 tags per rule, one thread, symbolic links not followed, lenient.
   */
  public static final SigmaReadOptions DEFAULT = new Builder().build();

  private final long maxFileBytes;
  private final int maxDocumentsPerFile;
  private final int maxDocumentCodePoints;
  private final int maxNestingDepth;
  private final int maxAliases;
  private final int maxNodes;
  private final int maxScalarLength;
  private final int maxTags;
  private final int parallelism;
  private final boolean followLinks;
  private final boolean strict;

  private SigmaReadOptions(Builder b) {
    this.maxFileBytes = b.maxFileBytes;
    this.maxDocumentsPerFile = b.maxDocumentsPerFile;
    this.maxDocumentCodePoints = b.maxDocumentCodePoints;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxAliases = b.maxAliases;
    this.maxNodes = b.maxNodes;
    this.maxScalarLength = b.maxScalarLength;
    this.maxTags = b.maxTags;
    this.parallelism = b.parallelism;
    this.followLinks = b.followLinks;
    this.strict = b.strict;
  }

  /**
   * Returns a builder with the default values.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxFileBytes = maxFileBytes;
    b.maxDocumentsPerFile = maxDocumentsPerFile;
    b.maxDocumentCodePoints = maxDocumentCodePoints;
    b.maxNestingDepth = maxNestingDepth;
    b.maxAliases = maxAliases;
    b.maxNodes = maxNodes;
    b.maxScalarLength = maxScalarLength;
    b.maxTags = maxTags;
    b.parallelism = parallelism;
    b.followLinks = followLinks;
    b.strict = strict;
    return b;
  }

  /**
   * Returns the largest file (or stream, or UTF-8 encoded string) read, in bytes.
   *
   * @return the limit
   */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /**
   * Returns the largest number of YAML documents one file may hold.
   *
   * @return the limit
   */
  public int maxDocumentsPerFile() {
    return maxDocumentsPerFile;
  }

  /**
   * Returns the largest YAML document, in Unicode code points (SnakeYAML's {@code codePointLimit}). Once its
   * aliases are expanded, a document's scalars may hold at most twice as many characters.
   *
   * @return the limit
   */
  public int maxDocumentCodePoints() {
    return maxDocumentCodePoints;
  }

  /**
   * Returns the deepest nesting of YAML mappings and sequences (the document's root mapping is depth 1).
   *
   * @return the limit
   */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /**
   * Returns the largest number of aliases ({@code *name}) one document may use.
   *
   * @return the limit
   */
  public int maxAliases() {
    return maxAliases;
  }

  /**
   * Returns the largest number of YAML nodes (scalars, mappings, sequences) one document may hold once its
   * aliases are expanded; this is what stops "billion laughs" alias bombs.
   *
   * @return the limit
   */
  public int maxNodes() {
    return maxNodes;
  }

  /**
   * Returns the longest scalar (a key or value), in UTF-16 characters.
   *
   * @return the limit
   */
  public int maxScalarLength() {
    return maxScalarLength;
  }

  /**
   * Returns the largest number of tags one rule may have.
   *
   * @return the limit
   */
  public int maxTags() {
    return maxTags;
  }

  /**
   * Returns how many threads a directory read uses; results keep their order whatever the value.
   *
   * @return the number of threads, at least 1
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Returns whether a directory read follows symbolic links.
   *
   * @return true to follow links
   */
  public boolean followLinks() {
    return followLinks;
  }

  /**
   * Returns whether every {@link SigmaWarning} makes its document fail with a
   * {@link SigmaErrorKind#STRICT_WARNING} error instead.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return strict;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "SigmaReadOptions[maxFileBytes=%d, maxDocumentsPerFile=%d, maxDocumentCodePoints=%d, maxNestingDepth=%d,"
            + " maxAliases=%d, maxNodes=%d, maxScalarLength=%d, maxTags=%d, parallelism=%d, followLinks=%b,"
            + " strict=%b]",
        maxFileBytes, maxDocumentsPerFile, maxDocumentCodePoints, maxNestingDepth, maxAliases, maxNodes,
        maxScalarLength, maxTags, parallelism, followLinks, strict);
  }

  /**
   * Builds {@link SigmaReadOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    /** The deepest nesting accepted by {@link #maxNestingDepth(int)}: deeper would risk the stack. */
    public static final int NESTING_DEPTH_CEILING = 1000;

    private long maxFileBytes = 4L * 1024 * 1024;
    private int maxDocumentsPerFile = 1_000;
    private int maxDocumentCodePoints = 1024 * 1024;
    private int maxNestingDepth = 64;
    private int maxAliases = 100;
    private int maxNodes = 100_000;
    private int maxScalarLength = 256 * 1024;
    private int maxTags = 1_000;
    private int parallelism = 1;
    private boolean followLinks;
    private boolean strict;

    private Builder() {}

    /**
     * Sets the largest file read, in bytes.
     *
     * @param bytes at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is below 1
     */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = atLeast(bytes, 1, "maxFileBytes");
      return this;
    }

    /**
     * Sets the largest number of YAML documents per file.
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Builder maxDocumentsPerFile(int count) {
      this.maxDocumentsPerFile = (int) atLeast(count, 1, "maxDocumentsPerFile");
      return this;
    }

    /**
     * Sets the largest YAML document, in code points.
     *
     * @param codePoints at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code codePoints} is below 1
     */
    public Builder maxDocumentCodePoints(int codePoints) {
      this.maxDocumentCodePoints = (int) atLeast(codePoints, 1, "maxDocumentCodePoints");
      return this;
    }

    /**
     * Sets the deepest nesting of mappings and sequences. SigmaHQ rules need at most 5.
     *
     * @param depth between 1 and {@value #NESTING_DEPTH_CEILING}
     * @return this builder
     * @throws IllegalArgumentException if {@code depth} is out of range
     */
    public Builder maxNestingDepth(int depth) {
      if (depth < 1 || depth > NESTING_DEPTH_CEILING) {
        throw new IllegalArgumentException(
            "maxNestingDepth must be between 1 and " + NESTING_DEPTH_CEILING + ": " + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /**
     * Sets the largest number of aliases per document.
     *
     * @param count at least 0 (0 refuses every alias)
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder maxAliases(int count) {
      this.maxAliases = (int) atLeast(count, 0, "maxAliases");
      return this;
    }

    /**
     * Sets the largest number of nodes per document after alias expansion.
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Builder maxNodes(int count) {
      this.maxNodes = (int) atLeast(count, 1, "maxNodes");
      return this;
    }

    /**
     * Sets the longest scalar, in characters.
     *
     * @param length at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code length} is below 1
     */
    public Builder maxScalarLength(int length) {
      this.maxScalarLength = (int) atLeast(length, 1, "maxScalarLength");
      return this;
    }

    /**
     * Sets the largest number of tags per rule.
     *
     * @param count at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder maxTags(int count) {
      this.maxTags = (int) atLeast(count, 0, "maxTags");
      return this;
    }

    /**
     * Sets how many threads a directory read uses.
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public Builder parallelism(int threads) {
      this.parallelism = (int) atLeast(threads, 1, "parallelism");
      return this;
    }

    /**
     * Sets whether a directory read follows symbolic links (cycles are detected and reported).
     *
     * @param follow true to follow links
     * @return this builder
     */
    public Builder followLinks(boolean follow) {
      this.followLinks = follow;
      return this;
    }

    /**
     * Sets strict mode: every warning makes its document fail.
     *
     * @param strict true for strict mode
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Returns the options.
     *
     * @return a new immutable options object
     */
    public SigmaReadOptions build() {
      return new SigmaReadOptions(this);
    }

    private static long atLeast(long v, long min, String name) {
      if (v < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ": " + v);
      }
      return v;
    }
  }
}
