package io.sigmap.core.sigma;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one document's {@link YNode} mapping (after collection merging) into a {@link SigmaRule}, checking the
 * types the Sigma specification gives each attribute. The first error ends the document; warnings are collected.
 */
final class RuleBinder {

  private static final Set<String> COMMON = Set.of("title", "id", "name", "taxonomy", "related", "status",
      "description", "license", "author", "references", "date", "modified", "tags", "level", "falsepositives");
  private static final Set<String> DETECTION_KEYS = Set.of("logsource", "detection", "fields", "scope");
  private static final Set<String> CORRELATION_KEYS = Set.of("correlation");
  private static final Set<String> FILTER_KEYS = Set.of("logsource", "filter");

  private final SigmaReadOptions options;
  private final List<SigmaWarning> warnings = new ArrayList<>();

  private RuleBinder(SigmaReadOptions options) {
    this.options = options;
  }

  /** Binds a mapping document; {@code textSource} supplies path, index, line, text and inheritance. */
  static SigmaRule bind(YNode root, SigmaSource source, SigmaReadOptions options) throws YamlProblem {
    return new RuleBinder(options).rule(root, source);
  }

  private SigmaRule rule(YNode root, SigmaSource source) throws YamlProblem {
    YNode detection = root.get("detection");
    YNode correlation = root.get("correlation");
    YNode filter = root.get("filter");
    int present = (detection != null ? 1 : 0) + (correlation != null ? 1 : 0) + (filter != null ? 1 : 0);
    if (present > 1) {
      throw YamlProblem.at(SigmaErrorKind.INVALID_VALUE, root,
          "the document has more than one of 'detection', 'correlation' and 'filter'; a rule is exactly one of"
              + " a detection, correlation or filter rule: split it into separate documents");
    }
    SigmaMetadata metadata;
    if (correlation != null) {
      metadata = metadata(root, CORRELATION_KEYS);
      Correlation c = correlation(correlation);
      return new CorrelationRule(metadata, c, source, warnings);
    }
    if (filter != null) {
      metadata = metadata(root, FILTER_KEYS);
      Logsource logsource = logsource(root);
      List<String> rules = filterRules(filter);
      Detection d = detection(filter, "filter", Set.of("rules"));
      return new FilterRule(metadata, logsource, rules, d, source, warnings);
    }
    if (detection == null) {
      String title = root.get("title") == null ? "" : " (titled '" + shorten(textOf(root.get("title"))) + "')";
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, root, "the document" + title
          + " has no 'detection' (nor 'correlation' or 'filter'); a Sigma rule needs one");
    }
    metadata = metadata(root, DETECTION_KEYS);
    Logsource logsource = logsource(root);
    Detection d = detection(detection, "detection", Set.of());
    List<String> fields = stringList(root, "fields");
    List<String> scope = stringList(root, "scope");
    return new DetectionRule(metadata, logsource, d, fields, scope, source, warnings);
  }

  // ---- metadata

  private SigmaMetadata metadata(YNode root, Set<String> kindKeys) throws YamlProblem {
    YNode titleNode = root.get("title");
    if (titleNode == null) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, root,
          "the rule has no 'title'; add a short title saying what the rule detects");
    }
    Optional<String> title = text(titleNode, "title");
    if (title.isEmpty() || title.get().isBlank()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, titleNode,
          "'title' is empty; add a short title saying what the rule detects");
    }
    Map<String, SigmaValue> custom = new LinkedHashMap<>();
    for (int i = 0; i < root.entryCount(); i++) {
      String key = root.keys.get(i).text;
      if (!COMMON.contains(key) && !kindKeys.contains(key)) {
        custom.put(key, SigmaValues.of(root.values.get(i)));
      }
    }
    return new SigmaMetadata(title.get(), uuid(root.get("id"), "id"), text(root.get("name"), "name"),
        text(root.get("taxonomy"), "taxonomy"), status(root.get("status")),
        text(root.get("description"), "description"), text(root.get("license"), "license"),
        author(root.get("author")), stringList(root, "references"), date(root.get("date"), "date"),
        date(root.get("modified"), "modified"), related(root.get("related")), tags(root.get("tags")),
        level(root.get("level")), stringList(root, "falsepositives"), custom);
  }

  private Optional<SigmaStatus> status(YNode n) throws YamlProblem {
    Optional<String> s = text(n, "status");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<SigmaStatus> status = SigmaStatus.fromId(s.get());
    if (status.isEmpty()) {
      warn(SigmaWarning.Kind.UNKNOWN_STATUS, n, "'status' is '" + shorten(s.get())
          + "', not a Sigma status; use stable, test, experimental, deprecated or unsupported");
    }
    return status;
  }

  private Optional<SigmaLevel> level(YNode n) throws YamlProblem {
    Optional<String> s = text(n, "level");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<SigmaLevel> level = SigmaLevel.fromId(s.get());
    if (level.isEmpty()) {
      warn(SigmaWarning.Kind.UNKNOWN_LEVEL, n, "'level' is '" + shorten(s.get())
          + "', not a Sigma level; use informational, low, medium, high or critical");
    }
    return level;
  }

  private Optional<String> author(YNode n) throws YamlProblem {
    if (n != null && n.isSequence()) {
      List<String> names = new ArrayList<>();
      for (YNode item : n.items) {
        names.add(requiredText(item, "an item of 'author'"));
      }
      return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }
    return text(n, "author");
  }

  private Optional<UUID> uuid(YNode n, String what) throws YamlProblem {
    Optional<String> s = text(n, what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parseUuid(s.get(), n, what));
  }

  private static UUID parseUuid(String s, YNode n, String what) throws YamlProblem {
    String v = s.strip();
    if (!isUuid(v)) {
      throw YamlProblem.at(SigmaErrorKind.INVALID_VALUE, n, "'" + what + "' is '" + shorten(s)
          + "', not a UUID; Sigma ids are UUIDs such as 929a690e-bef0-4204-a928-ef5e620d6fcc");
    }
    return UUID.fromString(v);
  }

  private static boolean isUuid(String v) {
    if (v.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private Optional<LocalDate> date(YNode n, String what) throws YamlProblem {
    Optional<String> s = text(n, what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String v = s.get().strip();
    if (v.length() == 10 && (v.charAt(4) == '-' || v.charAt(4) == '/') && v.charAt(7) == v.charAt(4)
        && digits(v, 0, 4) && digits(v, 5, 7) && digits(v, 8, 10)) {
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(5, 7)),
            Integer.parseInt(v.substring(8, 10)));
        if (v.charAt(4) == '/') {
          warn(SigmaWarning.Kind.NON_ISO_DATE, n, "'" + what + "' is '" + v
              + "' in the old YYYY/MM/DD form; write it as " + d);
        }
        return Optional.of(d);
      } catch (DateTimeException e) {
        // falls through to the warning
      }
    }
    warn(SigmaWarning.Kind.INVALID_DATE, n, "'" + what + "' is '" + shorten(v)
        + "', not a date; write it as YYYY-MM-DD");
    return Optional.empty();
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private List<SigmaRelated> related(YNode n) throws YamlProblem {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isSequence()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'related' is " + n.describe()
          + " but must be a list of entries with 'id' and 'type'");
    }
    List<SigmaRelated> out = new ArrayList<>(n.items.size());
    for (YNode item : n.items) {
      if (!item.isMapping()) {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, item, "an entry of 'related' is " + item.describe()
            + " but must be a mapping with 'id' and 'type'");
      }
      YNode idNode = item.get("id");
      YNode typeNode = item.get("type");
      if (idNode == null || typeNode == null) {
        throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, item,
            "an entry of 'related' lacks '" + (idNode == null ? "id" : "type") + "'; each entry needs both");
      }
      UUID id = parseUuid(requiredText(idNode, "'related' id"), idNode, "related id");
      String type = requiredText(typeNode, "'related' type");
      SigmaRelated r = new SigmaRelated(id, type, item.line, item.column);
      if (!r.isKnownType()) {
        warn(SigmaWarning.Kind.UNKNOWN_RELATION_TYPE, typeNode, "'related' type '" + shorten(type)
            + "' is not a Sigma relation; use correlation, derived, obsolete, merged, renamed or similar");
      }
      out.add(r);
    }
    return out;
  }

  private List<SigmaTag> tags(YNode n) throws YamlProblem {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isSequence()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'tags' is " + n.describe()
          + " but must be a list; write each tag as a list item (- attack.t1059)");
    }
    if (n.items.size() > options.maxTags()) {
      throw YamlProblem.at(SigmaErrorKind.LIMIT_EXCEEDED, n, String.format(Locale.ROOT,
          "the rule has %d tags, more than %d, the maximum allowed (from SigmaReadOptions.maxTags())",
          n.items.size(), options.maxTags()));
    }
    List<SigmaTag> out = new ArrayList<>(n.items.size());
    for (YNode item : n.items) {
      if (!item.isScalar() || item.isNull()) {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, item,
            "a tag is " + item.describe() + " but must be text such as attack.t1059");
      }
      out.add(SigmaTag.of(item.text, item.line, item.column));
    }
    return out;
  }

  // ---- logsource

  private Logsource logsource(YNode root) throws YamlProblem {
    YNode n = root.get("logsource");
    if (n == null || n.isNull()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, n == null ? root : n,
          "the rule has no 'logsource'; add one with category, product and/or service");
    }
    if (!n.isMapping()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'logsource' is " + n.describe()
          + " but must be a mapping with category, product, service or definition");
    }
    Map<String, SigmaValue> custom = new LinkedHashMap<>();
    for (int i = 0; i < n.entryCount(); i++) {
      String key = n.keys.get(i).text;
      switch (key) {
        case "category":
        case "product":
        case "service":
        case "definition":
          break;
        default:
          custom.put(key, SigmaValues.of(n.values.get(i)));
      }
    }
    return new Logsource(text(n.get("category"), "logsource category"),
        text(n.get("product"), "logsource product"), text(n.get("service"), "logsource service"),
        text(n.get("definition"), "logsource definition"), custom);
  }

  // ---- detection

  private Detection detection(YNode n, String section, Set<String> skip) throws YamlProblem {
    if (n.isNull()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, n,
          "'" + section + "' is empty; it needs search identifiers and a condition");
    }
    if (!n.isMapping()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'" + section + "' is " + n.describe()
          + " but must be a mapping of search identifiers and a condition");
    }
    Map<String, SearchIdentifier> searches = new LinkedHashMap<>();
    YNode conditionNode = null;
    Optional<String> timeframe = Optional.empty();
    for (int i = 0; i < n.entryCount(); i++) {
      YNode key = n.keys.get(i);
      YNode value = n.values.get(i);
      if (skip.contains(key.text)) {
        continue;
      }
      if (key.text.equals("condition")) {
        conditionNode = value;
      } else if (key.text.equals("timeframe")) {
        timeframe = text(value, section + " timeframe");
        warn(SigmaWarning.Kind.LEGACY_TIMEFRAME, key, "'timeframe' in '" + section
            + "' is obsolete; express time windows with a correlation rule");
      } else {
        searches.put(key.text, new SearchIdentifier(key.text, search(key.text, value), key.line, key.column));
      }
    }
    if (conditionNode == null || conditionNode.isNull()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, conditionNode == null ? n : conditionNode,
          "'" + section + "' has no condition; add e.g. 'condition: selection'");
    }
    List<SigmaCondition> conditions = new ArrayList<>(1);
    if (conditionNode.isSequence()) {
      if (conditionNode.items.isEmpty()) {
        throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, conditionNode,
            "'" + section + "' condition is an empty list; give at least one condition");
      }
      for (YNode item : conditionNode.items) {
        conditions.add(condition(item, section, searches));
      }
    } else {
      conditions.add(condition(conditionNode, section, searches));
    }
    return new Detection(searches, conditions, timeframe);
  }

  private SigmaCondition condition(YNode n, String section, Map<String, SearchIdentifier> searches)
      throws YamlProblem {
    String text = requiredText(n, "'" + section + "' condition");
    ConditionParser.Outcome outcome = ConditionParser.parseWithProblem(text, n.line, n.column);
    SigmaCondition c = outcome.condition();
    if (outcome.problem() != null) {
      warn(SigmaWarning.Kind.CONDITION_NOT_PARSED, n, "condition '" + shorten(text) + "' cannot be parsed: "
          + outcome.problem() + "; it is kept as text");
    }
    if (c.aggregation().isPresent()) {
      warn(SigmaWarning.Kind.LEGACY_AGGREGATION, n, "condition '" + shorten(text)
          + "' uses the obsolete aggregation syntax after '|'; express it with a correlation rule");
    }
    if (c.expression().isPresent()) {
      checkReferences(c.expression().get(), n, searches);
    }
    return c;
  }

  private void checkReferences(ConditionExpression e, YNode at, Map<String, SearchIdentifier> searches)
      throws YamlProblem {
    if (e instanceof ConditionExpression.Identifier id) {
      if (!searches.containsKey(id.name())) {
        warn(SigmaWarning.Kind.UNDEFINED_SEARCH_IDENTIFIER, at, "the condition refers to '"
            + shorten(id.name()) + "', which the detection does not define");
      }
    } else if (e instanceof ConditionExpression.Quantified q) {
      boolean any = false;
      for (String name : searches.keySet()) {
        if (q.pattern().isEmpty() ? !name.startsWith("_") : Glob.matches(q.pattern().get(), name)) {
          any = true;
          break;
        }
      }
      if (!any) {
        warn(SigmaWarning.Kind.UNDEFINED_SEARCH_IDENTIFIER, at, "the condition's '"
            + (q.pattern().isEmpty() ? "them" : shorten(q.pattern().get()))
            + "' matches no search identifier of the detection");
      }
    } else if (e instanceof ConditionExpression.Not not) {
      checkReferences(not.operand(), at, searches);
    } else if (e instanceof ConditionExpression.And and) {
      for (ConditionExpression o : and.operands()) {
        checkReferences(o, at, searches);
      }
    } else if (e instanceof ConditionExpression.Or or) {
      for (ConditionExpression o : or.operands()) {
        checkReferences(o, at, searches);
      }
    }
  }

  private SearchNode search(String name, YNode n) throws YamlProblem {
    if (n.isNull()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n,
          "search identifier '" + shorten(name) + "' is empty; give it field: value pairs or a list of keywords");
    }
    if (n.isMapping()) {
      return fieldMap(name, n);
    }
    if (n.isScalar()) {
      return new SearchNode.FieldMatch(Optional.empty(), List.of(), List.of(SigmaValues.scalar(n)), n.line,
          n.column);
    }
    boolean allScalars = true;
    for (YNode item : n.items) {
      if (!item.isScalar()) {
        allScalars = false;
        break;
      }
    }
    if (allScalars) {
      List<SigmaValue.Scalar> values = new ArrayList<>(n.items.size());
      for (YNode item : n.items) {
        values.add(SigmaValues.scalar(item));
      }
      return new SearchNode.FieldMatch(Optional.empty(), List.of(), values, n.line, n.column);
    }
    List<SearchNode> items = new ArrayList<>(n.items.size());
    for (YNode item : n.items) {
      if (item.isMapping()) {
        items.add(fieldMap(name, item));
      } else if (item.isScalar()) {
        items.add(new SearchNode.FieldMatch(Optional.empty(), List.of(), List.of(SigmaValues.scalar(item)),
            item.line, item.column));
      } else {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, item, "search identifier '" + shorten(name)
            + "' holds a list inside a list; use a list of field: value mappings or a list of keywords");
      }
    }
    return new SearchNode.AnyOf(items);
  }

  private SearchNode.AllOf fieldMap(String name, YNode n) throws YamlProblem {
    List<SearchNode> items = new ArrayList<>(n.entryCount());
    for (int i = 0; i < n.entryCount(); i++) {
      items.add(fieldMatch(name, n.keys.get(i), n.values.get(i)));
    }
    return new SearchNode.AllOf(items);
  }

  private SearchNode.FieldMatch fieldMatch(String search, YNode key, YNode value) throws YamlProblem {
    String[] parts = key.text.split("\\|", -1);
    Optional<String> field = parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]);
    List<String> modifiers = new ArrayList<>(parts.length - 1);
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        throw YamlProblem.at(SigmaErrorKind.INVALID_VALUE, key, "key '" + shorten(key.text) + "' in search '"
            + shorten(search) + "' has an empty modifier; write field|modifier1|modifier2");
      }
      modifiers.add(parts[i]);
    }
    List<SigmaValue.Scalar> values;
    if (value.isScalar()) {
      values = List.of(SigmaValues.scalar(value));
    } else if (value.isSequence()) {
      values = new ArrayList<>(value.items.size());
      for (YNode item : value.items) {
        if (!item.isScalar()) {
          throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, item, "a value of '" + shorten(key.text)
              + "' in search '" + shorten(search) + "' is " + item.describe()
              + "; a field takes a value or a list of values");
        }
        values.add(SigmaValues.scalar(item));
      }
    } else {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, value, "the value of '" + shorten(key.text)
          + "' in search '" + shorten(search) + "' is a mapping; a field takes a value or a list of values");
    }
    return new SearchNode.FieldMatch(field, modifiers, values, key.line, key.column);
  }

  // ---- correlation and filter

  private Correlation correlation(YNode n) throws YamlProblem {
    if (!n.isMapping()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'correlation' is " + n.describe()
          + " but must be a mapping with type, rules, group-by, timespan and condition");
    }
    YNode typeNode = required(n, "type", "correlation");
    String typeText = requiredText(typeNode, "correlation type");
    CorrelationType type = CorrelationType.fromId(typeText).orElseThrow(() -> YamlProblem.at(
        SigmaErrorKind.INVALID_VALUE, typeNode, "correlation type '" + shorten(typeText)
            + "' is not one of event_count, value_count, temporal, temporal_ordered"));
    List<String> rules = stringOrList(required(n, "rules", "correlation"), "correlation rules");
    if (rules.isEmpty()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, n.get("rules"),
          "correlation 'rules' is empty; name at least one rule by id or name");
    }
    YNode groupBy = n.get("group-by");
    List<String> groups = groupBy == null ? List.of() : stringOrList(groupBy, "correlation group-by");
    YNode timespanNode = required(n, "timespan", "correlation");
    Duration timespan = timespan(timespanNode);
    YNode conditionNode = n.get("condition");
    Optional<CorrelationCondition> condition = Optional.empty();
    if (conditionNode != null && !conditionNode.isNull()) {
      condition = Optional.of(correlationCondition(conditionNode));
    } else if (type == CorrelationType.EVENT_COUNT || type == CorrelationType.VALUE_COUNT) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, n, "a " + type.id()
          + " correlation needs a 'condition' such as 'gte: 10'");
    }
    if (type == CorrelationType.VALUE_COUNT && condition.get().field().isEmpty()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, conditionNode,
          "a value_count correlation needs 'field' in its condition: the field whose distinct values are counted");
    }
    Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    YNode aliasNode = n.get("aliases");
    if (aliasNode != null && !aliasNode.isNull()) {
      if (!aliasNode.isMapping()) {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, aliasNode, "correlation 'aliases' is "
            + aliasNode.describe() + " but must map alias names to mappings of rule name to field");
      }
      for (int i = 0; i < aliasNode.entryCount(); i++) {
        YNode m = aliasNode.values.get(i);
        if (!m.isMapping()) {
          throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, m, "alias '" + shorten(aliasNode.keys.get(i).text)
              + "' is " + m.describe() + " but must map rule names to field names");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int j = 0; j < m.entryCount(); j++) {
          fields.put(m.keys.get(j).text, requiredText(m.values.get(j), "an alias field"));
        }
        aliases.put(aliasNode.keys.get(i).text, fields);
      }
    }
    boolean generate = false;
    YNode generateNode = n.get("generate");
    if (generateNode != null && !generateNode.isNull()) {
      if (!generateNode.isScalar() || generateNode.type != SigmaValue.ScalarType.BOOLEAN) {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, generateNode,
            "correlation 'generate' is " + generateNode.describe() + " but must be true or false");
      }
      generate = SigmaValues.scalar(generateNode).asBoolean().orElse(false);
    }
    return new Correlation(type, rules, groups, timespan, condition, aliases, generate);
  }

  private static Duration timespan(YNode n) throws YamlProblem {
    String s = requiredText(n, "correlation timespan").strip();
    int unitAt = s.length() - 1;
    if (s.length() >= 2 && digits(s, 0, unitAt) && unitAt <= 12) {
      long v = Long.parseLong(s.substring(0, unitAt));
      switch (s.charAt(unitAt)) {
        case 's':
          return Duration.ofSeconds(v);
        case 'm':
          return Duration.ofMinutes(v);
        case 'h':
          return Duration.ofHours(v);
        case 'd':
          return Duration.ofDays(v);
        case 'w':
          return Duration.ofDays(v * 7);
        default:
          break;
      }
    }
    throw YamlProblem.at(SigmaErrorKind.INVALID_VALUE, n, "correlation timespan '" + shorten(s)
        + "' is not a number followed by s, m, h, d or w (e.g. 5m, 1h)");
  }

  private CorrelationCondition correlationCondition(YNode n) throws YamlProblem {
    if (!n.isMapping()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "correlation 'condition' is " + n.describe()
          + " but must be a mapping such as 'gte: 10'");
    }
    Map<CorrelationCondition.Operator, Long> bounds = new EnumMap<>(CorrelationCondition.Operator.class);
    Optional<String> field = Optional.empty();
    for (int i = 0; i < n.entryCount(); i++) {
      YNode key = n.keys.get(i);
      YNode value = n.values.get(i);
      if (key.text.equals("field")) {
        field = Optional.of(requiredText(value, "correlation condition field"));
        continue;
      }
      CorrelationCondition.Operator op = null;
      for (CorrelationCondition.Operator o : CorrelationCondition.Operator.values()) {
        if (o.id().equals(key.text)) {
          op = o;
        }
      }
      if (op == null) {
        throw YamlProblem.at(SigmaErrorKind.INVALID_VALUE, key, "correlation condition key '"
            + shorten(key.text) + "' is not one of gt, gte, lt, lte, eq, neq or field");
      }
      OptionalLong bound = value.isScalar() && value.type == SigmaValue.ScalarType.INTEGER
          ? ScalarTypes.parseLong(value.text) : OptionalLong.empty();
      if (bound.isEmpty()) {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, value, "correlation condition '" + op.id() + "' is "
            + value.describe() + (value.isScalar() ? " '" + shorten(value.text) + "'" : "")
            + " but must be a whole number");
      }
      bounds.put(op, bound.getAsLong());
    }
    if (bounds.isEmpty()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, n,
          "correlation 'condition' has no bound; add one of gt, gte, lt, lte, eq or neq");
    }
    return new CorrelationCondition(bounds, field);
  }

  private List<String> filterRules(YNode filter) throws YamlProblem {
    if (!filter.isMapping()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, filter, "'filter' is " + filter.describe()
          + " but must be a mapping with rules, search identifiers and a condition");
    }
    List<String> rules = stringOrList(required(filter, "rules", "filter"), "filter rules");
    if (rules.isEmpty()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, filter.get("rules"),
          "filter 'rules' is empty; name at least one rule by id or name");
    }
    return rules;
  }

  // ---- helpers

  private static YNode required(YNode map, String key, String section) throws YamlProblem {
    YNode n = map.get(key);
    if (n == null || n.isNull()) {
      throw YamlProblem.at(SigmaErrorKind.MISSING_ATTRIBUTE, n == null ? map : n,
          "'" + section + "' has no '" + key + "'");
    }
    return n;
  }

  /** Text of an optional scalar attribute: absent or null gives empty; a collection is a type error. */
  private Optional<String> text(YNode n, String what) throws YamlProblem {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isScalar()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'" + what + "' is " + n.describe()
          + " but must be text");
    }
    if (n.type != SigmaValue.ScalarType.STRING) {
      warn(SigmaWarning.Kind.NON_STRING_VALUE, n, "'" + what + "' is " + n.describe() + " ('" + shorten(n.text)
          + "'), read as text; quote it");
    }
    return Optional.of(n.text);
  }

  private static String requiredText(YNode n, String what) throws YamlProblem {
    if (!n.isScalar() || n.isNull()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, what + " is " + n.describe() + " but must be text");
    }
    return n.text;
  }

  private static String textOf(YNode n) {
    return n.isScalar() ? n.text : n.describe();
  }

  private List<String> stringList(YNode root, String key) throws YamlProblem {
    YNode n = root.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isSequence()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, "'" + key + "' is " + n.describe()
          + " but must be a list; write each entry as a list item (- entry)");
    }
    List<String> out = new ArrayList<>(n.items.size());
    for (YNode item : n.items) {
      out.add(requiredText(item, "an entry of '" + key + "'"));
    }
    return out;
  }

  private static List<String> stringOrList(YNode n, String what) throws YamlProblem {
    if (n.isScalar()) {
      return List.of(requiredText(n, what));
    }
    if (!n.isSequence()) {
      throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, n, what + " is " + n.describe()
          + " but must be a list of names");
    }
    List<String> out = new ArrayList<>(n.items.size());
    for (YNode item : n.items) {
      out.add(requiredText(item, "an entry of " + what));
    }
    return out;
  }

  private void warn(SigmaWarning.Kind kind, YNode at, String message) {
    warnings.add(new SigmaWarning(kind, message, at.line, at.column));
  }

  private static String shorten(String s) {
    return YamlStream.shorten(s);
  }
}
