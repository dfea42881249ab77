package io.sigmap.weights.spi;

import io.sigmap.stix.Tactic;
import io.sigmap.stix.Technique;
import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.TablePolicyLoader;
import io.sigmap.weights.internal.BaselinePolicy;
import io.sigmap.weights.internal.KillChainPolicy;
import io.sigmap.weights.internal.UniformPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A tactic weight policy: how much an alert matters given the ATT&amp;CK tactic, and optionally the technique,
 * that its rule detects. sigmap's enricher writes {@code correlation_weight} as the highest weight over a
 * rule's tactics.
 *
 * <h2>The scale</h2>
 * Weights are integers from {@value #MIN_WEIGHT} to {@value #MAX_WEIGHT}, the scale of the table in the
 * background article that sigmap implements: {@code 0} means the tactic adds nothing to a correlation,
 * {@code 5} is the neutral weight the article gives every tactic it does not list, {@code 9} goes to initial
 * access and credential access, and {@code 10} is the most a policy may give. A weight outside the scale is a
 * defect of the policy: the registry's checking decorator turns it into a
 * {@link io.sigmap.weights.TacticWeightPolicyException} naming the policy and the tactic.
 *
 * <h2>Built-in policies</h2>
 * <ul>
 *   <li>{@link #baseline()} ({@code baseline}): the article's table;
 *   <li>{@link #killChain()} ({@code kill-chain}): weight grows with the tactic's position in its domain's
 *       matrix;
 *   <li>{@link #uniform()} ({@code uniform}): every tactic weighs 5;
 *   <li>{@link #table(Path)} ({@code table}, or the id the file gives): a YAML or JSON table of weights.
 * </ul>
 *
 * <h2>Writing a host policy</h2>
 * Implement this interface in a public class with a public no-argument constructor, then register it twice, as
 * {@link java.util.ServiceLoader} wants for the class path and the module path:
 * <pre>{@code
 * // META-INF/services/io.sigmap.weights.spi.TacticWeightPolicy
 * com.acme.AcmeWeights
 *
 * // module-info.java, when the jar is a module
 * provides io.sigmap.weights.spi.TacticWeightPolicy with com.acme.AcmeWeights;
 * }</pre>
 * Users then select it by its id: {@code TacticWeightPolicies.builder().select("acme-weights").build()}, or
 * {@code sigmap --policy acme-weights}. Run the contract tests of {@code io.sigmap.weights.testing
 * .TacticWeightPolicyContract}, in the {@code sigmap-weights} tests jar (classifier {@code tests}), against it.
 *
 * <p>An implementation must be thread-safe and deterministic (the same weight for the same arguments, every
 * time), must not return a weight outside the scale and should not throw: one policy instance serves every
 * rule of an enrichment, from several threads. New methods are only ever added to this interface as
 * {@code default} methods.
 *
 * @since 0.1.0
 */
public interface TacticWeightPolicy {

  /** The lowest weight a policy may return: the tactic adds nothing to a correlation. */
  int MIN_WEIGHT = 0;

  /** The highest weight a policy may return. */
  int MAX_WEIGHT = 10;

  /** The neutral weight: the article's weight for tactics its table does not list. */
  int NEUTRAL_WEIGHT = 5;

  /**
   * Returns the policy's stable identifier, by which users select it.
   *
   * <p>It must be non-blank, at most 100 characters, without whitespace or control characters, and unique
   * among the policies a registry sees; lowercase words joined by hyphens, such as {@code acme-weights}, are
   * the convention. It must not change between calls or releases: configurations name it.
   *
   * @return the id, for example {@code baseline}
   */
  String id();

  /**
   * Returns a one-line description for people: what the policy weights and why.
   *
   * @return the description, for example {@code "the background article's table: initial-access 9, ..."}
   */
  String description();

  /**
   * Returns the weight of a tactic.
   *
   * @param tactic the tactic, as a {@link TechniqueIndex} gives it; any domain, deprecated or not
   * @return the weight, from {@value #MIN_WEIGHT} to {@value #MAX_WEIGHT}
   */
  int weight(Tactic tactic);

  /**
   * Returns the weight of a tactic for one technique, so that a policy can weight {@code T1003} (OS
   * Credential Dumping) above the other credential access techniques. The enricher calls this method, once
   * for each tactic of each technique a rule maps to.
   *
   * <p>The default returns {@link #weight(Tactic) weight(tactic)}.
   *
   * @param tactic the tactic, one of {@code technique.tactics()} when the enricher calls
   * @param technique the technique the rule maps to
   * @return the weight, from {@value #MIN_WEIGHT} to {@value #MAX_WEIGHT}
   * @since 0.1.0
   */
  default int weight(Tactic tactic, Technique technique) {
    Objects.requireNonNull(technique, "technique");
    return weight(tactic);
  }

  /**
   * Returns this policy prepared for one ATT&amp;CK index, for policies that need more than a {@link Tactic}
   * carries: the kill-chain policy needs the number of tactics in each domain's matrix. The registry and the
   * enricher call it once, when the index is known, and use the policy it returns from then on.
   *
   * <p>The returned policy must have the same {@link #id()}. The default returns {@code this}; a policy that
   * is never bound must still return a weight in the scale for any tactic.
   *
   * @param index the index the tactics will come from
   * @return a policy bound to the index, or this policy when it needs no index
   * @since 0.1.0
   */
  default TacticWeightPolicy bind(TechniqueIndex index) {
    Objects.requireNonNull(index, "index");
    return this;
  }

  /**
   * Returns the {@code baseline} policy, the table of the background article: {@code initial-access} 9,
   * {@code execution} 8, {@code privilege-escalation} 8, {@code credential-access} 9, {@code persistence} 7,
   * {@code defense-evasion} 6, and 5 for every other tactic.
   *
   * <p>It matches tactics by shortname, in every domain (Mobile's {@code credential-access} weighs 9 too), and
   * ignores the technique. The table is fixed by design and does not follow ATT&amp;CK releases: under
   * ATT&amp;CK v19, where {@code defense-evasion} is retired, that row simply never matches, and the new
   * {@code stealth} and {@code defense-impairment} tactics get the weight of every other tactic, 5. Use
   * {@link #table(Path)} for a table of your own.
   *
   * @return the policy; immutable and thread-safe
   * @since 0.1.0
   */
  static TacticWeightPolicy baseline() {
    return new BaselinePolicy();
  }

  /**
   * Returns the {@code kill-chain} policy: a tactic's weight grows with its position in its domain's matrix,
   * so that later stages of an attack (exfiltration, impact) weigh more than reconnaissance.
   *
   * <p>With {@code n} the number of non-deprecated tactics in the tactic's domain and {@code p} the number of
   * non-deprecated tactics before it in matrix order, clamped to {@code n - 1}, the weight is
   * {@code 1 + round(9 * p / (n - 1))}, rounding halves up: from 1 for the first tactic to 10 for the last
   * ({@code 10} when {@code n} is 1). Deprecated tactics have no place in a current matrix (ATT&amp;CK lists
   * Mobile's {@code network-effects} and {@code remote-service-effects} last, in a deprecated one), so they get
   * the neutral weight {@value #NEUTRAL_WEIGHT}. The order and the count come from
   * the index the policy is {@linkplain #bind(TechniqueIndex) bound} to, so the weights follow the
   * ATT&amp;CK release loaded, v19's {@code stealth} and {@code defense-impairment} included; no tactic list is
   * built in. The registry and the enricher bind it.
   *
   * <p>Unbound, the policy knows no matrix and assumes 14 tactics, Enterprise's count from ATT&amp;CK v8 to
   * v18, with {@code p} the tactic's {@link Tactic#order()} clamped to 13: the same weights as bound for
   * Enterprise 18, approximate for other domains and releases.
   *
   * @return an unbound policy; immutable and thread-safe
   * @since 0.1.0
   */
  static TacticWeightPolicy killChain() {
    return new KillChainPolicy();
  }

  /**
   * Returns the {@code kill-chain} policy bound to an index: {@code killChain().bind(index)}.
   *
   * @param index the index whose matrices give the tactic order
   * @return the bound policy; immutable and thread-safe
   * @since 0.1.0
   */
  static TacticWeightPolicy killChain(TechniqueIndex index) {
    return killChain().bind(index);
  }

  /**
   * Returns the {@code uniform} policy: every tactic weighs {@value #NEUTRAL_WEIGHT}. With it,
   * {@code correlation_weight} says nothing about tactics and downstream scoring relies on other signals.
   *
   * @return the policy; immutable and thread-safe
   * @since 0.1.0
   */
  static TacticWeightPolicy uniform() {
    return new UniformPolicy();
  }

  /**
   * Returns a policy that gives every tactic one weight. Its id is {@code uniform} for weight 5, else
   * {@code uniform-W} ({@code uniform-7}), so that it can be registered beside the built-in {@code uniform}.
   *
   * @param weight the weight, from {@value #MIN_WEIGHT} to {@value #MAX_WEIGHT}
   * @return the policy; immutable and thread-safe
   * @throws IllegalArgumentException if the weight is outside the scale
   * @since 0.1.0
   */
  static TacticWeightPolicy uniform(int weight) {
    return new UniformPolicy(weight);
  }

  /**
   * Loads a {@code table} policy from a YAML or JSON file, logging what the file names that cannot match (a
   * tactic of a newer ATT&amp;CK release, for example) as warnings. {@link TablePolicyLoader} describes the
   * format, validates the names against an index and returns those findings instead.
   *
   * @param file the table file
   * @return the policy; immutable and thread-safe
   * @throws io.sigmap.weights.TacticWeightTableException if the file cannot be read or holds an invalid value;
   *     the message names the file, line and column
   * @since 0.1.0
   */
  static TacticWeightPolicy table(Path file) {
    return TablePolicyLoader.DEFAULT.load(file).policy();
  }

  /**
   * Makes a {@code table} policy from a map of the same structure as a table file: {@code id},
   * {@code description}, {@code default}, {@code tactics} (a map of tactic to weight) and {@code techniques}
   * (a map of technique id to weight). See {@link TablePolicyLoader}.
   *
   * <pre>{@code
   * TacticWeightPolicy p = TacticWeightPolicy.table(Map.of(
   *     "id", "acme-weights",
   *     "default", 4,
   *     "tactics", Map.of("credential-access", 9, "impact", 8),
   *     "techniques", Map.of("T1003", 10)));
   * }</pre>
   *
   * @param table the table; read once, not kept
   * @return the policy; immutable and thread-safe
   * @throws io.sigmap.weights.TacticWeightTableException if the map holds an invalid value
   * @since 0.1.0
   */
  static TacticWeightPolicy table(Map<String, ?> table) {
    return TablePolicyLoader.DEFAULT.load(table, "table map").policy();
  }
}
