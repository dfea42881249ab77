package io.sigmap.correlate;

/**
 * The state of one entity. Compact by design (about 100 bytes idle plus the key string and a few bytes per
 * rule it raised): primitive fields, a small array of per-rule tracks, and a 4-slot ring of recent scored
 * alerts for the proximity factor.
 */
final class EntityState {

  /** Recent scored alerts remembered for proximity: pairs of (time, rule) in {@link #recent}. */
  static final int RECENT = 4;

  final EntityKind kind;
  final String value;
  final boolean stop;
  long lastSeen;
  /** The least recently seen entity is the head of the LRU list. */
  EntityState lruPrev;
  EntityState lruNext;
  ChainState chain;
  RuleTrack[] tracks;
  int[] trackRules;
  int trackCount;
  /** Pairs (time, rule index) of the last {@link #RECENT} scored alerts; null until the first. */
  long[] recent;
  int recentNext;
  /** Until when a secondary signal on this entity lifts threshold suppression. */
  long secondaryUntil = Long.MIN_VALUE;
  int links;
  boolean saturated;

  EntityState(EntityKind kind, String value, boolean stop) {
    this.kind = kind;
    this.value = value;
    this.stop = stop;
  }

  /** The entity's track of a rule, or null; tracks are kept sorted by rule for a binary search. */
  RuleTrack track(int rule) {
    if (trackCount == 0) {
      return null;
    }
    int i = java.util.Arrays.binarySearch(trackRules, 0, trackCount, rule);
    return i >= 0 ? tracks[i] : null;
  }

  RuleTrack addTrack(int rule) {
    if (tracks == null) {
      tracks = new RuleTrack[2];
      trackRules = new int[2];
    } else if (trackCount == tracks.length) {
      tracks = java.util.Arrays.copyOf(tracks, trackCount * 2);
      trackRules = java.util.Arrays.copyOf(trackRules, trackCount * 2);
    }
    int at = -java.util.Arrays.binarySearch(trackRules, 0, trackCount, rule) - 1;
    System.arraycopy(tracks, at, tracks, at + 1, trackCount - at);
    System.arraycopy(trackRules, at, trackRules, at + 1, trackCount - at);
    RuleTrack t = new RuleTrack(rule);
    tracks[at] = t;
    trackRules[at] = rule;
    trackCount++;
    return t;
  }

  void addRecent(long time, int rule) {
    if (recent == null) {
      recent = new long[RECENT * 2];
      for (int i = 0; i < RECENT; i++) {
        recent[2 * i] = Long.MIN_VALUE;
      }
    }
    recent[recentNext * 2] = time;
    recent[recentNext * 2 + 1] = rule;
    recentNext = (recentNext + 1) % RECENT;
  }

  EntityKey key() {
    return new EntityKey(kind, value);
  }
}
