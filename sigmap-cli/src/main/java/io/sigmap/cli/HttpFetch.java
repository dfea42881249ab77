package io.sigmap.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Downloads one URL into a file, with the limits a command-line tool needs against a broken or hostile server:
 * a connect timeout, a read timeout (the longest silence, before the headers or between two chunks of the body,
 * so a slow but steady download of a large bundle is never cut), a size limit checked against
 * {@code Content-Length} before reading and against the bytes as they arrive, a content type check before
 * reading, and detection of a body that ends before its {@code Content-Length}. The SHA-256 is computed while
 * the bytes are written. A gzip body (by {@code Content-Encoding} or by content) is decompressed, within the
 * same limit.
 */
final class HttpFetch {

  private static final long POLL_MILLIS = 50;

  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final long maxBytes;
  private final Progress progress;

  /**
   * The result of a download.
   *
   * @param uri the URI asked for
   * @param contentType the {@code Content-Type}, or empty
   * @param bytes the size of the file written (after decompression)
   * @param wireBytes the bytes received
   * @param headers the response headers
   * @param sha256 the SHA-256 of the file written, lowercase hex
   */
  record Result(URI uri, String contentType, long bytes, long wireBytes, HttpHeaders headers, String sha256) {}

  HttpFetch(Duration connectTimeout, Duration readTimeout, long maxBytes, Progress progress) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.progress = progress;
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  long maxBytes() {
    return maxBytes;
  }

  Progress progress() {
    return progress;
  }

