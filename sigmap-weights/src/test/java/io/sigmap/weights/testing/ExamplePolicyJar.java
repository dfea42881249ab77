package io.sigmap.weights.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.spi.ToolProvider;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the example host policy jar, {@code target/example-policy/acme-weights.jar}, once per JVM: compiles
 * {@code src/test/example-policy} against the test class path and packages the classes with the
 * {@code META-INF/services} entry and an {@code Automatic-Module-Name} of {@value #MODULE_NAME}. Its classes are
 * not on the test class path, so whatever finds them found them in the jar.
 */
public final class ExamplePolicyJar {

  /** The policy's id. */
  public static final String ID = "acme-weights";

  /** The policy's class. */
  public static final String CLASS_NAME = "com.acme.weights.AcmeWeights";

  /** The jar's automatic module name. */
  public static final String MODULE_NAME = "com.acme.weights";

  private ExamplePolicyJar() {}

  private static final class Holder {
    static final Path JAR = build();
  }

  /**
   * Returns the jar, building it on first use.
   *
   * @return the jar file
   */
  public static Path jar() {
    return Holder.JAR;
  }

  /**
   * Returns the module's {@code target} directory.
   *
   * @return the directory
   */
  public static Path targetDir() {
    try {
      Path testClasses = Path.of(ExamplePolicyJar.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return testClasses.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path build() {
    Path target = targetDir();
    Path sources = target.getParent().resolve("src/test/example-policy");
    Path out = target.resolve("example-policy");
    Path classes = out.resolve("classes");
    Path jar = out.resolve("acme-weights.jar");
    try {
      Files.createDirectories(classes);
      List<String> javaFiles;
      try (Stream<Path> s = Files.walk(sources)) {
        javaFiles = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
            .collect(Collectors.toList());
      }
      ToolProvider javac = ToolProvider.findFirst("javac")
          .orElseThrow(() -> new IllegalStateException("the tests need a JDK: no javac tool"));
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-proc:none", "-Xlint:all",
          "-Werror", "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
      args.addAll(javaFiles);
      int rc;
      try (PrintStream err = new PrintStream(diagnostics, true, StandardCharsets.UTF_8)) {
        rc = javac.run(err, err, args.toArray(new String[0]));
      }
      if (rc != 0) {
        throw new IllegalStateException("compiling the example policy failed (" + rc + "): "
            + diagnostics.toString(StandardCharsets.UTF_8));
      }
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), MODULE_NAME);
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream jos = new JarOutputStream(file, manifest)) {
        add(jos, classes, ".class");
        add(jos, sources, "TacticWeightPolicy");
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(JarOutputStream jos, Path root, String suffix) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted()
          .collect(Collectors.toList());
    }
    for (Path f : files) {
      jos.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
      jos.write(Files.readAllBytes(f));
      jos.closeEntry();
    }
  }
}
