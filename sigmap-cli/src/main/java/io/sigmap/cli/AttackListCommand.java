package io.sigmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sigmap attack list}: the bundles in the cache. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "List the ATT&CK bundles in the cache.",
        "",
        "Domain, release, size, SHA-256, when and where from; sorted by domain, then release. Any of them can be"
            + " named as DOMAIN@RELEASE where ATT&CK data is expected (--attack enterprise@18.1)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_SUCCESS, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO, ExitCodes.HELP_INTERNAL})
final class AttackListCommand extends CommandBase {

  enum Format { text, json }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    AttackCache cache = cache();
    List<CacheEntry> entries = cache.entries();
    try (Output out = output.open(env())) {
      if (format == Format.json) {
        json(cache, entries, out.writer());
      } else {
        text(entries, out.writer());
      }
      out.commit();
    }
    if (entries.isEmpty() && format == Format.text) {
      env().err().println("sigmap: the cache " + cache.dir() + " holds no ATT&CK bundle; 'sigmap attack fetch' "
          + "downloads the latest Enterprise release");
    }
    return ExitCodes.OK;
  }

  private static void text(List<CacheEntry> entries, PrintWriter out) {
    if (entries.isEmpty()) {
      return;
    }
    Text.Table t = new Text.Table().row("DOMAIN", "RELEASE", "SIZE", "SHA-256", "FETCHED", "SOURCE");
    for (CacheEntry e : entries) {
      t.row(e.domain().shortId(), e.release(), Text.size(e.size()),
          e.manifest().map(m -> m.sha256().substring(0, Math.min(12, m.sha256().length()))).orElse("-"),
          e.manifest().map(m -> m.fetchedAt().toString()).orElse("-"),
          e.manifest().map(m -> m.transport().equals("taxii") ? "taxii " + m.url() : m.url())
              .orElse(e.bundle().toString()));
    }
    t.print(out, "");
  }

  private static void json(AttackCache cache, List<CacheEntry> entries, PrintWriter out) {
    try (JsonGenerator g = Json.pretty(out)) {
      g.writeStartObject();
      g.writeStringField("cache", cache.dir().toString());
      g.writeArrayFieldStart("bundles");
      for (CacheEntry e : entries) {
        g.writeStartObject();
        g.writeStringField("domain", e.domain().shortId());
        g.writeStringField("release", e.release());
        g.writeStringField("attack", e.spec());
        g.writeStringField("file", e.bundle().toString());
        g.writeNumberField("size", e.size());
        if (e.manifest().isPresent()) {
          Manifest m = e.manifest().get();
          g.writeStringField("sha256", m.sha256());
          g.writeStringField("fetched_at", m.fetchedAt().toString());
          g.writeStringField("url", m.url());
          g.writeStringField("transport", m.transport());
          g.writeStringField("stix_version", m.stixVersion());
        }
        g.writeBooleanField("snapshot", Files.isRegularFile(e.snapshot()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write the listing: %s", e), e);
    }
    out.println();
  }
}
