package io.sigmap.stix;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The snapshot format of a {@link TechniqueIndex}: the merged model in a compact binary form, read in a few
 * milliseconds instead of parsing tens of megabytes of JSON. Package-private.
 *
 * <pre>
 * magic    8 bytes  "SIGMAPIX"
 * format   int      FORMAT (a reader refuses any other value)
 * length   int      payload bytes
 * crc      long     CRC-32C of the payload
 * payload           strings table (count, then length-prefixed UTF-8), bundle fingerprints, bundles, versions,
 *                   tactics, techniques, objects, warnings; numbers big-endian, strings as table indexes
 * </pre>
 *
 * Format 1 stored the table with {@code DataOutput.writeUTF}, which decodes a character at a time; format 2 reads
 * in about half the time.
 *
 * Bundle fingerprints (file name, size, CRC-32C of the first and last 64 KiB) let a reader tell whether the
 * snapshot still describes the bundles it is asked to load.
 */
final class IndexSnapshot {

  static final int FORMAT = 2;
  private static final byte[] MAGIC = "SIGMAPIX".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 4 + 8;
  private static final int MAX_PAYLOAD = 256 * 1024 * 1024;
  private static final int SAMPLE = 64 * 1024;

  /** What identifies a bundle file cheaply: its name, its size and a checksum of its ends. */
  record Fingerprint(String fileName, long size, long sample) {}

  /** A snapshot read back: the model and the fingerprints of the bundles it was made from. */
  record Contents(IndexData data, List<Fingerprint> fingerprints) {}

  private IndexSnapshot() {}

