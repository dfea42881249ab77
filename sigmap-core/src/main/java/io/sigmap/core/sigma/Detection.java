package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code detection} section of a detection rule (or the {@code filter} section of a filter rule): named
 * searches and the condition(s) over them, kept as a tree.
 *
 * <p>Keys other than {@code condition} and the obsolete {@code timeframe} are search identifiers, kept in file
 * order. {@code condition} may be one string or a list of strings (OR-ed).
 *
 * <h2>Equality and the canonical form</h2>
 * {@link #equals} is structural and mostly order-sensitive: searches are compared as a map (their order does not
 * matter), but the items of each search, the values of a field and the conditions are compared as lists, and
 * search identifier names matter. {@link #canonicalForm()} is the order- and name-insensitive form meant for
 * fingerprints of "the same detection logic": two detections whose canonical forms are equal match the same
 * events under Sigma semantics, as far as reordering goes.
 *
 * @param searches the search identifiers by name, in file order
 * @param conditions the conditions, in file order
 * @param timeframe the obsolete {@code timeframe} value (e.g. {@code 30s}), kept for old rules
 * @since 0.1.0
 */
public record Detection(Map<String, SearchIdentifier> searches, List<SigmaCondition> conditions,
    Optional<String> timeframe) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is or holds null
   * @throws IllegalArgumentException if a key of {@code searches} differs from its identifier's name
   */
  public Detection {
    searches = Copies.orderedMap(searches);
    for (Map.Entry<String, SearchIdentifier> e : searches.entrySet()) {
      if (!e.getKey().equals(e.getValue().name())) {
        throw new IllegalArgumentException(
            "search key '" + e.getKey() + "' differs from its identifier '" + e.getValue().name() + "'");
      }
    }
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(timeframe, "timeframe");
  }

  /**
   * Returns the search identifier with a name.
   *
   * @param name the identifier, case-sensitive
   * @return the search, or empty when the detection has none of that name
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<SearchIdentifier> search(String name) {
    return Optional.ofNullable(searches.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Returns the search identifiers a {@code 1 of}/{@code all of} refers to, in file order.
   *
   * @param pattern a pattern where {@code *} matches any characters (case-sensitive), or empty for
   *     {@code them}: every identifier not starting with {@code _}
   * @return the matching searches, possibly none
   * @throws NullPointerException if {@code pattern} is null
   */
  public List<SearchIdentifier> matching(Optional<String> pattern) {
    Objects.requireNonNull(pattern, "pattern");
    List<SearchIdentifier> out = new ArrayList<>();
    for (SearchIdentifier s : searches.values()) {
      if (pattern.isEmpty() ? !s.name().startsWith("_") : Glob.matches(pattern.get(), s.name())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Returns a normalised text of the detection logic, for fingerprints: the same for detections that differ
   * only in the order of commutative parts or in search identifier names.
   *
   * <p>Each condition's expression is expanded by replacing identifiers and {@code 1 of}/{@code all of} with
   * the searches they name; the operands of {@code and}/{@code or}, the items of a mapping or list, the values
   * of a field and the conditions are sorted and deduplicated, and nested operators of one kind are flattened.
   * Field names, modifiers (in order) and value texts are kept exactly (Sigma's case-insensitivity is not
   * applied, since modifiers such as {@code re} or {@code cased} change it); scalars are compared by text
   * ({@code 4624} equals {@code '4624'}), except null. An obsolete aggregation is appended after {@code |}
   * with white space normalised. When a condition cannot be parsed or names a missing search, the form falls
   * back to the sorted searches by name followed by the normalised condition texts, prefixed {@code raw:}.
   *
   * @return the canonical form
   */
  public String canonicalForm() {
    return CanonicalForm.of(this);
  }
}
