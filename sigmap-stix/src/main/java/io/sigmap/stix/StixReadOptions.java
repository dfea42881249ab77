package io.sigmap.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.Locale;

/**
 * Limits and modes for reading STIX bundles, so that a hostile or broken file is refused with a clear message
 * instead of exhausting memory.
 *
 * <p>The limits also configure Jackson's own {@code StreamReadConstraints}. Immutable; start from
 * {@link #DEFAULT} or {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class StixReadOptions {

  /** The defaults: 512 MiB, 1,000,000 objects, 10,000,000-character strings, depth 64, lenient. */
  public static final StixReadOptions DEFAULT = new Builder().build();

  private final long maxBundleBytes;
  private final int maxObjects;
  private final int maxStringLength;
  private final int maxNestingDepth;
  private final boolean strict;
  /** Jackson's factory for these limits: thread-safe, and its symbol table stays warm across bundles. */
  private final JsonFactory jsonFactory;

  private StixReadOptions(Builder b) {
    this.maxBundleBytes = b.maxBundleBytes;
    this.maxObjects = b.maxObjects;
    this.maxStringLength = b.maxStringLength;
    this.maxNestingDepth = b.maxNestingDepth;
    this.strict = b.strict;
    this.jsonFactory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(maxStringLength)
            .maxNestingDepth(maxNestingDepth)
            .maxDocumentLength(maxBundleBytes)
            .build())
        .build();
  }

  JsonFactory jsonFactory() {
    return jsonFactory;
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
    b.maxBundleBytes = maxBundleBytes;
    b.maxObjects = maxObjects;
    b.maxStringLength = maxStringLength;
    b.maxNestingDepth = maxNestingDepth;
    b.strict = strict;
    return b;
  }

  /**
   * Returns the largest bundle read, in bytes of JSON text (after decompression).
   *
   * @return the limit
   */
  public long maxBundleBytes() {
    return maxBundleBytes;
  }

  /**
   * Returns the largest number of objects one bundle may hold.
   *
   * @return the limit
   */
  public int maxObjects() {
    return maxObjects;
  }

  /**
   * Returns the longest JSON string value, in characters.
   *
   * @return the limit
   */
  public int maxStringLength() {
    return maxStringLength;
  }

  /**
   * Returns the deepest nesting of JSON arrays and objects.
   *
   * @return the limit
   */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /**
   * Returns whether every {@link StixWarning} is thrown as a {@link StixFormatException} instead.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return strict;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "StixReadOptions[maxBundleBytes=%d, maxObjects=%d, maxStringLength=%d, maxNestingDepth=%d, strict=%b]",
        maxBundleBytes, maxObjects, maxStringLength, maxNestingDepth, strict);
  }

  /**
   * Builds {@link StixReadOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private long maxBundleBytes = 512L * 1024 * 1024;
    private int maxObjects = 1_000_000;
    private int maxStringLength = 10_000_000;
    private int maxNestingDepth = 64;
    private boolean strict;

    private Builder() {}

    /**
     * Sets the largest bundle read, in bytes of JSON text.
     *
     * @param bytes at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is below 1
     */
    public Builder maxBundleBytes(long bytes) {
      this.maxBundleBytes = positive(bytes, "maxBundleBytes");
      return this;
    }

    /**
     * Sets the largest number of objects one bundle may hold.
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Builder maxObjects(int count) {
      this.maxObjects = (int) positive(count, "maxObjects");
      return this;
    }

    /**
     * Sets the longest JSON string value, in characters.
     *
     * @param length at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code length} is below 1
     */
    public Builder maxStringLength(int length) {
      this.maxStringLength = (int) positive(length, "maxStringLength");
      return this;
    }

    /**
     * Sets the deepest nesting of JSON arrays and objects.
     *
     * @param depth at least 4 (a bundle needs that much)
     * @return this builder
     * @throws IllegalArgumentException if {@code depth} is below 4
     */
    public Builder maxNestingDepth(int depth) {
      if (depth < 4) {
        throw new IllegalArgumentException("maxNestingDepth must be at least 4: " + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /**
     * Sets strict mode: every {@link StixWarning} is thrown as a {@link StixFormatException} instead.
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
    public StixReadOptions build() {
      return new StixReadOptions(this);
    }

    private static long positive(long v, String name) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be at least 1: " + v);
      }
      return v;
    }
  }
}
