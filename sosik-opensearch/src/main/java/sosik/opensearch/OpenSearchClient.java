package sosik.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small OpenSearch REST client: JSON in, JSON out, errors that name the node and what it said.
 * Requests go to the first node that answers; a node that cannot be reached is tried after the
 * others. Writes are retried by the caller ({@link #sendWithRetries}), reads are not.
 */
public final class OpenSearchClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** How long a request may take before the cluster counts as slow. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  /** Attempts of a write, the first included, with doubling pauses between them. */
  static final int WRITE_ATTEMPTS = 5;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  private final List<URI> nodes;
  private final HttpClient http;
  private final Duration timeout;
  private volatile int preferred;

  /** @param urls one or more node URLs, comma separated ({@code http://host:9200,http://host2:9200}) */
  public OpenSearchClient(String urls, Duration timeout) {
    List<URI> list = new ArrayList<>();
    for (String u : urls.split(",")) {
      String s = u.strip();
      if (s.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("OpenSearch URL '" + s + "' is not a URL: " + e.getMessage());
      }
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("OpenSearch URL '" + s + "' must be http(s)://host:port");
      }
      list.add(uri);
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch URL given");
    }
    this.nodes = List.copyOf(list);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String urls() {
    return String.join(",", nodes.stream().map(URI::toString).toList());
  }

  /** A response: HTTP status and body (parsed when it is JSON). */
  public record Response(int status, JsonNode body, String node) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** OpenSearch's own reason for an error response. */
    public String reason() {
      JsonNode e = body.path("error");
      if (e.isObject()) {
        String type = e.path("type").asText("");
        String why = e.path("reason").asText("");
        JsonNode cause = e.path("caused_by");
        if (cause.isObject()) {
          why += " (" + cause.path("reason").asText("") + ")";
        }
        return type + ": " + why;
      }
      return e.isMissingNode() ? body.toString() : e.asText();
    }
  }

  /** The cluster cannot be reached, is too slow, or refused a request. */
  public static final class ClusterException extends IOException {
    private final boolean retryable;

    ClusterException(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  /** One request; a node that cannot be reached is skipped for the next. Non-2xx are returned. */
  public Response send(String method, String path, String body) throws IOException {
    IOException last = null;
    for (int i = 0; i < nodes.size(); i++) {
      int n = (preferred + i) % nodes.size();
      URI node = nodes.get(n);
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path)).timeout(timeout);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", path.contains("/_bulk") || path.contains("/_msearch") ? "application/x-ndjson" : "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      try {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        preferred = n;
        JsonNode json;
        try {
          json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
          json = JSON.getNodeFactory().textNode(r.body());
        }
        return new Response(r.statusCode(), json, node.toString());
      } catch (HttpConnectTimeoutException | ConnectException e) {
        String why = e instanceof HttpConnectTimeoutException ? "no answer to connect within 5 s" : "connection refused";
        last = new ClusterException("OpenSearch node " + node + " cannot be reached (" + why
            + "); is the cluster up and the URL right?", true, e);
      } catch (HttpTimeoutException e) {
        last = new ClusterException("OpenSearch node " + node + " did not answer " + method + " " + pathOnly(path)
            + " within " + timeout.toSeconds() + " s (cluster overloaded or stuck?)", true, e);
      } catch (IOException e) {
        last = new ClusterException("OpenSearch node " + node + " failed on " + method + " " + pathOnly(path) + ": " + describe(e), true, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for OpenSearch at " + node);
      }
    }
    throw last;
  }

  /** As {@link #send}, but an error status is thrown as a {@link ClusterException}. */
  public JsonNode call(String method, String path, Object body) throws IOException {
    Response r = send(method, path, body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body));
    if (!r.ok()) {
      throw new ClusterException("OpenSearch " + r.node() + " refused " + method + " " + pathOnly(path) + ": HTTP " + r.status()
          + " " + r.reason(), retryable(r.status()), null);
    }
    return r.body();
  }

  /**
   * A write that is safe to repeat (it names its documents by id): retried on an unreachable or slow
   * node and on 429/502/503/504, with pauses of 0.5, 1, 2 and 4 s; the last failure is thrown.
   */
  public JsonNode sendWithRetries(String method, String path, String body) throws IOException {
    Duration pause = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      try {
        return call(method, path, body);
      } catch (ClusterException e) {
        if (!e.retryable() || attempt >= WRITE_ATTEMPTS) {
          throw attempt > 1 ? new ClusterException(e.getMessage() + " (after " + attempt + " attempts)", false, e) : e;
        }
      }
      sleep(pause);
      pause = pause.multipliedBy(2);
    }
  }

  static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    if (m == null && e.getCause() != null) {
      m = e.getCause().toString();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
