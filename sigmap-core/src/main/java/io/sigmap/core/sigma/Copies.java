package io.sigmap.core.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Defensive copies for the model's records: unmodifiable, null-free, and keeping iteration order. */
final class Copies {

  private Copies() {}

  static <V> Map<String, V> orderedMap(Map<String, V> map) {
    Objects.requireNonNull(map, "map");
    if (map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof UnmodifiableOrderedMap) {
      return map;
    }
    LinkedHashMap<String, V> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
    for (Map.Entry<String, V> e : map.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
    }
    return new UnmodifiableOrderedMap<>(copy);
  }

  static <T> List<T> list(List<T> list) {
    return List.copyOf(Objects.requireNonNull(list, "list"));
  }

  /** Marks a map this class already copied, so that records built from records do not copy twice. */
  private static final class UnmodifiableOrderedMap<V> extends java.util.AbstractMap<String, V> {
    private final Map<String, V> delegate;

    UnmodifiableOrderedMap(LinkedHashMap<String, V> delegate) {
      this.delegate = Collections.unmodifiableMap(delegate);
    }

    @Override
    public java.util.Set<Entry<String, V>> entrySet() {
      return delegate.entrySet();
    }

    @Override
    public V get(Object key) {
      return delegate.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return delegate.containsKey(key);
    }

    @Override
    public int size() {
      return delegate.size();
    }
  }
}
