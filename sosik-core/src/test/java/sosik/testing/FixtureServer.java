package sosik.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 (a free port) for tests that fetch URLs: fixtures with a content
 * type, redirects, error statuses, an endpoint that never answers, one that stops in the middle of
 * the body, and endless bodies that count what they managed to send.
 */
public final class FixtureServer implements AutoCloseable {
  /** Something that answers one exchange. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fixture-server");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch released = new CountDownLatch(1);
  /** Bytes the endless endpoints wrote before the client went away. */
  public final AtomicLong bytesSent = new AtomicLong();
  /** Requests served, all paths. */
  public final AtomicLong requests = new AtomicLong();

  public FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  /** The address of {@code path} on this server, e.g. {@code http://127.0.0.1:41234/feed.xml}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public String url(String path) {
    return uri(path).toString();
  }

  /** Answers {@code path} (and every path under it) with {@code handler}. */
  public FixtureServer on(String path, Handler handler) {
    server.createContext(path, exchange -> {
      requests.incrementAndGet();
      try {
        exchange.getRequestBody().readAllBytes();
        handler.handle(exchange);
      } catch (IOException e) {
        // the client went away; that is what some tests are about
      } finally {
        exchange.close();
      }
    });
    return this;
  }

  /** Serves {@code body} with status 200 and {@code contentType} (none when null). */
  public FixtureServer serve(String path, String contentType, byte[] body) {
    return on(path, ex -> send(ex, 200, contentType, body));
  }

  /** Serves the fixture {@code fixture} (under {@code fixtures/}). */
  public FixtureServer serveFixture(String path, String contentType, String fixture) throws IOException {
    return serve(path, contentType, Files.readAllBytes(Fixtures.path(fixture)));
  }

  public FixtureServer redirect(String path, int status, String location) {
    return on(path, ex -> {
      ex.getResponseHeaders().set("Location", location);
      ex.sendResponseHeaders(status, -1);
    });
  }

  public FixtureServer status(String path, int status) {
    return on(path, ex -> send(ex, status, "text/html; charset=utf-8", ("<h1>" + status + "</h1>").getBytes()));
  }

  /** Never answers until the server closes. */
  public FixtureServer hang(String path) {
    return on(path, ex -> await());
  }

  /** Sends the headers and {@code first} bytes of a longer body, then stops until the server closes. */
  public FixtureServer stall(String path, int first) {
    return on(path, ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, first * 10L);
      OutputStream out = ex.getResponseBody();
      out.write(new byte[first]);
      out.flush();
      await();
    });
  }

  /**
   * Sends {@code total} bytes of HTML, declaring the length ({@code declare}) or chunked, counting in
   * {@link #bytesSent} what the client took before it hung up.
   */
  public FixtureServer endless(String path, long total, boolean declare) {
    return on(path, ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, declare ? total : 0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      OutputStream out = ex.getResponseBody();
      for (long sent = 0; sent < total; sent += chunk.length) {
        out.write(chunk);
        bytesSent.addAndGet(chunk.length);
      }
    });
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  private void await() {
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
