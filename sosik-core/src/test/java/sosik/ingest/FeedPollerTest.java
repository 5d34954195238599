package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.testing.FixtureServer;

/** Feeds polled over real HTTP on 127.0.0.1: conditional GETs, new items once, broken and slow feeds. */
class FeedPollerTest {
  @TempDir Path tmp;
  private FixtureServer server;
  private LuceneNewsIndex index;
  /** What /news.xml serves now; its ETag is the number of its version. */
  private final AtomicReference<String> feed = new AtomicReference<>();
  private final AtomicInteger version = new AtomicInteger(1);
  private final AtomicInteger full = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final List<String> conditions = new ArrayList<>();
  private final AtomicReference<byte[]> broken = new AtomicReference<>();

  private static String rss(String... items) {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>바닷가일보</title>");
    for (String i : items) {
      sb.append(i);
    }
    return sb.append("</channel></rss>").toString();
  }

  private String item(int n, String title, String text) {
    return "<item><title>" + title + "</title><link>" + server.url("/a/" + n) + "</link><description>" + text
        + "</description><pubDate>Mon, 02 Sep 2024 1" + (n % 10) + ":00:00 +0900</pubDate></item>";
  }

  @BeforeEach
  void start() throws IOException {
    server = new FixtureServer();
    server.on("/news.xml", this::news);
    server.on("/broken.xml", ex -> FixtureServer.send(ex, 200, "application/rss+xml", broken.get()));
    server.hang("/slow.xml");
    server.on("/a/", ex -> {
      String n = ex.getRequestURI().getPath().substring(3);
      FixtureServer.send(ex, 200, "text/html; charset=utf-8", ("<html><head><meta property=\"og:title\" content=\"기사 " + n
          + " 전문\"><meta property=\"og:site_name\" content=\"바닷가일보\"></head><body><article><p>기사 " + n
          + "의 전문이다. 항구의 하루를 자세히 전한다.</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
    });
    index = LuceneNewsIndex.open(tmp.resolve("index"), LuceneNewsIndex.Mode.WRITE);
    feed.set(rss(item(1, "포항 항구 물동량 증가", "포항 항구의 물동량이 늘었다."), item(2, "울진 대게 조업 시작", "대게 조업이 시작됐다.")));
  }

  @AfterEach
  void stop() throws IOException {
    index.close();
    server.close();
  }

  private void news(HttpExchange ex) throws IOException {
    String etag = "\"v" + version.get() + "\"";
    String asked = ex.getRequestHeaders().getFirst("If-None-Match");
    synchronized (conditions) {
      conditions.add(asked + " | " + ex.getRequestHeaders().getFirst("If-Modified-Since"));
    }
    if (etag.equals(asked)) {
      notModified.incrementAndGet();
      ex.getResponseHeaders().set("ETag", etag);
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    full.incrementAndGet();
    ex.getResponseHeaders().set("ETag", etag);
    ex.getResponseHeaders().set("Last-Modified", "Mon, 02 Sep 2024 0" + version.get() + ":00:00 GMT");
    FixtureServer.send(ex, 200, "application/rss+xml; charset=utf-8", feed.get().getBytes(StandardCharsets.UTF_8));
  }

  private FeedPoller poller(FeedStore store, boolean pages, Duration timeout) {
    return new FeedPoller(index, new ArticleNormalizer(),
        new HttpFetcher(HttpFetcher.Options.defaults().withTimeout(timeout)), store, pages, null);
  }

  private List<String> titles() throws IOException {
    List<String> t = new ArrayList<>();
    index.forEach(a -> t.add(a.title()));
    return t.stream().sorted().toList();
  }

  @Test
  void unchanged_feed_answers_304_and_costs_nothing_and_new_items_come_on_the_next_poll_once() throws IOException {
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add(server.url("/news.xml"), Duration.ofMinutes(10));
    FeedPoller p = poller(store, false, Duration.ofSeconds(5));

    List<FeedPoller.Poll> first = p.round(true);
    List<FeedPoller.Poll> second = p.round(true);
    feed.set(rss(item(3, "영덕 해파랑길 새 단장", "해파랑길이 새로 단장했다."),
        item(1, "포항 항구 물동량 증가", "포항 항구의 물동량이 늘었다."), item(2, "울진 대게 조업 시작", "대게 조업이 시작됐다.")));
    version.set(2);
    List<FeedPoller.Poll> third = p.round(true);
    List<FeedPoller.Poll> fourth = p.round(true);

    assertThat(first).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(FeedPoller.Outcome.READ);
      assertThat(x.newItems()).isEqualTo(2);
    });
    assertThat(second).singleElement().extracting(FeedPoller.Poll::outcome).isEqualTo(FeedPoller.Outcome.NOT_MODIFIED);
    assertThat(third).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(FeedPoller.Outcome.READ);
      assertThat(x.items()).isEqualTo(3);
      assertThat(x.newItems()).isEqualTo(1);
    });
    assertThat(fourth).singleElement().extracting(FeedPoller.Poll::outcome).isEqualTo(FeedPoller.Outcome.NOT_MODIFIED);
    assertThat(full.get()).isEqualTo(2);
    assertThat(notModified.get()).isEqualTo(2);
    assertThat(conditions).containsExactly(
        "null | null",
        "\"v1\" | Mon, 02 Sep 2024 01:00:00 GMT",
        "\"v1\" | Mon, 02 Sep 2024 01:00:00 GMT",
        "\"v2\" | Mon, 02 Sep 2024 02:00:00 GMT");
    assertThat(titles()).containsExactly("영덕 해파랑길 새 단장", "울진 대게 조업 시작", "포항 항구 물동량 증가");
    assertThat(index.stats().articles()).isEqualTo(3);
  }

  @Test
  void state_is_kept_beside_the_index_and_a_new_poller_asks_conditionally_and_takes_nothing_twice() throws IOException {
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add(server.url("/news.xml"), Duration.ofMinutes(10));
    poller(store, false, Duration.ofSeconds(5)).round(true);
    // the server forgets its ETag (a restart): the feed comes whole, and its items are known
    version.set(7);

    FeedStore reloaded = FeedStore.load(tmp.resolve("index"));
    List<FeedPoller.Poll> again = poller(reloaded, false, Duration.ofSeconds(5)).round(true);

    assertThat(reloaded.feeds()).singleElement().satisfies(f -> {
      assertThat(f.etag()).contains("\"v7\"");
      assertThat(f.articles()).isEqualTo(2);
      assertThat(f.every()).isEqualTo(Duration.ofMinutes(10));
    });
    assertThat(again).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(FeedPoller.Outcome.READ);
      assertThat(x.newItems()).isZero();
    });
    assertThat(conditions.get(1)).startsWith("\"v1\" | ");
    assertThat(index.stats().articles()).isEqualTo(2);
  }

  @Test
  void broken_feed_is_reported_and_backed_off_while_the_others_go_on() throws IOException {
    broken.set(("<rss><channel><title>깨진신문</title><item><title>앞의 기사</title><link>" + server.url("/b/1")
        + "</link><description>끊기기 전의 기사다.</description></item><item><title>끊긴 기사</title><description>여기서"
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add(server.url("/broken.xml"), Duration.ofMinutes(10));
    store.add(server.url("/news.xml"), Duration.ofMinutes(10));
    List<Rejection> rejected = new ArrayList<>();

    List<FeedPoller.Poll> polls = new FeedPoller(index, new ArticleNormalizer(), new HttpFetcher(), store, false,
        new FeedPoller.Listener() {
          @Override
          public void rejected(Rejection r) {
            rejected.add(r);
          }
        }).round(false);

    assertThat(polls).extracting(FeedPoller.Poll::outcome).containsExactly(FeedPoller.Outcome.FAILED, FeedPoller.Outcome.READ);
    assertThat(polls.get(0).problem()).startsWith("not well-formed XML at line 1");
    FeedStore.Feed b = store.get(server.url("/broken.xml")).orElseThrow();
    assertThat(b.failures()).isEqualTo(1);
    assertThat(b.lastError()).hasValueSatisfying(e -> assertThat(e).contains("not well-formed"));
    assertThat(Duration.between(b.lastPolled().orElseThrow(), b.nextPoll().orElseThrow())).isEqualTo(Duration.ofMinutes(20));
    assertThat(titles()).containsExactly("앞의 기사", "울진 대게 조업 시작", "포항 항구 물동량 증가");
    assertThat(FeedPoller.backoff(Duration.ofMinutes(10), 3)).isEqualTo(Duration.ofMinutes(80));
    assertThat(FeedPoller.backoff(Duration.ofMinutes(10), 30)).isEqualTo(FeedPoller.MAX_BACKOFF);
    assertThat(FeedPoller.backoff(Duration.ofDays(1), 2)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void slow_feed_times_out_and_the_feed_after_it_is_still_read() throws IOException {
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add(server.url("/slow.xml"), Duration.ofMinutes(5));
    store.add(server.url("/news.xml"), Duration.ofMinutes(5));

    long started = System.nanoTime();
    List<FeedPoller.Poll> polls = poller(store, false, Duration.ofMillis(700)).round(true);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(polls.get(0).outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
    assertThat(polls.get(0).problem()).startsWith("timed out");
    assertThat(polls.get(1).outcome()).isEqualTo(FeedPoller.Outcome.READ);
    assertThat(index.stats().articles()).isEqualTo(2);
  }

  @Test
  void fetch_pages_reads_the_linked_article_in_place_of_the_summary() throws IOException {
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add(server.url("/news.xml"), Duration.ofMinutes(10));

    poller(store, true, Duration.ofSeconds(5)).round(true);

    List<Article> all = new ArrayList<>();
    index.forEach(all::add);
    assertThat(all).extracting(Article::title).containsExactlyInAnyOrder("기사 1 전문", "기사 2 전문");
    assertThat(all).allSatisfy(a -> {
      assertThat(a.body()).contains("항구의 하루를 자세히 전한다");
      assertThat(a.publishedAt()).isNotNull(); // the item's date, which the page lacks
    });
  }

  @Test
  void run_polls_again_when_the_feed_falls_due_and_stops_when_told() throws Exception {
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add(server.url("/news.xml"), Duration.ofSeconds(1));

    poller(store, false, Duration.ofSeconds(5)).run(() -> conditions.size() >= 2);

    assertThat(conditions).hasSize(2);
    assertThat(conditions.get(1)).startsWith("\"v1\"");
    assertThat(notModified.get()).isEqualTo(1);
  }

  @Test
  void feeds_are_added_changed_and_removed_and_bad_urls_refused() throws IOException {
    FeedStore store = FeedStore.load(tmp.resolve("index"));
    store.add("https://news.bada.example/rss", Duration.ofMinutes(10));
    store.add("https://news.bada.example/rss", Duration.ofHours(1));
    store.save();

    FeedStore reloaded = FeedStore.load(tmp.resolve("index"));

    assertThat(reloaded.feeds()).singleElement().extracting(FeedStore.Feed::every).isEqualTo(Duration.ofHours(1));
    assertThat(reloaded.remove("https://news.bada.example/rss")).isTrue();
    assertThat(reloaded.remove("https://news.bada.example/rss")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reloaded.add("ftp://news.bada.example/rss", Duration.ofMinutes(1)))
        .hasMessageContaining("not an http(s) URL");
    assertThat(FeedStore.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(FeedStore.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeedStore.parseDuration("십분")).hasMessageContaining("not a duration");
  }
}
