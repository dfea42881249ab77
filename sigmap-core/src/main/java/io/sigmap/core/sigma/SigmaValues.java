package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the reader's {@link YNode} trees into public {@link SigmaValue}s, expanding shared (aliased) nodes. */
final class SigmaValues {

  private SigmaValues() {}

  static SigmaValue.Scalar scalar(YNode n) {
    return new SigmaValue.Scalar(n.text, n.type, n.line, n.column);
  }

  static SigmaValue of(YNode n) {
    switch (n.kind) {
      case SCALAR:
        return scalar(n);
      case SEQUENCE: {
        List<SigmaValue> items = new ArrayList<>(n.items.size());
        for (YNode item : n.items) {
          items.add(of(item));
        }
        return new SigmaValue.Sequence(items, n.line, n.column);
      }
      default: {
        Map<String, SigmaValue> entries = new LinkedHashMap<>(Math.max(4, n.entryCount() * 4 / 3 + 1));
        for (int i = 0; i < n.entryCount(); i++) {
          entries.put(n.keys.get(i).text, of(n.values.get(i)));
        }
        return new SigmaValue.Mapping(entries, n.line, n.column);
      }
    }
  }
}