  /**
   * Downloads {@code uri} into {@code target}.
   *
   * @param accept the {@code Accept} header
   * @param refuseType for a {@code Content-Type} (empty when missing), why it is refused, or null to accept it
   * @param budget the most bytes this download may have, at most {@link #maxBytes()}
   * @param label what the progress line says
   * @throws CliException with {@link ExitCodes#USAGE} for what retrying will not fix (HTTP 4xx, a refused content
   *     type, a response over the limit) and {@link ExitCodes#IO_ERROR} for the rest
   */
  Result get(URI uri, String accept, UnaryOperator<String> refuseType, Path target, long budget, String label) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(connectTimeout.plus(readTimeout))
        .header("Accept", accept)
        .header("Accept-Encoding", "gzip")
        .header("User-Agent", "sigmap/" + VersionProvider.version())
        .build();
    AtomicReference<FileBody> body = new AtomicReference<>();
    AtomicReference<HttpResponse.ResponseInfo> info = new AtomicReference<>();
    HttpResponse.BodyHandler<Long> handler = response -> {
      info.set(response);
      int status = response.statusCode();
      if (status != 200) {
        return reject(status >= 400 && status < 500
            ? CliException.usage(String.format(Locale.ROOT, "%s answered HTTP %d", uri, status),
                "check the URL" + (status == 404 ? " (and --release: is there such a release?)" : ""))
            : CliException.io(String.format(Locale.ROOT, "%s answered HTTP %d", uri, status), null,
                "the server failed; try again later"));
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      String refused = refuseType.apply(type);
      if (refused != null) {
        return reject(CliException.usage(String.format(Locale.ROOT, "%s answered with Content-Type %s: %s", uri,
            type, refused), "check the URL: it must name the raw JSON file, not a web page about it"));
      }
      OptionalLong length = response.headers().firstValueAsLong("Content-Length");
      if (length.isPresent() && length.getAsLong() > budget) {
        return reject(tooLarge(uri, length.getAsLong()));
      }
      progress.start(label, length.orElse(-1));
      try {
        FileBody b = new FileBody(target, budget, length, uri);
        body.set(b);
        return b;
      } catch (IOException e) {
        return reject(CliException.io(String.format(Locale.ROOT, "cannot write %s: %s", target, e), e));
      }
    };
    CompletableFuture<HttpResponse<Long>> future = client.sendAsync(request, handler);
    long start = System.nanoTime();
    long headerWait = connectTimeout.plus(readTimeout).toNanos();
    HttpResponse<Long> response;
    while (true) {
      try {
        response = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException e) {
        FileBody b = body.get();
        long now = System.nanoTime();
        boolean silent = b == null
            ? now - start > headerWait + TimeUnit.SECONDS.toNanos(1)
            : now - b.lastActivity > readTimeout.toNanos();
        if (silent) {
          CliException timeout = CliException.io(String.format(Locale.ROOT, "%s sent no data for %s%s (--timeout)",
              uri, text(readTimeout), b == null ? "" : " after " + b.count + " bytes"), null,
              "try again later, or raise --timeout");
          if (b != null) {
            b.abort(timeout);
          }
          future.cancel(true);
          throw timeout;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        throw CliException.io("interrupted while downloading " + uri, e);
      } catch (ExecutionException e) {
        FileBody b = body.get();
        throw failure(uri, e.getCause(), b == null ? -1 : b.count, info.get());
      }
    }
    FileBody b = body.get();
    long wire = response.body();
    progress.finish(wire);
    String sha = b.sha256();
    long bytes = wire;
    if (gzipped(target)) {
      Gunzipped g = gunzip(uri, target, budget);
      sha = g.sha256;
      bytes = g.bytes;
    }
    return new Result(uri, response.headers().firstValue("Content-Type").orElse(""), bytes, wire,
        response.headers(), sha);
  }

  private CliException tooLarge(URI uri, long bytes) {
    return CliException.usage(String.format(Locale.ROOT, "%s is too large: %d bytes exceed the maximum allowed (%d "
        + "bytes, from --max-bytes)", uri, bytes, maxBytes), "raise --max-bytes if the source is right");
  }

  private CliException failure(URI uri, Throwable t, long received, HttpResponse.ResponseInfo info) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof CliException) {
      return (CliException) c;
    }
    String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    if (c instanceof HttpConnectTimeoutException) {
      return CliException.io(String.format(Locale.ROOT, "cannot connect to %s within %s (--connect-timeout)", host,
          text(connectTimeout)), c, "check the network and proxy settings (JAVA_OPTS=-Dhttps.proxyHost=...)");
    }
    if (c instanceof HttpTimeoutException) {
      return CliException.io(String.format(Locale.ROOT, "%s sent no answer within %s (--timeout)", uri,
          text(connectTimeout.plus(readTimeout))), c, "try again later, or raise --timeout");
    }
    if (c instanceof ConnectException) {
      return CliException.io(String.format(Locale.ROOT, "cannot connect to %s: %s", host,
          c.getMessage() == null ? "connection refused" : c.getMessage()), c,
          "check the URL, the network and the proxy settings (JAVA_OPTS=-Dhttps.proxyHost=...)");
    }
    if (info != null && received >= 0) {
      String of = info.headers().firstValue("Content-Length").map(l -> " of " + l).orElse("");
      return CliException.io(String.format(Locale.ROOT, "the download of %s broke off after %d%s bytes: %s", uri,
          received, of, c.getMessage() == null ? c.toString() : c.getMessage()), c,
          "try again; the cache was not changed");
    }
    return CliException.io(String.format(Locale.ROOT, "cannot download %s: %s", uri,
        c.getMessage() == null ? c.toString() : c.getMessage()), c);
  }

  static String text(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static HttpResponse.BodySubscriber<Long> reject(CliException why) {
    CompletableFuture<Long> failed = CompletableFuture.failedFuture(why);
    return new HttpResponse.BodySubscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.cancel();
      }

      @Override
      public void onNext(List<ByteBuffer> item) {}

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}

      @Override
      public CompletableFuture<Long> getBody() {
        return failed;
      }
    };
  }

  private static boolean gzipped(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw CliException.io("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private record Gunzipped(long bytes, String sha256) {}

  /** Replaces a gzip file by its content, within the budget. */
  private Gunzipped gunzip(URI uri, Path file, long budget) {
    Path out = file.resolveSibling(file.getFileName() + ".gunzip");
    MessageDigest digest = newDigest();
    long n = 0;
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16);
        OutputStream o = Files.newOutputStream(out)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
        if (n > budget) {
          throw tooLarge(uri, n);
        }
        digest.update(buf, 0, r);
        o.write(buf, 0, r);
      }
    } catch (ZipException | EOFException e) {
      throw CliException.usage(String.format(Locale.ROOT, "%s sent gzip data that does not decompress: %s", uri,
          e.getMessage()), "try again; if it persists, the file on the server is damaged");
    } catch (IOException e) {
      throw CliException.io(String.format(Locale.ROOT, "cannot decompress the download of %s: %s", uri, e), e);
    }
    try {
      AttackCache.move(out, file);
    } catch (IOException e) {
      throw CliException.io("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new Gunzipped(n, HexFormat.of().formatHex(digest.digest()));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Writes the body to a file as it arrives, one chunk requested at a time, counting and hashing it. */
  private final class FileBody implements HttpResponse.BodySubscriber<Long> {
    private final FileChannel channel;
    private final long budget;
    private final OptionalLong declared;
    private final URI uri;
    private final MessageDigest digest = newDigest();
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    volatile long lastActivity = System.nanoTime();
    volatile long count;
    private boolean done;

    FileBody(Path target, long budget, OptionalLong declared, URI uri) throws IOException {
      this.channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      this.budget = budget;
      this.declared = declared;
      this.uri = uri;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      lastActivity = System.nanoTime();
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      long n;
      synchronized (this) {
        if (done) {
          return;
        }
        lastActivity = System.nanoTime();
        try {
          for (ByteBuffer b : items) {
            count += b.remaining();
            if (count > budget) {
              abort(tooLarge(uri, count));
              return;
            }
            digest.update(b.duplicate());
            while (b.hasRemaining()) {
              channel.write(b);
            }
          }
        } catch (IOException e) {
          abort(CliException.io("cannot write the download of " + uri + ": " + e.getMessage(), e));
          return;
        }
        n = count;
      }
      progress.update(n);
      subscription.request(1);
    }

    @Override
    public synchronized void onError(Throwable t) {
      if (done) {
        return;
      }
      done = true;
      close();
      result.completeExceptionally(t);
    }

    @Override
    public synchronized void onComplete() {
      if (done) {
        return;
      }
      done = true;
      close();
      if (declared.isPresent() && declared.getAsLong() != count) {
        result.completeExceptionally(new IOException(String.format(Locale.ROOT,
            "the body has %d bytes, not the %d its Content-Length announced", count, declared.getAsLong())));
      } else {
        result.complete(count);
      }
    }

    synchronized void abort(CliException why) {
      if (done) {
        return;
      }
      done = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      close();
      result.completeExceptionally(why);
    }

    private void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // the result reports the failure that matters
      }
    }

    synchronized String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public CompletableFuture<Long> getBody() {
      return result;
    }
  }

  /** The content types a bundle download accepts: JSON, text (GitHub's raw host), binary, gzip. */
  static String refuseUnlessBundle(String contentType) {
    String mime = mime(contentType);
    if (mime.isEmpty() || mime.equals("application/json") || mime.endsWith("+json") || mime.equals("text/plain")
        || mime.equals("application/octet-stream") || mime.equals("binary/octet-stream")
        || mime.equals("application/gzip") || mime.equals("application/x-gzip")) {
      return null;
    }
    return mime.equals("text/html")
        ? "a web page, not a STIX bundle" : "not JSON, text or binary data that could hold a STIX bundle";
  }

  /** The content types a TAXII 2.1 response may have. */
  static String refuseUnlessTaxii(String contentType) {
    String mime = mime(contentType);
    if (mime.equals("application/taxii+json") || mime.equals("application/json")) {
      return null;
    }
    return "not application/taxii+json;version=2.1 as TAXII 2.1 requires";
  }

  static String mime(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
