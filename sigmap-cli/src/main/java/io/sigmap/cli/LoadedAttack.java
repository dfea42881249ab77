package io.sigmap.cli;

import io.sigmap.stix.TechniqueIndex;
import java.util.List;
import java.util.Objects;

/**
 * The ATT&amp;CK data a command runs against: the index and the sources it was built from.
 *
 * @param index the index
 * @param sources the sources, in the order given
 */
record LoadedAttack(TechniqueIndex index, List<AttackSource> sources) {

  LoadedAttack {
    Objects.requireNonNull(index, "index");
    sources = List.copyOf(sources);
  }
}
