package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik feeds add|list|remove|run} against a real HTTP server on 127.0.0.1. */
class FeedsCommandTest {
  @TempDir Path tmp;
  private HttpServer server;
  private Path index;

  private static final String FEED = "<rss version=\"2.0\"><channel><title>산골소식</title>"
      + "<item><title>평창 송어축제 개막</title><link>https://news.sangol.example/a/1</link>"
      + "<description>송어축제가 막을 올렸다.</description></item>"
      + "<item><title>정선 5일장 북적</title><link>https://news.sangol.example/a/2</link>"
      + "<description>정선 장터가 북적였다.</description></item></channel></rss>";

  @BeforeEach
  void start() throws IOException {
    index = tmp.resolve("index");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/rss", ex -> {
      if ("\"one\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"one\"");
      send(ex, FEED);
    });
    server.createContext("/broken", ex -> send(ex, "<rss><channel><title>깨짐</title><item><title>끝나지 않는"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void send(HttpExchange ex, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private Cli.Result feeds(String... args) {
    String[] all = Cli.prepend(args, "feeds");
    String[] withIndex = java.util.Arrays.copyOf(all, all.length + 2);
    withIndex[all.length] = "--index";
    withIndex[all.length + 1] = index.toString();
    return Cli.run(withIndex);
  }

  @Test
  void add_run_once_lists_and_removes_and_an_unchanged_feed_is_not_read_again() throws IOException {
    Cli.Result added = feeds("add", url("/rss"), "--every", "5m");
    Cli.Result first = feeds("run", "--once");
    Cli.Result second = feeds("run", "--once");
    Cli.Result listed = feeds("list", "--json");
    Cli.Result hits = Cli.search(index, "송어축제");
    Cli.Result removed = feeds("remove", url("/rss"));
    Cli.Result again = feeds("remove", url("/rss"));

    assertThat(added.out()).isEqualTo("added " + url("/rss") + ", every 5m\n");
    assertThat(first.code()).as(first.toString()).isEqualTo(ExitCodes.OK);
    assertThat(first.out()).contains(url("/rss") + ": 2 items, 2 new").contains("committed: 2 added, 0 updated");
    assertThat(second.out()).contains(url("/rss") + ": not modified").doesNotContain("committed");
    assertThat(listed.json().get(0).get("etag").asText()).isEqualTo("\"one\"");
    assertThat(listed.json().get(0).get("articles").asInt()).isEqualTo(2);
    assertThat(listed.json().get(0).get("every_seconds").asInt()).isEqualTo(300);
    assertThat(Files.exists(index.resolve("feeds.json"))).isTrue();
    assertThat(hits.out()).contains("뉴스 검색결과 1건");
    assertThat(removed.out()).isEqualTo("removed " + url("/rss") + "\n");
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).startsWith("sosik: no such feed: " + url("/rss"));
  }

  @Test
  void a_broken_feed_is_reported_and_the_others_indexed_with_exit_code_partly_done() {
    feeds("add", url("/broken"), url("/rss"));

    Cli.Result r = feeds("run", "--once");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(r.err()).contains("sosik: " + url("/broken") + ": not well-formed XML").contains("failed 1× in a row");
    assertThat(r.out()).contains(url("/rss") + ": 2 items, 2 new");
    Cli.Result listed = feeds("list");
    assertThat(listed.out()).contains("failing (1×): not well-formed XML");
  }

  @Test
  void watch_takes_only_http_urls_and_run_without_feeds_says_how_to_add_one() {
    Cli.Result watch = Cli.index(index, "--watch", "news.jsonl");
    Cli.Result none = feeds("run", "--once");

    assertThat(watch.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(watch.err()).startsWith("sosik: 'news.jsonl' is not an http(s) URL of a feed");
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("no feeds to poll").contains("sosik feeds add URL");
  }
}
