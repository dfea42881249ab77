package io.sigmap.correlate;

/** What one entity's primary alerts of one rule left behind: last times and a sliding-window count. */
final class RuleTrack {

  static final long NEVER = Long.MIN_VALUE;

  final int rule;
  long lastSeen = NEVER;
  long lastScored = NEVER;
  long bucketStart = NEVER;
  int current;
  int previous;

  RuleTrack(int rule) {
    this.rule = rule;
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
