package io.sigmap.core.sigma;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Sigma rules from files, directories, strings and streams: every YAML document comes back as a rule or
 * as a precise error, and one bad file never stops a scan.
 *
 * <p>The reader accepts what SigmaHQ publishes under the Sigma specification 2.x: detection rules, correlation
 * rules and filter rules, several documents per file, and the legacy collections of older rule sets
 * ({@code action: global}, {@code reset}, {@code repeat}); see {@link SigmaFile} for how documents map to
 * results. Files must be UTF-8 (a byte order mark is dropped). Bad content (invalid YAML, tabs, duplicate keys,
 * wrong attribute types, a missing {@code title} or {@code detection}, bytes that are not UTF-8, an empty file,
 * anything over a {@link SigmaReadOptions} limit, alias bombs, deep nesting) yields a
 * {@link SigmaReadResult.Failed} holding a {@link SigmaRuleException} with path, line, column and a message
 * saying how to fix it. No content makes a read method throw, hang or exhaust memory.
 *
 * <p>Example: read a repository and print what failed.
 * <pre>{@code
 * SigmaReader reader = SigmaReader.create();
 * for (SigmaFile file : reader.readDirectory(Path.of("sigma/rules"))) {
 *   for (SigmaReadResult result : file.results()) {
 *     result.error().ifPresent(e -> System.err.println(e.getMessage()));
 *     result.rule().ifPresent(rule -> System.out.println(rule.title() + " " + rule.tags()));
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: one reader may serve any number of threads. It keeps no per-file state; the
 * YAML parser is created per file (cheaply, without reflection).
 *
 * @since 0.1.0
 */
public final class SigmaReader {

  private static final Logger LOG = LoggerFactory.getLogger(SigmaReader.class);

  private final SigmaReadOptions options;
  private final FileReading reading;

  private SigmaReader(SigmaReadOptions options) {
    this.options = options;
    this.reading = new FileReading(options);
  }

  /**
   * Returns a reader with {@link SigmaReadOptions#DEFAULT}.
   *
   * @return a reader
   */
  public static SigmaReader create() {
    return new SigmaReader(SigmaReadOptions.DEFAULT);
  }

  /**
   * Returns a reader with the given options.
   *
   * @param options the limits and modes
   * @return a reader
   * @throws NullPointerException if {@code options} is null
   */
  public static SigmaReader create(SigmaReadOptions options) {
    return new SigmaReader(Objects.requireNonNull(options, "options"));
  }

  /**
   * Returns the reader's options.
   *
   * @return the options
   */
  public SigmaReadOptions options() {
    return options;
  }

  /**
   * Reads one file. Its results carry the path as given, with {@code /} separators.
   *
   * <p>A file that is missing or cannot be read yields one {@link SigmaErrorKind#IO} error result.
   *
   * @param file the file
   * @return what the file held; never throws for its content
   * @throws NullPointerException if {@code file} is null
   */
  public SigmaFile readFile(Path file) {
    Objects.requireNonNull(file, "file");
    return readFile(file, slashes(file.toString()));
  }

  private SigmaFile readFile(Path file, String name) {
    try {
      long size = Files.size(file);
      if (size > options.maxFileBytes()) {
        return reading.tooLarge(name, size);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return readStream(in, name);
      }
    } catch (NoSuchFileException e) {
      return ioFailure(name, "the file does not exist", e);
    } catch (IOException | SecurityException e) {
      return ioFailure(name, "the file cannot be read: " + e, e);
    }
  }

  /**
   * Reads every {@code *.yml} and {@code *.yaml} file (extension in any case) under a directory, recursively,
   * in the order of their paths relative to it (compared as strings with {@code /} separators), with
   * {@link SigmaReadOptions#parallelism()} threads. Files and directories whose name starts with a dot (such as
   * {@code .git} or {@code .github}) are skipped. Each result's path is relative to {@code directory}.
   *
   * <p>All files are read before this method returns; {@link #streamDirectory(Path)} reads them one at a time.
   * A subdirectory that cannot be listed yields an {@link SigmaErrorKind#IO} error in its place. A regular
   * file given as {@code directory} is read on its own.
   *
   * @param directory the directory to scan
   * @return one {@link SigmaFile} per file, in path order
   * @throws NullPointerException if {@code directory} is null
   * @throws SigmaRuleException if {@code directory} does not exist or cannot be listed at all
   */
  public List<SigmaFile> readDirectory(Path directory) {
    return readDirectory(directory, "");
  }

  /**
   * Reads a file or a directory as {@link #read(Path)} does, naming results after {@code name} instead of the
   * path: a file's results carry {@code name}, a directory's carry {@code name/relative/path}. A batch over
   * several directories uses it to keep their paths apart.
   *
   * @param path a file or a directory
   * @param name the name to use for {@code path}, with {@code /} separators
   * @return one {@link SigmaFile} per file
   * @throws NullPointerException if an argument is null
   * @throws SigmaRuleException if {@code path} is a directory that cannot be listed at all
   */
  public List<SigmaFile> read(Path path, String name) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    String prefix = name.endsWith("/") || name.isEmpty() ? name : name + "/";
    return Files.isDirectory(path) ? readDirectory(path, prefix) : List.of(readFile(path, name));
  }

  private List<SigmaFile> readDirectory(Path directory, String prefix) {
    List<Entry> entries = list(Objects.requireNonNull(directory, "directory"), prefix);
    List<SigmaFile> out;
    if (options.parallelism() <= 1 || entries.size() < 2) {
      out = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        out.add(read(e));
      }
    } else {
      ForkJoinPool pool = new ForkJoinPool(options.parallelism());
      try {
        out = pool.submit(() -> entries.parallelStream().map(this::read).collect(Collectors.toList())).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SigmaRuleException(slashes(directory.toString()), 0, 0, 0, SigmaErrorKind.IO,
            "reading the directory was interrupted", e);
      } catch (ExecutionException e) {
        throw new SigmaRuleException(slashes(directory.toString()), 0, 0, 0, SigmaErrorKind.INTERNAL,
            "reading the directory failed unexpectedly (" + e.getCause() + "); please report it", e.getCause());
      } finally {
        pool.shutdown();
      }
    }
    LOG.debug("read {} files under {} with {} thread(s)", out.size(), directory, options.parallelism());
    return out;
  }

  /**
   * Returns the files under a directory as a lazy, ordered stream: the same files, order and results as
   * {@link #readDirectory(Path)}, but each file is read only when the stream reaches it, so that a large
   * repository need not be held in memory at once. The directory is listed when this method is called. The
   * stream is sequential; {@code parallel()} may be applied to it (its order is kept by {@code forEachOrdered}
   * or collecting).
   *
   * @param directory the directory to scan
   * @return a stream of one {@link SigmaFile} per file, in path order
   * @throws NullPointerException if {@code directory} is null
   * @throws SigmaRuleException if {@code directory} does not exist or cannot be listed at all
   */
  public Stream<SigmaFile> streamDirectory(Path directory) {
    return list(Objects.requireNonNull(directory, "directory"), "").stream().map(this::read);
  }

  /**
   * Reads a file, or every rule file under a directory as {@link #readDirectory(Path)} does.
   *
   * @param path a file or a directory
   * @return one {@link SigmaFile} per file
   * @throws NullPointerException if {@code path} is null
   * @throws SigmaRuleException if {@code path} is a directory that cannot be listed at all
   */
  public List<SigmaFile> read(Path path) {
    Objects.requireNonNull(path, "path");
    return Files.isDirectory(path) ? readDirectory(path) : List.of(readFile(path));
  }

  /**
   * Reads YAML text.
   *
   * @param yaml the text (a leading byte order mark is dropped)
   * @param name the name to use as path in results and messages
   * @return what the text held
   * @throws NullPointerException if an argument is null
   */
  public SigmaFile readString(String yaml, String name) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(name, "name");
    if ((long) yaml.length() > options.maxFileBytes()
        || utf8Length(yaml, options.maxFileBytes()) > options.maxFileBytes()) {
      return reading.tooLarge(name, utf8Length(yaml, Long.MAX_VALUE));
    }
    return reading.text(yaml, name);
  }

  /**
   * Reads UTF-8 bytes.
   *
   * @param bytes the bytes of one file
   * @param name the name to use as path in results and messages
   * @return what the bytes held
   * @throws NullPointerException if an argument is null
   */
  public SigmaFile readBytes(byte[] bytes, String name) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(name, "name");
    return reading.bytes(bytes, bytes.length, name);
  }

  /**
   * Reads UTF-8 bytes from a stream, up to {@link SigmaReadOptions#maxFileBytes()} plus one. The stream is not
   * closed.
   *
   * @param in the stream of one file
   * @param name the name to use as path in results and messages
   * @return what the stream held; a failing stream yields an {@link SigmaErrorKind#IO} error result
   * @throws NullPointerException if an argument is null
   */
  public SigmaFile readStream(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    try {
      int cap = (int) Math.min(Integer.MAX_VALUE - 16, options.maxFileBytes() + 1);
      byte[] bytes = in.readNBytes(cap);
      if (bytes.length > options.maxFileBytes()) {
        return reading.tooLarge(name, bytes.length);
      }
      return reading.bytes(bytes, bytes.length, name);
    } catch (IOException | RuntimeException e) {
      return ioFailure(name, "reading the stream failed: " + e, e);
    }
  }

  // ---- directories

  /** A file to read, or a listing failure to report in its place. */
  private static final class Entry {
    final Path file;
    final String relative;
    final IOException failure;

    Entry(Path file, String relative, IOException failure) {
      this.file = file;
      this.relative = relative;
      this.failure = failure;
    }
  }

  private SigmaFile read(Entry e) {
    if (e.failure != null) {
      return ioFailure(e.relative, "cannot be listed or read: " + e.failure, e.failure);
    }
    return readFile(e.file, e.relative);
  }

  private List<Entry> list(Path root, String prefix) {
    String rootName = slashes(root.toString());
    LinkOption[] linkOptions = options.followLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    if (!Files.exists(root, linkOptions)) {
      throw new SigmaRuleException(rootName, 0, 0, 0, SigmaErrorKind.IO, "the directory does not exist", null);
    }
    if (!Files.isDirectory(root, linkOptions)) {
      return List.of(new Entry(root, rootName, null));
    }
    List<Entry> entries = new ArrayList<>();
    EnumSet<FileVisitOption> visit = options.followLinks()
        ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    try {
      Files.walkFileTree(root, visit, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !hidden(file) && isRuleFile(file)) {
            entries.add(new Entry(file, prefix + relative(root, file), null));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (!hidden(file) && (e instanceof FileSystemLoopException || !isPlainFile(file) || isRuleFile(file))) {
            entries.add(new Entry(file, prefix + relative(root, file), e));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | SecurityException e) {
      throw new SigmaRuleException(rootName, 0, 0, 0, SigmaErrorKind.IO,
          "the directory cannot be listed: " + e, e);
    }
    entries.sort(Comparator.comparing(e -> e.relative));
    return entries;
  }

  private static boolean isPlainFile(Path file) {
    return !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isRuleFile(Path p) {
    Path name = p.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private static String relative(Path root, Path file) {
    return slashes(root.relativize(file).toString());
  }

  private static String slashes(String path) {
    return File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/');
  }

  private static SigmaFile ioFailure(String name, String message, Throwable cause) {
    return new SigmaFile(name, List.of(new SigmaReadResult.Failed(
        new SigmaRuleException(name, 0, 0, 0, SigmaErrorKind.IO, message, cause))), 0, 0, 0, List.of(), "");
  }

  /** UTF-8 length of a string, counted up to a bound (returns a value above it as soon as it is passed). */
  private static long utf8Length(String s, long bound) {
    long n = 0;
    for (int i = 0; i < s.length() && n <= bound; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "SigmaReader[" + options + "]";
  }
}
