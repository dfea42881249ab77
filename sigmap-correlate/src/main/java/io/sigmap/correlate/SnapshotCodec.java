package io.sigmap.correlate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The binary snapshot of an {@link Engine}: a magic number and version, then the rule table (so a snapshot
 * survives catalogue changes), the clocks and counters, the lateness buffer, the per-rule rings and
 * feedback adjustments, the report days, the chains and the entities in LRU order.
 */
final class SnapshotCodec {

  private static final int MAGIC = 0x53474d43; // "SGMC"
  private static final int VERSION = 1;
  private static final int MAX_STRING = 1 << 22;

  private SnapshotCodec() {
  }

  static byte[] write(Engine e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + e.entityCount * 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      CompiledRules rules = e.rules;
      out.writeInt(rules.count);
      for (String id : rules.ids) {
        string(out, id);
      }
      out.writeLong(e.maxSeen);
      out.writeLong(e.clock);
      out.writeLong(e.feedbackDay);
      for (long c : new long[] {e.alertsIn, e.decisions, e.lateAlerts, e.evictedTtl, e.evictedCapacity,
          e.chainAlertsDropped, e.mergesRefused, e.saturated, e.assetFailures}) {
        out.writeLong(c);
      }
      Alert[] buffered = e.bufferedAlerts();
      out.writeInt(buffered.length);
      for (Alert a : buffered) {
        alert(out, a);
      }
      for (int r = 0; r < rules.count; r++) {
        out.writeInt(e.ruleDay[r]);
        for (int k = 0; k < Engine.RING; k++) {
          out.writeInt(e.distinctRing[r * Engine.RING + k]);
          out.writeInt(e.alertRing[r * Engine.RING + k]);
          out.writeInt(e.entityDayRing[r * Engine.RING + k]);
        }
        out.writeDouble(e.multiplier[r]);
        out.writeByte(e.recommendation[r].ordinal());
      }
      ReportBuckets report = e.report;
      out.writeInt(rules.tacticNames.length);
      for (String t : rules.tacticNames) {
        string(out, t);
      }
      out.writeInt(ReportBuckets.DAYS);
      for (int s = 0; s < ReportBuckets.DAYS; s++) {
        long[] c = report.counts[s];
        out.writeBoolean(c != null);
        if (c != null) {
          out.writeLong(report.dayOf[s]);
          for (long v : c) {
            out.writeLong(v);
          }
        }
      }
      // entities in LRU order, eldest first; chains in order of first reference
      List<EntityState> entities = new ArrayList<>(e.entityCount);
      Map<EntityState, Integer> entityIndex = new IdentityHashMap<>();
      List<ChainState> chains = new ArrayList<>();
      Map<ChainState, Integer> chainIndex = new IdentityHashMap<>();
      for (Iterator<EntityState> it = e.entitiesInOrder(); it.hasNext(); ) {
        EntityState s = it.next();
        entityIndex.put(s, entities.size());
        entities.add(s);
        if (s.chain != null && !chainIndex.containsKey(s.chain)) {
          chainIndex.put(s.chain, chains.size());
          chains.add(s.chain);
        }
      }
      out.writeInt(entities.size());
      for (EntityState s : entities) {
        out.writeByte(s.kind.ordinal());
        string(out, s.value);
        out.writeLong(s.seenAt);
        out.writeLong(s.secondaryUntil);
        out.writeInt(s.links);
        out.writeBoolean(s.saturated);
        out.writeInt(s.trackCount);
        for (int i = 0; i < s.trackCount; i++) {
          RuleTrack t = s.trackAt(i);
          out.writeInt(t.rule);
          out.writeLong(t.lastSeen);
          out.writeLong(t.lastScored);
          out.writeLong(t.bucketStart);
          out.writeInt(t.current);
          out.writeInt(t.previous);
          out.writeInt(t.dayBits);
          out.writeLong(t.bitsDay);
        }
        out.writeBoolean(s.hasRecent);
        if (s.hasRecent) {
          out.writeInt(s.recentNext);
          for (int k = 0; k < EntityState.RECENT; k++) {
            out.writeLong(s.recentTime(k));
            out.writeLong(s.recentRule(k));
          }
        }
      }
      out.writeInt(chains.size());
      for (ChainState c : chains) {
        string(out, c.id);
        out.writeLong(c.created);
        out.writeLong(c.lastTime);
        out.writeInt(c.escalations);
        for (long v : c.escalatedAt()) {
          out.writeLong(v);
        }
        out.writeLong(c.shownTactics);
        out.writeInt(c.shownSources);
        out.writeInt(c.shownRules);
        out.writeInt(c.shownMembers);
        out.writeInt(c.size);
        for (int i = 0; i < c.size; i++) {
          out.writeLong(c.times[i]);
          out.writeInt(c.rules[i]);
          out.writeFloat(c.scores[i]);
          out.writeByte(c.sources[i]);
        }
        out.writeInt(c.memberCount);
        for (int i = 0; i < c.memberCount; i++) {
          out.writeInt(entityIndex.get(c.members[i]));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  static void read(byte[] snapshot, Engine e) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      if (in.readInt() != MAGIC) {
        throw corrupt("not a correlator snapshot (bad magic number)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw corrupt(String.format(Locale.ROOT, "snapshot format version %d is not supported (this version "
            + "reads %d)", version, VERSION));
      }
      CompiledRules rules = e.rules;
      int oldCount = count(in, 10_000_000, "rules");
      int[] ruleMap = new int[oldCount];
      for (int r = 0; r < oldCount; r++) {
        ruleMap[r] = rules.indexOf(string(in));
      }
      e.maxSeen = in.readLong();
      e.clock = in.readLong();
      e.feedbackDay = in.readLong();
      e.alertsIn = in.readLong();
      e.decisions = in.readLong();
      e.lateAlerts = in.readLong();
      e.evictedTtl = in.readLong();
      e.evictedCapacity = in.readLong();
      e.chainAlertsDropped = in.readLong();
      e.mergesRefused = in.readLong();
      e.saturated = in.readLong();
      e.assetFailures = in.readLong();
      int buffered = count(in, Integer.MAX_VALUE, "buffered alerts");
      for (int i = 0; i < buffered; i++) {
        e.buffer(alert(in));
      }
      for (int old = 0; old < oldCount; old++) {
        int r = ruleMap[old];
        int day = in.readInt();
        int[] distinct = new int[Engine.RING];
        int[] alerts = new int[Engine.RING];
        int[] entityDays = new int[Engine.RING];
        for (int k = 0; k < Engine.RING; k++) {
          distinct[k] = in.readInt();
          alerts[k] = in.readInt();
          entityDays[k] = in.readInt();
        }
        double multiplier = in.readDouble();
        int rec = in.readUnsignedByte();
        if (rec >= RuleAdjustment.Recommendation.values().length || !(multiplier >= 0 && multiplier <= 1)) {
          throw corrupt("bad feedback state of rule " + old);
        }
        if (r >= 0) {
          e.ruleDay[r] = day;
          System.arraycopy(distinct, 0, e.distinctRing, r * Engine.RING, Engine.RING);
          System.arraycopy(alerts, 0, e.alertRing, r * Engine.RING, Engine.RING);
          System.arraycopy(entityDays, 0, e.entityDayRing, r * Engine.RING, Engine.RING);
          e.multiplier[r] = multiplier;
          e.recommendation[r] = RuleAdjustment.Recommendation.values()[rec];
          e.ruleOdds[r] = Scoring.ruleOdds(rules.level[r], rules.weight[r] * multiplier, rules.confidence[r]);
        }
      }
      int tactics = count(in, RuleCatalog.MAX_TACTICS, "tactics");
      int[] tacticMap = new int[tactics];
      Map<String, Integer> tacticIndex = new HashMap<>();
      for (int t = 0; t < rules.tacticNames.length; t++) {
        tacticIndex.put(rules.tacticNames[t], t);
      }
      for (int t = 0; t < tactics; t++) {
        tacticMap[t] = tacticIndex.getOrDefault(string(in), -1);
      }
      int days = count(in, 1 << 16, "report days");
      int oldWidth = ReportBuckets.TACTICS + tactics;
      for (int s = 0; s < days; s++) {
        if (!in.readBoolean()) {
          continue;
        }
        long day = in.readLong();
        long[] c = e.report.day(day);
        for (int i = 0; i < oldWidth; i++) {
          long v = in.readLong();
          if (i < ReportBuckets.TACTICS) {
            c[i] = v;
          } else if (tacticMap[i - ReportBuckets.TACTICS] >= 0) {
            c[ReportBuckets.TACTICS + tacticMap[i - ReportBuckets.TACTICS]] = v;
          }
        }
      }
      int entityCount = count(in, Integer.MAX_VALUE, "entities");
      EntityState[] entities = new EntityState[entityCount];
      EntityKind[] kinds = EntityKind.values();
      for (int i = 0; i < entityCount; i++) {
        int kind = in.readUnsignedByte();
        if (kind >= kinds.length) {
          throw corrupt("bad entity kind " + kind);
        }
        String value = string(in);
        boolean stop = e.options.linking().stopValues().contains(new EntityKey(kinds[kind], value));
        EntityState s = new EntityState(kinds[kind], value, stop);
        s.seenAt = in.readLong();
        s.secondaryUntil = in.readLong();
        s.links = in.readInt();
        s.saturated = in.readBoolean();
        int tracks = count(in, 1 << 24, "tracks");
        for (int t = 0; t < tracks; t++) {
          int old = in.readInt();
          long lastSeen = in.readLong();
          long lastScored = in.readLong();
          long bucketStart = in.readLong();
          int current = in.readInt();
          int previous = in.readInt();
          int dayBits = in.readInt();
          long bitsDay = in.readLong();
          int r = mapRule(ruleMap, old);
          if (r >= 0 && s.track(r) == null) {
            RuleTrack track = s.addTrack(r);
            track.lastSeen = lastSeen;
            track.lastScored = lastScored;
            track.bucketStart = bucketStart;
            track.current = current;
            track.previous = previous;
            track.dayBits = dayBits;
            track.bitsDay = bitsDay;
          }
        }
        if (in.readBoolean()) {
          s.recentNext = in.readInt();
          if (s.recentNext < 0 || s.recentNext >= EntityState.RECENT) {
            throw corrupt("bad proximity ring position " + s.recentNext);
          }
          s.hasRecent = true;
          for (int k = 0; k < EntityState.RECENT; k++) {
            long time = in.readLong();
            long rule = in.readLong();
            int r = time == Long.MIN_VALUE ? -1 : mapRule(ruleMap, (int) rule);
            s.setRecent(k, r < 0 ? Long.MIN_VALUE : time, r < 0 ? 0 : r);
          }
        }
        if (e.entities.get(s.kind, s.value) != null) {
          throw corrupt("entity " + kinds[kind].id() + ":" + value + " appears twice");
        }
        e.entities.add(s);
        e.entityCount++;
        e.lru.touch(s, e.entityCount);
        entities[i] = s;
      }
      int chainCount = count(in, Integer.MAX_VALUE, "chains");
      for (int i = 0; i < chainCount; i++) {
        ChainState c = new ChainState(string(in), in.readLong());
        c.lastTime = in.readLong();
        c.escalations = in.readInt();
        long[] fired = new long[EscalationReason.values().length];
        boolean any = false;
        for (int k = 0; k < fired.length; k++) {
          fired[k] = in.readLong();
          any |= fired[k] != Long.MIN_VALUE;
        }
        if (any) {
          System.arraycopy(fired, 0, c.escalatedAtForUpdate(), 0, fired.length);
        }
        c.shownTactics = in.readLong();
        c.shownSources = in.readInt();
        c.shownRules = in.readInt();
        c.shownMembers = in.readInt();
        int size = count(in, 1 << 24, "chain alerts");
        for (int k = 0; k < size; k++) {
          long time = in.readLong();
          int r = mapRule(ruleMap, in.readInt());
          float score = in.readFloat();
          byte source = in.readByte();
          if (source < 0 || source >= SourceType.values().length) {
            throw corrupt("bad source type " + source);
          }
          if (r >= 0) {
            c.add(time, r, score, source, Integer.MAX_VALUE);
          }
        }
        c.lastTime = Math.max(c.lastTime, c.created);
        int members = count(in, 1 << 24, "chain members");
        for (int k = 0; k < members; k++) {
          int idx = in.readInt();
          if (idx < 0 || idx >= entityCount || entities[idx].chain != null) {
            throw corrupt("bad chain member " + idx);
          }
          c.addMember(entities[idx]);
        }
      }
      if (in.read() != -1) {
        throw corrupt("trailing bytes");
      }
    } catch (EOFException ex) {
      throw corrupt("truncated");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new CorrelationInputException("snapshot", 0, "corrupt: " + ex.getMessage(), ex);
    }
  }

  private static int mapRule(int[] ruleMap, int old) throws IOException {
    if (old < 0 || old >= ruleMap.length) {
      throw corrupt("bad rule index " + old);
    }
    return ruleMap[old];
  }

  private static CorrelationInputException corrupt(String why) {
    return new CorrelationInputException("snapshot", 0, "corrupt: " + why, null);
  }

  private static int count(DataInputStream in, int max, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw corrupt(String.format(Locale.ROOT, "bad %s count %d", what, n));
    }
    if (n > in.available()) {
      throw corrupt("truncated");
    }
    return n;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = count(in, MAX_STRING, "string length");
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void alert(DataOutputStream out, Alert a) throws IOException {
    string(out, a.id());
    string(out, a.ruleId());
    out.writeLong(a.time());
    out.writeByte(a.source().map(s -> s.ordinal()).orElse(-1));
    out.writeInt(a.entities().size());
    for (EntityKey k : a.entities()) {
      out.writeByte(k.kind().ordinal());
      string(out, k.value());
    }
    out.writeInt(a.fields().size());
    for (Map.Entry<String, String> f : a.fields().entrySet()) {
      string(out, f.getKey());
      string(out, f.getValue());
    }
  }

  private static Alert alert(DataInputStream in) throws IOException {
    String id = string(in);
    String rule = string(in);
    long time = in.readLong();
    int source = in.readByte();
    if (source < -1 || source >= SourceType.values().length) {
      throw corrupt("bad alert source " + source);
    }
    int entities = count(in, Alert.MAX_ENTITIES, "alert entities");
    List<EntityKey> keys = new ArrayList<>(entities);
    for (int i = 0; i < entities; i++) {
      int kind = in.readUnsignedByte();
      if (kind >= EntityKind.values().length) {
        throw corrupt("bad entity kind " + kind);
      }
      keys.add(new EntityKey(EntityKind.values()[kind], string(in)));
    }
    int fields = count(in, Alert.MAX_FIELDS, "alert fields");
    Map<String, String> f = new HashMap<>();
    for (int i = 0; i < fields; i++) {
      f.put(string(in), string(in));
    }
    return new Alert(id, rule, time, source < 0 ? Optional.empty() : Optional.of(SourceType.values()[source]),
        keys, f);
  }
}
