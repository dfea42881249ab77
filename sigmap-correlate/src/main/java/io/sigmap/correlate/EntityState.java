package io.sigmap.correlate;

import java.util.Arrays;

/**
 * The state of one entity. Compact by design, and laid out so that the common alert touches few cache lines: the
 * entity is its own first {@link RuleTrack} (an entity usually raises one rule, whose track then costs no object,
 * no arrays and no extra memory load), further tracks are kept sorted by rule for a binary search, and the ring of
 * the last {@link #RECENT} scored alerts for the proximity factor is held in fields.
 */
final class EntityState extends RuleTrack {

  /** Recent scored alerts remembered for proximity. */
  static final int RECENT = 4;

  final EntityKind kind;
  final String value;
  /** {@link EntityTable#hash(EntityKind, String)} of the key. */
  final int hash;
  /** The key packed by {@link EntityTable#word(String, int)}, and its length; -1 when it is not packed. */
  final long k0;
  final long k1;
  final long k2;
  final int length;
  final boolean stop;
  /** When the entity was last seen (its own track keeps the inherited {@code lastSeen} of its rule). */
  long seenAt;
  /** The position of the entity's live entry in {@link LruQueue}, -1 when it has none. */
  long lruPosition = -1;
  ChainState chain;
  /** Every track, this one included, sorted by rule; null while there is at most one track. */
  RuleTrack[] tracks;
  int[] trackRules;
  int trackCount;
  /** The track found or added last: repeats of one rule skip the search and its two arrays. */
  private RuleTrack lastTrack;
  /** The times and rule indexes of the last {@link #RECENT} scored alerts; {@code hasRecent} after the first. */
  private long recentTime0 = Long.MIN_VALUE;
  private long recentTime1 = Long.MIN_VALUE;
  private long recentTime2 = Long.MIN_VALUE;
  private long recentTime3 = Long.MIN_VALUE;
  private int recentRule0;
  private int recentRule1;
  private int recentRule2;
  private int recentRule3;
  boolean hasRecent;
  int recentNext;
  /** Until when a secondary signal on this entity lifts threshold suppression. */
  long secondaryUntil = Long.MIN_VALUE;
  int links;
  boolean saturated;

  EntityState(EntityKind kind, String value, boolean stop) {
    super(-1);
    this.kind = kind;
    this.value = value;
    this.hash = EntityTable.hash(kind, value);
    boolean packed = EntityTable.packable(value);
    this.k0 = packed ? EntityTable.word(value, 0) : 0;
    this.k1 = packed ? EntityTable.word(value, 8) : 0;
    this.k2 = packed ? EntityTable.word(value, 16) : 0;
    this.length = packed ? value.length() : -1;
    this.stop = stop;
  }

  /** The entity's track of a rule, or null. */
  RuleTrack track(int rule) {
    RuleTrack last = lastTrack;
    if (last != null && last.rule == rule) {
      return last;
    }
    if (trackCount <= 1) {
      return trackCount == 1 && this.rule == rule ? this : null;
    }
    int i = Arrays.binarySearch(trackRules, 0, trackCount, rule);
    if (i < 0) {
      return null;
    }
    lastTrack = tracks[i];
    return lastTrack;
  }

  /** The i-th track in rule order, {@code 0 <= i < trackCount}. */
  RuleTrack trackAt(int i) {
    return tracks == null ? this : tracks[i];
  }

  /** Adds the track of a rule the entity has none of. */
  RuleTrack addTrack(int rule) {
    RuleTrack t;
    if (trackCount == 0) {
      reset(rule);
      t = this;
    } else {
      t = new RuleTrack(rule);
      if (tracks == null) {
        tracks = new RuleTrack[] {this, null};
        trackRules = new int[] {this.rule, 0};
      } else if (trackCount == tracks.length) {
        tracks = Arrays.copyOf(tracks, trackCount * 2);
        trackRules = Arrays.copyOf(trackRules, trackCount * 2);
      }
      int at = -Arrays.binarySearch(trackRules, 0, trackCount, rule) - 1;
      System.arraycopy(tracks, at, tracks, at + 1, trackCount - at);
      System.arraycopy(trackRules, at, trackRules, at + 1, trackCount - at);
      tracks[at] = t;
      trackRules[at] = rule;
    }
    trackCount++;
    lastTrack = t;
    return t;
  }

  void addRecent(long time, int rule) {
    hasRecent = true;
    setRecent(recentNext, time, rule);
    recentNext = (recentNext + 1) % RECENT;
  }

  /** The time of ring slot j, {@link Long#MIN_VALUE} when empty. */
  long recentTime(int j) {
    switch (j) {
      case 0:
        return recentTime0;
      case 1:
        return recentTime1;
      case 2:
        return recentTime2;
      default:
        return recentTime3;
    }
  }

  /** The rule index of ring slot j. */
  int recentRule(int j) {
    switch (j) {
      case 0:
        return recentRule0;
      case 1:
        return recentRule1;
      case 2:
        return recentRule2;
      default:
        return recentRule3;
    }
  }

  void setRecent(int j, long time, int rule) {
    switch (j) {
      case 0:
        recentTime0 = time;
        recentRule0 = rule;
        break;
      case 1:
        recentTime1 = time;
        recentRule1 = rule;
        break;
      case 2:
        recentTime2 = time;
        recentRule2 = rule;
        break;
      default:
        recentTime3 = time;
        recentRule3 = rule;
        break;
    }
  }

  EntityKey key() {
    return new EntityKey(kind, value);
  }
}
