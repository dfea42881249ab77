package io.sigmap.core;

import io.sigmap.core.sigma.DetectionRule;
import io.sigmap.core.sigma.Logsource;
import io.sigmap.core.sigma.SigmaRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds a {@link BatchSummary} from a batch's results. Package-private. */
final class Summaries {

  private Summaries() {}

  static BatchSummary of(List<EnrichmentResult> results) {
    int[] counts = new int[EnrichmentResult.Status.values().length];
    Map<FindingCode, Integer> byCode = new EnumMap<>(FindingCode.class);
    Map<String, List<BatchSummary.RuleRef>> ids = new LinkedHashMap<>();
    Map<String, List<BatchSummary.RuleRef>> detections = new LinkedHashMap<>();
    for (EnrichmentResult r : results) {
      counts[r.status().ordinal()]++;
      for (Finding f : r.findings()) {
        byCode.merge(f.code(), 1, Integer::sum);
      }
      if (r.rule().isEmpty()) {
        continue;
      }
      SigmaRule rule = r.rule().get();
      BatchSummary.RuleRef ref = new BatchSummary.RuleRef(rule.source().path(), rule.source().documentIndex(),
          rule.source().line(), rule.title());
      rule.id().ifPresent(id -> ids.computeIfAbsent(id.toString(), k -> new ArrayList<>(2)).add(ref));
      if (rule instanceof DetectionRule d && r.enrichment().map(Enrichment::mapped).orElse(false)) {
        detections.computeIfAbsent(detectionKey(d, r.enrichment().get()), k -> new ArrayList<>(2)).add(ref);
      }
    }
    List<BatchSummary.DuplicateGroup> duplicateIds = new ArrayList<>();
    ids.forEach((id, refs) -> {
      if (refs.size() > 1) {
        duplicateIds.add(new BatchSummary.DuplicateGroup(id, refs));
      }
    });
    List<BatchSummary.DuplicateGroup> duplicateDetections = new ArrayList<>();
    detections.forEach((key, refs) -> {
      Set<String> files = new HashSet<>();
      refs.forEach(x -> files.add(x.path()));
      if (files.size() > 1) {
        duplicateDetections.add(new BatchSummary.DuplicateGroup(key, refs));
      }
    });
    return new BatchSummary(results.size(), counts[EnrichmentResult.Status.VALIDATED.ordinal()],
        counts[EnrichmentResult.Status.QUARANTINED.ordinal()], counts[EnrichmentResult.Status.UNREADABLE.ordinal()],
        counts[EnrichmentResult.Status.SKIPPED.ordinal()], byCode, duplicateIds, duplicateDetections);
  }

  /**
   * Techniques, log source and a digest of the normalised detection: rules with the same key detect the same
   * thing the same way, whatever their titles, ids, search names or the order of their values.
   */
  static String detectionKey(DetectionRule rule, Enrichment e) {
    List<String> techniques = new ArrayList<>();
    for (MappedTechnique m : e.techniques()) {
      techniques.add(m.technique().id());
    }
    techniques.sort(null);
    Logsource l = rule.logsource();
    return String.join(" ", techniques) + "; logsource " + l.category().orElse("-") + "/" + l.product().orElse("-")
        + "/" + l.service().orElse("-") + "; detection " + digest(rule.detection().canonicalForm());
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append(String.format(Locale.ROOT, "%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
