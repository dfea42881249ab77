package io.sigmap.weights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Resolution;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.internal.Names;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one table, from YAML or JSON text with Jackson's streaming parsers (which keep line and column) or
 * from a map, into a {@link TablePolicy}. One instance per table; not thread-safe. Package-private.
 */
final class TableReader {

  private static final Logger LOG = LoggerFactory.getLogger(TablePolicyLoader.class);

  private static final Pattern TA_ID = Pattern.compile("TA\\d{4}");
  private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(?:\\.\\d{3})?");
  private static final Pattern SHORTNAME = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  private static final String PREFIX = "attack.";
  private static final int MAX_NESTING = 16;

  /** A value that is neither an integer nor a text, described for messages. */
  private static final class Other {
    final String description;

    Other(String description) {
      this.description = description;
    }
  }

  /** Where a row was first seen, for duplicate messages. */
  private static final class Seen {
    final String key;
    final int line;

    Seen(String key, int line) {
      this.key = key;
      this.line = line;
    }
  }

  private final TablePolicyLoader loader;
  private final String source;

  private String id;
  private String description;
  private int defaultWeight = TacticWeightPolicy.NEUTRAL_WEIGHT;
  private final Map<String, Integer> byTacticId = new LinkedHashMap<>();
  private final Map<String, Integer> byShortname = new LinkedHashMap<>();
  private final Map<String, Integer> byTechnique = new LinkedHashMap<>();
  private final Map<String, Seen> seen = new LinkedHashMap<>();
  private final List<String> topKeys = new ArrayList<>();
  private final List<TablePolicyFinding> findings = new ArrayList<>();
  private int entries;

  TableReader(TablePolicyLoader loader, String source) {
    this.loader = loader;
    this.source = source;
  }

  // ---------------------------------------------------------------- text

  LoadedTablePolicy read(byte[] text) {
    boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
    try (JsonParser p = factory(json).createParser(text)) {
      readDocument(p);
    } catch (TacticWeightTableException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw error(e.getLocation(), String.format(Locale.ROOT,
          "the table exceeds a parser limit (%s); the limits derive from TablePolicyLoader.maxBytes()",
          e.getOriginalMessage()), e);
    } catch (JsonEOFException e) {
      throw error(e.getLocation(), "truncated " + (json ? "JSON" : "YAML") + ": the input ends inside the table",
          e);
    } catch (JsonProcessingException e) {
      MarkedYAMLException yaml = markedCause(e);
      if (yaml != null && yaml.getProblemMark() != null) {
        // SnakeYAML's problem mark points at the fault; Jackson's location may be the enclosing context.
        Mark m = yaml.getProblemMark();
        throw new TacticWeightTableException(source, m.getLine() + 1, m.getColumn() + 1, id,
            "not valid YAML: " + firstLine(yaml.getProblem()) + context(yaml), e);
      }
      throw error(e.getLocation(), "not valid " + (json ? "JSON" : "YAML") + ": "
          + firstLine(e.getOriginalMessage()), e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some malformed input with its own unchecked exceptions.
      throw new TacticWeightTableException(source, 0, 0, id, "not valid " + (json ? "JSON" : "YAML") + ": "
          + firstLine(String.valueOf(e.getMessage())), e);
    }
    return finish();
  }

  private JsonFactory factory(boolean json) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxDocumentLength(loader.maxBytes())
        .maxStringLength(Math.max(1, loader.maxBytes()))
        .maxNestingDepth(MAX_NESTING)
        .build();
    if (json) {
      return JsonFactory.builder().streamReadConstraints(constraints).build();
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.max(1, loader.maxBytes()));
    options.setNestingDepthLimit(MAX_NESTING);
    options.setMaxAliasesForCollections(10);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
  }

