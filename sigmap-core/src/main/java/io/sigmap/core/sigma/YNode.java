package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader's own YAML tree: scalars with their type, sequences, and mappings with scalar keys (with their
 * locations) in file order. Nodes may be shared (aliases), never cyclic; {@link #size} is the node count once
 * aliases are expanded. Mutable only while the tree builder fills it.
 */
final class YNode {

  enum Kind { SCALAR, SEQUENCE, MAPPING }

  /** Above this many entries a mapping indexes its keys in a hash map. */
  private static final int INDEX_THRESHOLD = 12;

  final Kind kind;
  final String text;
  final SigmaValue.ScalarType type;
  final int line;
  final int column;
  final List<YNode> items;
  final List<YNode> keys;
  final List<YNode> values;
  private Map<String, Integer> index;
  /** Nodes once aliases are expanded. */
  long size = 1;
  /** Characters of scalar text once aliases are expanded. */
  long chars;

  private YNode(Kind kind, String text, SigmaValue.ScalarType type, int line, int column) {
    this.kind = kind;
    this.text = text;
    this.type = type;
    this.line = line;
    this.column = column;
    this.items = kind == Kind.SEQUENCE ? new ArrayList<>() : null;
    this.keys = kind == Kind.MAPPING ? new ArrayList<>() : null;
    this.values = kind == Kind.MAPPING ? new ArrayList<>() : null;
    this.chars = text == null ? 0 : text.length();
  }

  static YNode scalar(String text, SigmaValue.ScalarType type, int line, int column) {
    return new YNode(Kind.SCALAR, text, type, line, column);
  }

  static YNode sequence(int line, int column) {
    return new YNode(Kind.SEQUENCE, null, null, line, column);
  }

  static YNode mapping(int line, int column) {
    return new YNode(Kind.MAPPING, null, null, line, column);
  }

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  boolean isNull() {
    return kind == Kind.SCALAR && type == SigmaValue.ScalarType.NULL;
  }

  boolean isMapping() {
    return kind == Kind.MAPPING;
  }

  boolean isSequence() {
    return kind == Kind.SEQUENCE;
  }

  void addItem(YNode item) {
    items.add(item);
    size = saturatedAdd(size, item.size);
    chars = saturatedAdd(chars, item.chars);
  }

  /** Adds an entry; the caller has checked that the key is new. */
  void put(YNode key, YNode value) {
    keys.add(key);
    values.add(value);
    if (index != null) {
      index.put(key.text, keys.size() - 1);
    } else if (keys.size() > INDEX_THRESHOLD) {
      index = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        index.put(keys.get(i).text, i);
      }
    }
    size = saturatedAdd(saturatedAdd(size, key.size), value.size);
    chars = saturatedAdd(saturatedAdd(chars, key.chars), value.chars);
  }

  /** Replaces the value of an existing entry. */
  void replace(int i, YNode value) {
    size = saturatedAdd(size - values.get(i).size, value.size);
    chars = saturatedAdd(chars - values.get(i).chars, value.chars);
    values.set(i, value);
  }

  int indexOf(String key) {
    if (index != null) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).text.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  YNode get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : values.get(i);
  }

  int entryCount() {
    return keys.size();
  }

  String describe() {
    switch (kind) {
      case MAPPING:
        return "a mapping";
      case SEQUENCE:
        return "a list";
      default:
        switch (type) {
          case NULL:
            return "empty";
          case INTEGER:
          case FLOAT:
            return "a number";
          case BOOLEAN:
            return "a boolean";
          default:
            return "a string";
        }
    }
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
