package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.article.ArticleId;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.testing.FixtureServer;
import sosik.testing.Fixtures;

/** {@code sosik index URL…}: feeds and pages fetched from a real HTTP server on 127.0.0.1, into a real index. */
class IngestSourcesTest {
  private static FixtureServer server;

  @TempDir Path tmp;
  private LuceneNewsIndex index;

  @BeforeAll
  static void start() throws IOException {
    byte[] rss = Files.readAllBytes(Fixtures.path("feed/rss2.xml"));
    server = new FixtureServer()
        .serve("/rss", "application/rss+xml; charset=utf-8", rss)
        .serveFixture("/atom", "application/atom+xml", "feed/atom.atom")
        .serveFixture("/news/2024122001", "text/html; charset=utf-8", "html/article_full.html")
        .serveFixture("/n/1219", "text/html", "html/article_plain.html")
        .redirect("/n/old-1219", 301, "/n/1219")
        .redirect("/feeds/economy", 302, "/rss")
        .redirect("/feeds/society", 302, "/atom")
        .serve("/feed-as-html", "text/html", rss)
        .serve("/plain/feed.rss", "text/plain", rss)
        .serve("/download", "application/octet-stream", rss)
        .serve("/untyped", null, rss)
        .serve("/photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0})
        .serve("/notes", "text/plain", "그냥 메모다.\n".getBytes(StandardCharsets.UTF_8))
        .serve("/empty-feed.xml", "application/rss+xml",
            "<rss><channel><title>한빛일보</title></channel></rss>".getBytes(StandardCharsets.UTF_8))
        .serve("/nothing", "text/html", new byte[0])
        .serve("/euc-kr/rss", "application/rss+xml; charset=EUC-KR",
            ("<rss><channel><title>남도일보</title><item><title>목포 해상 케이블카 흑자</title>"
                + "<link>https://news.namdo.example/a/77</link><description>개통 5년 만에 흑자를 냈다.</description></item></channel></rss>")
                .getBytes(Charset.forName("EUC-KR")))
        .serve("/euc-kr/page", "text/html; charset=euc-kr",
            "<html><body><h1>여수 밤바다 관광객 늘어</h1><p>여수를 찾은 관광객이 늘었다.</p></body></html>".getBytes(Charset.forName("EUC-KR")))
        .serveFixture("/page-listing.txt", "text/plain; charset=utf-8", "ingest/news.txt")
        .serveFixture("/xxe.xml", "application/xml", "feed/xxe.xml")
        .status("/missing", 404)
        .status("/broken", 500)
        .hang("/hang")
        .endless("/huge", 50L * 1024 * 1024, true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void open() throws IOException {
    index = LuceneNewsIndex.open(tmp.resolve("index"), LuceneNewsIndex.Mode.WRITE);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private IngestReport ingest(String... sources) throws IOException {
    return ingestAs(null, sources);
  }

  private IngestReport ingestAs(String format, String... sources) throws IOException {
    HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Options.defaults().withTimeout(Duration.ofMillis(400)).withMaxBytes(1 << 20));
    return new Ingestor(index, new ArticleNormalizer(), null, fetcher).ingestSources(List.of(sources), format);
  }

  private Article byUrl(String url) throws IOException {
    return index.get(ArticleId.of(ArticleId.canonicalUrl(url), null, "", null, "")).orElseThrow();
  }

  private static Rejection only(IngestReport r) {
    assertThat(r.rejections()).hasSize(1);
    return r.rejections().get(0);
  }

  @Test
  void feed_url_indexes_its_items_and_names_the_url_in_rejections() throws IOException {
    IngestReport r = ingest(server.url("/rss"));

    assertThat(r.files()).isEqualTo(1);
    assertThat(r.filesRejected()).isZero();
    assertThat(r.added()).isEqualTo(4);
    Rejection rej = only(r);
    assertThat(rej.toString()).isEqualTo(server.url("/rss") + ":35: field 'pubDate': '지난주 금요일 오전' is not an RFC 822 date (e.g. Fri, 20 Dec 2024 09:30:00 +0900)");
    Article a = byUrl("https://news.hanbit.example/article/2024122001");
    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("김서연");
    assertThat(a.section()).isEqualTo("경제");
    assertThat(a.publishedAt()).hasToString("2024-12-20T00:30:00Z");
  }

  @Test
  void the_same_feed_again_changes_nothing() throws IOException {
    ingest(server.url("/rss"));

    IngestReport again = ingest(server.url("/rss"));

    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(index.stats().articles()).isEqualTo(4);
  }

  @Test
  void page_url_indexes_one_article_under_its_canonical_url() throws IOException {
    IngestReport r = ingest(server.url("/news/2024122001"));

    assertThat(r.hasRejections()).isFalse();
    assertThat(r.added()).isEqualTo(1);
    Article a = byUrl("https://news.hanbit.example/article/2024122001");
    assertThat(a.title()).isEqualTo("한빛전자, 차세대 전력반도체 양산 돌입");
    assertThat(a.body()).startsWith("한빛전자가 경기 평택 공장에서").doesNotContain("관련기사", "많이 본 뉴스");
  }

  @Test
  void page_feed_and_article_from_a_page_and_a_feed_are_one_article() throws IOException {
    IngestReport r = ingest(server.url("/rss"), server.url("/news/2024122001"));

    assertThat(r.added()).isEqualTo(4);
    assertThat(r.updated()).as("the page's fuller text replaces the feed's").isEqualTo(1);
    assertThat(index.stats().articles()).isEqualTo(4);
  }

  @Test
  void redirected_page_without_canonical_link_is_kept_under_the_address_that_answered() throws IOException {
    IngestReport r = ingest(server.url("/n/old-1219"));

    assertThat(r.added()).isEqualTo(1);
    assertThat(byUrl(server.url("/n/1219")).title()).isEqualTo("대전시, 도심 하천 정비에 1200억 투입");
  }

  @Test
  void redirected_feeds_are_read_and_relative_links_resolve_against_the_address_that_answered() throws IOException {
    IngestReport r = ingest(server.url("/feeds/economy"), server.url("/feeds/society"));

    assertThat(r.rejections()).extracting(Rejection::source).containsExactly(server.url("/feeds/economy")); // its pubDate item
    assertThat(r.added()).isEqualTo(7);
    assertThat(byUrl(server.url("/n/2001")).title()).isEqualTo("서울 아침 영하 10도…출근길 한파 주의");
  }

  @Test
  void content_type_decides_and_a_feed_sent_as_html_is_still_a_feed() throws IOException {
    IngestReport r = ingest(server.url("/feed-as-html"));

    assertThat(r.added()).isEqualTo(4);
  }

  @Test
  void generic_content_type_leaves_it_to_the_extension_then_to_the_content() throws IOException {
    IngestReport byExtension = ingest(server.url("/plain/feed.rss"));
    IngestReport byContent = ingest(server.url("/download"), server.url("/untyped"));
    IngestReport listing = ingest(server.url("/page-listing.txt"));

    assertThat(byExtension.added()).isEqualTo(4);
    assertThat(byContent.unchanged()).isEqualTo(8);
    assertThat(byContent.filesRejected()).isZero();
    assertThat(listing.added()).isEqualTo(2);
  }

  @Test
  void charset_from_the_content_type_is_used_for_feeds_and_pages() throws IOException {
    IngestReport r = ingest(server.url("/euc-kr/rss"), server.url("/euc-kr/page"));

    assertThat(r.hasRejections()).isFalse();
    assertThat(byUrl("https://news.namdo.example/a/77").title()).isEqualTo("목포 해상 케이블카 흑자");
    assertThat(byUrl(server.url("/euc-kr/page")).title()).isEqualTo("여수 밤바다 관광객 늘어");
  }

  @Test
  void image_is_not_a_feed_or_a_page() throws IOException {
    IngestReport r = ingest(server.url("/photo.png"));

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(only(r).toString()).isEqualTo(server.url("/photo.png") + ": not a feed or an article page: Content-Type 'image/png'");
  }

  @Test
  void text_that_tells_no_format_is_rejected_saying_so() throws IOException {
    assertThat(only(ingest(server.url("/notes"))).problem())
        .isEqualTo("not a feed or an article page: Content-Type 'text/plain', and neither the address nor the content says which format it is");
  }

  @Test
  void each_failure_is_rejected_naming_its_url_and_the_rest_is_indexed() throws IOException {
    Path file = Fixtures.path("ingest/news.txt");
    long start = System.nanoTime();

    IngestReport r = ingest(server.url("/missing"), server.url("/broken"), server.url("/hang"), server.url("/huge"),
        server.url("/empty-feed.xml"), server.url("/nothing"), file.toString(), server.url("/rss"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.files()).isEqualTo(8);
    assertThat(r.filesRejected()).isEqualTo(6);
    assertThat(r.rejections()).extracting(Rejection::toString).startsWith(
        server.url("/missing") + ": HTTP 404 Not Found",
        server.url("/broken") + ": HTTP 500 Internal Server Error",
        server.url("/hang") + ": timed out: no response within 0.4 s",
        server.url("/huge") + ": response is 52,428,800 bytes (Content-Length), over the limit of 1 MB; not downloaded",
        server.url("/empty-feed.xml") + ": no articles found at the URL (format feed)",
        server.url("/nothing") + ": the response is empty");
    assertThat(r.added()).isEqualTo(6);
  }

  @Test
  void forced_format_applies_to_urls_too() throws IOException {
    IngestReport r = ingestAs("feed", server.url("/download"));

    assertThat(r.added()).isEqualTo(4);
  }

  @Test
  void xxe_feed_from_a_server_is_refused() throws IOException {
    IngestReport r = ingest(server.url("/xxe.xml"));

    assertThat(r.added()).isZero();
    assertThat(only(r).problem()).contains("DTD").doesNotContain("root:");
  }

  @Test
  void other_schemes_and_broken_urls_are_rejected_without_a_fetch() throws IOException {
    long before = server.requests.get();

    IngestReport r = ingest("ftp://files.hanbit.example/feed.xml", "file:///etc/passwd", "http://", "https://exa mple.com/");

    assertThat(r.filesRejected()).isEqualTo(4);
    assertThat(r.rejections()).extracting(Rejection::problem).containsExactly(
        "only http and https URLs are fetched", "only http and https URLs are fetched",
        "not a valid URL: Expected authority", "not a valid URL: Illegal character in authority");
    assertThat(server.requests.get()).isEqualTo(before);
  }
}
