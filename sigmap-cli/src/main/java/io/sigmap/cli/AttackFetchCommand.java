package io.sigmap.cli;

import io.sigmap.stix.AttackDomain;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sigmap attack fetch}: download an ATT&amp;CK release into the cache. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Download an ATT&CK release into the cache.",
        "",
        "It prints the path of the cached bundle. By default it fetches the latest release of the domain, from"
            + " MITRE's attack-stix-data repository; --release picks one, --url another source, --taxii a TAXII 2.1"
            + " server (MITRE's without a URL). The download is checked (content type, size limit, complete body,"
            + " a loadable ATT&CK bundle of the right domain and release) before it replaces anything in the cache;"
            + " its SHA-256 and origin are recorded beside it. A progress line shows on a terminal."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_SUCCESS,
        "2:usage error, or the download is not a usable ATT&CK bundle (HTTP 4xx, wrong content type, over"
            + " --max-bytes, invalid JSON, another domain or release)",
        "3:the server cannot be reached, times out, answers 5xx or breaks off; or the cache cannot be written",
        ExitCodes.HELP_INTERNAL})
final class AttackFetchCommand extends CommandBase {

  enum Domain {
    enterprise(AttackDomain.ENTERPRISE), mobile(AttackDomain.MOBILE), ics(AttackDomain.ICS);

    final AttackDomain domain;

    Domain(AttackDomain domain) {
      this.domain = domain;
    }
  }

  /** Where from: MITRE's repository (the default), another URL, or a TAXII server. */
  static final class Source {
    @Option(names = "--url", paramLabel = "URL",
        description = "Download the bundle from URL instead of MITRE's attack-stix-data repository.")
    String url;

    @Option(names = "--taxii", paramLabel = "URL", arity = "0..1", fallbackValue = TaxiiClient.MITRE_API_ROOT,
        description = "Read the domain's collection from a TAXII 2.1 API root or collection URL (default: "
            + TaxiiClient.MITRE_API_ROOT + ").")
    String taxii;
  }

  @Option(names = "--domain", paramLabel = "DOMAIN",
      description = "enterprise, mobile or ics (default: enterprise, or the domain a --url bundle holds).")
  Domain domain;

  @Option(names = "--release", paramLabel = "X.Y",
      description = "The ATT&CK release, such as 18.1 (default: the latest; its number is read from the bundle).")
  String release;

  @ArgGroup(exclusive = true)
  Source source = new Source();

  @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "200M", converter = Converters.ByteSize.class,
      description = "The largest download accepted, such as 200M (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "10s",
      converter = Converters.Time.class,
      description = "How long to wait for a connection (default: ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "60s", converter = Converters.Time.class,
      description = "The longest silence of the server, before answering or in the middle of a download"
          + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--page-size", paramLabel = "N",
      description = "With --taxii: the number of objects to ask for per page (default: the server's).")
  Integer pageSize;

  @Option(names = "--progress", negatable = true,
      description = "Show a progress line on stderr (default: only on a terminal).")
  Boolean progress;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    if (pageSize != null && source.taxii == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--page-size needs --taxii");
    }
    if (pageSize != null && pageSize < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--page-size must be at least 1: " + pageSize);
    }
    boolean show = progress != null ? progress : env().terminal();
    HttpFetch http = new HttpFetch(connectTimeout, timeout, maxBytes, show ? new Progress(env().err()) : Progress.NONE);
    AttackFetcher.Request request = new AttackFetcher.Request(
        Optional.ofNullable(domain).map(d -> d.domain), Optional.ofNullable(release),
        Optional.ofNullable(source.url).map(u -> uri(u, "--url")),
        Optional.ofNullable(source.taxii).map(u -> uri(u, "--taxii")), pageSize);
    CacheEntry entry = new AttackFetcher(cache(), http, env().clock()).fetch(request);
    try (Output out = output.open(env())) {
      out.writer().println(entry.bundle());
      out.commit();
    }
    return ExitCodes.OK;
  }

  private URI uri(String value, String option) {
    try {
      URI u = new URI(value.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
            "%s %s is not an http or https URL", option, value));
      }
      return u;
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
          "%s %s is not a URL: %s", option, value, e.getMessage()));
    }
  }
}
