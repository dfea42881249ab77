package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the examples of the javadoc ({@link SigmaReader}, package-info) and of the README. */
class JavadocExampleTest {

  @Test
  void packageInfoExample(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("sigma/rules"));
    Files.writeString(rules.resolve("a.yml"), SigmaReaderTest.RULE);
    Files.writeString(rules.resolve("b.yml"), "title: [");
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();

    // --- as in package-info.java
    SigmaReader reader = SigmaReader.create(SigmaReadOptions.builder().parallelism(4).build());
    List<SigmaFile> files = reader.readDirectory(rules);
    for (SigmaFile file : files) {
      for (SigmaReadResult result : file.results()) {
        if (result.rule().isPresent() && result.rule().get() instanceof DetectionRule rule) {
          out.add(rule.title() + " " + rule.logsource().product().orElse("-"));
        } else {
          result.error().ifPresent(e -> err.add(e.getMessage())); // path:line:column: detail
        }
      }
    }
    // ---

    assertEquals(List.of("Whoami Execution windows"), out);
    assertEquals(1, err.size(), err::toString);
    assertTrue(err.get(0).startsWith("b.yml:1:") && err.get(0).contains(": invalid YAML: "), err.get(0));
  }

  @Test
  void readerExample(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("sigma/rules"));
    Files.writeString(rules.resolve("a.yml"), SigmaReaderTest.RULE);
    List<String> out = new ArrayList<>();

    // --- as in SigmaReader's javadoc
    SigmaReader reader = SigmaReader.create();
    for (SigmaFile file : reader.readDirectory(rules)) {
      for (SigmaReadResult result : file.results()) {
        result.error().ifPresent(e -> System.err.println(e.getMessage()));
        result.rule().ifPresent(rule -> out.add(rule.title() + " " + rule.tags().size()));
      }
    }
    // ---

    assertEquals(List.of("Whoami Execution 4"), out);
  }

  @Test
  void readmeExample(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("a.yml"), SigmaReaderTest.RULE);
    List<String> out = new ArrayList<>();

    // --- as in README.md
    SigmaReader reader = SigmaReader.create(SigmaReadOptions.builder().parallelism(4).build());
    for (SigmaFile file : reader.readDirectory(rules)) {
      for (SigmaReadResult result : file.results()) {
        if (result.error().isPresent()) {
          out.add(result.error().get().getMessage());        // path:line:column: what to fix
          continue;
        }
        SigmaRule rule = result.rule().get();
        for (SigmaTag tag : rule.tags()) {
          if (tag.kind() == SigmaTag.Kind.TECHNIQUE) {
            out.add(rule.source().path() + ":" + tag.line() + " " + tag.canonicalText());
          }
        }
      }
    }
    // ---

    assertEquals(List.of("a.yml:17 attack.t1033"), out);
  }
}
