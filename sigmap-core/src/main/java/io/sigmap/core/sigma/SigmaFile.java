package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one file (or string, or stream) held: one result per rule document, and the count of documents that are
 * not rules.
 *
 * <h2>Accounting</h2>
 * Every YAML document of the file is one of:
 * <ul>
 *   <li>a rule document: exactly one {@link SigmaReadResult} (the rule or its error);</li>
 *   <li>a control document of a legacy collection, {@code action: global} or {@code action: reset}: no result
 *       of its own (a global document's attributes are merged into the rules that follow), counted in
 *       {@link #controlDocuments()}; a control document with an error is a failed result instead;</li>
 *   <li>an empty document (only comments or white space, e.g. after a trailing {@code ---}): no result,
 *       counted in {@link #skippedDocuments()}, with an {@link SigmaWarning.Kind#EMPTY_DOCUMENT} warning.</li>
 * </ul>
 * So {@code results().size() == documents() - controlDocuments() - skippedDocuments()}, except that a file that
 * yields no result that way (unreadable, not UTF-8, over a size limit, empty, or only control documents) yields
 * exactly one failed result. A YAML syntax error ends the file: the documents before it keep their results, the
 * document where it occurs fails, and later documents are not counted. Results are in document order.
 *
 * @param path the path (as in {@link SigmaSource#path()})
 * @param results one result per rule document, in document order; never empty
 * @param documents the number of YAML documents seen
 * @param controlDocuments the number of {@code action: global}/{@code reset} documents that yielded no result
 * @param skippedDocuments the number of empty documents skipped
 * @param warnings file-level warnings (skipped documents)
 * @param text the whole text of the file as decoded (a byte order mark dropped), control documents included, so
 *     that a writer can reproduce a legacy collection; empty when the file failed as a whole (unreadable, not
 *     UTF-8, over a size limit, empty). For a
 *     file of one document it is the same {@code String} as that rule's {@link SigmaSource#text()}.
 * @since 0.1.0
 */
public record SigmaFile(String path, List<SigmaReadResult> results, int documents, int controlDocuments,
    int skippedDocuments, List<SigmaWarning> warnings, String text) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   * @throws IllegalArgumentException if {@code results} is empty or a count is negative
   */
  public SigmaFile {
    Objects.requireNonNull(path, "path");
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a file yields at least one result: " + path);
    }
    if (documents < 0 || controlDocuments < 0 || skippedDocuments < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns the rules read, in document order.
   *
   * @return the rules of the successful results
   */
  public List<SigmaRule> rules() {
    List<SigmaRule> out = new ArrayList<>(results.size());
    for (SigmaReadResult r : results) {
      r.rule().ifPresent(out::add);
    }
    return out;
  }

  /**
   * Returns the errors, in document order.
   *
   * @return the errors of the failed results
   */
  public List<SigmaRuleException> errors() {
    List<SigmaRuleException> out = new ArrayList<>(2);
    for (SigmaReadResult r : results) {
      r.error().ifPresent(out::add);
    }
    return out;
  }

  /**
   * Returns whether any document failed.
   *
   * @return true if a result is {@link SigmaReadResult.Failed}
   */
  public boolean hasErrors() {
    for (SigmaReadResult r : results) {
      if (!r.isParsed()) {
        return true;
      }
    }
    return false;
  }
}
