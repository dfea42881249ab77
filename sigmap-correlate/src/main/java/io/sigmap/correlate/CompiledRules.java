package io.sigmap.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalogue and options compiled into arrays indexed by rule number (the catalogue's id order). */
final class CompiledRules {

  final int count;
  final String[] ids;
  final Map<String, Integer> index;
  final RuleStatus[] status;
  final boolean[] mapped;
  final Level[] level;
  final int[] weight;
  final double[] confidence;
  final long[] tactics;
  final SourceType[] source;
  final boolean[] highFidelity;
  final boolean[] secondary;
  final boolean[] thresholded;
  final long[] duplicateWindow;
  final String[] tacticNames;
  /** Each tactic's share of the mapped rules' tactic memberships. */
  final double[] expectedShare;
  /** Allowlist entries that may match each rule's alerts, in list order. */
  final int[][] allowlistByRule;
  final AllowlistEntry[] allowlist;
  final Glob[][] allowlistGlobs;
  final String[][] allowlistFields;

  CompiledRules(RuleCatalog catalog, CorrelatorOptions options) {
    List<RuleProfile> rules = catalog.rules();
    count = rules.size();
    ids = new String[count];
    index = new HashMap<>(count * 2);
    status = new RuleStatus[count];
    mapped = new boolean[count];
    level = new Level[count];
    weight = new int[count];
    confidence = new double[count];
    tactics = new long[count];
    source = new SourceType[count];
    highFidelity = new boolean[count];
    secondary = new boolean[count];
    thresholded = new boolean[count];
    duplicateWindow = new long[count];
    tacticNames = catalog.tacticOrder().toArray(new String[0]);
    SuppressionOptions sup = options.suppression();
    EscalationOptions esc = options.escalation();
    long[] tacticWindow = new long[tacticNames.length];
    for (int t = 0; t < tacticNames.length; t++) {
      tacticWindow[t] = sup.tacticWindows().getOrDefault(tacticNames[t], sup.defaultWindow()).toMillis();
    }
    long[] memberships = new long[tacticNames.length];
    long totalMemberships = 0;
    java.util.Set<String> thresholdRules = new java.util.HashSet<>(sup.thresholdRules());
    for (int i = 0; i < count; i++) {
      RuleProfile p = rules.get(i);
      ids[i] = p.id();
      index.put(p.id(), i);
      status[i] = p.status();
      mapped[i] = p.mapped();
      level[i] = p.level().orElse(options.defaultLevel());
      weight[i] = p.correlationWeight();
      confidence[i] = p.techniqueConfidence();
      source[i] = p.sourceType(catalog.sourceTable());
      long mask = 0;
      for (String t : p.tactics()) {
        int pos = catalog.tacticPosition(t);
        if (pos >= 0) {
          mask |= 1L << pos;
        }
      }
      tactics[i] = mask;
      boolean hf = false;
      for (String t : p.techniques()) {
        hf |= esc.highFidelity(t);
      }
      highFidelity[i] = hf && level[i].compareTo(esc.highFidelityMinLevel()) >= 0;
      secondary[i] = highFidelity[i] || level[i].compareTo(sup.secondarySignalLevel()) >= 0;
      thresholded[i] = sup.thresholdLevels().contains(level[i]) || thresholdRules.contains(p.id());
      long window = mask == 0 ? sup.defaultWindow().toMillis() : Long.MAX_VALUE;
      for (int t = 0; t < tacticNames.length; t++) {
        if ((mask & 1L << t) != 0) {
          window = Math.min(window, tacticWindow[t]);
        }
      }
      duplicateWindow[i] = window;
      if (mapped[i]) {
        for (int t = 0; t < tacticNames.length; t++) {
          if ((mask & 1L << t) != 0) {
            memberships[t]++;
            totalMemberships++;
          }
        }
      }
    }
    expectedShare = new double[tacticNames.length];
    for (int t = 0; t < tacticNames.length; t++) {
      expectedShare[t] = totalMemberships == 0 ? 0.0 : (double) memberships[t] / totalMemberships;
    }
    allowlist = options.allowlist().toArray(new AllowlistEntry[0]);
    allowlistGlobs = new Glob[allowlist.length][];
    allowlistFields = new String[allowlist.length][];
    List<List<Integer>> byRule = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byRule.add(new ArrayList<>());
    }
    for (int a = 0; a < allowlist.length; a++) {
      AllowlistEntry e = allowlist[a];
      allowlistFields[a] = e.fields().keySet().toArray(new String[0]);
      allowlistGlobs[a] = new Glob[allowlistFields[a].length];
      for (int f = 0; f < allowlistFields[a].length; f++) {
        allowlistGlobs[a][f] = new Glob(e.fields().get(allowlistFields[a][f]));
      }
      if (e.ruleIds().isEmpty()) {
        for (List<Integer> l : byRule) {
          l.add(a);
        }
      } else {
        for (String r : e.ruleIds()) {
          Integer i = index.get(r);
          if (i != null) {
            byRule.get(i).add(a);
          }
        }
      }
    }
    allowlistByRule = new int[count][];
    for (int i = 0; i < count; i++) {
      allowlistByRule[i] = byRule.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  int indexOf(String ruleId) {
    Integer i = index.get(ruleId);
    return i == null ? -1 : i;
  }

  /** The index of the first allowlist entry matching the alert, or -1. */
  int allowlisted(int rule, Alert alert) {
    int[] candidates = allowlistByRule[rule];
    for (int a : candidates) {
      String[] fields = allowlistFields[a];
      Glob[] globs = allowlistGlobs[a];
      boolean all = true;
      for (int f = 0; f < fields.length && all; f++) {
        String v = alert.fields().get(fields[f]);
        all = v != null && globs[f].matches(v);
      }
      if (all) {
        return a;
      }
    }
    return -1;
  }
}
