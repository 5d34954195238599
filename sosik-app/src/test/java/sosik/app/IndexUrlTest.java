package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik index URL…} against a real HTTP server on 127.0.0.1. */
class IndexUrlTest {
  private static final String FEED = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>한빛일보 - 경제</title>
        <item><title>한빛전자, 전력반도체 양산</title><link>https://news.hanbit.example/article/1</link>
          <description>한빛전자가 전력반도체 양산을 시작했다.</description><pubDate>Fri, 20 Dec 2024 09:30:00 +0900</pubDate></item>
        <item><title>금리 동결 이후 가계 대출 늘어</title><link>https://news.hanbit.example/article/2</link>
          <description>가계 대출이 석 달 만에 다시 늘었다.</description></item>
      </channel></rss>
      """;
  private static final String PAGE = """
      <html><head><meta property="og:title" content="대전시, 하천 정비에 1200억"><meta property="og:site_name" content="새벽뉴스">
      <link rel="canonical" href="https://news.saebyeok.example/n/1219"></head>
      <body><nav>홈 | 정치</nav><article><p>대전시가 도심 하천 정비에 1200억원을 투입한다.</p></article></body></html>
      """;

  private static HttpServer server;
  private static ExecutorService executor;
  private static final CountDownLatch release = new CountDownLatch(1);

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/rss", ex -> {
      byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.createContext("/page", ex -> {
      byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.createContext("/missing", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.createContext("/hang", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void feed_and_page_urls_are_indexed_and_searchable() {
    Cli.Result r = Cli.index(tmp, url("/rss"), url("/page"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("3 added");
    Cli.Result s = Cli.search(tmp, "하천", "--json");
    assertThat(s.hits("url")).containsExactly("https://news.saebyeok.example/n/1219");
    assertThat(s.hits("press")).containsExactly("새벽뉴스");
    assertThat(Cli.search(tmp, "가계", "--json").hits("press")).containsExactly("한빛일보");
  }

  @Test
  void failed_url_is_rejected_naming_it_and_the_others_are_indexed() {
    Cli.Result r = Cli.index(tmp, url("/missing"), url("/hang"), url("/rss"), "--timeout", "0.3", "--json");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(r.err()).contains("sosik: rejected " + url("/missing") + ": HTTP 404 Not Found")
        .contains("sosik: rejected " + url("/hang") + ": timed out: no response within 0.3 s");
    JsonNode j = r.json();
    assertThat(j.get("files").asInt()).isEqualTo(3);
    assertThat(j.get("files_rejected").asInt()).isEqualTo(2);
    assertThat(j.get("added").asInt()).isEqualTo(2);
    assertThat(j.get("rejections").get(0).get("source").asText()).isEqualTo(url("/missing"));
  }

  @Test
  void only_failed_urls_fail_the_command() {
    Cli.Result r = Cli.index(tmp, url("/missing"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void bad_fetch_limits_are_usage_errors() {
    assertThat(Cli.index(tmp, url("/rss"), "--timeout", "0").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.index(tmp, url("/rss"), "--max-download-mb", "0").err()).contains("--max-download-mb");
  }

  @Test
  void help_names_urls_and_the_fetch_options() {
    assertThat(Cli.run("index", "--help").out()).contains("PATH|URL", "--timeout", "--max-download-mb", "feed", "html");
  }
}
