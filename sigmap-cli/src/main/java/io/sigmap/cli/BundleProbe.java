package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A quick look into a bundle file for its ATT&amp;CK release: the {@code x_mitre_version} of its
 * {@code x-mitre-collection} (the first object of the official STIX 2.1 bundles). Streams the file and stops at
 * the collection; never throws: a file it cannot read has no release, and the index load that follows reports
 * what is wrong with it.
 */
final class BundleProbe {

  private BundleProbe() {}

  static Optional<String> collectionVersion(Path bundle) {
    try (InputStream in = Files.newInputStream(bundle); JsonParser p = Json.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (!"objects".equals(field) || v != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Optional<String> version = objectVersion(p);
          if (version.isPresent()) {
            return version;
          }
        }
        return Optional.empty();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Reads one object to its end; the version when it is a collection with one. */
  private static Optional<String> objectVersion(JsonParser p) throws IOException {
    String type = null;
    String version = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING && "type".equals(field)) {
        type = p.getText();
      } else if (v == JsonToken.VALUE_STRING && "x_mitre_version".equals(field)) {
        version = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return "x-mitre-collection".equals(type) && version != null ? Optional.of(version) : Optional.empty();
  }
}
