package io.sigmap.core;

import java.util.Locale;

/**
 * How serious a {@link Finding} is. Ordered from most to least serious.
 *
 * @since 0.1.0
 */
public enum Severity {
  /** The tag or rule is wrong: it does not map, or the rule is quarantined. */
  ERROR,
  /** The tag maps, but something deserves a look (a revoked id, a platform mismatch). */
  WARNING,
  /** Advice that changes nothing (a tag in non-canonical form). */
  INFO;

  /**
   * Returns the name as written in output: {@code error}, {@code warning} or {@code info}.
   *
   * @return the lower-case name
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns whether this severity is at least as serious as another.
   *
   * @param other the severity to compare with
   * @return true when this is {@code other} or more serious
   */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
