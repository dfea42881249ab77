package io.sigmap.correlate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Parses alert JSON lines (format documented on {@link CorrelationJson#parseAlert(String)}). */
final class AlertJson {

  private AlertJson() {
  }

  static Alert parse(String text, String source, int line) {
    JsonNode n;
    try {
      n = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new CorrelationInputException(source, line, "not JSON: " + Json.message(e), e);
    }
    if (n == null || !n.isObject()) {
      throw new CorrelationInputException(source, line, "not a JSON object", null);
    }
    Optional<String> id = Json.text(n, "id").or(() -> Json.text(n, "alert_id"));
    if (id.isEmpty()) {
      if (line <= 0) {
        throw new CorrelationInputException(source, line, "no 'id'", null);
      }
      id = Optional.of(source + ":" + line);
    }
    Optional<String> rule = Json.text(n, "rule_id");
    if (rule.isEmpty()) {
      throw new CorrelationInputException(source, line, "no 'rule_id'", null);
    }
    Optional<Long> time = Json.time(n, "time").or(() -> Json.time(n, "@timestamp"));
    if (time.isEmpty()) {
      throw new CorrelationInputException(source, line,
          "no valid 'time' (ISO-8601 instant or epoch milliseconds)", null);
    }
    try {
      Alert.Builder b = Alert.builder(id.get(), rule.get(), time.get());
      Optional<String> src = Json.text(n, "source");
      if (src.isPresent()) {
        b.source(SourceType.fromId(src.get()).orElseThrow(() -> new CorrelationInputException(source, line,
            "unknown 'source' '" + src.get() + "'", null)));
      }
      JsonNode entities = n.get("entities");
      if (entities != null && !entities.isNull()) {
        if (!entities.isObject()) {
          throw new CorrelationInputException(source, line, "'entities' is not an object", null);
        }
        for (Map.Entry<String, JsonNode> e : entities.properties()) {
          EntityKind kind = EntityKind.fromId(e.getKey()).orElseThrow(() -> new CorrelationInputException(source,
              line, "unknown entity kind '" + e.getKey() + "' (host, user, ip, cloud_account)", null));
          JsonNode v = e.getValue();
          if (v.isArray()) {
            for (JsonNode x : v) {
              entityValue(b, kind, x, source, line);
            }
          } else {
            entityValue(b, kind, v, source, line);
          }
        }
      }
      JsonNode fields = n.get("fields");
      if (fields != null && !fields.isNull()) {
        if (!fields.isObject()) {
          throw new CorrelationInputException(source, line, "'fields' is not an object", null);
        }
        for (Map.Entry<String, JsonNode> f : fields.properties()) {
          JsonNode v = f.getValue();
          if (v.isValueNode() && !v.isNull()) {
            b.field(f.getKey(), v.asText());
          }
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CorrelationInputException(source, line, e.getMessage(), e);
    }
  }

  private static void entityValue(Alert.Builder b, EntityKind kind, JsonNode v, String source, int line) {
    if (v.isNull()) {
      return;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new CorrelationInputException(source, line, "entity " + kind.id() + " is not a string", null);
    }
    if (!v.asText().isBlank()) {
      b.entity(kind, v.asText());
    }
  }
}
