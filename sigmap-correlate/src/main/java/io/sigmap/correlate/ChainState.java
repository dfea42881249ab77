package io.sigmap.correlate;

/**
 * The state of one attack chain: its member entities and its scored alerts in time order (time, rule,
 * score, source), at most {@link CorrelatorOptions#maxChainAlerts()}.
 */
final class ChainState {

  /** {@code chain:} followed by the id of the founding alert. */
  final String id;
  long created;
  long lastTime;
  boolean dead;
  EntityState[] members = new EntityState[2];
  int memberCount;
  long[] times = new long[2];
  int[] rules = new int[2];
  float[] scores = new float[2];
  byte[] sources = new byte[2];
  int size;
  /** Bit set of {@link EscalationReason} ordinals met. */
  int escalations;
  /** When each {@link EscalationReason} last fired (evidence up to then is spent); null until one fires. */
  private long[] escalatedAt;
  /** What the last emitted view showed, to detect changes. */
  long shownTactics;
  int shownSources;
  int shownRules;
  int shownMembers;

  ChainState(String id, long created) {
    this.id = id;
    this.created = created;
    this.lastTime = created;
  }

  private static final long[] NEVER_ESCALATED = newEscalatedAt();

  private static long[] newEscalatedAt() {
    long[] a = new long[EscalationReason.values().length];
    java.util.Arrays.fill(a, Long.MIN_VALUE);
    return a;
  }

  /** When each reason last fired, {@link Long#MIN_VALUE} for never; must not be modified. */
  long[] escalatedAt() {
    return escalatedAt == null ? NEVER_ESCALATED : escalatedAt;
  }

  long[] escalatedAtForUpdate() {
    if (escalatedAt == null) {
      escalatedAt = newEscalatedAt();
    }
    return escalatedAt;
  }

  String id() {
    return id;
  }

  void addMember(EntityState e) {
    if (memberCount == members.length) {
      EntityState[] grown = new EntityState[memberCount * 2];
      System.arraycopy(members, 0, grown, 0, memberCount);
      members = grown;
    }
    members[memberCount++] = e;
    e.chain = this;
  }

  void removeMember(EntityState e) {
    for (int i = 0; i < memberCount; i++) {
      if (members[i] == e) {
        System.arraycopy(members, i + 1, members, i, memberCount - i - 1);
        members[--memberCount] = null;
        return;
      }
    }
  }

  /** Appends an alert; returns the number of old alerts dropped to stay within {@code max}. */
  int add(long time, int rule, float score, byte source, int max) {
    int dropped = 0;
    if (size == max) {
      dropOldest(1);
      dropped = 1;
    }
    if (size == times.length) {
      grow(Math.min(max, size * 2));
    }
    times[size] = time;
    rules[size] = rule;
    scores[size] = score;
    sources[size] = source;
    size++;
    if (time > lastTime) {
      lastTime = time;
    }
    return dropped;
  }

  /** Drops alerts older than {@code from}. */
  void prune(long from) {
    int n = 0;
    while (n < size && times[n] < from) {
      n++;
    }
    if (n > 0) {
      dropOldest(n);
    }
  }

  void dropOldest(int n) {
    System.arraycopy(times, n, times, 0, size - n);
    System.arraycopy(rules, n, rules, 0, size - n);
    System.arraycopy(scores, n, scores, 0, size - n);
    System.arraycopy(sources, n, sources, 0, size - n);
    size -= n;
  }

  private void grow(int capacity) {
    int c = Math.max(capacity, size + 1);
    times = java.util.Arrays.copyOf(times, c);
    rules = java.util.Arrays.copyOf(rules, c);
    scores = java.util.Arrays.copyOf(scores, c);
    sources = java.util.Arrays.copyOf(sources, c);
  }

  /**
   * Merges another chain's alerts into this one in time order (this chain's first on ties), keeping the
   * newest {@code max}; returns the number dropped.
   */
  int mergeAlerts(ChainState other, int max) {
    int total = size + other.size;
    long[] t = new long[Math.max(4, total)];
    int[] r = new int[t.length];
    float[] s = new float[t.length];
    byte[] src = new byte[t.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < size || j < other.size) {
      if (j >= other.size || i < size && times[i] <= other.times[j]) {
        t[k] = times[i];
        r[k] = rules[i];
        s[k] = scores[i];
        src[k] = sources[i];
        i++;
      } else {
        t[k] = other.times[j];
        r[k] = other.rules[j];
        s[k] = other.scores[j];
        src[k] = other.sources[j];
        j++;
      }
      k++;
    }
    times = t;
    rules = r;
    scores = s;
    sources = src;
    size = total;
    int dropped = 0;
    if (size > max) {
      dropped = size - max;
      dropOldest(dropped);
    }
    lastTime = Math.max(lastTime, other.lastTime);
    created = Math.min(created, other.created);
    escalations |= other.escalations;
    if (other.escalatedAt != null) {
      long[] mine = escalatedAtForUpdate();
      for (int e = 0; e < mine.length; e++) {
        mine[e] = Math.max(mine[e], other.escalatedAt[e]);
      }
    }
    return dropped;
  }
}