  static Fingerprint fingerprint(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      CRC32C crc = new CRC32C();
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(SAMPLE, size));
      ch.read(buf, 0);
      buf.flip();
      crc.update(buf);
      if (size > SAMPLE) {
        buf.clear();
        ch.read(buf, Math.max(SAMPLE, size - SAMPLE));
        buf.flip();
        crc.update(buf);
      }
      Path name = file.getFileName();
      return new Fingerprint(name == null ? file.toString() : name.toString(), size, crc.getValue());
    }
  }

  // ------------------------------------------------------------------------------------------------ writing

  static void write(IndexData data, List<Fingerprint> fingerprints, OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
    new Writer(new DataOutputStream(bytes)).write(data, fingerprints);
    byte[] payload = bytes.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(payload);
    DataOutputStream d = new DataOutputStream(out);
    d.write(MAGIC);
    d.writeInt(FORMAT);
    d.writeInt(payload.length);
    d.writeLong(crc.getValue());
    d.write(payload);
    d.flush();
  }

  /** Writes strings once each: later references are indexes into a table. */
  private static final class Writer {
    private final DataOutputStream out;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> table = new ArrayList<>();
    private final ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 18);
    private final DataOutputStream body = new DataOutputStream(bodyBytes);

    Writer(DataOutputStream out) {
      this.out = out;
    }

    void write(IndexData data, List<Fingerprint> fingerprints) throws IOException {
      body.writeInt(fingerprints.size());
      for (Fingerprint f : fingerprints) {
        str(f.fileName());
        body.writeLong(f.size());
        body.writeLong(f.sample());
      }
      body.writeInt(data.bundles().size());
      for (BundleInfo b : data.bundles()) {
        str(b.source());
        domains(b.domains());
        str(b.specVersion());
        str(b.attackVersion());
        body.writeInt(b.objectCount());
      }
      body.writeInt(data.versions().size());
      for (Map.Entry<AttackDomain, String> e : data.versions().entrySet()) {
        body.writeByte(e.getKey().ordinal());
        str(e.getValue());
      }
      Map<Tactic, Integer> tacticIds = new HashMap<>();
      body.writeInt(data.tactics().size());
      for (Tactic t : data.tactics()) {
        tacticIds.put(t, tacticIds.size());
        str(t.id());
        str(t.shortname());
        str(t.name());
        body.writeByte(t.domain().ordinal());
        body.writeInt(t.order());
        str(t.stixId());
        str(t.url());
        body.writeBoolean(t.deprecated());
      }
      body.writeInt(data.techniques().size());
      for (Technique t : data.techniques()) {
        str(t.id());
        str(t.stixId());
        str(t.name());
        str(t.url());
        body.writeShort(t.tactics().size());
        for (Tactic tactic : t.tactics()) {
          body.writeShort(tacticIds.get(tactic));
        }
        strs(t.platforms());
        domains(t.domains());
        optional(t.parentId());
        strs(t.subtechniqueIds());
        str(t.version());
        instant(t.modified());
        body.writeByte((t.deprecated() ? 1 : 0) | (t.revoked() ? 2 : 0));
        optional(t.revokedBy());
      }
      body.writeInt(data.objects().size());
      for (AttackObject o : data.objects()) {
        body.writeByte(o.kind().ordinal());
        str(o.id());
        str(o.stixId());
        str(o.name());
        body.writeByte(o.status().ordinal());
        domains(o.domains());
        instant(o.modified());
        optional(o.revokedBy());
      }
      body.writeInt(data.warnings().size());
      for (StixWarning w : data.warnings()) {
        body.writeByte(w.kind().ordinal());
        str(w.source());
        body.writeInt(w.line());
        body.writeInt(w.column());
        optional(w.stixId());
        str(w.message());
      }
      body.flush();
      out.writeInt(table.size());
      for (String s : table) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      bodyBytes.writeTo(out);
      out.flush();
    }

    private void str(String s) throws IOException {
      Integer id = ids.get(s);
      if (id == null) {
        id = table.size();
        ids.put(s, id);
        table.add(s);
      }
      body.writeInt(id);
    }

    private void strs(List<String> list) throws IOException {
      body.writeShort(list.size());
      for (String s : list) {
        str(s);
      }
    }

    private void optional(Optional<String> s) throws IOException {
      body.writeBoolean(s.isPresent());
      if (s.isPresent()) {
        str(s.get());
      }
    }

    private void domains(Set<AttackDomain> domains) throws IOException {
      int mask = 0;
      for (AttackDomain d : domains) {
        mask |= 1 << d.ordinal();
      }
      body.writeByte(mask);
    }

    private void instant(Instant i) throws IOException {
      body.writeLong(i.getEpochSecond());
      body.writeInt(i.getNano());
    }
  }

  // ------------------------------------------------------------------------------------------------ reading

  /**
   * Reads a snapshot.
   *
   * @throws StixFormatException if the snapshot is truncated, corrupt, or of another format version
   */
  static Contents read(InputStream in, String source) {
    try {
      DataInputStream d = new DataInputStream(in);
      byte[] magic = new byte[MAGIC.length];
      d.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw error(source, "not a sigmap index snapshot (wrong magic bytes)");
      }
      int format = d.readInt();
      if (format != FORMAT) {
        throw error(source, String.format(Locale.ROOT,
            "snapshot format %d is not the format this version reads (%d)", format, FORMAT));
      }
      int length = d.readInt();
      if (length < 0 || length > MAX_PAYLOAD) {
        throw error(source, "corrupt snapshot: payload length " + length);
      }
      long expected = d.readLong();
      byte[] payload = new byte[length];
      d.readFully(payload);
      CRC32C crc = new CRC32C();
      crc.update(payload);
      if (crc.getValue() != expected) {
        throw error(source, "corrupt snapshot: checksum mismatch");
      }
      if (d.read() != -1) {
        throw error(source, "corrupt snapshot: unexpected bytes after the payload");
      }
      return new Reader(payload).read();
    } catch (EOFException e) {
      throw new StixFormatException(source, 0, 0, null, "truncated snapshot", e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StixFormatException) {
        throw (StixFormatException) e;
      }
      // The checksum matched, so this is a writer bug or a forged file; either way the snapshot is unusable.
      throw new StixFormatException(source, 0, 0, null, "unreadable snapshot: " + e, e);
    }
  }

  private static StixFormatException error(String source, String message) {
    return new StixFormatException(source, 0, 0, null, message, null);
  }

  private static final class Reader {
    private final byte[] payload;
    private final ByteBuffer in;
    private String[] table;

    Reader(byte[] payload) {
      this.payload = payload;
      this.in = ByteBuffer.wrap(payload);
    }

    Contents read() {
      table = new String[in.getInt()];
      for (int i = 0; i < table.length; i++) {
        int n = in.getInt();
        table[i] = new String(payload, in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
      }
      List<Fingerprint> fingerprints = new ArrayList<>();
      for (int i = in.getInt(); i > 0; i--) {
        fingerprints.add(new Fingerprint(str(), in.getLong(), in.getLong()));
      }
      List<BundleInfo> bundles = new ArrayList<>();
      for (int i = in.getInt(); i > 0; i--) {
        bundles.add(new BundleInfo(str(), domains(), str(), str(), in.getInt()));
      }
      Map<AttackDomain, String> versions = new EnumMap<>(AttackDomain.class);
      for (int i = in.getInt(); i > 0; i--) {
        versions.put(AttackDomain.values()[in.get()], str());
      }
      Tactic[] tactics = new Tactic[in.getInt()];
      for (int i = 0; i < tactics.length; i++) {
        tactics[i] = new Tactic(str(), str(), str(), AttackDomain.values()[in.get()], in.getInt(), str(), str(),
            in.get() != 0);
      }
      Technique[] techniques = new Technique[in.getInt()];
      for (int i = 0; i < techniques.length; i++) {
        String id = str();
        String stixId = str();
        String name = str();
        String url = str();
        Tactic[] own = new Tactic[in.getShort()];
        for (int k = 0; k < own.length; k++) {
          own[k] = tactics[in.getShort()];
        }
        List<String> platforms = strs();
        Set<AttackDomain> domains = domains();
        Optional<String> parent = optional();
        List<String> subs = strs();
        String version = str();
        Instant modified = instant();
        int flags = in.get();
        techniques[i] = new Technique(id, stixId, name, url, Arrays.asList(own), platforms, domains, parent, subs,
            version, modified, (flags & 1) != 0, (flags & 2) != 0, optional());
      }
      AttackObject[] objects = new AttackObject[in.getInt()];
      for (int i = 0; i < objects.length; i++) {
        objects[i] = new AttackObject(AttackObjectKind.values()[in.get()], str(), str(), str(),
            AttackStatus.values()[in.get()], domains(), instant(), optional());
      }
      StixWarning[] warnings = new StixWarning[in.getInt()];
      for (int i = 0; i < warnings.length; i++) {
        warnings[i] = new StixWarning(StixWarning.Kind.values()[in.get()], str(), in.getInt(), in.getInt(),
            optional(), str());
      }
      if (in.hasRemaining()) {
        throw new IllegalStateException(in.remaining() + " bytes left after the warnings");
      }
      IndexData data = new IndexData(List.of(techniques), List.of(tactics), List.of(objects),
          Collections.unmodifiableMap(versions), List.copyOf(bundles), List.of(warnings));
      return new Contents(data, List.copyOf(fingerprints));
    }

    private String str() {
      return table[in.getInt()];
    }

    private List<String> strs() {
      String[] out = new String[in.getShort()];
      for (int i = 0; i < out.length; i++) {
        out[i] = str();
      }
      return List.of(out);
    }

    private Optional<String> optional() {
      return in.get() != 0 ? Optional.of(str()) : Optional.empty();
    }

    private Set<AttackDomain> domains() {
      int mask = in.get();
      Set<AttackDomain> out = EnumSet.noneOf(AttackDomain.class);
      for (AttackDomain d : AttackDomain.values()) {
        if ((mask & (1 << d.ordinal())) != 0) {
          out.add(d);
        }
      }
      return out;
    }

    private Instant instant() {
      return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }
  }
}
