package io.sigmap.benchmarks;

import io.sigmap.core.sigma.SigmaFile;
import io.sigmap.core.sigma.SigmaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The SigmaHQ corpus from the shared data folder: its files' bytes in memory, and the files parsed. */
final class Corpus {

  static final String SIGMAHQ = "sigma/sigmahq-2025-12-25";

  final List<String> names = new ArrayList<>();
  final List<byte[]> bytes = new ArrayList<>();

  Corpus() {
    Path root = SharedData.file(SIGMAHQ);
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        names.add(root.relativize(p).toString());
        bytes.add(Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<SigmaFile> parse() {
    SigmaReader reader = SigmaReader.create();
    List<SigmaFile> files = new ArrayList<>(bytes.size());
    for (int i = 0; i < bytes.size(); i++) {
      files.add(reader.readBytes(bytes.get(i), names.get(i)));
    }
    return files;
  }
}
