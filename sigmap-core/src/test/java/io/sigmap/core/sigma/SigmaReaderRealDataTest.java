package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reads the whole SigmaHQ corpus of 2025-12-25 (skipped without {@code SIGMAP_SHARED}) once, asserts the counts
 * observed and spot-checks rules field by field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigmaReaderRealDataTest {

  private Path root;
  private List<SigmaFile> files;
  private Map<String, SigmaFile> byPath;

  @BeforeAll
  void readCorpus() {
    root = SharedData.sigmaHqOrNull();
    if (root != null) {
      files = SigmaReader.create().readDirectory(root);
      byPath = files.stream().collect(Collectors.toMap(SigmaFile::path, Function.identity()));
    }
  }

  @BeforeEach
  void requireCorpus() {
    SharedData.assumeSigmaHq(root);
  }

  private List<SigmaRule> rules() {
    return files.stream().flatMap(f -> f.rules().stream()).collect(Collectors.toList());
  }

  @Test
  void readDirectory_counts() {
    assertEquals(3919, files.size(), "yml files");
    assertEquals(3924, files.stream().mapToInt(SigmaFile::documents).sum(), "YAML documents");
    assertEquals(3, files.stream().mapToInt(SigmaFile::controlDocuments).sum(), "action: global documents");
    assertEquals(0, files.stream().mapToInt(SigmaFile::skippedDocuments).sum(), "empty documents");
    Map<SigmaRuleKind, Long> kinds = rules().stream()
        .collect(Collectors.groupingBy(SigmaRule::kind, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(SigmaRuleKind.DETECTION, 3921L), kinds);
    assertEquals(List.of(), files.stream().flatMap(f -> f.errors().stream()).map(Throwable::getMessage)
        .collect(Collectors.toList()), "errors");
    assertEquals(3921, files.stream().mapToInt(f -> f.results().size()).sum(), "results");
  }

  @Test
  void readDirectory_warningCounts() {
    Map<SigmaWarning.Kind, Long> warnings = rules().stream().flatMap(r -> r.warnings().stream())
        .collect(Collectors.groupingBy(SigmaWarning::kind, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(SigmaWarning.Kind.NON_ISO_DATE, 469L, SigmaWarning.Kind.LEGACY_AGGREGATION, 55L,
        SigmaWarning.Kind.LEGACY_TIMEFRAME, 49L, SigmaWarning.Kind.CONDITION_NOT_PARSED, 4L), warnings);
  }

  @Test
  void readDirectory_tagCounts() {
    Map<SigmaTag.Kind, Long> tags = rules().stream().flatMap(r -> r.tags().stream())
        .collect(Collectors.groupingBy(SigmaTag::kind, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(SigmaTag.Kind.TECHNIQUE, 4633L, SigmaTag.Kind.TACTIC, 6203L, SigmaTag.Kind.GROUP, 68L,
        SigmaTag.Kind.SOFTWARE, 88L, SigmaTag.Kind.DATA_SOURCE, 1L, SigmaTag.Kind.OTHER, 876L), tags);
    long nonCanonical = rules().stream().flatMap(r -> r.tags().stream()).filter(t -> !t.isCanonical()).count();
    assertEquals(192, nonCanonical, "underscore tactics such as attack.defense_evasion");
  }

  @Test
  void readDirectory_statuses() {
    Map<Optional<SigmaStatus>, Long> statuses = rules().stream()
        .collect(Collectors.groupingBy(SigmaRule::status, Collectors.counting()));
    assertEquals(Map.of(Optional.of(SigmaStatus.TEST), 3349L, Optional.of(SigmaStatus.EXPERIMENTAL), 221L,
        Optional.of(SigmaStatus.STABLE), 105L, Optional.of(SigmaStatus.DEPRECATED), 160L,
        Optional.of(SigmaStatus.UNSUPPORTED), 86L), statuses);
  }

  @Test
  void readDirectory_singleDocumentTextIsTheFile() throws IOException {
    for (SigmaFile f : files) {
      if (f.documents() == 1) {
        String content = Files.readString(root.resolve(f.path()), StandardCharsets.UTF_8);
        assertEquals(content, f.rules().get(0).text(), f.path());
      }
    }
  }

  @Test
  void readDirectory_tagLocationsPointAtTheTags() throws IOException {
    int checked = 0;
    for (SigmaFile f : files) {
      List<String> lines = null;
      for (SigmaRule r : f.rules()) {
        for (SigmaTag t : r.tags()) {
          if (lines == null) {
            lines = Files.readAllLines(root.resolve(f.path()), StandardCharsets.UTF_8);
          }
          String line = lines.get(t.line() - 1);
          int at = line.offsetByCodePoints(0, t.column() - 1);
          assertTrue(line.startsWith(t.text(), at), () -> f.path() + ":" + t.line() + ":" + t.column() + " " + t);
          checked++;
        }
      }
    }
    assertTrue(checked > 10_000, "tags checked: " + checked);
  }

  @Test
  void readDirectory_parallelIsIdentical() {
    List<SigmaFile> parallel = SigmaReader.create(SigmaReadOptions.builder().parallelism(2).build())
        .readDirectory(root);
    assertEquals(files, parallel);
  }

  @Test
  void spotCheck_subTechniqueRule() {
    DetectionRule r = (DetectionRule) only("rules/windows/process_creation/proc_creation_win_powershell_encode.yml");
    assertEquals("Suspicious Execution of Powershell with Base64", r.title());
    assertEquals(Optional.of(UUID.fromString("fb843269-508c-4b76-8b8d-88679db22ce7")), r.id());
    assertEquals(Optional.of(SigmaStatus.TEST), r.status());
    assertEquals(Optional.of("frack113"), r.author());
    assertEquals(Optional.of(LocalDate.of(2022, 1, 2)), r.date());
    assertEquals(Optional.of(LocalDate.of(2023, 1, 5)), r.modified());
    assertEquals(3, r.references().size());
    assertEquals(List.of("attack.execution", "attack.t1059.001"),
        r.tags().stream().map(SigmaTag::text).collect(Collectors.toList()));
    SigmaTag sub = r.tags().get(1);
    assertEquals(SigmaTag.Kind.TECHNIQUE, sub.kind());
    assertEquals(14, sub.line());
    assertEquals(7, sub.column());
    assertEquals(Logsource.of("process_creation", "windows", null), r.logsource());
    assertEquals(List.of("selection", "filter_encoding", "filter_azure"),
        List.copyOf(r.detection().searches().keySet()));
    SearchNode.AllOf selection = (SearchNode.AllOf) r.detection().searches().get("selection").node();
    SearchNode.FieldMatch commandLine = (SearchNode.FieldMatch) selection.items().get(1);
    assertEquals(Optional.of("CommandLine"), commandLine.field());
    assertEquals(List.of("contains"), commandLine.modifiers());
    assertEquals(List.of(" -e ", " -en ", " -enc ", " -enco", " -ec "),
        commandLine.values().stream().map(SigmaValue.Scalar::text).collect(Collectors.toList()));
    assertEquals("selection and not 1 of filter_*", r.detection().conditions().get(0).text());
    assertTrue(r.detection().conditions().get(0).expression().isPresent());
    assertEquals(List.of("Unknown"), r.falsepositives());
    assertEquals(Optional.of(SigmaLevel.MEDIUM), r.level());
    assertTrue(r.customAttributes().isEmpty());
    assertTrue(r.warnings().isEmpty());
  }

  @Test
  void spotCheck_deprecatedRule() {
    DetectionRule r = (DetectionRule) only("deprecated/windows/driver_load_win_mal_creddumper.yml");
    assertEquals("Credential Dumping Tools Service Execution", r.title());
    assertEquals(Optional.of(SigmaStatus.DEPRECATED), r.status());
    assertEquals(List.of(new SigmaRelated(UUID.fromString("4976aa50-8f41-45c6-8b15-ab3fc10e79ed"), "derived", 0, 0)),
        r.related());
    assertEquals(Optional.of(LocalDate.of(2017, 3, 5)), r.date());
    assertEquals(List.of(SigmaWarning.Kind.NON_ISO_DATE, SigmaWarning.Kind.NON_ISO_DATE),
        r.warnings().stream().map(SigmaWarning::kind).collect(Collectors.toList()));
    assertEquals(List.of(SigmaTag.Kind.TACTIC, SigmaTag.Kind.TACTIC, SigmaTag.Kind.TECHNIQUE,
        SigmaTag.Kind.TECHNIQUE, SigmaTag.Kind.TECHNIQUE, SigmaTag.Kind.TECHNIQUE, SigmaTag.Kind.TECHNIQUE,
        SigmaTag.Kind.TECHNIQUE, SigmaTag.Kind.SOFTWARE),
        r.tags().stream().map(SigmaTag::kind).collect(Collectors.toList()));
    assertFalse(r.tags().get(0).isCanonical());
    assertEquals("attack.credential-access", r.tags().get(0).canonicalText());
    assertEquals(Optional.of("driver_load"), r.logsource().category());
    assertEquals(Optional.of(SigmaLevel.CRITICAL), r.level());
  }

  @Test
  void spotCheck_globalCollection() {
    SigmaFile f = byPath.get("unsupported/windows/win_apt_apt29_tor.yml");
    assertEquals(2, f.documents());
    assertEquals(1, f.controlDocuments());
    assertEquals(1, f.results().size());
    DetectionRule r = (DetectionRule) f.results().get(0).orThrow();
    assertEquals("APT29 Google Update Service Install", r.title());
    assertEquals(Optional.of(UUID.fromString("c069f460-2b87-4010-8dcf-e45bab362624")), r.id());
    assertEquals(Optional.of(SigmaStatus.UNSUPPORTED), r.status());
    assertEquals(1, r.source().documentIndex());
    assertTrue(r.source().inherits());
    assertTrue(r.text().startsWith("---\nid: c069f460"), r.text());
    assertEquals(List.of("attack.persistence", "attack.g0016", "attack.t1050", "attack.t1543.003"),
        r.tags().stream().map(SigmaTag::text).collect(Collectors.toList()));
    assertEquals(10, r.tags().get(2).line(), "tags keep their line in the global document");
    assertEquals(new Logsource(Optional.of("process_creation"), Optional.of("windows"), Optional.of("system"),
        Optional.empty(), Map.of()), r.logsource());
    assertEquals(List.of("service_install", "process"), List.copyOf(r.detection().searches().keySet()));
    assertEquals(Optional.of("near process"), r.detection().conditions().get(0).aggregation());
    assertEquals(Optional.of("5m"), r.detection().timeframe());
    assertEquals(List.of("ComputerName", "User", "CommandLine"), r.fields());
  }

  @Test
  void spotCheck_globalCollectionWithTwoRules() {
    SigmaFile f = byPath.get("unsupported/windows/win_remote_service.yml");
    assertEquals(3, f.documents());
    assertEquals(2, f.results().size());
    DetectionRule security = (DetectionRule) f.results().get(0).orThrow();
    DetectionRule system = (DetectionRule) f.results().get(1).orThrow();
    assertEquals(Optional.of("security"), security.logsource().service());
    assertEquals(Optional.of("system"), system.logsource().service());
    assertEquals(security.title(), system.title());
    assertEquals(List.of("selection1", "filter1", "selection2"),
        List.copyOf(system.detection().searches().keySet()));
    String whole = f.rules().stream().map(SigmaRule::text).collect(Collectors.joining());
    assertTrue(whole.endsWith("EventID: 7045"), "the last document runs to the end of the file");
  }

  private SigmaRule only(String path) {
    SigmaFile f = byPath.get(path);
    assertInstanceOf(SigmaFile.class, f, path);
    assertEquals(1, f.results().size());
    return f.results().get(0).orThrow();
  }
}
