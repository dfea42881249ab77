package io.sigmap.core.sigma;

import static io.sigmap.core.sigma.SigmaReaderTest.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of bad input: a typed error with path, line, column and an actionable message; the scan goes on. */
class SigmaReaderErrorsTest {

  static final String OK = "logsource: {product: x}\ndetection: {s: [k], condition: s}\n";

  private final SigmaReader reader = SigmaReader.create();

  private SigmaRuleException error(String yaml) {
    return onlyError(reader.readString(yaml, "bad.yml"));
  }

  private static void assertError(SigmaRuleException e, SigmaErrorKind kind, int line, int column,
      String fragment) {
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals("bad.yml", e.path());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
    String prefix = "bad.yml" + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertEquals(e.getMessage(), prefix + e.detail());
  }

  @Test
  void syntaxError() {
    assertError(error("title: [broken\n" + OK), SigmaErrorKind.SYNTAX, 2, 10,
        "invalid YAML: expected ',' or ']'");
  }

  @Test
  void documentNotAMapping() {
    assertError(error("- a\n- b\n"), SigmaErrorKind.NOT_A_MAPPING, 1, 1, "the YAML document is a list");
    assertError(error("just text\n"), SigmaErrorKind.NOT_A_MAPPING, 1, 1, "the YAML document is a string");
  }

  @Test
  void tagsAsAString() {
    assertError(error("title: x\ntags: attack.t1059\n" + OK), SigmaErrorKind.WRONG_TYPE, 2, 7,
        "'tags' is a string but must be a list");
  }

  @Test
  void tagThatIsAMapping() {
    assertError(error("title: x\ntags:\n  - {a: b}\n" + OK), SigmaErrorKind.WRONG_TYPE, 3, 5,
        "a tag is a mapping");
  }

  @Test
  void titleAsAList() {
    assertError(error("title:\n  - a\n" + OK), SigmaErrorKind.WRONG_TYPE, 2, 3, "'title' is a list");
  }

  @Test
  void idNotAUuid() {
    assertError(error("title: x\nid: 1234\n" + OK), SigmaErrorKind.INVALID_VALUE, 2, 5,
        "'id' is '1234', not a UUID");
    assertError(error("title: x\nid: 929a690e-bef0-4204-a928-ef5e620d6fcZ\n" + OK), SigmaErrorKind.INVALID_VALUE,
        2, 5, "not a UUID");
  }

  @Test
  void missingTitle() {
    assertError(error(OK), SigmaErrorKind.MISSING_ATTRIBUTE, 1, 1, "the rule has no 'title'");
    assertError(error("title: ''\n" + OK), SigmaErrorKind.MISSING_ATTRIBUTE, 1, 8, "'title' is empty");
  }

  @Test
  void missingDetection() {
    assertError(error("title: x\nlogsource: {product: x}\n"), SigmaErrorKind.MISSING_ATTRIBUTE, 1, 1,
        "has no 'detection'");
  }

  @Test
  void missingLogsourceAndCondition() {
    assertError(error("title: x\ndetection: {s: [k], condition: s}\n"), SigmaErrorKind.MISSING_ATTRIBUTE, 1, 1,
        "no 'logsource'");
    assertError(error("title: x\nlogsource: {product: x}\ndetection: {s: [k]}\n"),
        SigmaErrorKind.MISSING_ATTRIBUTE, 3, 12, "'detection' has no condition");
  }

  @Test
  void duplicateKeys() {
    assertError(error("title: x\ntitle: y\n" + OK), SigmaErrorKind.DUPLICATE_KEY, 2, 1,
        "duplicate key 'title' (first at line 1)");
    assertError(error("title: x\nlogsource: {product: x}\ndetection:\n  s:\n    a: 1\n    a: 2\n  condition: s\n"),
        SigmaErrorKind.DUPLICATE_KEY, 6, 5, "duplicate key 'a' (first at line 5)");
  }

