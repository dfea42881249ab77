package io.sigmap.correlate;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma rule's {@code logsource}: product, category and service, each optional, lower-cased.
 *
 * <pre>{@code
 * LogSource ls = LogSource.EMPTY.withProduct("windows").withCategory("process_creation");
 * }</pre>
 *
 * @param product the {@code product}, for example {@code windows}
 * @param category the {@code category}, for example {@code process_creation}
 * @param service the {@code service}, for example {@code security}
 * @since 0.1.0
 */
public record LogSource(Optional<String> product, Optional<String> category, Optional<String> service) {

  /** A log source with no product, category or service. */
  public static final LogSource EMPTY = new LogSource(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Normalises the components: trimmed, lower-cased, blank treated as absent.
   *
   * @throws NullPointerException if a component is null
   */
  public LogSource {
    product = normalise(Objects.requireNonNull(product, "product"));
    category = normalise(Objects.requireNonNull(category, "category"));
    service = normalise(Objects.requireNonNull(service, "service"));
  }

  private static Optional<String> normalise(Optional<String> value) {
    if (value.isEmpty()) {
      return value;
    }
    String v = value.get().trim().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /**
   * Returns a copy with another product.
   *
   * @param product the product
   * @return the copy
   */
  public LogSource withProduct(String product) {
    return new LogSource(Optional.of(Objects.requireNonNull(product, "product")), category, service);
  }

  /**
   * Returns a copy with another category.
   *
   * @param category the category
   * @return the copy
   */
  public LogSource withCategory(String category) {
    return new LogSource(product, Optional.of(Objects.requireNonNull(category, "category")), service);
  }

  /**
   * Returns a copy with another service.
   *
   * @param service the service
   * @return the copy
   */
  public LogSource withService(String service) {
    return new LogSource(product, category, Optional.of(Objects.requireNonNull(service, "service")));
  }

  /** Returns {@code product/category/service} with {@code -} for an absent part. */
  @Override
  public String toString() {
    return product.orElse("-") + '/' + category.orElse("-") + '/' + service.orElse("-");
  }
}
