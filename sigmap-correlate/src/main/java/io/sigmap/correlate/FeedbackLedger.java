package io.sigmap.correlate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The append-only record of analyst verdicts, and what they say about each rule.
 *
 * <pre>{@code
 * try (FeedbackLedger ledger = FeedbackLedger.open(Path.of("verdicts.jsonl"))) {
 *   ledger.append(Verdict.onAlert(now, "alert-17", ruleId, VerdictKind.FALSE_POSITIVE).withAnalyst("kim"));
 *   SortedMap<String, RuleAdjustment> byRule = ledger.adjustments(now);
 * }
 * }</pre>
 *
 * <p><b>File format.</b> JSON Lines, one verdict a line, appended and flushed as given, never rewritten, so
 * the ledger survives restarts and can be shipped or merged with ordinary tools:
 * <pre>{@code
 * {"time":"2026-01-05T10:15:00Z","verdict":"false_positive","alert_id":"alert-17","rule_id":"5b3c...","analyst":"kim"}
 * {"time":"2026-01-06T08:00:00Z","verdict":"true_positive","chain_id":"chain:alert-40","rule_ids":["a","b"]}
 * }</pre>
 * {@code time} is an ISO-8601 instant or epoch milliseconds; {@code verdict} is {@code true_positive},
 * {@code false_positive} or {@code benign_true_positive}; exactly one of {@code alert_id} and
 * {@code chain_id}; the rules in {@code rule_id} and/or {@code rule_ids}; {@code analyst} and
 * {@code comment} optional. Reading is tolerant: a corrupt line (a torn write, a hand edit) is reported in
 * {@link #issues()} with its file and line, and skipped; if the file does not end with a newline, the next
 * append starts a new line so the torn line stays isolated.
 *
 * <p><b>Adjustments.</b> {@link #adjustments(long)} applies {@link FeedbackOptions} per rule over the verdicts
 * of the window ending at the given time; {@code sigmap enrich --feedback FILE} reads them to lower a rule's
 * {@code correlation_weight} ({@link RuleAdjustment#adjustedWeight(int)}) or to quarantine it.
 *
 * <p>Instances are thread-safe: every method synchronises on the ledger, so several correlators may share
 * one.
 *
 * @since 0.1.0
 */
public final class FeedbackLedger implements Closeable {

  private final Optional<Path> file;
  private final FeedbackOptions options;
  private final List<Verdict> verdicts = new ArrayList<>();
  private final TreeMap<String, List<Verdict>> byRule = new TreeMap<>();
  private final List<InputIssue> issues;
  private BufferedWriter writer;
  private boolean needsNewline;
  private boolean closed;

  private FeedbackLedger(Optional<Path> file, FeedbackOptions options, List<InputIssue> issues) {
    this.file = file;
    this.options = options;
    this.issues = issues;
  }

  /**
   * Opens a ledger file with the default options, reading the verdicts it holds; the file is created on the
   * first append.
   *
   * @param file the ledger file
   * @return the ledger
   * @throws CorrelationInputException if the file exists but cannot be read
   */
  public static FeedbackLedger open(Path file) {
    return open(file, FeedbackOptions.DEFAULT);
  }

  /**
   * Opens a ledger file, reading the verdicts it holds; the file is created on the first append.
   *
   * @param file the ledger file
   * @param options how verdicts turn into adjustments
   * @return the ledger
   * @throws CorrelationInputException if the file exists but cannot be read
   */
  public static FeedbackLedger open(Path file, FeedbackOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    List<InputIssue> issues = new ArrayList<>();
    FeedbackLedger ledger = new FeedbackLedger(Optional.of(file), options, issues);
    if (Files.exists(file)) {
      String name = file.toString();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Json.Lines lines = new Json.Lines(r);
        while (lines.next()) {
          if (lines.tooLong()) {
            issues.add(new InputIssue(name, lines.number(), "line too long, skipped"));
          } else if (!lines.blank()) {
            try {
              ledger.remember(parse(lines.line(), name, lines.number()));
            } catch (CorrelationInputException e) {
              issues.add(new InputIssue(name, lines.number(), e.detail() + "; skipped"));
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        throw new CorrelationInputException(name, 0, "cannot read the feedback ledger: " + e.getMessage(), e);
      }
      ledger.needsNewline = !endsWithNewline(file);
    }
    return ledger;
  }

  /**
   * Creates a ledger held in memory only, with the default options.
   *
   * @return the ledger
   */
  public static FeedbackLedger inMemory() {
    return inMemory(FeedbackOptions.DEFAULT);
  }

  /**
   * Creates a ledger held in memory only.
   *
   * @param options how verdicts turn into adjustments
   * @return the ledger
   */
  public static FeedbackLedger inMemory(FeedbackOptions options) {
    return new FeedbackLedger(Optional.empty(), Objects.requireNonNull(options, "options"), new ArrayList<>());
  }

  private static boolean endsWithNewline(Path file) {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size == 0) {
        return true;
      }
      ch.position(size - 1);
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b);
      return b.get(0) == '\n';
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Parses one ledger line.
   *
   * @param line the JSON text
   * @param source the file name, for messages
   * @param lineNumber the line number, for messages
   * @return the verdict
   * @throws CorrelationInputException if the line is not a valid verdict
   */
  static Verdict parse(String line, String source, int lineNumber) {
    JsonNode n;
    try {
      n = Json.parse(line);
    } catch (JsonProcessingException e) {
      throw new CorrelationInputException(source, lineNumber, "not JSON: " + Json.message(e), e);
    }
    if (n == null || !n.isObject()) {
      throw new CorrelationInputException(source, lineNumber, "not a JSON object", null);
    }
    Optional<Long> time = Json.time(n, "time");
    if (time.isEmpty()) {
      throw new CorrelationInputException(source, lineNumber,
          "no valid 'time' (ISO-8601 instant or epoch milliseconds)", null);
    }
    Optional<VerdictKind> kind = Json.text(n, "verdict").flatMap(VerdictKind::fromId);
    if (kind.isEmpty()) {
      throw new CorrelationInputException(source, lineNumber,
          "no valid 'verdict' (true_positive, false_positive or benign_true_positive)", null);
    }
    List<String> rules = new ArrayList<>();
    Json.text(n, "rule_id").ifPresent(rules::add);
    for (JsonNode r : n.path("rule_ids")) {
      if (r.isTextual() && !r.textValue().isBlank()) {
        rules.add(r.textValue().trim());
      }
    }
    Optional<String> alertId = Json.text(n, "alert_id");
    Optional<String> chainId = Json.text(n, "chain_id");
    if (rules.isEmpty()) {
      throw new CorrelationInputException(source, lineNumber, "no 'rule_id' or 'rule_ids'", null);
    }
    if (alertId.isPresent() == chainId.isPresent()) {
      throw new CorrelationInputException(source, lineNumber, "needs exactly one of 'alert_id' and 'chain_id'",
          null);
    }
    return new Verdict(time.get(), kind.get(), alertId, chainId, rules, Json.text(n, "analyst"),
        Json.text(n, "comment"));
  }

  /**
   * Formats a verdict as its ledger line, without the newline.
   *
   * @param v the verdict
   * @return the JSON text
   */
  static String format(Verdict v) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", Instant.ofEpochMilli(v.time()).toString());
      g.writeStringField("verdict", v.kind().id());
      if (v.alertId().isPresent()) {
        g.writeStringField("alert_id", v.alertId().get());
      }
      if (v.chainId().isPresent()) {
        g.writeStringField("chain_id", v.chainId().get());
      }
      if (v.ruleIds().size() == 1) {
        g.writeStringField("rule_id", v.ruleIds().get(0));
      } else {
        g.writeArrayFieldStart("rule_ids");
        for (String r : v.ruleIds()) {
          g.writeString(r);
        }
        g.writeEndArray();
      }
      if (v.analyst().isPresent()) {
        g.writeStringField("analyst", v.analyst().get());
      }
      if (v.comment().isPresent()) {
        g.writeStringField("comment", v.comment().get());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void remember(Verdict v) {
    verdicts.add(v);
    for (String r : v.ruleIds()) {
      byRule.computeIfAbsent(r, k -> new ArrayList<>()).add(v);
    }
  }

  /**
   * Appends a verdict: writes and flushes its line (for a file-backed ledger) and counts it.
   *
   * @param verdict the verdict
   * @throws CorrelationException if the line cannot be written
   * @throws IllegalStateException if the ledger is closed
   */
  public synchronized void append(Verdict verdict) {
    Objects.requireNonNull(verdict, "verdict");
    if (closed) {
      throw new IllegalStateException("the feedback ledger is closed");
    }
    if (file.isPresent()) {
      try {
        if (writer == null) {
          Path f = file.get();
          Path parent = f.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          writer = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        if (needsNewline) {
          writer.write('\n');
          needsNewline = false;
        }
        writer.write(format(verdict));
        writer.write('\n');
        writer.flush();
      } catch (IOException e) {
        throw new CorrelationException("cannot append to the feedback ledger " + file.get() + ": "
            + e.getMessage(), e);
      }
    }
    remember(verdict);
  }

  /**
   * Returns every verdict read or appended, in order.
   *
   * @return a copy of the verdicts
   */
  public synchronized List<Verdict> verdicts() {
    return List.copyOf(verdicts);
  }

  /**
   * Returns the problems found while reading the file.
   *
   * @return the issues
   */
  public List<InputIssue> issues() {
    return Collections.unmodifiableList(issues);
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public FeedbackOptions options() {
    return options;
  }

  /**
   * Returns the ledger file, if the ledger has one.
   *
   * @return the file
   */
  public Optional<Path> file() {
    return file;
  }

  /**
   * Computes the adjustment of every rule with a verdict in the window ending at {@code now}.
   *
   * @param now the end of the window, epoch milliseconds; later verdicts are ignored
   * @return the adjustments by rule id, sorted
   */
  public synchronized SortedMap<String, RuleAdjustment> adjustments(long now) {
    TreeMap<String, RuleAdjustment> out = new TreeMap<>();
    for (Map.Entry<String, List<Verdict>> e : byRule.entrySet()) {
      RuleAdjustment a = compute(e.getKey(), e.getValue(), now);
      if (a.sampleSize() > 0) {
        out.put(e.getKey(), a);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Computes one rule's adjustment in the window ending at {@code now}.
   *
   * @param ruleId the rule
   * @param now the end of the window, epoch milliseconds
   * @return the adjustment; {@link RuleAdjustment.Recommendation#INSUFFICIENT_SAMPLE} with zero counts for a
   *     rule without verdicts
   */
  public synchronized RuleAdjustment adjustment(String ruleId, long now) {
    Objects.requireNonNull(ruleId, "ruleId");
    return compute(ruleId, byRule.getOrDefault(ruleId, List.of()), now);
  }

  private RuleAdjustment compute(String ruleId, List<Verdict> list, long now) {
    long from = now - options.window().toMillis();
    int tp = 0;
    int fp = 0;
    int btp = 0;
    for (Verdict v : list) {
      if (v.time() > from && v.time() <= now) {
        switch (v.kind()) {
          case TRUE_POSITIVE:
            tp++;
            break;
          case FALSE_POSITIVE:
            fp++;
            break;
          default:
            btp++;
            break;
        }
      }
    }
    int n = tp + fp + btp;
    double ratio = n == 0 ? 0.0 : Math.min(1.0, (fp + options.benignWeight() * btp) / n);
    RuleAdjustment.Recommendation rec;
    double multiplier = 1.0;
    if (n < options.minSample()) {
      rec = RuleAdjustment.Recommendation.INSUFFICIENT_SAMPLE;
    } else if (ratio < options.lowerRatio()) {
      rec = RuleAdjustment.Recommendation.KEEP;
    } else {
      multiplier = Math.max(options.minMultiplier(), 1.0 - ratio);
      rec = ratio >= options.quarantineRatio() ? RuleAdjustment.Recommendation.QUARANTINE
          : RuleAdjustment.Recommendation.LOWER_WEIGHT;
    }
    return new RuleAdjustment(ruleId, tp, fp, btp, ratio, multiplier, rec);
  }

  /**
   * Closes the ledger file; later appends fail. Reading methods keep working.
   *
   * @throws CorrelationException if the file cannot be closed
   */
  @Override
  public synchronized void close() {
    closed = true;
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new CorrelationException("cannot close the feedback ledger " + file.orElseThrow() + ": "
            + e.getMessage(), e);
      } finally {
        writer = null;
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "FeedbackLedger[" + file.map(Path::toString).orElse("in memory") + ", " + verdicts.size()
        + " verdicts, " + issues.size() + " issues]";
  }
}
