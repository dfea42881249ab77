package io.sigmap.stix;

import java.util.List;
import java.util.Map;

/**
 * Everything a {@link TechniqueIndex} is built from: the merged, validated model, without lookup tables.
 * It is what a snapshot stores. Package-private.
 *
 * @param techniques every technique, sorted by id
 * @param tactics every tactic, by domain and matrix order
 * @param objects every other ATT&amp;CK object, sorted by kind and id
 * @param versions the ATT&amp;CK version of each loaded domain
 * @param bundles the bundles read, in the order given
 * @param warnings the load warnings, in the order found
 */
record IndexData(
    List<Technique> techniques,
    List<Tactic> tactics,
    List<AttackObject> objects,
    Map<AttackDomain, String> versions,
    List<BundleInfo> bundles,
    List<StixWarning> warnings) {}