  private void readDocument(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new TacticWeightTableException(source, 0, 0, null,
          "the table is empty: expected a map with the keys id, description, default, tactics, techniques", null);
    }
    if (t != JsonToken.START_OBJECT) {
      throw error(p.currentTokenLocation(), "the table must be a map with the keys id, description, default, "
          + "tactics, techniques, not " + describe(value(p)), null);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation keyAt = p.currentTokenLocation();
      JsonToken v = p.nextToken();
      switch (key) {
        case "tactics":
        case "techniques":
          duplicateTop(key, keyAt.getLineNr(), keyAt.getColumnNr());
          readRows(p, key, v);
          break;
        case "id":
        case "description":
        case "default":
          duplicateTop(key, keyAt.getLineNr(), keyAt.getColumnNr());
          JsonLocation at = p.currentTokenLocation();
          scalar(key, value(p), at.getLineNr(), at.getColumnNr());
          break;
        default:
          p.skipChildren();
          unknownKey(key, keyAt.getLineNr(), keyAt.getColumnNr());
      }
    }
    if (p.nextToken() != null) {
      throw error(p.currentTokenLocation(), "unexpected content after the table", null);
    }
  }

  private void readRows(JsonParser p, String section, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
      return; // "tactics:" with every row commented out: no rows
    }
    if (t != JsonToken.START_OBJECT) {
      JsonLocation at = p.currentTokenLocation();
      throw new TacticWeightTableException(source, at.getLineNr(), at.getColumnNr(), id, String.format(Locale.ROOT,
          "%s must be a map of %s to weight, not %s", section, section.equals("tactics") ? "tactic" : "technique",
          describe(value(p))), null);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation keyAt = p.currentTokenLocation();
      p.nextToken();
      JsonLocation valueAt = p.currentTokenLocation();
      row(section, key, value(p), keyAt.getLineNr(), keyAt.getColumnNr(), valueAt.getLineNr(),
          valueAt.getColumnNr());
    }
  }

  /** Returns the current value: a Long or BigInteger, a String, or an {@link Other}; skips containers. */
  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return new Other("nothing");
    }
    switch (t) {
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      case VALUE_STRING:
        // YAML reads a key without a value ("impact:") as an empty text.
        String text = p.getText();
        return text.isEmpty() ? new Other("no value") : text;
      case VALUE_NUMBER_FLOAT:
        return new Other("the decimal " + p.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Other("the boolean " + p.getText());
      case VALUE_NULL:
        return new Other("no value");
      case START_ARRAY:
        p.skipChildren();
        return new Other("a list");
      case START_OBJECT:
        p.skipChildren();
        return new Other("a map");
      default:
        return new Other(t.asString() == null ? t.name() : t.asString());
    }
  }

  private TacticWeightTableException error(JsonLocation at, String message, Throwable cause) {
    int line = at == null ? 0 : at.getLineNr();
    int column = at == null ? 0 : at.getColumnNr();
    return new TacticWeightTableException(source, line, column, id, message, cause);
  }

  private static MarkedYAMLException markedCause(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof MarkedYAMLException) {
        return (MarkedYAMLException) t;
      }
    }
    return null;
  }

  private static String context(MarkedYAMLException e) {
    String context = e.getContext();
    Mark at = e.getContextMark();
    if (context == null || context.isBlank()) {
      return "";
    }
    return " (" + firstLine(context) + (at == null ? "" : " started at line " + (at.getLine() + 1)) + ")";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  // ---------------------------------------------------------------- map

  LoadedTablePolicy read(Map<String, ?> table) {
    for (Map.Entry<String, Object> e : sorted(table, "the table").entrySet()) {
      String key = e.getKey();
      Object v = e.getValue();
      switch (key) {
        case "tactics":
        case "techniques":
          if (v == null) {
            break;
          }
          if (!(v instanceof Map)) {
            throw new TacticWeightTableException(source, 0, 0, id, String.format(Locale.ROOT,
                "%s must be a map of %s to weight, not %s", key, key.equals("tactics") ? "tactic" : "technique",
                describe(mapValue(v))), null);
          }
          for (Map.Entry<String, Object> row : sorted((Map<?, ?>) v, key).entrySet()) {
            row(key, row.getKey(), mapValue(row.getValue()), 0, 0, 0, 0);
          }
          break;
        case "id":
        case "description":
        case "default":
          scalar(key, mapValue(v), 0, 0);
          break;
        default:
          unknownKey(key, 0, 0);
      }
    }
    return finish();
  }

  private TreeMap<String, Object> sorted(Map<?, ?> map, String what) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String)) {
        throw new TacticWeightTableException(source, 0, 0, id, String.format(Locale.ROOT,
            "the keys of %s must be text, not %s", what, describe(mapValue(e.getKey()))), null);
      }
      sorted.put((String) e.getKey(), e.getValue());
    }
    return sorted;
  }

  private static Object mapValue(Object v) {
    if (v instanceof BigInteger && ((BigInteger) v).bitLength() < Long.SIZE) {
      return ((BigInteger) v).longValue();
    }
    if (v instanceof Long || v instanceof BigInteger || v instanceof String) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v == null) {
      return new Other("no value");
    }
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      return new Other("the decimal " + v);
    }
    if (v instanceof Boolean) {
      return new Other("the boolean " + v);
    }
    if (v instanceof Map) {
      return new Other("a map");
    }
    if (v instanceof Collection || v.getClass().isArray()) {
      return new Other("a list");
    }
    return new Other("a " + v.getClass().getSimpleName());
  }

  // ---------------------------------------------------------------- shared

  private static String describe(Object v) {
    if (v instanceof Other) {
      return ((Other) v).description;
    }
    if (v instanceof String) {
      return "the text '" + PolicyIds.printable((String) v) + "'";
    }
    return String.valueOf(v);
  }

  private void duplicateTop(String key, int line, int column) {
    if (topKeys.contains(key)) {
      throw new TacticWeightTableException(source, line, column, id, "duplicate key '" + key + "'", null);
    }
    topKeys.add(key);
  }

  private void scalar(String key, Object v, int line, int column) {
    switch (key) {
      case "id":
        if (!(v instanceof String)) {
          throw new TacticWeightTableException(source, line, column, null,
              "id must be a text such as acme-weights, not " + describe(v), null);
        }
        String problem = PolicyIds.problem((String) v);
        if (problem != null) {
          throw new TacticWeightTableException(source, line, column, null, "invalid id: " + problem, null);
        }
        id = (String) v;
        break;
      case "description":
        if (!(v instanceof String)) {
          throw new TacticWeightTableException(source, line, column, id,
              "description must be a text, not " + describe(v), null);
        }
        description = (String) v;
        break;
      default:
        defaultWeight = weight(v, "default", line, column);
    }
  }

  private int weight(Object v, String path, int line, int column) {
    if (v instanceof Long) {
      long w = (Long) v;
      if (w >= TacticWeightPolicy.MIN_WEIGHT && w <= TacticWeightPolicy.MAX_WEIGHT) {
        return (int) w;
      }
    }
    if (v instanceof Long || v instanceof BigInteger) {
      throw new TacticWeightTableException(source, line, column, id, String.format(Locale.ROOT,
          "weight cannot be outside %d-%d: %s (%s)", TacticWeightPolicy.MIN_WEIGHT, TacticWeightPolicy.MAX_WEIGHT,
          v, path), null);
    }
    throw new TacticWeightTableException(source, line, column, id, String.format(Locale.ROOT,
        "weight must be an integer from %d to %d, not %s (%s)", TacticWeightPolicy.MIN_WEIGHT,
        TacticWeightPolicy.MAX_WEIGHT, describe(v), path), null);
  }

  private void row(String section, String key, Object v, int line, int column, int valueLine, int valueColumn) {
    if (++entries > loader.maxEntries()) {
      throw new TacticWeightTableException(source, line, column, id, String.format(Locale.ROOT,
          "the table has more rows than the maximum allowed (%d, from TablePolicyLoader.maxEntries())",
          loader.maxEntries()), null);
    }
    String path = section + "." + PolicyIds.printable(key);
    int w = weight(v, path, valueLine, valueColumn);
    String bare = key.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? key.substring(PREFIX.length()) : key;
    if (section.equals("techniques")) {
      technique(key, bare.toUpperCase(Locale.ROOT), w, line, column);
    } else {
      tactic(key, bare, w, line, column);
    }
  }

  private void technique(String key, String techniqueId, int w, int line, int column) {
    if (!TECHNIQUE_ID.matcher(techniqueId).matches()) {
      throw new TacticWeightTableException(source, line, column, id, String.format(Locale.ROOT,
          "'%s' is not a technique id such as T1003 or T1003.001 (techniques)", PolicyIds.printable(key)), null);
    }
    checkDuplicate("techniques." + techniqueId, key, line, column);
    byTechnique.put(techniqueId, w);
    TechniqueIndex index = loader.index().orElse(null);
    if (index == null) {
      return;
    }
    Resolution r = index.resolve(techniqueId);
    switch (r.status()) {
      case ACTIVE:
        break;
      case REVOKED:
        finding(TablePolicyFinding.Kind.INACTIVE_TECHNIQUE, key, line, column, String.format(Locale.ROOT,
            "%s is revoked%s: rules mapped to its replacement do not get this weight", techniqueId,
            r.mapsTo().map(t -> " (replaced by " + t.id() + ")").orElse("")));
        break;
      case DEPRECATED:
        finding(TablePolicyFinding.Kind.INACTIVE_TECHNIQUE, key, line, column, String.format(Locale.ROOT,
            "%s is deprecated in the loaded ATT&CK data: rules rarely map to it", techniqueId));
        break;
      default:
        finding(TablePolicyFinding.Kind.UNKNOWN_TECHNIQUE, key, line, column, String.format(Locale.ROOT,
            "%s is not in the loaded ATT&CK data (%s, highest technique number %d); the override is kept for "
                + "a newer release", techniqueId, versions(index), index.highestTechniqueNumber()));
    }
  }

  private void tactic(String key, String bare, int w, int line, int column) {
    String upper = bare.toUpperCase(Locale.ROOT);
    boolean byId = TA_ID.matcher(upper).matches();
    String normalized = byId ? upper : Names.canonicalShortname(bare);
    checkDuplicate("tactics." + normalized, key, line, column);
    if (byId) {
      byTacticId.put(upper, w);
    } else {
      byShortname.put(normalized, w);
    }
    TechniqueIndex index = loader.index().orElse(null);
    if (index != null) {
      if (index.findTactics(bare).isEmpty()) {
        finding(TablePolicyFinding.Kind.UNKNOWN_TACTIC, key, line, column, String.format(Locale.ROOT,
            "'%s' names no tactic of the loaded ATT&CK data (%s): written for another release? The row is kept "
                + "and matches only a tactic of that name", PolicyIds.printable(key), versions(index)));
      }
    } else if (!byId && !SHORTNAME.matcher(normalized).matches()) {
      finding(TablePolicyFinding.Kind.UNKNOWN_TACTIC, key, line, column, String.format(Locale.ROOT,
          "'%s' is shaped like neither a tactic shortname (credential-access) nor a TA id (TA0006): the row "
              + "cannot match any tactic", PolicyIds.printable(key)));
    }
  }

  private void checkDuplicate(String normalized, String key, int line, int column) {
    Seen first = seen.putIfAbsent(normalized, new Seen(key, line));
    if (first != null) {
      String where = first.line > 0 ? " at line " + first.line : "";
      throw new TacticWeightTableException(source, line, column, id, String.format(Locale.ROOT,
          "duplicate row '%s': the same as '%s'%s", PolicyIds.printable(key), PolicyIds.printable(first.key),
          where), null);
    }
  }

  private void unknownKey(String key, int line, int column) {
    finding(TablePolicyFinding.Kind.UNKNOWN_KEY, key, line, column, String.format(Locale.ROOT,
        "unknown key '%s' ignored; the keys are id, description, default, tactics, techniques",
        PolicyIds.printable(key)));
  }

  private static String versions(TechniqueIndex index) {
    StringBuilder sb = new StringBuilder();
    for (AttackDomain d : index.domains()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(d.shortId()).append(' ').append(index.attackVersion(d).orElse("unknown"));
    }
    return sb.length() == 0 ? "no domain" : sb.toString();
  }

  private void finding(TablePolicyFinding.Kind kind, String key, int line, int column, String message) {
    TablePolicyFinding f = new TablePolicyFinding(kind, source, line, column, PolicyIds.printable(key), message);
    if (loader.strict()) {
      throw new TacticWeightTableException(source, line, column, id,
          kind + ": " + message + " (strict mode, from TablePolicyLoader.strict())", null);
    }
    findings.add(f);
  }

  private LoadedTablePolicy finish() {
    String policyId = id == null ? "table" : id;
    String desc = description != null ? description : String.format(Locale.ROOT,
        "weights from the table %s: %d tactic rows, %d technique rows, default %d", source,
        byTacticId.size() + byShortname.size(), byTechnique.size(), defaultWeight);
    TablePolicy policy = new TablePolicy(policyId, desc, defaultWeight, Map.copyOf(byTacticId),
        Map.copyOf(byShortname), Map.copyOf(byTechnique));
    for (TablePolicyFinding f : findings) {
      LOG.warn("table policy {}: {}", policyId, f);
    }
    return new LoadedTablePolicy(policy, findings);
  }
}
