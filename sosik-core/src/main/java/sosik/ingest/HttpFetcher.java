package sosik.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Fetches a feed or an article page over HTTP(S) with the JDK's {@link HttpClient}: a GET that
 * follows up to {@link Options#maxRedirects} redirects (http and https only), gives up when it
 * cannot connect within the connect timeout or when the server sends nothing for the read timeout
 * (before the headers or at any point of the body), and refuses a body over {@link
 * Options#maxBytes} without reading it: at once when {@code Content-Length} says so, else as soon
 * as that many bytes have come.
 *
 * <p>Every failure is a {@link FetchException} saying what went wrong: the status ({@code HTTP 404
 * Not Found}), the timeout, the size, the redirects. The response keeps its headers, so a caller
 * can send {@code If-None-Match} / {@code If-Modified-Since} next time ({@link
 * #fetch(URI, Map)}); a {@code 304 Not Modified} is then a response, not a failure.
 */
public final class HttpFetcher {
  /** What a fetch may take. */
  public record Options(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    public Options {
      if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
      if (maxBytes < 1 || maxRedirects < 0) {
        throw new IllegalArgumentException("the size limit must be positive and the redirect limit not negative");
      }
    }

    /** 10 s to connect, 10 s of silence at most, 20 MB, 5 redirects. */
    public static Options defaults() {
      return new Options(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS);
    }

    /** These options with both timeouts set to {@code timeout}. */
    public Options withTimeout(Duration timeout) {
      return new Options(timeout, timeout, maxBytes, maxRedirects);
    }

    public Options withMaxBytes(long bytes) {
      return new Options(connectTimeout, readTimeout, bytes, maxRedirects);
    }
  }

  /**
   * A response.
   *
   * @param requested the URL asked for
   * @param uri       the URL that answered, after redirects
   * @param status    2xx, or 304 for a conditional request whose content has not changed
   * @param headers   the response's headers ({@code Content-Type}, {@code ETag}, {@code Last-Modified}…)
   * @param body      the body, at most {@link Options#maxBytes}
   */
  public record Response(URI requested, URI uri, int status, HttpHeaders headers, byte[] body) {
    /** The {@code Content-Type}, or null. */
    public String contentType() {
      return headers.firstValue("Content-Type").orElse(null);
    }

    /** The {@code charset} the {@code Content-Type} declares, or null when it declares none Java knows. */
    public Charset charset() {
      String ct = contentType();
      if (ct == null) {
        return null;
      }
      for (String param : ct.split(";")) {
        String p = param.strip();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          String name = p.substring("charset=".length()).strip().replace("\"", "").replace("'", "");
          try {
            return Charset.forName(name);
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null; // the document may say better
          }
        }
      }
      return null;
    }

    public Optional<String> etag() {
      return headers.firstValue("ETag");
    }

    public Optional<String> lastModified() {
      return headers.firstValue("Last-Modified");
    }

    public boolean notModified() {
      return status == 304;
    }
  }

  private static final String USER_AGENT = "Sosik/0.1 (Korean news search; +https://github.com/sosik)";
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
  private static final long POLL_MILLIS = 50;

  private final Options options;
  private HttpClient client; // made on the first fetch: a run without URLs starts no HTTP threads

  public HttpFetcher(Options options) {
    this.options = options;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .connectTimeout(options.connectTimeout())
          .followRedirects(HttpClient.Redirect.NEVER) // followed here: counted, http(s) only, named in errors
          .build();
    }
    return client;
  }

  public HttpFetcher() {
    this(Options.defaults());
  }

  public Options options() {
    return options;
  }

  public Response fetch(URI uri) throws FetchException {
    return fetch(uri, Map.of());
  }

  /** Fetches {@code uri} sending {@code headers} too (e.g. {@code If-None-Match} with an earlier {@code ETag}). */
  public Response fetch(URI uri, Map<String, String> headers) throws FetchException {
    checkHttp(uri, uri, "");
    URI current = uri;
    for (int hop = 0; ; hop++) {
      Response r = once(uri, current, headers);
      int status = r.status();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        if (hop >= options.maxRedirects()) {
          throw new FetchException(uri, "too many redirects (more than " + options.maxRedirects() + "; the last to "
              + r.headers().firstValue("Location").orElse("?") + ")");
        }
        String location = r.headers().firstValue("Location")
            .orElseThrow(() -> new FetchException(uri, "HTTP " + status + " redirect without a Location header"));
        URI next;
        try {
          next = current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new FetchException(uri, "redirected to '" + location + "', which is not a valid URL");
        }
        checkHttp(uri, next, "redirected to ");
        current = next;
        continue;
      }
      if (status == 304 || status >= 200 && status < 300) {
        return r;
      }
      throw new FetchException(uri, "HTTP " + status + reason(status) + (current.equals(uri) ? "" : " (at " + current + ")"));
    }
  }

  private static void checkHttp(URI asked, URI u, String what) throws FetchException {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(asked, what + "'" + u + "': only http and https URLs are fetched");
    }
    if (u.getHost() == null) {
      throw new FetchException(asked, what + "'" + u + "' has no host");
    }
  }

  private Response once(URI asked, URI uri, Map<String, String> headers) throws FetchException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(options.readTimeout()) // until the headers come
        .header("User-Agent", USER_AGENT)
        .header("Accept", ACCEPT);
    headers.forEach(b::header);
    AtomicReference<LimitedBody> body = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      int status = info.statusCode();
      boolean wanted = status >= 200 && status < 300;
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      LimitedBody sub = new LimitedBody(wanted, declared, options.maxBytes());
      body.set(sub);
      return sub;
    };
    CompletableFuture<HttpResponse<byte[]>> pending = client().sendAsync(b.build(), handler);
    long idleLimit = options.readTimeout().toNanos();
    long started = System.nanoTime();
    try {
      while (true) {
        try {
          HttpResponse<byte[]> resp = pending.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          return new Response(asked, uri, resp.statusCode(), resp.headers(), resp.body());
        } catch (TimeoutException e) {
          LimitedBody sub = body.get();
          long quietSince = sub == null ? started : sub.lastActivity;
          // before the headers the request timeout answers; this is the body's silence (and a backstop)
          long limit = sub == null ? idleLimit + options.connectTimeout().toNanos() + 1_000_000_000L : idleLimit;
          if (System.nanoTime() - quietSince > limit) {
            if (sub != null) {
              sub.abort();
            }
            pending.cancel(true);
            throw new FetchException(asked, "timed out: no data for " + seconds(options.readTimeout())
                + (sub == null ? " waiting for the response" : " while reading the body (" + String.format("%,d", sub.received) + " bytes read)"));
          }
        }
      }
    } catch (ExecutionException e) {
      throw failure(asked, uri, e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(asked, "interrupted");
    }
  }

  private FetchException failure(URI asked, URI uri, Throwable thrown) {
    // the client wraps: ConnectException ← ConnectException ← UnresolvedAddressException for an unknown host
    if (cause(thrown, TooLarge.class) instanceof TooLarge big) {
      return new FetchException(asked, big.getMessage());
    }
    if (cause(thrown, UnresolvedAddressException.class) != null || cause(thrown, UnknownHostException.class) != null) {
      return new FetchException(asked, "unknown host '" + uri.getHost() + "'");
    }
    if (cause(thrown, HttpConnectTimeoutException.class) != null) {
      return new FetchException(asked, "timed out: could not connect to " + uri.getHost() + " within " + seconds(options.connectTimeout()));
    }
    if (cause(thrown, HttpTimeoutException.class) != null) {
      return new FetchException(asked, "timed out: no response within " + seconds(options.readTimeout()));
    }
    if (cause(thrown, ConnectException.class) != null) {
      return new FetchException(asked, "could not connect to " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
          + " (connection refused)");
    }
    if (cause(thrown, SSLException.class) instanceof SSLException tls) {
      return new FetchException(asked, "TLS failed: " + tls.getMessage());
    }
    String m = thrown == null ? "unknown error" : thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    return new FetchException(asked, "HTTP failed: " + m);
  }

  /** The first throwable of {@code type} in {@code t}'s cause chain, or null. */
  private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> " Bad Request";
      case 401 -> " Unauthorized";
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 405 -> " Method Not Allowed";
      case 406 -> " Not Acceptable";
      case 410 -> " Gone";
      case 429 -> " Too Many Requests";
      case 500 -> " Internal Server Error";
      case 502 -> " Bad Gateway";
      case 503 -> " Service Unavailable";
      case 504 -> " Gateway Timeout";
      default -> "";
    };
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%,d bytes", bytes);
  }

  /** A body over the limit. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * Collects a body up to a limit, cancelling the exchange (which closes the connection) as soon as
   * the declared length or the bytes received pass it; drops the body of a response that is not
   * wanted (an error status, a redirect) at once.
   */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final boolean wanted;
    private final long declared;
    private final long limit;
    private final ByteArrayOutputStream buffer;
    private volatile Flow.Subscription subscription;
    volatile long lastActivity = System.nanoTime();
    volatile long received;

    LimitedBody(boolean wanted, long declared, long limit) {
      this.wanted = wanted;
      this.declared = declared;
      this.limit = limit;
      this.buffer = new ByteArrayOutputStream(wanted && declared > 0 && declared <= limit ? (int) declared : 1 << 16);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (!wanted) {
        s.cancel();
        result.complete(new byte[0]);
      } else if (declared > limit) {
        s.cancel();
        result.completeExceptionally(new TooLarge(String.format(
            "response is %,d bytes (Content-Length), over the limit of %s; not downloaded", declared, megabytes(limit))));
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      lastActivity = System.nanoTime();
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if (received + n > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(String.format(
              "response is over the limit of %s; stopped after %,d bytes", megabytes(limit), received)));
          return;
        }
        byte[] chunk = new byte[n];
        item.get(chunk);
        buffer.write(chunk, 0, n);
        received += n;
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }

    void abort() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new IOException("aborted"));
    }
  }
}