  @Test
  void tabs() {
    assertError(error("title: x\nlogsource:\n\tproduct: x\n"), SigmaErrorKind.SYNTAX, 3, 1,
        "YAML does not allow tabs for indentation: indent with spaces");
  }

  @Test
  void tabsInsideValuesAndCommentsAreFine() {
    SigmaRule r = SigmaReaderTest.only(reader.readString("title: \"a\\tb\" # a\tcomment\n" + OK, "ok.yml"));
    assertEquals("a\tb", r.title());
  }

  @Test
  void nonUtf8Bytes() {
    byte[] latin1 = "title: x\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    SigmaRuleException e = onlyError(reader.readBytes(latin1, "bad.yml"));
    assertError(e, SigmaErrorKind.ENCODING, 2, 17, "byte 0xE9 at offset 25 is not valid UTF-8");
  }

  @Test
  void realReplacementCharacterIsValid() {
    byte[] bytes = ("title: caf\u00e9 \uFFFD\n" + OK).getBytes(StandardCharsets.UTF_8);
    assertEquals("caf\u00e9 \uFFFD", SigmaReaderTest.only(reader.readBytes(bytes, "ok.yml")).title());
  }

  @Test
  void utf16() {
    SigmaRuleException e = onlyError(reader.readBytes("title: x".getBytes(StandardCharsets.UTF_16), "bad.yml"));
    assertError(e, SigmaErrorKind.ENCODING, 1, 1, "UTF-16 or UTF-32");
    e = onlyError(reader.readBytes("title: x".getBytes(StandardCharsets.UTF_16LE), "bad.yml"));
    assertError(e, SigmaErrorKind.ENCODING, 1, 1, "zero byte");
  }

  @Test
  void controlCharacter() {
    assertError(error("title: x\u0007\n" + OK), SigmaErrorKind.SYNTAX, 1, 9, "special character U+0007");
  }

  @Test
  void emptyFile() {
    assertError(error(""), SigmaErrorKind.EMPTY, 0, 0, "the file is empty");
    assertError(error("  \n# only a comment\n"), SigmaErrorKind.EMPTY, 0, 0, "only comments or white space");
    assertError(error("---\n---\n"), SigmaErrorKind.EMPTY, 0, 0, "only empty YAML documents");
  }

  private SigmaRuleException limited(SigmaReadOptions options, String yaml) {
    return onlyError(SigmaReader.create(options).readString(yaml, "bad.yml"));
  }

