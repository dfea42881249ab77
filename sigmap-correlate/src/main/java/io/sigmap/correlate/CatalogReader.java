package io.sigmap.correlate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the enrichment JSON contract into a {@link RuleCatalog.Builder}, leniently. */
final class CatalogReader {

  private static final int MAX_DEPTH = 32;

  private CatalogReader() {
  }

  static void read(Path path, RuleCatalog.Builder b) {
    if (!Files.exists(path)) {
      throw new CorrelationInputException(path.toString(), 0, "no such file or directory", null);
    }
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
        files = walk.filter(Files::isRegularFile).filter(CatalogReader::isCatalogFile)
            .sorted((x, y) -> path.relativize(x).toString().compareTo(path.relativize(y).toString()))
            .collect(Collectors.toList());
      } catch (IOException | UncheckedIOException e) {
        throw new CorrelationInputException(path.toString(), 0, "cannot list the directory: " + e.getMessage(), e);
      }
      for (Path f : files) {
        readFile(f, path.relativize(f).toString().replace('\\', '/'), b);
      }
    } else {
      readFile(path, path.getFileName() == null ? path.toString() : path.getFileName().toString(), b);
    }
  }

  private static boolean isCatalogFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  private static void readFile(Path file, String name, RuleCatalog.Builder b) {
    String lower = name.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          Json.Lines lines = new Json.Lines(r);
          while (lines.next()) {
            if (lines.tooLong()) {
              b.issue(new InputIssue(name, lines.number(), "line longer than " + Json.MAX_LINE_CHARS
                  + " characters skipped"));
            } else if (!lines.blank()) {
              parseItem(lines.line(), name, lines.number(), b);
            }
          }
        }
      } else {
        long size = Files.size(file);
        if (size > Json.MAX_FILE_BYTES) {
          b.issue(new InputIssue(name, 0, String.format(Locale.ROOT,
              "file of %d bytes skipped: larger than %d bytes", size, Json.MAX_FILE_BYTES)));
          return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root;
        try {
          root = Json.parse(text);
        } catch (JsonProcessingException e) {
          b.issue(new InputIssue(name, Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
              "not JSON, skipped: " + Json.message(e)));
          return;
        }
        if (root != null && root.isArray()) {
          int i = 0;
          for (JsonNode n : root) {
            item(n, name + "[" + i++ + "]", 0, b);
          }
        } else {
          item(root, name, 0, b);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      b.issue(new InputIssue(name, 0, "cannot read, skipped: " + e.getMessage()));
    }
  }

  private static void parseItem(String text, String name, int line, RuleCatalog.Builder b) {
    JsonNode n;
    try {
      n = Json.parse(text);
    } catch (JsonProcessingException e) {
      b.issue(new InputIssue(name, line, "not JSON, skipped: " + Json.message(e)));
      return;
    }
    item(n, name, line, b);
  }

  private static void item(JsonNode n, String name, int line, RuleCatalog.Builder b) {
    if (n == null || !n.isObject()) {
      b.issue(new InputIssue(name, line, "not a JSON object, skipped"));
      return;
    }
    List<InputIssue> problems = new ArrayList<>();
    Optional<RuleProfile> p = profile(n, name, line, problems);
    problems.forEach(b::issue);
    p.ifPresent(profile -> b.add(profile, name, line));
  }

  /** Converts one enrichment object; problems are added to {@code problems}. */
  static Optional<RuleProfile> profile(JsonNode n, String name, int line, List<InputIssue> problems) {
    Optional<String> statusText = Json.text(n, "status");
    if (statusText.isEmpty()) {
      problems.add(new InputIssue(name, line, "no 'status'; rule skipped"));
      return Optional.empty();
    }
    Optional<RuleStatus> status = RuleStatus.fromId(statusText.get());
    if (status.isEmpty()) {
      problems.add(new InputIssue(name, line, "unknown status '" + statusText.get() + "'; rule skipped"));
      return Optional.empty();
    }
    JsonNode src = n.path("source");
    Optional<String> path = Json.text(src, "path");
    Optional<String> id = Json.text(n, "rule_id");
    if (id.isEmpty()) {
      if (path.isEmpty()) {
        problems.add(new InputIssue(name, line, "neither 'rule_id' nor 'source.path'; rule skipped"));
        return Optional.empty();
      }
      JsonNode doc = src.get("document");
      id = Optional.of(path.get() + "#" + (doc != null && doc.isIntegralNumber() ? doc.asInt() : 0));
    }
    String ruleId = id.get();
    RuleProfile.Builder p = RuleProfile.builder(ruleId).status(status.get());
    Json.text(n, "title").ifPresent(p::title);
    path.ifPresent(p::path);
    Optional<String> level = Json.text(n, "level");
    if (level.isPresent()) {
      Optional<Level> l = Level.fromId(level.get());
      if (l.isPresent()) {
        p.level(l.get());
      } else {
        problems.add(new InputIssue(name, line, "rule " + ruleId + ": unknown level '" + level.get()
            + "' ignored"));
      }
    }
    JsonNode ls = n.path("logsource");
    LogSource logSource = new LogSource(Json.text(ls, "product"), Json.text(ls, "category"),
        Json.text(ls, "service"));
    p.logSource(logSource);
    Optional<String> sourceType = Json.text(n, "source_type");
    if (sourceType.isPresent()) {
      Optional<SourceType> s = SourceType.fromId(sourceType.get());
      if (s.isPresent()) {
        p.source(s.get());
      } else {
        problems.add(new InputIssue(name, line, "rule " + ruleId + ": unknown source_type '"
            + sourceType.get() + "' ignored"));
      }
    }
    LinkedHashSet<String> techniqueTactics = new LinkedHashSet<>();
    JsonNode techniques = n.path("mitre_technique");
    if (techniques.isArray()) {
      for (JsonNode t : techniques) {
        Optional<String> tid = t.isTextual() ? Optional.of(t.textValue()) : Json.text(t, "id");
        if (tid.isPresent() && !tid.get().isBlank()) {
          p.technique(tid.get());
        }
        for (JsonNode tactic : t.path("tactics")) {
          if (tactic.isTextual() && !tactic.textValue().isBlank()) {
            techniqueTactics.add(tactic.textValue());
          }
        }
      }
    }
    JsonNode tactics = n.path("mitre_tactics");
    if (tactics.isArray() && tactics.size() > 0) {
      for (JsonNode t : tactics) {
        if (t.isTextual() && !t.textValue().isBlank()) {
          p.tactic(t.textValue());
        }
      }
    } else if (Json.text(n, "mitre_tactic").isPresent()) {
      p.tactic(Json.text(n, "mitre_tactic").get());
      techniqueTactics.forEach(p::tactic);
    } else {
      techniqueTactics.forEach(p::tactic);
    }
    boolean mapped = techniques.isArray() && techniques.size() > 0;
    JsonNode conf = n.get("technique_confidence");
    double confidence = mapped ? 1.0 : 0.0;
    if (conf != null && conf.isNumber()) {
      confidence = conf.doubleValue();
      if (!(confidence >= 0.0 && confidence <= 1.0)) {
        double clamped = Double.isNaN(confidence) ? 0.0 : Math.max(0.0, Math.min(1.0, confidence));
        problems.add(new InputIssue(name, line, String.format(Locale.ROOT,
            "rule %s: technique_confidence %s outside [0, 1], clamped to %s", ruleId, confidence, clamped)));
        confidence = clamped;
      }
    } else if (conf != null && !conf.isNull()) {
      problems.add(new InputIssue(name, line, "rule " + ruleId + ": technique_confidence is not a number; "
          + confidence + " used"));
    }
    p.techniqueConfidence(confidence);
    JsonNode weightNode = n.get("correlation_weight");
    int weight = 5;
    if (weightNode != null && weightNode.isNumber()) {
      double w = weightNode.doubleValue();
      long rounded = Math.round(w);
      if (rounded != w || w < 0 || w > RuleProfile.MAX_WEIGHT) {
        int clamped = (int) Math.max(0, Math.min(RuleProfile.MAX_WEIGHT, rounded));
        problems.add(new InputIssue(name, line, String.format(Locale.ROOT,
            "rule %s: correlation_weight %s is not an integer in [0, %d]; %d used", ruleId,
            weightNode.asText(), RuleProfile.MAX_WEIGHT, clamped)));
        weight = clamped;
      } else {
        weight = (int) rounded;
      }
    } else if (weightNode != null && !weightNode.isNull()) {
      problems.add(new InputIssue(name, line, "rule " + ruleId + ": correlation_weight is not a number; 5 used"));
    }
    p.correlationWeight(weight);
    return Optional.of(p.build());
  }
}
