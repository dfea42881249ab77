package io.sigmap.core;

import io.sigmap.core.sigma.SigmaReadOptions;
import java.util.Objects;

/**
 * Options for a {@link RuleEnricher}. Immutable; start from {@link #DEFAULT} or {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class EnrichOptions {

  /** Lenient, as many threads as processors, the reader's default limits. */
  public static final EnrichOptions DEFAULT = new Builder().build();

  private final boolean strict;
  private final int threads;
  private final SigmaReadOptions readOptions;

  private EnrichOptions(Builder b) {
    this.strict = b.strict;
    this.threads = b.threads;
    this.readOptions = b.readOptions;
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
   * Returns a builder holding these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().strict(strict).threads(threads).readOptions(readOptions);
  }

  /**
   * Returns whether strict mode is on: a revoked technique is an error and does not map.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Returns how many threads batch enrichment uses to read and enrich.
   *
   * @return at least 1
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the reader limits batch enrichment reads files with.
   *
   * @return the read options
   */
  public SigmaReadOptions readOptions() {
    return readOptions;
  }

  @Override
  public String toString() {
    return "EnrichOptions[strict=" + strict + ", threads=" + threads + ", readOptions=" + readOptions + "]";
  }

  /**
   * Builds {@link EnrichOptions}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private boolean strict;
    private int threads = Runtime.getRuntime().availableProcessors();
    private SigmaReadOptions readOptions = SigmaReadOptions.DEFAULT;

    private Builder() {}

    /**
     * Sets strict mode: a revoked technique is an error and does not map.
     *
     * @param strict true for strict mode
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets how many threads batch enrichment uses. Results are in input order whatever the count.
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets the reader limits for batch enrichment of paths.
     *
     * @param readOptions the read options
     * @return this builder
     */
    public Builder readOptions(SigmaReadOptions readOptions) {
      this.readOptions = Objects.requireNonNull(readOptions, "readOptions");
      return this;
    }

    /**
     * Returns the options.
     *
     * @return a new immutable options object
     */
    public EnrichOptions build() {
      return new EnrichOptions(this);
    }
  }
}
