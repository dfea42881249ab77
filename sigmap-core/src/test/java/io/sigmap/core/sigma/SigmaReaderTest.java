package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmaReaderTest {

  static final String RULE = """
      title: Whoami Execution
      id: 929a690e-bef0-4204-a928-ef5e620d6fcc
      name: whoami_exec
      related:
          - id: 08fbc97d-0a2f-491c-ae21-8ffcfd3174e9
            type: derived
      status: test
      description: Detects a whoami.exe execution
      license: DRL-1.1
      references:
          - https://example.com/whoami
      author: Florian Roth
      date: 2019-10-23
      modified: 2023/02/01
      tags:
          - attack.discovery
          - attack.T1033
          - attack.defense_evasion
          - detection.threat-hunting
      logsource:
          category: process_creation
          product: windows
          definition: 'Requirements: Sysmon'
          vendor_key: [a, b]
      detection:
          selection:
              Image|endswith: '\\whoami.exe'
              EventID:
                  - 1
                  - 4688
          filter_main:
              - User: SYSTEM
              - ParentImage|contains|all:
                    - 'a'
                    - 'b'
          keywords:
              - 'whoami /all'
              - whoami /priv
          condition: selection and not 1 of filter_* or keywords
      fields:
          - CommandLine
      falsepositives:
          - Admin activity
      level: high
      scope:
          - server
      regression_tests_path: regression_data/whoami.yml
      simulation:
          - type: atomic-red-team
            name: Whoami
      """;

  private final SigmaReader reader = SigmaReader.create();

  private SigmaFile read(String yaml) {
    return reader.readString(yaml, "test.yml");
  }

  static SigmaReadResult onlyResult(SigmaFile file) {
    assertEquals(1, file.results().size(), () -> "results: " + file.results());
    return file.results().get(0);
  }

  static SigmaRule only(SigmaFile file) {
    return onlyResult(file).orThrow();
  }

  static SigmaRuleException onlyError(SigmaFile file) {
    return onlyResult(file).error().orElseThrow(() -> new AssertionError("expected an error: " + file));
  }

  @Test
  void readString_detectionRuleFieldByField() {
    DetectionRule r = assertInstanceOf(DetectionRule.class, only(read(RULE)));
    assertEquals(SigmaRuleKind.DETECTION, r.kind());
    assertEquals("Whoami Execution", r.title());
    assertEquals(Optional.of(UUID.fromString("929a690e-bef0-4204-a928-ef5e620d6fcc")), r.id());
    assertEquals(Optional.of("whoami_exec"), r.name());
    assertEquals(List.of(new SigmaRelated(UUID.fromString("08fbc97d-0a2f-491c-ae21-8ffcfd3174e9"), "derived", 0,
        0)), r.related());
    assertEquals(5, r.related().get(0).line());
    assertEquals(Optional.of(SigmaStatus.TEST), r.status());
    assertEquals(Optional.of("Detects a whoami.exe execution"), r.description());
    assertEquals(Optional.of("DRL-1.1"), r.license());
    assertEquals(List.of("https://example.com/whoami"), r.references());
    assertEquals(Optional.of("Florian Roth"), r.author());
    assertEquals(Optional.of(LocalDate.of(2019, 10, 23)), r.date());
    assertEquals(Optional.of(LocalDate.of(2023, 2, 1)), r.modified());
    assertEquals(Optional.of(SigmaLevel.HIGH), r.level());
    assertEquals(List.of("Admin activity"), r.falsepositives());
    assertEquals(List.of("CommandLine"), r.fields());
    assertEquals(List.of("server"), r.scope());
    assertEquals(Optional.empty(), r.taxonomy());

    assertEquals(List.of("attack.discovery", "attack.T1033", "attack.defense_evasion", "detection.threat-hunting"),
        r.tags().stream().map(SigmaTag::text).collect(Collectors.toList()));
    SigmaTag t1033 = r.tags().get(1);
    assertEquals(SigmaTag.Kind.TECHNIQUE, t1033.kind());
    assertEquals(17, t1033.line());
    assertEquals(7, t1033.column());
    assertFalse(t1033.isCanonical());
    assertEquals(SigmaTag.Kind.TACTIC, r.tags().get(2).kind());
    assertEquals(SigmaTag.Kind.OTHER, r.tags().get(3).kind());

    assertEquals(Optional.of("process_creation"), r.logsource().category());
    assertEquals(Optional.of("windows"), r.logsource().product());
    assertEquals(Optional.empty(), r.logsource().service());
    assertEquals(Optional.of("Requirements: Sysmon"), r.logsource().definition());
    assertEquals(List.of("vendor_key"), List.copyOf(r.logsource().custom().keySet()));

    assertEquals(List.of("regression_tests_path", "simulation"), List.copyOf(r.customAttributes().keySet()));
    assertEquals(SigmaValue.Scalar.of("regression_data/whoami.yml"),
        r.customAttributes().get("regression_tests_path"));
    SigmaValue.Sequence simulation =
        assertInstanceOf(SigmaValue.Sequence.class, r.customAttributes().get("simulation"));
    SigmaValue.Mapping first = assertInstanceOf(SigmaValue.Mapping.class, simulation.items().get(0));
    assertEquals(List.of("type", "name"), List.copyOf(first.entries().keySet()));

    assertEquals(List.of(SigmaWarning.Kind.NON_ISO_DATE),
        r.warnings().stream().map(SigmaWarning::kind).collect(Collectors.toList()));
    assertEquals(14, r.warnings().get(0).line());
  }

  @Test
  void readString_detectionTree() {
    DetectionRule r = (DetectionRule) only(read(RULE));
    Detection d = r.detection();
    assertEquals(List.of("selection", "filter_main", "keywords"), List.copyOf(d.searches().keySet()));

    SearchNode.AllOf selection = assertInstanceOf(SearchNode.AllOf.class, d.searches().get("selection").node());
    SearchNode.FieldMatch image = (SearchNode.FieldMatch) selection.items().get(0);
    assertEquals(Optional.of("Image"), image.field());
    assertEquals(List.of("endswith"), image.modifiers());
    assertEquals(List.of(SigmaValue.Scalar.of("\\whoami.exe")), image.values());
    assertEquals(27, image.line());
    assertEquals(9, image.column());
    SearchNode.FieldMatch eventId = (SearchNode.FieldMatch) selection.items().get(1);
    assertEquals(SigmaValue.ScalarType.INTEGER, eventId.values().get(0).type());
    assertEquals(4688L, eventId.values().get(1).asLong().getAsLong());

    SearchNode.AnyOf filter = assertInstanceOf(SearchNode.AnyOf.class, d.searches().get("filter_main").node());
    assertEquals(2, filter.items().size());
    SearchNode.FieldMatch parent =
        (SearchNode.FieldMatch) ((SearchNode.AllOf) filter.items().get(1)).items().get(0);
    assertEquals(List.of("contains", "all"), parent.modifiers());
    assertTrue(parent.matchesAllValues());

    SearchNode.FieldMatch keywords = assertInstanceOf(SearchNode.FieldMatch.class,
        d.searches().get("keywords").node());
    assertTrue(keywords.isKeyword());
    assertEquals(2, keywords.values().size());

    SigmaCondition c = d.conditions().get(0);
    assertEquals("selection and not 1 of filter_* or keywords", c.text());
    assertEquals(Optional.of(new ConditionExpression.Or(List.of(
        new ConditionExpression.And(List.of(new ConditionExpression.Identifier("selection"),
            new ConditionExpression.Not(new ConditionExpression.Quantified(ConditionExpression.Quantifier.ANY,
                Optional.of("filter_*"))))),
        new ConditionExpression.Identifier("keywords")))), c.expression());
    assertEquals(39, c.line());
  }

  @Test
  void readString_textIsTheDocumentAsWritten() {
    SigmaRule r = only(read(RULE));
    assertEquals(RULE, r.text());
    assertEquals(1, r.source().line());
    assertEquals(0, r.source().documentIndex());
    assertEquals("test.yml", r.source().path());
    assertFalse(r.source().inherits());
  }

  @Test
  void readString_multiDocumentTextsConcatenateToTheFile() {
    String yaml = "# leading comment\r\ntitle: A\r\nlogsource: {product: x}\r\ndetection: {s: {a: 1}, condition: s}\r\n"
        + "# trailing comment of A\r\n---\r\ntitle: B\r\nlogsource: {product: y}\r\n"
        + "detection: {s: {b: 2}, condition: s}\r\n--- # third\r\ntitle: C\r\nlogsource: {product: z}\r\n"
        + "detection: {s: [x], condition: s}\r\n";
    SigmaFile f = read(yaml);
    assertEquals(3, f.results().size());
    assertEquals(3, f.documents());
    StringBuilder all = new StringBuilder();
    for (SigmaRule r : f.rules()) {
      all.append(r.text());
    }
    assertEquals(yaml, all.toString());
    assertTrue(f.rules().get(1).text().startsWith("---\r\ntitle: B"));
    assertEquals(List.of(1, 6, 10), f.rules().stream().map(r -> r.source().line()).collect(Collectors.toList()));
    assertEquals(List.of(0, 1, 2), f.rules().stream().map(r -> r.source().documentIndex())
        .collect(Collectors.toList()));
  }

  @Test
  void readString_documentBoundariesFollowYamlLineBreaks() {
    String doc = "title: A\rlogsource: {product: x}\rdetection: {s: [k], condition: s}\r";
    String yaml = doc + "---\r" + doc.replace("A", "B") + "...\r# between\r---\r"
        + doc.replace("A", "\uD83D\uDE00");
    SigmaFile f = read(yaml);
    assertEquals(3, f.results().size(), f::toString);
    assertEquals(yaml, f.rules().stream().map(SigmaRule::text).collect(Collectors.joining()));
    assertTrue(f.rules().get(1).text().startsWith("---\rtitle: B"));
    assertTrue(f.rules().get(1).text().endsWith("...\r# between\r"), f.rules().get(1).text());
    assertTrue(f.rules().get(2).text().startsWith("---\rtitle: \uD83D\uDE00"), f.rules().get(2).text());
    assertEquals(2, f.rules().get(2).source().documentIndex());
    assertEquals(List.of(1, 4, 10), f.rules().stream().map(r -> r.source().line()).collect(Collectors.toList()));
  }

  @Test
  void readBytes_byteOrderMarkIsDropped() {
    byte[] body = RULE.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    SigmaRule r = only(reader.readBytes(bytes, "bom.yml"));
    assertEquals("Whoami Execution", r.title());
    assertEquals(RULE, r.text());
    assertEquals(17, r.tags().get(1).line());
  }

  @Test
  void readStream_readsAndLeavesTheStreamOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(RULE.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    SigmaRule r = only(reader.readStream(in, "stream.yml"));
    assertEquals("stream.yml", r.source().path());
    assertFalse(closed[0]);
  }

  @Test
  void readStream_failingStreamIsAnIoError() {
    InputStream in = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };
    SigmaRuleException e = onlyError(reader.readStream(in, "broken.yml"));
    assertEquals(SigmaErrorKind.IO, e.kind());
    assertTrue(e.getMessage().startsWith("broken.yml: reading the stream failed"), e.getMessage());
  }

  @Test
  void readString_correlationRule() {
    String yaml = """
        title: Many failed logins
        id: 0e95725d-7320-415d-80f7-004da920fc11
        status: experimental
        correlation:
            type: value_count
            rules:
                - 5638f7c0-ac70-491d-8465-2a65075e0d86
                - failed_logon
            group-by:
                - ComputerName
            timespan: 1h
            condition:
                field: User
                gte: 100
                lt: 200
            aliases:
                ip:
                    failed_logon: src.ip
            generate: true
        level: high
        tags:
            - attack.t1110
        """;
    CorrelationRule r = assertInstanceOf(CorrelationRule.class, only(read(yaml)));
    assertEquals(SigmaRuleKind.CORRELATION, r.kind());
    Correlation c = r.correlation();
    assertEquals(CorrelationType.VALUE_COUNT, c.type());
    assertEquals(List.of("5638f7c0-ac70-491d-8465-2a65075e0d86", "failed_logon"), c.rules());
    assertEquals(List.of("ComputerName"), c.groupBy());
    assertEquals(java.time.Duration.ofHours(1), c.timespan());
    assertEquals(Map.of(CorrelationCondition.Operator.GTE, 100L, CorrelationCondition.Operator.LT, 200L),
        c.condition().orElseThrow().bounds());
    assertEquals(Optional.of("User"), c.condition().orElseThrow().field());
    assertEquals(Map.of("ip", Map.of("failed_logon", "src.ip")), c.aliases());
    assertTrue(c.generate());
    assertEquals(Optional.of(SigmaLevel.HIGH), r.level());
    assertEquals(SigmaTag.Kind.TECHNIQUE, r.tags().get(0).kind());
    assertTrue(r.customAttributes().isEmpty());
  }

  @Test
  void readString_temporalCorrelationWithoutCondition() {
    String yaml = """
        title: Recon
        correlation:
            type: temporal_ordered
            rules: [recon_a, recon_b]
            group-by: User
            timespan: 5m
        """;
    CorrelationRule r = (CorrelationRule) onlyResult(read(yaml)).orThrow();
    assertEquals(CorrelationType.TEMPORAL_ORDERED, r.correlation().type());
    assertEquals(List.of("User"), r.correlation().groupBy());
    assertEquals(Optional.empty(), r.correlation().condition());
    assertFalse(r.correlation().generate());
  }

  @Test
  void readString_filterRule() {
    String yaml = """
        title: Filter Administrator account
        description: The valid administrator account start with adm_
        logsource:
            category: process_creation
            product: windows
        filter:
            rules:
                - 6f3e2987-db24-4c78-a860-b4f4095a7095
                - df0841c0-9846-4e9f-ad8a-7df91571771b
            selection:
                User|startswith: 'adm_'
            condition: selection
        """;
    FilterRule r = assertInstanceOf(FilterRule.class, onlyResult(read(yaml)).orThrow());
    assertEquals(SigmaRuleKind.FILTER, r.kind());
    assertEquals(2, r.rules().size());
    assertEquals(List.of("selection"), List.copyOf(r.filter().searches().keySet()));
    assertEquals(Optional.of("process_creation"), r.logsource().category());
    assertTrue(r.warnings().isEmpty(), () -> r.warnings().toString());
  }

  @Test
  void readString_globalCollectionIsMergedIntoEachRule() {
    String yaml = """
        action: global
        title: Remote Service Creation
        status: unsupported
        tags:
            - attack.t1543.003
        detection:
            selection1:
                EventID: 4624
            condition: selection1 or selection2
        level: medium
        ---
        logsource:
            product: windows
            service: security
        detection:
            selection2:
                EventID: 4697
        ---
        logsource:
            product: windows
            service: system
        detection:
            selection2:
                EventID: 7045
        """;
    SigmaFile f = read(yaml);
    assertEquals(3, f.documents());
    assertEquals(1, f.controlDocuments());
    assertEquals(2, f.results().size());
    DetectionRule a = (DetectionRule) f.results().get(0).orThrow();
    DetectionRule b = (DetectionRule) f.results().get(1).orThrow();
    assertEquals("Remote Service Creation", a.title());
    assertEquals("Remote Service Creation", b.title());
    assertEquals(Optional.of("security"), a.logsource().service());
    assertEquals(Optional.of("system"), b.logsource().service());
    assertEquals(List.of("selection1", "selection2"), List.copyOf(a.detection().searches().keySet()));
    assertEquals(1, a.source().documentIndex());
    assertEquals(2, b.source().documentIndex());
    assertTrue(a.source().inherits());
    assertTrue(a.text().startsWith("---\nlogsource:"), a.text());
    assertEquals(5, a.tags().get(0).line(), "inherited tags keep their location in the global document");
    assertTrue(a.warnings().isEmpty(), () -> a.warnings().toString());
  }

  @Test
  void readString_resetAndRepeat() {
    String yaml = """
        action: global
        title: Global title
        level: low
        ---
        logsource: {product: a}
        detection: {s: {f: 1}, condition: s}
        ---
        action: repeat
        logsource: {product: b}
        ---
        action: reset
        ---
        title: Own title
        logsource: {product: c}
        detection: {s: {f: 2}, condition: s}
        """;
    SigmaFile f = read(yaml);
    assertEquals(5, f.documents());
    assertEquals(2, f.controlDocuments());
    assertEquals(3, f.results().size());
    DetectionRule first = (DetectionRule) f.results().get(0).orThrow();
    DetectionRule repeated = (DetectionRule) f.results().get(1).orThrow();
    DetectionRule own = (DetectionRule) f.results().get(2).orThrow();
    assertEquals("Global title", repeated.title());
    assertEquals(Optional.of("b"), repeated.logsource().product());
    assertEquals(first.detection(), repeated.detection());
    assertEquals("Own title", own.title());
    assertEquals(Optional.empty(), own.level(), "reset cleared the global level");
    assertFalse(own.source().inherits());
  }

  @Test
  void readString_repeatWithoutPreviousRuleFails() {
    SigmaRuleException e = onlyError(read("action: repeat\ntitle: x\n"));
    assertEquals(SigmaErrorKind.INVALID_VALUE, e.kind());
    assertEquals(1, e.line());
  }

  @Test
  void readString_onlyGlobalDocumentsIsOneError() {
    SigmaFile f = read("action: global\ntitle: x\n");
    assertEquals(1, f.documents());
    assertEquals(1, f.controlDocuments());
    SigmaRuleException e = onlyError(f);
    assertEquals(SigmaErrorKind.EMPTY, e.kind());
  }

  @Test
  void readString_emptyTrailingDocumentIsSkippedWithAWarning() {
    SigmaFile f = read(RULE + "---\n# nothing here\n");
    assertEquals(2, f.documents());
    assertEquals(1, f.skippedDocuments());
    assertEquals(1, f.results().size());
    assertEquals(SigmaWarning.Kind.EMPTY_DOCUMENT, f.warnings().get(0).kind());
    assertEquals(RULE, f.results().get(0).orThrow().text());
  }

  @Test
  void readString_aliasesAndMergeKeysWork() {
    String yaml = """
        title: Aliases
        logsource: &ls
            product: windows
            service: security
        detection:
            base: &base
                EventID: 4624
            selection:
                <<: *base
                LogonType: 3
            same: *base
            condition: selection or same
        x-copy: *ls
        """;
    DetectionRule r = (DetectionRule) onlyResult(read(yaml)).orThrow();
    SearchNode.AllOf selection = (SearchNode.AllOf) r.detection().searches().get("selection").node();
    assertEquals(List.of(Optional.of("LogonType"), Optional.of("EventID")), selection.items().stream()
        .map(n -> ((SearchNode.FieldMatch) n).field()).collect(Collectors.toList()));
    assertEquals(r.detection().searches().get("base").node(), r.detection().searches().get("same").node());
    SigmaValue.Mapping copy = (SigmaValue.Mapping) r.customAttributes().get("x-copy");
    assertEquals(SigmaValue.Scalar.of("security"), copy.entries().get("service"));
  }

  @Test
  void readString_scalarTypes() {
    String yaml = """
        title: Types
        logsource: {product: x}
        detection:
            s:
                a: 0x1F
                b: 1.5
                c: yes
                d: ~
                e: '12'
                f: 2024-01-02
                g: !!str 12
                h: 017
                i: .inf
            condition: s
        """;
    DetectionRule r = (DetectionRule) onlyResult(read(yaml)).orThrow();
    List<SigmaValue.Scalar> values = ((SearchNode.AllOf) r.detection().searches().get("s").node()).items()
        .stream().map(n -> ((SearchNode.FieldMatch) n).values().get(0)).collect(Collectors.toList());
    assertEquals(List.of(SigmaValue.ScalarType.INTEGER, SigmaValue.ScalarType.FLOAT, SigmaValue.ScalarType.BOOLEAN,
        SigmaValue.ScalarType.NULL, SigmaValue.ScalarType.STRING, SigmaValue.ScalarType.STRING,
        SigmaValue.ScalarType.STRING, SigmaValue.ScalarType.INTEGER, SigmaValue.ScalarType.FLOAT),
        values.stream().map(SigmaValue.Scalar::type).collect(Collectors.toList()));
    assertEquals(31L, values.get(0).asLong().getAsLong());
    assertEquals(Optional.of(Boolean.TRUE), values.get(2).asBoolean());
    assertEquals(15L, values.get(7).asLong().getAsLong());
    assertEquals("0x1F", values.get(0).text());
  }

  @Test
  void readString_unknownStatusAndLevelAreWarnings() {
    String yaml = "title: x\nstatus: production\nlevel: severe\nlogsource: {product: x}\n"
        + "detection: {s: {a: 1}, condition: s and t}\n";
    SigmaRule r = onlyResult(read(yaml)).orThrow();
    assertEquals(Optional.empty(), r.status());
    assertEquals(Optional.empty(), r.level());
    assertEquals(List.of(SigmaWarning.Kind.UNKNOWN_STATUS, SigmaWarning.Kind.UNKNOWN_LEVEL,
        SigmaWarning.Kind.UNDEFINED_SEARCH_IDENTIFIER),
        r.warnings().stream().map(SigmaWarning::kind).collect(Collectors.toList()));
  }

  @Test
  void readString_strictTurnsWarningsIntoErrors() {
    SigmaReader strict = SigmaReader.create(SigmaReadOptions.builder().strict(true).build());
    String yaml = "title: x\nstatus: production\nlevel: severe\nlogsource: {product: x}\n"
        + "detection: {s: {a: 1}, condition: s}\n";
    SigmaRuleException e = onlyError(strict.readString(yaml, "strict.yml"));
    assertEquals(SigmaErrorKind.STRICT_WARNING, e.kind());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("and 1 more warning"), e.getMessage());
    assertTrue(e.getMessage().contains("SigmaReadOptions.strict()"), e.getMessage());
    assertTrue(strict.readString(RULE.replace("2023/02/01", "2023-02-01"), "ok.yml").results().get(0).isParsed());
  }

  @Test
  void readString_legacyAggregationAndTimeframeAreKept() {
    String yaml = """
        title: Legacy
        logsource: {product: x}
        detection:
            selection: {EventID: 4625}
            timeframe: 5m
            condition: selection | count(TargetUserName) by Workstation > 3
        """;
    DetectionRule r = (DetectionRule) onlyResult(read(yaml)).orThrow();
    SigmaCondition c = r.detection().conditions().get(0);
    assertEquals(Optional.of(new ConditionExpression.Identifier("selection")), c.expression());
    assertEquals(Optional.of("count(TargetUserName) by Workstation > 3"), c.aggregation());
    assertEquals(Optional.of("5m"), r.detection().timeframe());
    assertEquals(List.of(SigmaWarning.Kind.LEGACY_TIMEFRAME, SigmaWarning.Kind.LEGACY_AGGREGATION),
        r.warnings().stream().map(SigmaWarning::kind).collect(Collectors.toList()));
  }

  @Test
  void readString_conditionList() {
    String yaml = "title: x\nlogsource: {product: x}\ndetection:\n  a: [k]\n  b: [l]\n  condition:\n    - a\n"
        + "    - b\n";
    DetectionRule r = (DetectionRule) onlyResult(read(yaml)).orThrow();
    assertEquals(2, r.detection().conditions().size());
    assertEquals(7, r.detection().conditions().get(0).line());
  }

  @Test
  void readString_authorListIsJoined() {
    String yaml = "title: x\nauthor: [Alice, Bob]\nlogsource: {product: x}\ndetection: {s: [k], condition: s}\n";
    assertEquals(Optional.of("Alice, Bob"), onlyResult(read(yaml)).orThrow().author());
  }

  // ---- files and directories

  @Test
  void readFile_pathAsGivenWithSlashes(@TempDir Path dir) throws IOException {
    Path file = Files.createDirectories(dir.resolve("a")).resolve("r.yml");
    Files.writeString(file, RULE);
    SigmaFile f = reader.readFile(file);
    assertEquals(file.toString().replace(java.io.File.separatorChar, '/'), f.path());
    assertEquals("Whoami Execution", f.rules().get(0).title());
  }

  @Test
  void readFile_missingFileIsAnIoError(@TempDir Path dir) {
    SigmaRuleException e = onlyError(reader.readFile(dir.resolve("nope.yml")));
    assertEquals(SigmaErrorKind.IO, e.kind());
    assertTrue(e.getMessage().endsWith("nope.yml: the file does not exist"), e.getMessage());
  }

  @Test
  void readFile_overTheSizeLimitIsNotRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yml");
    Files.writeString(file, RULE);
    SigmaReader small = SigmaReader.create(SigmaReadOptions.builder().maxFileBytes(100).build());
    SigmaRuleException e = onlyError(small.readFile(file));
    assertEquals(SigmaErrorKind.LIMIT_EXCEEDED, e.kind());
    assertTrue(e.getMessage().contains("more than 100, the maximum allowed (from SigmaReadOptions.maxFileBytes())"),
        e.getMessage());
  }

  static Path tree(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("rules/windows"));
    Files.createDirectories(dir.resolve("rules/linux"));
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(dir.resolve("rules/windows/b.yml"), RULE.replace("Whoami Execution", "B"));
    Files.writeString(dir.resolve("rules/windows/a.YAML"), RULE.replace("Whoami Execution", "A"));
    Files.writeString(dir.resolve("rules/linux/z.yml"), "title: [broken\n");
    Files.writeString(dir.resolve("rules/linux/readme.md"), "# not a rule");
    Files.writeString(dir.resolve("rules/.hidden.yml"), "not: read");
    Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push");
    Files.writeString(dir.resolve("top.yaml"), RULE.replace("Whoami Execution", "Top"));
    return dir;
  }

  @Test
  void readDirectory_recursiveSortedRelativeSkipsHidden(@TempDir Path dir) throws IOException {
    List<SigmaFile> files = reader.readDirectory(tree(dir));
    assertEquals(List.of("rules/linux/z.yml", "rules/windows/a.YAML", "rules/windows/b.yml", "top.yaml"),
        files.stream().map(SigmaFile::path).collect(Collectors.toList()));
    assertTrue(files.get(0).hasErrors());
    assertEquals(SigmaErrorKind.SYNTAX, files.get(0).errors().get(0).kind());
    assertEquals("rules/linux/z.yml", files.get(0).errors().get(0).path());
    assertEquals("A", files.get(1).rules().get(0).title());
    assertEquals("rules/windows/a.YAML", files.get(1).rules().get(0).source().path());
  }

  @Test
  void readDirectory_parallelGivesTheSameResultsInTheSameOrder(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 40; i++) {
      Files.writeString(dir.resolve(String.format("r%02d.yml", i)),
          i % 7 == 3 ? "title: [" : RULE.replace("Whoami Execution", "Rule " + i));
    }
    List<SigmaFile> sequential = reader.readDirectory(dir);
    List<SigmaFile> parallel =
        SigmaReader.create(SigmaReadOptions.builder().parallelism(4).build()).readDirectory(dir);
    assertEquals(summary(sequential), summary(parallel));
    assertEquals(sequential.stream().flatMap(f -> f.rules().stream()).collect(Collectors.toList()),
        parallel.stream().flatMap(f -> f.rules().stream()).collect(Collectors.toList()));
  }

  private static List<String> summary(List<SigmaFile> files) {
    return files.stream().flatMap(f -> f.results().stream())
        .map(r -> r.path() + "#" + r.documentIndex() + "=" + r.rule().map(SigmaRule::title)
            .orElseGet(() -> r.error().orElseThrow().getMessage()))
        .collect(Collectors.toList());
  }

  @Test
  void streamDirectory_sameAsReadDirectory(@TempDir Path dir) throws IOException {
    tree(dir);
    assertEquals(summary(reader.readDirectory(dir)),
        summary(reader.streamDirectory(dir).collect(Collectors.toList())));
  }

  @Test
  void read_fileOrDirectory(@TempDir Path dir) throws IOException {
    tree(dir);
    assertEquals(4, reader.read(dir).size());
    assertEquals(List.of("Top"), reader.read(dir.resolve("top.yaml")).get(0).rules().stream()
        .map(SigmaRule::title).collect(Collectors.toList()));
  }

  @Test
  void readDirectory_symbolicLinks(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("a.yml"), RULE);
    try {
      Files.createSymbolicLink(rules.resolve("loop"), rules);
      Files.createSymbolicLink(rules.resolve("b.yml"), rules.resolve("a.yml"));
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "symbolic links not supported here: " + e);
    }
    assertEquals(List.of("a.yml"), reader.readDirectory(rules).stream().map(SigmaFile::path)
        .collect(Collectors.toList()), "links are not followed by default");
    List<SigmaFile> followed =
        SigmaReader.create(SigmaReadOptions.builder().followLinks(true).build()).readDirectory(rules);
    assertEquals(List.of("a.yml", "b.yml", "loop"), followed.stream().map(SigmaFile::path)
        .collect(Collectors.toList()));
    assertEquals("Whoami Execution", followed.get(1).rules().get(0).title());
    SigmaRuleException loop = followed.get(2).errors().get(0);
    assertEquals(SigmaErrorKind.IO, loop.kind());
    assertTrue(loop.getMessage().startsWith("loop: cannot be listed or read: java.nio.file.FileSystemLoopException"),
        loop.getMessage());
  }

  @Test
  void readDirectory_missingDirectoryThrows(@TempDir Path dir) {
    SigmaRuleException e = assertThrows(SigmaRuleException.class, () -> reader.readDirectory(dir.resolve("nope")));
    assertEquals(SigmaErrorKind.IO, e.kind());
    assertTrue(e.getMessage().endsWith("the directory does not exist"), e.getMessage());
  }

  @Test
  void readDirectory_regularFileIsReadOnItsOwn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("one.yml");
    Files.writeString(file, RULE);
    List<SigmaFile> files = reader.readDirectory(file);
    assertEquals(1, files.size());
    assertEquals(1, files.get(0).rules().size());
  }

  @Test
  void options_andToString() {
    SigmaReadOptions o = SigmaReadOptions.builder().maxTags(3).build();
    SigmaReader r = SigmaReader.create(o);
    assertEquals(o, r.options());
    assertTrue(r.toString().contains("maxTags=3"), r.toString());
    assertEquals(SigmaReadOptions.DEFAULT, SigmaReader.create().options());
  }
}
