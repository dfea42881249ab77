package io.sigmap.core.sigma;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code logsource} of a detection or filter rule: which log data the rule applies to.
 *
 * <p>{@code category}, {@code product} and {@code service} are kept as written (the specification asks for lower
 * case; the reader does not change them); {@code definition} is free text. Any other key is kept in
 * {@link #custom()}, in file order. Immutable and thread-safe.
 *
 * @param category the category, e.g. {@code process_creation}
 * @param product the product, e.g. {@code windows}
 * @param service the service, e.g. {@code security}
 * @param definition a free-text description of the log source's configuration
 * @param custom the other keys, in file order
 * @since 0.1.0
 */
public record Logsource(Optional<String> category, Optional<String> product, Optional<String> service,
    Optional<String> definition, Map<String, SigmaValue> custom) {

  /** A log source with no attribute. */
  public static final Logsource EMPTY =
      new Logsource(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null or {@code custom} holds null
   */
  public Logsource {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(definition, "definition");
    custom = Copies.orderedMap(custom);
  }

  /**
   * Returns a log source with a category, product and service, any of which may be null for absent.
   *
   * @param category the category, or null
   * @param product the product, or null
   * @param service the service, or null
   * @return the log source, without definition or custom keys
   */
  public static Logsource of(String category, String product, String service) {
    return new Logsource(Optional.ofNullable(category), Optional.ofNullable(product), Optional.ofNullable(service),
        Optional.empty(), Map.of());
  }
}
