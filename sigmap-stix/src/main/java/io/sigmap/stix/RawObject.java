package io.sigmap.stix;

import java.time.Instant;
import java.util.List;

/** The fields of one STIX object that the index uses, as read; mutable, package-private. */
final class RawObject {
  String source;
  int bundleIndex;
  int line;
  int column;

  String type;
  String stixId;
  String name;
  Instant modified = Instant.EPOCH;
  String modifiedText;
  int modifiedLine;
  int modifiedColumn;
  String xMitreVersion;
  String shortname;
  String relationshipType;
  String sourceRef;
  String targetRef;
  /** The ATT&amp;CK id from the first {@code mitre-*} external reference. */
  String attackId;
  String url;
  boolean revoked;
  boolean deprecated;
  List<String> domains = List.of();
  List<String> platforms = List.of();
  List<String> tacticRefs = List.of();
  /** Pairs of kill chain name and phase name. */
  List<String[]> phases = List.of();

  /** The first problem found in a field, or null. */
  String problem;
  int problemLine;
  int problemColumn;

  /** Clears every field, so that the holder can be reused for the next object. */
  void reset() {
    source = null;
    bundleIndex = 0;
    line = 0;
    column = 0;
    type = null;
    stixId = null;
    name = null;
    modified = Instant.EPOCH;
    modifiedText = null;
    modifiedLine = 0;
    modifiedColumn = 0;
    xMitreVersion = null;
    shortname = null;
    relationshipType = null;
    sourceRef = null;
    targetRef = null;
    attackId = null;
    url = null;
    revoked = false;
    deprecated = false;
    domains = List.of();
    platforms = List.of();
    tacticRefs = List.of();
    phases = List.of();
    problem = null;
    problemLine = 0;
    problemColumn = 0;
  }

  /** Whether this object's {@code modified} time is after the other's. */
  boolean newerThan(RawObject other) {
    return modified.isAfter(other.modified);
  }
}
