package io.sigmap.weights;

import io.sigmap.stix.TechniqueIndex;
import io.sigmap.weights.internal.BaselinePolicy;
import io.sigmap.weights.internal.KillChainPolicy;
import io.sigmap.weights.internal.UniformPolicy;
import io.sigmap.weights.spi.TacticWeightPolicy;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tactic weight policies available to an application, by id: the built-in ones, the ones registered
 * programmatically and the host policies that {@link ServiceLoader} discovers on the class path or module
 * path.
 *
 * <pre>{@code
 * TacticWeightPolicies policies = TacticWeightPolicies.builder()
 *     .classLoader(pluginLoader)              // where host policy jars are; default: the context class loader
 *     .register(TacticWeightPolicy.table(Path.of("acme.yml")))
 *     .select("acme-weights")                 // what defaultPolicy() returns
 *     .index(index)                           // binds every policy to the loaded ATT&CK data
 *     .build();
 * int w = policies.defaultPolicy().weight(tactic, technique);
 * }</pre>
 *
 * <h2>Discovery</h2>
 * A host policy is a jar whose {@link TacticWeightPolicy} implementation is named in
 * {@code META-INF/services/io.sigmap.weights.spi.TacticWeightPolicy} (class path) or in a {@code provides}
 * clause of its {@code module-info} (module path). The builder asks {@link ServiceLoader} for them through the
 * class loader it is given, each time {@link Builder#build()} runs: nothing is cached or kept in static fields,
 * so two registries built with different class loaders see different policies.
 * <ul>
 *   <li>The built-in policies {@code baseline}, {@code kill-chain} and {@code uniform} are always present,
 *       whatever the class loader sees; {@code table} policies need a file, so they are
 *       {@linkplain Builder#register(TacticWeightPolicy) registered} (the CLI does it for
 *       {@code --policy FILE}).
 *   <li>A registered policy is always present, with or without discovery.
 *   <li>Two policies with one id fail the build, naming both classes: ids must be unique.
 *   <li>A provider that cannot be loaded or instantiated (a broken jar, a missing class, a constructor that
 *       throws, an invalid id) is logged as a warning and skipped, and listed by {@link #skippedProviders()};
 *       in {@linkplain Builder#strict(boolean) strict mode} it fails the build.
 * </ul>
 *
 * <h2>The default policy</h2>
 * {@link #defaultPolicy()} is the {@linkplain Builder#select(String) selected} policy; without a selection, it
 * is the only host policy when there is exactly one (as SLF4J binds its only provider), and otherwise the
 * built-in {@code baseline}, with one warning logged saying how to select another.
 *
 * <h2>Checking</h2>
 * Every policy handed out is wrapped in a checking decorator: a weight outside 0-10, or an exception thrown by
 * the policy, becomes a {@link TacticWeightPolicyException} naming the policy id and the tactic.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TacticWeightPolicies {

  private static final Logger LOG = LoggerFactory.getLogger(TacticWeightPolicies.class);

  /** Consecutive provider errors after which discovery stops, in case a class loader keeps failing. */
  private static final int MAX_CONSECUTIVE_ERRORS = 1000;

  private static final String SELECT_HOW =
      "select one with TacticWeightPolicies.builder().select(id) (sigmap CLI: --policy ID)";

  /** Where a policy came from. */
  private enum Origin {
    BUILT_IN("built-in"),
    REGISTERED("registered"),
    DISCOVERED("discovered");

    final String label;

    Origin(String label) {
      this.label = label;
    }
  }

  /** A policy and where it came from. */
  private static final class Entry {
    final TacticWeightPolicy policy;
    final Origin origin;
    final String className;
    final String location;

    Entry(TacticWeightPolicy policy, Origin origin, String className, String location) {
      this.policy = policy;
      this.origin = origin;
      this.className = className;
      this.location = location;
    }

    Entry withPolicy(TacticWeightPolicy bound) {
      return new Entry(bound, origin, className, location);
    }

    String describe() {
      return className + " (" + origin.label + (location.isEmpty() ? "" : ", from " + location) + ")";
    }
  }

  private final Map<String, Entry> byId;
  private final List<String> ids;
  private final List<TacticWeightPolicy> policies;
  private final TacticWeightPolicy defaultPolicy;
  private final String defaultNote;
  private final boolean defaultNoteIsWarning;
  private final AtomicBoolean defaultNoteLogged = new AtomicBoolean();
  private final List<TacticWeightPolicyException> skipped;

  private TacticWeightPolicies(Map<String, Entry> byId, TacticWeightPolicy defaultPolicy, String defaultNote,
      boolean defaultNoteIsWarning, List<TacticWeightPolicyException> skipped) {
    this.byId = Collections.unmodifiableMap(byId);
    this.ids = List.copyOf(byId.keySet());
    List<TacticWeightPolicy> list = new ArrayList<>();
    byId.values().forEach(e -> list.add(e.policy));
    this.policies = List.copyOf(list);
    this.defaultPolicy = defaultPolicy;
    this.defaultNote = defaultNote;
    this.defaultNoteIsWarning = defaultNoteIsWarning;
    this.skipped = List.copyOf(skipped);
  }

  /**
   * Returns a builder: discovery on, through the context class loader; lenient; no selection.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the ids of every available policy.
   *
   * @return an immutable list, sorted
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Returns every available policy, checked and bound.
   *
   * @return an immutable list, sorted by id
   */
  public List<TacticWeightPolicy> policies() {
    return policies;
  }

  /**
   * Returns the policy with an id.
   *
   * @param id the id, exactly as the policy gives it: {@code kill-chain}
   * @return the policy, checked and, when the builder had an index, bound
   * @throws TacticWeightPolicyException if no policy has the id; the message lists the ids available
   */
  public TacticWeightPolicy policy(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = byId.get(id);
    if (e == null) {
      throw unknown(id, ids);
    }
    return e.policy;
  }

  /**
   * Finds the policy with an id.
   *
   * @param id the id, exactly as the policy gives it
   * @return the policy, or empty
   */
  public Optional<TacticWeightPolicy> find(String id) {
    Entry e = byId.get(Objects.requireNonNull(id, "id"));
    return e == null ? Optional.empty() : Optional.of(e.policy);
  }

  /**
   * Returns the policy to use when the user chose none by name: the selected one, else the only host policy,
   * else {@code baseline}. The first call on a registry that fell back to {@code baseline} logs one warning
   * saying how to select a policy; one that picked the only host policy logs it at info level.
   *
   * @return the policy, checked and, when the builder had an index, bound
   */
  public TacticWeightPolicy defaultPolicy() {
    if (defaultNote != null && defaultNoteLogged.compareAndSet(false, true)) {
      if (defaultNoteIsWarning) {
        LOG.warn(defaultNote);
      } else {
        LOG.info(defaultNote);
      }
    }
    return defaultPolicy;
  }

  /**
   * Wraps a policy passed directly, without discovery, in the same checking decorator the registry uses, and
   * binds it to an index: a weight outside 0-10, or an exception from the policy, becomes a
   * {@link TacticWeightPolicyException} naming the policy id and the tactic.
   *
   * @param policy the policy; one already checked is only bound
   * @param index the index to bind it to
   * @return the checked, bound policy
   * @throws TacticWeightPolicyException if the policy's id or description is invalid, or binding fails
   * @since 0.1.0
   */
  public static TacticWeightPolicy checked(TacticWeightPolicy policy, TechniqueIndex index) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(index, "index");
    return CheckedPolicy.of(policy).bind(index);
  }

  /**
   * Returns where a policy comes from, for listings: {@code "io.sigmap.weights.internal.BaselinePolicy
   * (built-in)"}, {@code "com.acme.AcmeWeights (discovered, from file:/opt/acme-weights.jar)"}.
   *
   * @param id the policy id
   * @return the class name, the origin and, for discovered policies, the jar
   * @throws TacticWeightPolicyException if no policy has the id
   */
  public String origin(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = byId.get(id);
    if (e == null) {
      throw unknown(id, ids);
    }
    return e.describe();
  }

  /**
   * Returns the providers that discovery skipped because they could not be loaded, instantiated or bound, as
   * the exceptions strict mode would have thrown. Each was also logged as a warning.
   *
   * @return an immutable list, in discovery order; empty in strict mode and when every provider loaded
   */
  public List<TacticWeightPolicyException> skippedProviders() {
    return skipped;
  }

  @Override
  public String toString() {
    return "TacticWeightPolicies" + ids + "[default " + defaultPolicy.id() + "]";
  }

  private static TacticWeightPolicyException unknown(String id, List<String> ids) {
    return new TacticWeightPolicyException(String.format(Locale.ROOT,
        "unknown tactic weight policy '%s'; available: %s. Host policies are found through "
            + "META-INF/services/%s or a module-info 'provides' clause on the class path or module path of the "
            + "class loader given to TacticWeightPolicies.builder().classLoader(...), or registered with "
            + "register(policy)", PolicyIds.printable(id), ids, TacticWeightPolicy.class.getName()),
        id, null, null);
  }

  private static String location(Class<?> type) {
    try {
      CodeSource cs = type.getProtectionDomain().getCodeSource();
      URL url = cs == null ? null : cs.getLocation();
      return url == null ? "" : url.toString();
    } catch (SecurityException e) {
      return "";
    }
  }

  /**
   * Configures and builds {@link TacticWeightPolicies}. Not thread-safe; each {@link #build()} discovers
   * anew.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private ClassLoader classLoader;
    private boolean discover = true;
    private boolean strict;
    private final List<TacticWeightPolicy> registered = new ArrayList<>();
    private String selected;
    private TechniqueIndex index;

    private Builder() {}

    /**
     * Sets the class loader through which host policies are discovered. It sees the jars on its class path,
     * the named modules defined to it or its parents, and the modules of the layers those loaders belong to.
     * Default: the calling thread's context class loader when {@link #build()} runs, or, when it has none, the
     * class loader of this library.
     *
     * @param classLoader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Sets whether host policies are discovered with {@link ServiceLoader}. Default true; when false, only the
     * built-in and registered policies are available.
     *
     * @param discover false to skip discovery
     * @return this builder
     */
    public Builder discover(boolean discover) {
      this.discover = discover;
      return this;
    }

    /**
     * Sets whether a provider that cannot be loaded fails the build instead of being logged and skipped.
     * Default false.
     *
     * @param strict true to fail
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Adds a policy, available whether discovery is on or off: a {@code table} policy, or a host policy the
     * application creates itself. Its id must differ from every other policy's.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder register(TacticWeightPolicy policy) {
      registered.add(Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Selects the policy that {@link TacticWeightPolicies#defaultPolicy()} returns.
     *
     * @param id the policy id, for example {@code kill-chain}
     * @return this builder
     */
    public Builder select(String id) {
      this.selected = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the ATT&amp;CK index the policies will weight tactics of; every policy is then
     * {@linkplain TacticWeightPolicy#bind(TechniqueIndex) bound} to it when the registry is built.
     *
     * @param index the index
     * @return this builder
     */
    public Builder index(TechniqueIndex index) {
      this.index = Objects.requireNonNull(index, "index");
      return this;
    }

    /**
     * Discovers host policies and builds the registry.
     *
     * @return the registry
     * @throws TacticWeightPolicyException if two policies share an id (the message names both classes), a
     *     registered policy has an invalid identity or fails to bind, the selected id is unknown (the message
     *     lists the ids available), or, in strict mode, a provider cannot be loaded
     */
    public TacticWeightPolicies build() {
      Map<String, Entry> byId = new TreeMap<>();
      List<TacticWeightPolicyException> skipped = new ArrayList<>();
      for (TacticWeightPolicy builtIn : List.of(new BaselinePolicy(), new KillChainPolicy(), new UniformPolicy())) {
        add(byId, new Entry(CheckedPolicy.of(builtIn), Origin.BUILT_IN, builtIn.getClass().getName(), ""));
      }
      for (TacticWeightPolicy p : registered) {
        CheckedPolicy checked = CheckedPolicy.of(p);
        Class<?> type = checked.delegate().getClass();
        add(byId, new Entry(checked, Origin.REGISTERED, type.getName(), location(type)));
      }
      if (discover) {
        discover(byId, skipped);
      }
      if (index != null) {
        bind(byId, skipped);
      }
      return select(byId, skipped);
    }

    private void discover(Map<String, Entry> byId, List<TacticWeightPolicyException> skipped) {
      ClassLoader cl = classLoader;
      if (cl == null) {
        cl = Thread.currentThread().getContextClassLoader();
      }
      if (cl == null) {
        cl = TacticWeightPolicies.class.getClassLoader();
      }
      Iterator<ServiceLoader.Provider<TacticWeightPolicy>> it =
          ServiceLoader.load(TacticWeightPolicy.class, cl).stream().iterator();
      int errors = 0;
      while (errors < MAX_CONSECUTIVE_ERRORS) {
        ServiceLoader.Provider<TacticWeightPolicy> provider;
        try {
          if (!it.hasNext()) {
            break;
          }
          provider = it.next();
        } catch (ServiceConfigurationError e) {
          errors++;
          skip(skipped, new TacticWeightPolicyException(
              "skipped a tactic weight policy provider that cannot be loaded: " + e.getMessage() + causeOf(e)
                  + "; fix or remove its jar", null, null, e));
          continue;
        }
        errors = 0;
        Class<? extends TacticWeightPolicy> type = provider.type();
        if (type == BaselinePolicy.class || type == KillChainPolicy.class || type == UniformPolicy.class) {
          continue; // this library's own providers, always present
        }
        CheckedPolicy checked;
        try {
          checked = CheckedPolicy.of(provider.get());
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          String why = e instanceof TacticWeightPolicyException ? e.getMessage()
              : "cannot be instantiated: " + e.getMessage() + causeOf(e);
          String id = e instanceof TacticWeightPolicyException
              ? ((TacticWeightPolicyException) e).policyId().orElse(null) : null;
          skip(skipped, new TacticWeightPolicyException(String.format(Locale.ROOT,
              "skipped the tactic weight policy provider %s from %s: %s", type.getName(), location(type), why),
              id, null, e));
          continue;
        }
        add(byId, new Entry(checked, Origin.DISCOVERED, type.getName(), location(type)));
      }
    }

    private void bind(Map<String, Entry> byId, List<TacticWeightPolicyException> skipped) {
      for (Iterator<Map.Entry<String, Entry>> it = byId.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Entry> e = it.next();
        String id = e.getKey();
        Entry entry = e.getValue();
        try {
          e.setValue(entry.withPolicy(entry.policy.bind(index)));
        } catch (TacticWeightPolicyException ex) {
          if (entry.origin != Origin.DISCOVERED) {
            throw ex;
          }
          it.remove(); // a TreeMap may reuse e for the next entry: id and entry were read before
          skip(skipped, new TacticWeightPolicyException("skipped the tactic weight policy provider "
              + entry.describe() + ": " + ex.getMessage(), id, null, ex));
        }
      }
    }

    private void skip(List<TacticWeightPolicyException> skipped, TacticWeightPolicyException e) {
      if (strict) {
        throw new TacticWeightPolicyException(e.getMessage() + " (strict mode, from TacticWeightPolicies"
            + ".Builder.strict(true))", e.policyId().orElse(null), null, e.getCause());
      }
      LOG.warn(e.getMessage());
      LOG.debug("provider failure", e);
      skipped.add(e);
    }

    private static String causeOf(Throwable e) {
      Throwable c = e.getCause();
      return c == null ? "" : " (cause: " + c + ")";
    }

    private static void add(Map<String, Entry> byId, Entry e) {
      String id = e.policy.id();
      Entry first = byId.putIfAbsent(id, e);
      if (first != null) {
        throw new TacticWeightPolicyException(String.format(Locale.ROOT,
            "two tactic weight policies have the id '%s': %s and %s; ids must be unique, so remove one of "
                + "them from the class path or module path, or change one id", id, first.describe(),
            e.describe()), id, null, null);
      }
    }

    private TacticWeightPolicies select(Map<String, Entry> byId, List<TacticWeightPolicyException> skipped) {
      List<String> ids = List.copyOf(byId.keySet());
      if (selected != null) {
        Entry e = byId.get(selected);
        if (e == null) {
          throw unknown(selected, ids);
        }
        return new TacticWeightPolicies(byId, e.policy, null, false, skipped);
      }
      List<Entry> hosts = new ArrayList<>();
      byId.values().stream().filter(e -> e.origin != Origin.BUILT_IN).forEach(hosts::add);
      if (hosts.size() == 1) {
        Entry host = hosts.get(0);
        return new TacticWeightPolicies(byId, host.policy, String.format(Locale.ROOT,
            "Using the tactic weight policy '%s', %s, the only host policy found; to use another, %s; "
                + "available: %s", host.policy.id(), host.describe(), SELECT_HOW, ids), false, skipped);
      }
      String note;
      if (hosts.isEmpty()) {
        note = String.format(Locale.ROOT, "No tactic weight policy selected and no host policy found: using the "
            + "built-in '%s' (the background article's table); %s among %s, or put a policy jar on the class "
            + "path", BaselinePolicy.ID, SELECT_HOW, ids);
      } else {
        List<String> hostIds = new ArrayList<>();
        hosts.forEach(h -> hostIds.add(h.policy.id()));
        note = String.format(Locale.ROOT, "No tactic weight policy selected among the host policies %s: using "
            + "the built-in '%s' (the background article's table); %s among %s", hostIds, BaselinePolicy.ID,
            SELECT_HOW, ids);
      }
      return new TacticWeightPolicies(byId, byId.get(BaselinePolicy.ID).policy, note, true, skipped);
    }
  }
}
