package io.sigmap.stix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Follows {@code revoked-by} chains; package-private, shared by the assembler and the index. */
final class Chains {

  /** The end of a chain: a replacement, or a problem and the warning kind that reports it. */
  record End(List<Technique> chain, Technique replacement, String problem, StixWarning.Kind kind) {}

  private Chains() {}

  static End follow(Technique revoked, Function<String, Technique> byId) {
    List<Technique> chain = new ArrayList<>(2);
    Set<String> seen = new HashSet<>();
    seen.add(revoked.id());
    Technique current = revoked;
    while (true) {
      if (current.revokedBy().isEmpty()) {
        String problem = current == revoked
            ? String.format(Locale.ROOT, "%s is revoked but no revoked-by relationship names its replacement",
                revoked.id())
            : String.format(Locale.ROOT,
                "the replacement chain of %s ends at %s, which is revoked with no replacement named",
                revoked.id(), current.id());
        return new End(chain, null, problem, StixWarning.Kind.NO_REPLACEMENT);
      }
      String nextId = current.revokedBy().get();
      Technique next = byId.apply(nextId);
      if (next == null) {
        return new End(chain, null, String.format(Locale.ROOT,
            "the replacement chain of %s names %s, which is not in the loaded data", revoked.id(), nextId),
            StixWarning.Kind.DANGLING_REFERENCE);
      }
      if (!seen.add(next.id())) {
        return new End(chain, null, String.format(Locale.ROOT,
            "the replacement chain of %s loops back to %s", revoked.id(), next.id()),
            StixWarning.Kind.REVOKED_BY_CYCLE);
      }
      chain.add(next);
      switch (next.status()) {
        case ACTIVE:
          return new End(chain, next, null, null);
        case DEPRECATED:
          return new End(chain, null, String.format(Locale.ROOT,
              "the replacement chain of %s ends at %s, which is deprecated", revoked.id(), next.id()),
              StixWarning.Kind.NO_REPLACEMENT);
        default:
          current = next;
      }
    }
  }
}
