package io.sigmap.weights.testing;

import io.sigmap.stix.AttackDomain;
import io.sigmap.stix.Tactic;
import io.sigmap.stix.TechniqueIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test data: two small STIX bundles under {@code src/test/resources/fixtures} (loaded once per JVM) and, when
 * the shared data is available, the real ATT&amp;CK 18.1 bundles (also loaded once per JVM).
 *
 * <p>The shared data is located by the system property {@code sigmap.shared} or the environment variable
 * {@code SIGMAP_SHARED}; a blank value or an unexpanded Maven property ({@code ${...}}) counts as absent.
 */
public final class Fixtures {

  private Fixtures() {}

  private static final class FixtureHolder {
    static final TechniqueIndex INDEX = load("/fixtures/attack-fixture.json", "fixture");
  }

  private static final class V19Holder {
    static final TechniqueIndex INDEX = load("/fixtures/attack-v19-like.json", "19.0-like");
  }

  private static final class RealHolder {
    static final Optional<TechniqueIndex> INDEX = shared().map(dir -> TechniqueIndex.load(
        dir.resolve("attack/enterprise-attack-18.1.json"),
        dir.resolve("attack/mobile-attack-18.1.json"),
        dir.resolve("attack/ics-attack-18.1.json")));
  }

  private static TechniqueIndex load(String resource, String version) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return TechniqueIndex.builder().addBundle(in, resource, version).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the fixture index: Enterprise (8 tactics), Mobile (4 tactics and 2 deprecated ones) and ICS (4
   * tactics), with a dozen techniques.
   *
   * @return the index
   */
  public static TechniqueIndex index() {
    return FixtureHolder.INDEX;
  }

  /**
   * Returns a synthetic Enterprise index shaped like ATT&amp;CK v19: {@code defense-evasion} deprecated and in no
   * matrix, {@code stealth} and {@code defense-impairment} added (their TA ids are made up).
   *
   * @return the index
   */
  public static TechniqueIndex v19Like() {
    return V19Holder.INDEX;
  }

  /**
   * Returns the index of the real Enterprise, Mobile and ICS 18.1 bundles.
   *
   * @return the index, or empty when the shared data is not available
   */
  public static Optional<TechniqueIndex> real() {
    return RealHolder.INDEX;
  }

  /**
   * Returns the shared data directory.
   *
   * @return the directory, or empty when not configured or missing
   */
  public static Optional<Path> shared() {
    for (String value : new String[] {System.getProperty("sigmap.shared"), System.getenv("SIGMAP_SHARED")}) {
      if (value != null && !value.isBlank() && !value.startsWith("${")) {
        Path dir = Path.of(value);
        if (Files.isDirectory(dir.resolve("attack"))) {
          return Optional.of(dir);
        }
      }
    }
    return Optional.empty();
  }

  /** The reason given when real-data tests are skipped. */
  public static final String NO_SHARED =
      "shared data not available: set SIGMAP_SHARED (or -Dsigmap.shared) to the directory holding attack/";

  /**
   * Returns a tactic of the fixture index.
   *
   * @param domain the domain
   * @param shortname the shortname
   * @return the tactic
   */
  public static Tactic tactic(AttackDomain domain, String shortname) {
    return index().tactic(domain, shortname).orElseThrow(() -> new IllegalArgumentException(shortname));
  }

  /**
   * Returns the indexes every contract test runs over: the fixture, the v19-like fixture and, when available,
   * the real bundles.
   *
   * @return the indexes
   */
  public static List<TechniqueIndex> allIndexes() {
    List<TechniqueIndex> all = new ArrayList<>(List.of(index(), v19Like()));
    real().ifPresent(all::add);
    return all;
  }
}
