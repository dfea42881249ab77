package io.sigmap.core;

import io.sigmap.core.sigma.SigmaFile;
import java.util.List;
import java.util.Objects;

/**
 * The results of a batch, one per rule document read, in input order, and their summary.
 *
 * @param results the results in input order: files sorted by path, documents in file order
 * @param summary the counts and duplicate coverage
 * @param files the files read, in input order; writers use their text to keep legacy collections whole
 * @since 0.1.0
 */
public record BatchResult(List<EnrichmentResult> results, BatchSummary summary, List<SigmaFile> files) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public BatchResult {
    results = List.copyOf(results);
    Objects.requireNonNull(summary, "summary");
    files = List.copyOf(files);
  }
}
