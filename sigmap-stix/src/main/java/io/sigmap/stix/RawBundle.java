package io.sigmap.stix;

import java.util.ArrayList;
import java.util.List;

/** What one bundle held, before merging; package-private. */
final class RawBundle {
  final String source;
  final int index;
  final String versionLabel;
  String specVersion = "unknown";
  String collectionVersion;
  int objectCount;

  final List<RawObject> matrices = new ArrayList<>();
  final List<RawObject> tactics = new ArrayList<>();
  final List<RawObject> techniques = new ArrayList<>();
  final List<RawObject> objects = new ArrayList<>();
  final List<RawObject> relationships = new ArrayList<>();
  /** Objects with a missing type or a mistyped field, to be reported. */
  final List<RawObject> rejected = new ArrayList<>();

  RawBundle(String source, int index, String versionLabel) {
    this.source = source;
    this.index = index;
    this.versionLabel = versionLabel;
  }
}