  @Test
  void hugeFile() {
    SigmaRuleException e = limited(SigmaReadOptions.builder().maxFileBytes(50).build(), "title: x\n" + OK);
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 0, 0,
        "the file has 67 bytes, more than 50, the maximum allowed (from SigmaReadOptions.maxFileBytes())");
    byte[] bytes = new byte[51];
    java.util.Arrays.fill(bytes, (byte) 'a');
    e = onlyError(SigmaReader.create(SigmaReadOptions.builder().maxFileBytes(50).build())
        .readStream(new java.io.ByteArrayInputStream(bytes), "bad.yml"));
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 0, 0, "SigmaReadOptions.maxFileBytes()");
  }

  @Test
  void hugeDocument() {
    SigmaReadOptions small = SigmaReadOptions.builder().maxDocumentCodePoints(1000).build();
    SigmaRuleException e = limited(small, "title: x\ndescription: " + "y ".repeat(700) + "\n" + OK);
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 0, 0, "a YAML document is longer than 1000 code points, the"
        + " maximum allowed (from SigmaReadOptions.maxDocumentCodePoints())");
    // One scalar far longer than the limit is caught as soon as it is read.
    e = limited(small, "title: " + "y".repeat(5000) + "\n" + OK);
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 1, 8, "(twice SigmaReadOptions.maxDocumentCodePoints())");
  }

  @Test
  void hugeScalar() {
    SigmaRuleException e = limited(SigmaReadOptions.builder().maxScalarLength(100).build(),
        "title: x\ndescription: " + "y".repeat(101) + "\n" + OK);
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 2, 14,
        "a scalar of 101 characters is longer than 100, the maximum allowed (from SigmaReadOptions.maxScalarLength())");
  }

  @Test
  void tooManyDocuments() {
    String doc = "title: x\n" + OK;
    SigmaFile f = SigmaReader.create(SigmaReadOptions.builder().maxDocumentsPerFile(2).build())
        .readString(doc + "---\n" + doc + "---\n" + doc, "bad.yml");
    assertEquals(3, f.results().size());
    assertTrue(f.results().get(0).isParsed());
    assertTrue(f.results().get(1).isParsed());
    assertError(f.errors().get(0), SigmaErrorKind.LIMIT_EXCEEDED, 8, 1,
        "more than 2 YAML documents, the maximum allowed (from SigmaReadOptions.maxDocumentsPerFile())");
    assertEquals(2, f.errors().get(0).documentIndex());
  }

  @Test
  void tooManyTags() {
    SigmaRuleException e = limited(SigmaReadOptions.builder().maxTags(2).build(),
        "title: x\ntags: [a.b, c.d, e.f]\n" + OK);
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 2, 7, "(from SigmaReadOptions.maxTags())");
  }

  static String billionLaughs(int levels) {
    StringBuilder sb = new StringBuilder("title: lol\nl0: &l0 lol\n");
    for (int i = 1; i <= levels; i++) {
      sb.append('l').append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      sb.append("]\n");
    }
    return sb.append(OK).toString();
  }

  @Test
  void aliasBomb() {
    SigmaRuleException e = error(billionLaughs(9));
    assertEquals(SigmaErrorKind.LIMIT_EXCEEDED, e.kind());
    assertTrue(e.getMessage().contains("(from SigmaReadOptions.maxNodes())"), e.getMessage());
    SigmaRuleException many = limited(SigmaReadOptions.builder().maxAliases(5).build(), billionLaughs(2));
    assertError(many, SigmaErrorKind.LIMIT_EXCEEDED, 3, 35,
        "the document uses more than 5 aliases, the maximum allowed (from SigmaReadOptions.maxAliases())");
  }

  @Test
  void aliasBombOfLongText() {
    StringBuilder yaml = new StringBuilder("title: x\nbig: &big '" + "y".repeat(100_000) + "'\n");
    yaml.append("l1: &l1 [").append("*big, ".repeat(9)).append("*big]\n");
    yaml.append("l2: &l2 [").append("*l1, ".repeat(9)).append("*l1]\n");
    yaml.append("l3: [").append("*l2, ".repeat(9)).append("*l2]\n").append(OK);
    SigmaRuleException e = limited(SigmaReadOptions.builder().maxDocumentCodePoints(500_000).build(),
        yaml.toString());
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 3, 5, "expands to more than 1000000 characters of text"
        + " (aliases counted at each use), the maximum allowed (twice SigmaReadOptions.maxDocumentCodePoints())");
  }

  @Test
  void repeatChainCannotGrowPastTheLimits() {
    StringBuilder yaml = new StringBuilder("title: x\n" + OK);
    for (int i = 0; i < 30; i++) {
      yaml.append("---\naction: repeat\nk").append(i).append(": &a").append(i).append(" [")
          .append("v, ".repeat(99)).append("v]\n");
    }
    SigmaFile f = SigmaReader.create(SigmaReadOptions.builder().maxNodes(1_000).build())
        .readString(yaml.toString(), "bad.yml");
    assertEquals(31, f.results().size());
    assertTrue(f.results().get(5).isParsed());
    SigmaRuleException e = f.results().get(10).error().orElseThrow();
    assertError(e, SigmaErrorKind.LIMIT_EXCEEDED, 32, 1,
        "with the attributes it inherits from earlier documents (action: global or repeat), the document"
            + " expands to more than 1000 YAML nodes");
  }

  @Test
  void recursiveAlias() {
    assertError(error("title: &a [*a]\n" + OK), SigmaErrorKind.SYNTAX, 1, 12, "alias '*a' refers to no anchor");
  }

  @Test
  void deepNesting() {
    String flow = "title: x\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n" + OK;
    assertError(error(flow), SigmaErrorKind.LIMIT_EXCEEDED, 2, 67,
        "YAML nesting deeper than 64 levels, the maximum allowed (from SigmaReadOptions.maxNestingDepth())");
    StringBuilder block = new StringBuilder("title: x\n");
    for (int i = 0; i < 100; i++) {
      block.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    SigmaRuleException e = error(block.toString());
    assertEquals(SigmaErrorKind.LIMIT_EXCEEDED, e.kind());
  }

  @Test
  void deepConditionIsAWarningNotACrash() {
    String condition = "(".repeat(5000) + "s" + ")".repeat(5000);
    SigmaRule r = SigmaReaderTest.only(reader.readString(
        "title: x\nlogsource: {product: x}\ndetection: {s: [k], condition: '" + condition + "'}\n", "ok.yml"));
    assertEquals(List.of(SigmaWarning.Kind.CONDITION_NOT_PARSED),
        r.warnings().stream().map(SigmaWarning::kind).collect(Collectors.toList()));
  }

  @Test
  void unsupportedYamlTagsAndKeys() {
    assertError(error("title: !!python/object:os.system x\n" + OK), SigmaErrorKind.UNSUPPORTED, 1, 8,
        "unsupported YAML tag '!!python/object:os.system'");
    assertError(error("title: x\nx: !!set {a, b}\n" + OK), SigmaErrorKind.UNSUPPORTED, 2, 4, "'!!set'");
    assertError(error("? [a, b]\n: c\n"), SigmaErrorKind.UNSUPPORTED, 1, 3, "a mapping key is a list");
  }

  @Test
  void unknownAction() {
    assertError(error("action: foo\ntitle: x\n" + OK), SigmaErrorKind.UNSUPPORTED, 1, 9,
        "'action' is 'foo'; rule collections know global, reset and repeat");
  }

  @Test
  void moreThanOneRuleKind() {
    assertError(error("title: x\n" + OK + "correlation: {type: event_count}\n"), SigmaErrorKind.INVALID_VALUE,
        1, 1, "more than one of 'detection', 'correlation' and 'filter'");
  }

  @Test
  void correlationProblems() {
    assertError(error("title: x\ncorrelation: {type: bogus, rules: [a], timespan: 1h}\n"),
        SigmaErrorKind.INVALID_VALUE, 2, 21, "correlation type 'bogus'");
    assertError(error("title: x\ncorrelation: {type: temporal, rules: [a], timespan: 1 hour}\n"),
        SigmaErrorKind.INVALID_VALUE, 2, 53, "correlation timespan '1 hour'");
    assertError(error("title: x\ncorrelation: {type: event_count, rules: [a], timespan: 1h}\n"),
        SigmaErrorKind.MISSING_ATTRIBUTE, 2, 14, "needs a 'condition'");
    assertError(error("title: x\ncorrelation: {type: value_count, rules: [a], timespan: 1h, condition: {gt: 3}}\n"),
        SigmaErrorKind.MISSING_ATTRIBUTE, 2, 71, "needs 'field'");
    assertError(error("title: x\ncorrelation: {type: event_count, rules: [a], timespan: 1h, condition: {gt: x}}\n"),
        SigmaErrorKind.WRONG_TYPE, 2, 76, "must be a whole number");
    assertError(error("title: x\ncorrelation: {type: event_count, timespan: 1h}\n"),
        SigmaErrorKind.MISSING_ATTRIBUTE, 2, 14, "'correlation' has no 'rules'");
  }

  @Test
  void filterProblems() {
    assertError(error("title: x\nlogsource: {product: x}\nfilter: {selection: {a: 1}, condition: selection}\n"),
        SigmaErrorKind.MISSING_ATTRIBUTE, 3, 9, "'filter' has no 'rules'");
    assertError(error("title: x\nfilter: {rules: [a], selection: {a: 1}, condition: selection}\n"),
        SigmaErrorKind.MISSING_ATTRIBUTE, 1, 1, "no 'logsource'");
  }

  @Test
  void detectionShapeProblems() {
    assertError(error("title: x\nlogsource: {product: x}\ndetection: {s: {f: {a: b}}, condition: s}\n"),
        SigmaErrorKind.WRONG_TYPE, 3, 20, "the value of 'f' in search 's' is a mapping");
    assertError(error("title: x\nlogsource: {product: x}\ndetection: {s: {'f||x': 1}, condition: s}\n"),
        SigmaErrorKind.INVALID_VALUE, 3, 17, "has an empty modifier");
    assertError(error("title: x\nlogsource: {product: x}\ndetection: {s: , condition: s}\n"),
        SigmaErrorKind.WRONG_TYPE, 3, 15, "search identifier 's' is empty");
    assertError(error("title: x\nlogsource: {product: x}\ndetection: {s: [[a]], condition: s}\n"),
        SigmaErrorKind.WRONG_TYPE, 3, 17, "a list inside a list");
    assertError(error("title: x\nlogsource: {product: x}\ndetection: [a]\n"),
        SigmaErrorKind.WRONG_TYPE, 3, 12, "'detection' is a list");
  }

  @Test
  void listAttributesAsStrings() {
    assertError(error("title: x\nfalsepositives: Unknown\n" + OK), SigmaErrorKind.WRONG_TYPE, 2, 17,
        "'falsepositives' is a string but must be a list");
    assertError(error("title: x\nreferences: {a: b}\n" + OK), SigmaErrorKind.WRONG_TYPE, 2, 13,
        "'references' is a mapping");
    assertError(error("title: x\nrelated:\n  - id: nope\n    type: derived\n" + OK), SigmaErrorKind.INVALID_VALUE,
        3, 9, "'related id' is 'nope', not a UUID");
  }

  @Test
  void badDocumentDoesNotStopTheFile() {
    String yaml = "title: a\n" + OK + "---\ntitle: b\nlogsource: 3\ndetection: {s: [k], condition: s}\n"
        + "---\ntitle: c\n" + OK;
    SigmaFile f = reader.readString(yaml, "bad.yml");
    assertEquals(3, f.results().size());
    assertEquals("a", f.results().get(0).orThrow().title());
    assertError(f.results().get(1).error().orElseThrow(), SigmaErrorKind.WRONG_TYPE, 6, 12,
        "'logsource' is a number");
    assertEquals(1, f.results().get(1).documentIndex());
    assertEquals("c", f.results().get(2).orThrow().title());
  }

  @Test
  void syntaxErrorEndsTheFileButKeepsEarlierDocuments() {
    String yaml = "title: a\n" + OK + "---\ntitle: [broken\n---\ntitle: c\n" + OK;
    SigmaFile f = reader.readString(yaml, "bad.yml");
    assertEquals(2, f.results().size());
    assertEquals("a", f.results().get(0).orThrow().title());
    assertEquals(yaml.substring(0, yaml.indexOf("---")), f.results().get(0).orThrow().text());
    assertError(f.errors().get(0), SigmaErrorKind.SYNTAX, 6, 1, "invalid YAML");
    assertEquals(1, f.errors().get(0).documentIndex());
    assertEquals(2, f.documents());
  }

  @Test
  void orThrowThrowsTheError() {
    SigmaReadResult r = reader.readString("- a\n", "bad.yml").results().get(0);
    SigmaRuleException e = org.junit.jupiter.api.Assertions.assertThrows(SigmaRuleException.class, r::orThrow);
    assertEquals(SigmaErrorKind.NOT_A_MAPPING, e.kind());
    assertTrue(e instanceof io.sigmap.stix.SigmapException);
  }
}
