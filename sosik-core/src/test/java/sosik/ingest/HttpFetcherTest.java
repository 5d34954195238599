package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosik.testing.FixtureServer;

class HttpFetcherTest {
  private static final Duration TIMEOUT = Duration.ofMillis(400);
  private static final long LIMIT = 1024 * 1024;
  private static final long FIFTY_MB = 50L * 1024 * 1024;

  private static FixtureServer server;
  private static HttpFetcher fetcher;

  @BeforeAll
  static void start() throws IOException {
    server = new FixtureServer()
        .serveFixture("/feed.xml", "application/rss+xml; charset=UTF-8", "feed/rss2.xml")
        .on("/etag.xml", ex -> {
          ex.getResponseHeaders().set("ETag", "\"v1\"");
          ex.getResponseHeaders().set("Last-Modified", "Fri, 20 Dec 2024 00:30:00 GMT");
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
          } else {
            FixtureServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
          }
        })
        .redirect("/moved", 301, "/feed.xml")
        .redirect("/away", 302, "ftp://files.hanbit.example/feed.xml")
        .redirect("/loop", 302, "/loop")
        .status("/missing", 404)
        .status("/broken", 500)
        .hang("/hang")
        .stall("/stall", 100)
        .endless("/huge", FIFTY_MB, true)
        .endless("/huge-chunked", FIFTY_MB, false);
    for (int i = 1; i <= 6; i++) {
      server.redirect("/hop" + i, 307, "/hop" + (i - 1));
    }
    server.redirect("/hop0", 308, "/feed.xml");
    fetcher = new HttpFetcher(HttpFetcher.Options.defaults().withTimeout(TIMEOUT).withMaxBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static FetchException failure(String path) {
    FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(server.uri(path)));
    assertThat(e).as("fetching " + path + " fails").isNotNull();
    assertThat(e.uri()).isEqualTo(server.uri(path));
    assertThat(e.getMessage()).startsWith(server.url(path) + ": ");
    return e;
  }

  @Test
  void defaults_are_10_seconds_20_mb_and_5_redirects() {
    HttpFetcher.Options o = HttpFetcher.Options.defaults();

    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.maxBytes()).isEqualTo(20L * 1024 * 1024);
    assertThat(o.maxRedirects()).isEqualTo(5);
  }

  @Test
  void body_comes_with_its_headers_and_charset() throws Exception {
    HttpFetcher.Response r = fetcher.fetch(server.uri("/feed.xml"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/rss+xml; charset=UTF-8");
    assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("한빛전자, 차세대 전력반도체 양산 돌입");
    assertThat(r.uri()).isEqualTo(server.uri("/feed.xml"));
  }

  @Test
  void headers_are_kept_for_a_conditional_request_and_304_is_an_answer_not_a_failure() throws Exception {
    HttpFetcher.Response first = fetcher.fetch(server.uri("/etag.xml"));

    HttpFetcher.Response again = fetcher.fetch(server.uri("/etag.xml"), Map.of("If-None-Match", first.etag().orElseThrow()));

    assertThat(first.etag()).contains("\"v1\"");
    assertThat(first.lastModified()).contains("Fri, 20 Dec 2024 00:30:00 GMT");
    assertThat(first.notModified()).isFalse();
    assertThat(again.notModified()).isTrue();
    assertThat(again.body()).isEmpty();
  }

  @Test
  void redirect_is_followed_and_the_response_says_where_it_ended() throws Exception {
    HttpFetcher.Response r = fetcher.fetch(server.uri("/moved"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.requested()).isEqualTo(server.uri("/moved"));
    assertThat(r.uri()).isEqualTo(server.uri("/feed.xml"));
  }

  @Test
  void five_redirects_are_followed_and_a_sixth_is_too_many() throws Exception {
    assertThat(fetcher.fetch(server.uri("/hop4")).uri()).as("hop4 … hop0 → feed: 5 redirects").isEqualTo(server.uri("/feed.xml"));

    assertThat(failure("/hop5").problem()).startsWith("too many redirects (more than 5");
  }

  @Test
  void redirect_loop_ends_as_too_many_redirects() {
    assertThat(failure("/loop").problem()).startsWith("too many redirects (more than 5; the last to /loop)");
  }

  @Test
  void redirect_to_another_scheme_is_refused() {
    assertThat(failure("/away").problem()).contains("ftp://files.hanbit.example/feed.xml").contains("only http and https");
  }

  @Test
  void not_found_and_server_error_say_their_status() {
    assertThat(failure("/missing").problem()).isEqualTo("HTTP 404 Not Found");
    assertThat(failure("/broken").problem()).isEqualTo("HTTP 500 Internal Server Error");
  }

  @Test
  void server_that_never_answers_times_out() {
    long start = System.nanoTime();

    FetchException e = failure("/hang");

    assertThat(e.problem()).startsWith("timed out").contains("0.4 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void body_that_stops_coming_times_out_saying_how_much_came() {
    long start = System.nanoTime();

    FetchException e = failure("/stall");

    assertThat(e.problem()).isEqualTo("timed out: no data for 0.4 s while reading the body (100 bytes read)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void declared_50_mb_is_refused_without_downloading_it() {
    long before = server.bytesSent.get();

    FetchException e = failure("/huge");

    assertThat(e.problem()).isEqualTo("response is 52,428,800 bytes (Content-Length), over the limit of 1 MB; not downloaded");
    assertThat(server.bytesSent.get() - before).as("bytes the server could send").isLessThan(FIFTY_MB / 2);
  }

  @Test
  void undeclared_50_mb_is_cut_off_at_the_limit() {
    long before = server.bytesSent.get();

    FetchException e = failure("/huge-chunked");

    assertThat(e.problem()).startsWith("response is over the limit of 1 MB; stopped after ");
    assertThat(server.bytesSent.get() - before).as("bytes the server could send").isLessThan(FIFTY_MB / 2);
  }

  @Test
  void refused_connection_is_named() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/feed.xml");

    assertThatThrownBy(() -> fetcher.fetch(closed))
        .isInstanceOf(FetchException.class)
        .hasMessage(closed + ": could not connect to 127.0.0.1:" + port + " (connection refused)");
  }

  @Test
  void only_http_and_https_are_fetched() {
    assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/passwd")))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("only http and https");
  }

  @Test
  void charset_the_content_type_names_is_read_and_an_unknown_one_is_none() {
    HttpFetcher.Response euckr = response("text/html; charset=\"EUC-KR\"");
    HttpFetcher.Response unknown = response("text/html; charset=x-no-such-charset");
    HttpFetcher.Response none = response("text/html");

    assertThat(euckr.charset().name()).isEqualTo("EUC-KR");
    assertThat(unknown.charset()).isNull();
    assertThat(none.charset()).isNull();
  }

  private static HttpFetcher.Response response(String contentType) {
    var headers = java.net.http.HttpHeaders.of(Map.of("Content-Type", java.util.List.of(contentType)), (a, b) -> true);
    return new HttpFetcher.Response(URI.create("https://a.example/"), URI.create("https://a.example/"), 200, headers, new byte[0]);
  }
}
