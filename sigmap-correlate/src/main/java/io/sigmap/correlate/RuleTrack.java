package io.sigmap.correlate;

/**
 * What one entity's primary alerts of one rule left behind: last times and a sliding-window count. Not final:
 * an {@link EntityState} is its own first track.
 */
class RuleTrack {

  static final long NEVER = Long.MIN_VALUE;

  /** The rule, or -1 for an entity's embedded track before its first rule. */
  int rule;
  long lastSeen = NEVER;
  long lastScored = NEVER;
  long bucketStart = NEVER;
  int current;
  int previous;
  /** Bit k: the rule fired on the entity on day {@code bitsDay - k}. */
  int dayBits;
  long bitsDay = NEVER;

  RuleTrack(int rule) {
    this.rule = rule;
  }

  /** Clears the times and counts, for a track taken into use for another rule. */
  final void reset(int newRule) {
    rule = newRule;
    lastSeen = NEVER;
    lastScored = NEVER;
    bucketStart = NEVER;
    current = 0;
    previous = 0;
    dayBits = 0;
    bitsDay = NEVER;
  }

  /** Marks {@code day} and returns on how many of the 7 days before it the rule fired on the entity. */
  int habituation(long day) {
    if (bitsDay == NEVER) {
      dayBits = 1;
    } else if (day != bitsDay) {
      long shift = day - bitsDay;
      dayBits = shift >= 32 ? 1 : dayBits << shift | 1;
    }
    bitsDay = day;
    return Integer.bitCount(dayBits & 0xfe);
  }

  /** Counts one alert at {@code time} and returns the rolling count over {@code window} milliseconds. */
  double count(long time, long window) {
    long bucket = Math.floorDiv(time, window) * window;
    if (bucket != bucketStart) {
      previous = bucketStart != NEVER && bucket - bucketStart == window ? current : 0;
      current = 0;
      bucketStart = bucket;
    }
    current++;
    double elapsed = (double) (time - bucket) / window;
    return current + previous * (1.0 - elapsed);
  }
}
