package io.sigmap.correlate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sigmap.correlate.spi.AssetContext;
import io.sigmap.correlate.spi.AssetCriticality;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AssetContext} backed by a table, built in code or read from a file.
 *
 * <pre>{@code
 * AssetTable assets = AssetTable.read(Path.of("assets.jsonl"));
 * AssetTable inline = AssetTable.builder().put(EntityKind.HOST, "dc01", AssetCriticality.EXTREME).build();
 * }</pre>
 *
 * <p>The file is JSON Lines, one entity a line:
 * <pre>{@code
 * {"kind":"host","value":"dc01","criticality":"extreme"}
 * {"kind":"user","value":"adm-kim","criticality":"high"}
 * }</pre>
 * Kinds are {@link EntityKind#id()}s, criticalities {@link AssetCriticality#id()}s; values are normalised
 * like {@link EntityKey} values. Blank lines are ignored; the file is read strictly (a configuration file:
 * a bad line is an error). Entities not in the table are {@link AssetCriticality#MEDIUM}.
 *
 * <p>Instances are immutable and thread-safe; lookups allocate nothing.
 *
 * @since 0.1.0
 */
public final class AssetTable implements AssetContext {

  private final List<Map<String, AssetCriticality>> byKind;
  private final int size;

  private AssetTable(List<Map<String, AssetCriticality>> byKind) {
    this.byKind = byKind;
    int n = 0;
    for (Map<String, AssetCriticality> m : byKind) {
      n += m.size();
    }
    this.size = n;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads an asset file.
   *
   * @param file the JSON Lines file
   * @return the table
   * @throws CorrelationInputException if the file cannot be read or a line is not a valid entry
   */
  public static AssetTable read(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    Builder b = builder();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Json.Lines lines = new Json.Lines(r);
      while (lines.next()) {
        if (lines.tooLong()) {
          throw new CorrelationInputException(name, lines.number(), "line too long", null);
        }
        if (lines.blank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Json.parse(lines.line());
        } catch (JsonProcessingException e) {
          throw new CorrelationInputException(name, lines.number(), "not JSON: " + Json.message(e), e);
        }
        if (n == null || !n.isObject()) {
          throw new CorrelationInputException(name, lines.number(), "not a JSON object", null);
        }
        Optional<EntityKind> kind = Json.text(n, "kind").flatMap(EntityKind::fromId);
        Optional<String> value = Json.text(n, "value");
        Optional<AssetCriticality> crit = Json.text(n, "criticality").flatMap(AssetCriticality::fromId);
        if (kind.isEmpty() || value.isEmpty() || crit.isEmpty()) {
          throw new CorrelationInputException(name, lines.number(), "needs 'kind' (host, user, ip, "
              + "cloud_account), 'value' and 'criticality' (low, medium, high, extreme)", null);
        }
        try {
          b.put(kind.get(), value.get(), crit.get());
        } catch (IllegalArgumentException e) {
          throw new CorrelationInputException(name, lines.number(), e.getMessage(), e);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CorrelationInputException(name, 0, "cannot read the asset file: " + e.getMessage(), e);
    }
    return b.build();
  }

  @Override
  public AssetCriticality criticality(EntityKind kind, String value) {
    AssetCriticality c = byKind.get(kind.ordinal()).get(value);
    return c == null ? AssetCriticality.MEDIUM : c;
  }

  /**
   * Returns the number of entities in the table.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "AssetTable[" + size + " entities]";
  }

  /**
   * Builds an {@link AssetTable}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<Map<String, AssetCriticality>> byKind = new ArrayList<>();

    private Builder() {
      for (int i = 0; i < EntityKind.values().length; i++) {
        byKind.add(new HashMap<>());
      }
    }

    /**
     * Sets an entity's criticality; a later call for the same entity wins.
     *
     * @param kind the kind
     * @param value the value, normalised like {@link EntityKey} values
     * @param criticality the criticality
     * @return this builder
     */
    public Builder put(EntityKind kind, String value, AssetCriticality criticality) {
      EntityKey key = new EntityKey(kind, value);
      byKind.get(kind.ordinal()).put(key.value(), Objects.requireNonNull(criticality, "criticality"));
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table
     */
    public AssetTable build() {
      List<Map<String, AssetCriticality>> copy = new ArrayList<>();
      for (Map<String, AssetCriticality> m : byKind) {
        copy.add(new HashMap<>(m));
      }
      return new AssetTable(List.copyOf(copy));
    }
  }
}
