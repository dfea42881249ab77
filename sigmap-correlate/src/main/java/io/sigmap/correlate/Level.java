package io.sigmap.correlate;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma rule's {@code level}, in increasing order of severity.
 *
 * @since 0.1.0
 */
public enum Level {
  /** {@code informational}: hunting and enrichment, not meant to alert on its own. */
  INFORMATIONAL("informational"),
  /** {@code low}: notable, usually needs correlation. */
  LOW("low"),
  /** {@code medium}: relevant, should be reviewed. */
  MEDIUM("medium"),
  /** {@code high}: should be investigated. */
  HIGH("high"),
  /** {@code critical}: should be investigated at once. */
  CRITICAL("critical");

  private final String id;

  Level(String id) {
    this.id = id;
  }

  /**
   * Returns the Sigma spelling, for example {@code high}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Finds a level by its Sigma spelling, in any case.
   *
   * @param id the identifier, for example {@code critical}
   * @return the level, or empty if none has that spelling
   */
  public static Optional<Level> fromId(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (Level l : values()) {
      if (l.id.equals(key)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
