package io.sigmap.core;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaRule;
import io.sigmap.core.sigma.SigmaSource;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes enrichment results: JSON in the enrichment contract, JSON Lines, one file per rule, and enriched Sigma
 * YAML that keeps each rule's original text byte for byte.
 *
 * <h2>The JSON contract</h2>
 * Field names and order are part of the contract; absent values are left out, never null:
 * {@code status}, {@code rule_id}, {@code title}, {@code kind}, {@code source} ({@code path}, {@code document}),
 * {@code level}, {@code rule_status}, {@code logsource} ({@code category}, {@code product}, {@code service},
 * {@code definition}), {@code mitre_technique} (a list of {@code id}, {@code name}, {@code tactics},
 * {@code platforms}, {@code parent}, {@code confidence}, {@code replaced} when remapped from a revoked id,
 * {@code inherited_from} for a correlation rule's inherited techniques), {@code mitre_tactic},
 * {@code mitre_tactics}, {@code technique_confidence}, {@code correlation_weight}, {@code attack_version},
 * {@code findings} (a list of {@code code}, {@code severity}, {@code tag}, {@code message}, {@code line}).
 *
 * <h2>Files</h2>
 * Output files mirror the rules' paths under the output directory ({@code windows/x.yml} becomes
 * {@code windows/x_enriched.json}; a file of several rules gives {@code x_<document>_enriched.json}). Paths are
 * cleaned of {@code ..}, {@code .} and absolute parts, and a path that would still leave the directory (through a
 * symbolic link) is refused, so nothing is written outside it. Each file is written to a temporary file and moved
 * into place. Output is byte-identical for identical input.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class EnrichmentWriter {

  /** The first line of the block enriched Sigma YAML appends; a later run replaces everything after it. */
  public static final String SIGMA_MARKER = "# sigmap enrichment";

  private EnrichmentWriter() {}

  /**
   * Returns one result as pretty JSON (two-space indents, {@code \n} line ends, a final newline).
   *
   * @param result the result
   * @return the JSON text
   */
  public static String toJson(EnrichmentResult result) {
    return EnrichmentJson.pretty(Objects.requireNonNull(result, "result"));
  }

  /**
   * Writes results as JSON Lines: one compact JSON object per line, in order.
   *
   * @param results the results
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void writeJsonLines(List<EnrichmentResult> results, Writer out) {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(out, "out");
    try {
      for (EnrichmentResult r : results) {
        EnrichmentJson.line(r, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON Lines: " + e.getMessage(), e);
    }
  }

  /**
   * Writes one JSON file per rule document under a directory.
   *
   * @param results the results
   * @param outDir the output directory, created if needed
   * @return the files written, in result order
   * @throws UncheckedIOException if a file cannot be written, or a path would leave {@code outDir}
   */
  public static List<Path> writeJsonFiles(List<EnrichmentResult> results, Path outDir) {
    Objects.requireNonNull(results, "results");
    Output out = new Output(outDir);
    Map<String, Integer> perPath = new LinkedHashMap<>();
    for (EnrichmentResult r : results) {
      perPath.merge(r.path(), 1, Integer::sum);
    }
    List<Path> written = new ArrayList<>(results.size());
    for (EnrichmentResult r : results) {
      String suffix = perPath.get(r.path()) > 1 ? "_" + r.documentIndex() + "_enriched.json" : "_enriched.json";
      written.add(out.write(r.path(), suffix, toJson(r)));
    }
    return written;
  }

  /**
   * Writes all results as one JSON Lines file, atomically.
   *
   * @param results the results
   * @param file the file
   * @return the file
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path writeJsonLinesFile(List<EnrichmentResult> results, Path file) {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(file, "file");
    Path dir = file.toAbsolutePath().getParent();
    return new Output(dir).writeAt(file.toAbsolutePath(), w -> writeJsonLines(results, w));
  }

  /**
   * Writes enriched Sigma YAML for every file of a batch under a directory: each file's text byte for byte
   * (comments included, a byte order mark dropped), with a block of attributes appended to each rule document
   * ({@code mitre_technique}, {@code mitre_tactic}, {@code mitre_tactics}, {@code technique_confidence},
   * {@code correlation_weight}, {@code attack_version}, {@code sigmap_status}), so that existing Sigma converters
   * still read it. Filter rules and unreadable documents are copied as they are; files that could not be read at
   * all are not written. A document that already ends with a block from an earlier run gets the new block in its
   * place.
   *
   * @param batch the batch, with its files
   * @param outDir the output directory, created if needed
   * @return the files written, in input order
   * @throws UncheckedIOException if a file cannot be written, or a path would leave {@code outDir}
   */
  public static List<Path> writeSigmaFiles(BatchResult batch, Path outDir) {
    Objects.requireNonNull(batch, "batch");
    Output out = new Output(outDir);
    Map<String, List<EnrichmentResult>> byPath = new LinkedHashMap<>();
    for (EnrichmentResult r : batch.results()) {
      byPath.computeIfAbsent(r.path(), k -> new ArrayList<>(1)).add(r);
    }
    List<Path> written = new ArrayList<>();
    for (SigmaFile f : batch.files()) {
      if (f.text().isEmpty()) {
        continue;
      }
      String yaml = enrichedSigma(f, byPath.getOrDefault(f.path(), List.of()));
      String name = f.path();
      int slash = name.lastIndexOf('/');
      String file = name.substring(slash + 1);
      written.add(out.write(name.substring(0, slash + 1) + stem(file), extension(file), yaml));
    }
    return written;
  }

  /**
   * Returns a file's text with the enrichment block appended to each of its rule documents.
   *
   * @param file the file, with its text
   * @param results the results of its documents
   * @return the enriched text
   */
  public static String enrichedSigma(SigmaFile file, List<EnrichmentResult> results) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(results, "results");
    String text = file.text();
    StringBuilder out = new StringBuilder(text.length() + 512 * results.size());
    int at = 0;
    for (EnrichmentResult r : results) {
      if (r.rule().isEmpty() || r.enrichment().isEmpty()) {
        continue;
      }
      SigmaSource source = r.rule().get().source();
      int start = text.indexOf(source.text(), at);
      if (start < 0) {
        throw new IllegalArgumentException("the result for " + source + " does not belong to file " + file.path());
      }
      int end = start + source.text().length();
      int cut = markerIn(text, start, end);
      out.append(text, at, cut);
      if (cut > 0 && text.charAt(cut - 1) != '\n' && text.charAt(cut - 1) != '\r') {
        out.append('\n');
      }
      block(out, r, r.rule().get(), r.enrichment().get());
      at = end;
    }
    return out.append(text, at, text.length()).toString();
  }

  /** The offset of an earlier run's block in a document, or the document's end. */
  private static int markerIn(String text, int start, int end) {
    int i = text.indexOf(SIGMA_MARKER, start);
    while (i >= 0 && i < end) {
      if (i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r') {
        return i;
      }
      i = text.indexOf(SIGMA_MARKER, i + 1);
    }
    return end;
  }

  private static void block(StringBuilder y, EnrichmentResult r, SigmaRule rule, Enrichment e) {
    y.append(SIGMA_MARKER).append(": ATT&CK ").append(e.attackVersion()).append("; rewritten by sigmap enrich\n");
    y.append("mitre_technique:");
    if (e.techniques().isEmpty()) {
      y.append(" []\n");
    } else {
      y.append('\n');
      for (MappedTechnique m : e.techniques()) {
        Technique t = m.technique();
        y.append("  - id: ").append(t.id()).append('\n');
        y.append("    name: ").append(quote(t.name())).append('\n');
        y.append("    tactics: ").append(shortnames(t.tactics())).append('\n');
        y.append("    platforms: [");
        for (int i = 0; i < t.platforms().size(); i++) {
          y.append(i == 0 ? "" : ", ").append(quote(t.platforms().get(i)));
        }
        y.append("]\n");
        t.parentId().ifPresent(p -> y.append("    parent: ").append(p).append('\n'));
        y.append("    confidence: ").append(m.confidence()).append('\n');
        m.replaced().ifPresent(p -> y.append("    replaced: ").append(p).append('\n'));
        m.inheritedFrom().ifPresent(p -> y.append("    inherited_from: ").append(quote(p)).append('\n'));
      }
    }
    e.primaryTactic().ifPresent(t -> y.append("mitre_tactic: ").append(t.shortname()).append('\n'));
    y.append("mitre_tactics: ").append(shortnames(e.tactics())).append('\n');
    y.append("technique_confidence: ").append(e.techniqueConfidence()).append('\n');
    y.append("correlation_weight: ").append(e.correlationWeight()).append('\n');
    y.append("attack_version: ").append(quote(e.attackVersion())).append('\n');
    y.append("sigmap_status: ").append(r.status().id()).append('\n');
  }

  private static String shortnames(List<Tactic> tactics) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < tactics.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(tactics.get(i).shortname());
    }
    return sb.append(']').toString();
  }

  /** A YAML single-quoted scalar: nothing inside is special but the quote, which doubles. */
  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String stem(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yml")) {
      return file.substring(0, file.length() - 4);
    }
    if (lower.endsWith(".yaml")) {
      return file.substring(0, file.length() - 5);
    }
    return file;
  }

  private static String extension(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") ? file.substring(file.length() - 5) : lower.endsWith(".yml")
        ? file.substring(file.length() - 4) : ".yml";
  }

  /** Writes files under one directory: cleaned relative paths, temporary file and move, no escape. */
  private static final class Output {
    private final Path root;
    private Path realRoot;

    Output(Path dir) {
      this.root = Objects.requireNonNull(dir, "outDir").toAbsolutePath().normalize();
    }

    interface Body {
      void write(Writer w) throws IOException;
    }

    Path write(String sourcePath, String suffix, String content) {
      String stem = stem(sourcePath);
      List<String> parts = new ArrayList<>();
      for (String p : stem.split("[/\\\\]")) {
        if (p.isEmpty() || p.equals(".") || p.equals("..") || p.endsWith(":")) {
          continue; // absolute, relative-up and drive parts: output always stays under the root
        }
        parts.add(p);
      }
      if (parts.isEmpty()) {
        parts.add("rule");
      }
      Path target = root;
      for (int i = 0; i < parts.size() - 1; i++) {
        target = target.resolve(parts.get(i));
      }
      target = target.resolve(parts.get(parts.size() - 1) + suffix).normalize();
      return writeAt(target, w -> w.write(content));
    }

    Path writeAt(Path target, Body body) {
      if (!target.startsWith(root)) {
        throw new UncheckedIOException(new IOException("refusing to write " + target + " outside " + root));
      }
      try {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        if (realRoot == null) {
          realRoot = root.toRealPath();
        }
        if (!dir.toRealPath().startsWith(realRoot)) {
          throw new IOException("refusing to write " + target + ": " + dir + " leads outside " + root
              + " through a symbolic link");
        }
        AtomicFiles.write(target, out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          body.write(w);
          w.flush();
        });
        return target;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }
  }
}
