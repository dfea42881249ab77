package io.sigmap.core;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which ATT&amp;CK platforms a Sigma {@code logsource.product} stands for, to tell when a technique cannot apply
 * to the logs a rule reads. Products not listed (sensors such as {@code zeek}, applications such as
 * {@code django}, rules without a product) say nothing, so they never cause a platform mismatch.
 *
 * <table>
 *   <caption>logsource product to ATT&amp;CK platforms</caption>
 *   <tr><th>product</th><th>platforms</th></tr>
 *   <tr><td>windows, rpc_firewall</td><td>Windows</td></tr>
 *   <tr><td>linux</td><td>Linux, ESXi (Sigma has no esxi product; ESXi shell logs are read as linux)</td></tr>
 *   <tr><td>macos</td><td>macOS</td></tr>
 *   <tr><td>aws</td><td>IaaS, Identity Provider, SaaS</td></tr>
 *   <tr><td>azure, gcp</td><td>IaaS, Identity Provider, Office Suite, SaaS</td></tr>
 *   <tr><td>google_workspace</td><td>Identity Provider, Office Suite, SaaS</td></tr>
 *   <tr><td>m365</td><td>Identity Provider, Office 365, Office Suite, SaaS</td></tr>
 *   <tr><td>okta, onelogin</td><td>Identity Provider, SaaS</td></tr>
 *   <tr><td>github, gitlab, bitbucket</td><td>SaaS</td></tr>
 *   <tr><td>kubernetes, docker</td><td>Containers</td></tr>
 *   <tr><td>esxi, vmware</td><td>ESXi</td></tr>
 *   <tr><td>cisco, juniper, fortigate, fortios, paloalto, huawei, checkpoint, sonicwall, f5</td>
 *       <td>Network Devices</td></tr>
 *   <tr><td>android</td><td>Android</td></tr>
 *   <tr><td>ios</td><td>iOS</td></tr>
 * </table>
 *
 * Package-private; the table is documented in {@link RuleEnricher} and the README.
 */
final class ProductPlatforms {

  private static final Map<String, List<String>> TABLE = new TreeMap<>();
  /** The same table for lookups: hashing beats a sorted map's string comparisons on the hot path. */
  private static final Map<String, List<String>> LOOKUP;

  static {
    put(List.of("Windows"), "windows", "rpc_firewall");
    put(List.of("Linux", "ESXi"), "linux");
    put(List.of("macOS"), "macos");
    put(List.of("IaaS", "Identity Provider", "SaaS"), "aws");
    put(List.of("IaaS", "Identity Provider", "Office Suite", "SaaS"), "azure", "gcp");
    put(List.of("Identity Provider", "Office Suite", "SaaS"), "google_workspace");
    put(List.of("Identity Provider", "Office 365", "Office Suite", "SaaS"), "m365");
    put(List.of("Identity Provider", "SaaS"), "okta", "onelogin");
    put(List.of("SaaS"), "github", "gitlab", "bitbucket");
    put(List.of("Containers"), "kubernetes", "docker");
    put(List.of("ESXi"), "esxi", "vmware");
    put(List.of("Network Devices"), "cisco", "juniper", "fortigate", "fortios", "paloalto", "huawei", "checkpoint",
        "sonicwall", "f5");
    put(List.of("Android"), "android");
    put(List.of("iOS"), "ios");
    LOOKUP = new HashMap<>(TABLE);
  }

  private static void put(List<String> platforms, String... products) {
    for (String p : products) {
      TABLE.put(p, platforms);
    }
  }

  private ProductPlatforms() {}

  /** Returns the platforms of a product, or null when the product says nothing about platforms. */
  static List<String> of(String product) {
    List<String> exact = LOOKUP.get(product);
    return exact != null ? exact : LOOKUP.get(product.toLowerCase(Locale.ROOT));
  }

  /** Whether two platform lists share a platform; lists are short, so a nested loop allocates nothing. */
  static boolean overlap(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      if (b.contains(a.get(i))) {
        return true;
      }
    }
    return false;
  }
}
