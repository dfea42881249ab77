package io.sigmap.core.sigma;

/**
 * The merging of legacy rule collections ({@code action: global} and {@code repeat}): a deep merge of
 * mappings, as the original {@code sigmac} did: mappings merge key by key, any other value replaces the
 * earlier one; keys keep the position they first had, new keys follow. The {@code action} key is dropped.
 */
final class Collections2 {

  private Collections2() {}

  static YNode withoutAction(YNode map) {
    YNode out = YNode.mapping(map.line, map.column);
    for (int i = 0; i < map.entryCount(); i++) {
      if (!map.keys.get(i).text.equals("action")) {
        out.put(map.keys.get(i), map.values.get(i));
      }
    }
    return out;
  }

  static YNode merge(YNode base, YNode overlay) {
    YNode out = YNode.mapping(overlay.line, overlay.column);
    for (int i = 0; i < base.entryCount(); i++) {
      if (!base.keys.get(i).text.equals("action")) {
        out.put(base.keys.get(i), base.values.get(i));
      }
    }
    for (int i = 0; i < overlay.entryCount(); i++) {
      YNode key = overlay.keys.get(i);
      if (key.text.equals("action")) {
        continue;
      }
      YNode value = overlay.values.get(i);
      int at = out.indexOf(key.text);
      if (at < 0) {
        out.put(key, value);
      } else if (out.values.get(at).isMapping() && value.isMapping()) {
        out.replace(at, merge(out.values.get(at), value));
      } else {
        out.replace(at, value);
      }
    }
    return out;
  }
}
