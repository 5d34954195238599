package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.article.ArticleId;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.testing.Fixtures;

class IngestorTest {
  private static final List<String> NEWS_URLS =
      List.of(
          "https://news.hanbit.example/article/1001",
          "https://news.hanbit.example/article/1002",
          "https://news.saebyeok.example/n/77");

  @TempDir Path tmp;
  private Path indexDir;
  private LuceneNewsIndex index;

  @BeforeEach
  void openIndex() throws IOException {
    indexDir = tmp.resolve("index");
    index = LuceneNewsIndex.open(indexDir, LuceneNewsIndex.Mode.WRITE);
  }

  @AfterEach
  void closeIndex() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  private IngestReport ingest(Path... paths) throws IOException {
    return new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(paths), null);
  }

  private void reopen(LuceneNewsIndex.Mode mode) throws IOException {
    index.close();
    index = null;
    index = LuceneNewsIndex.open(indexDir, mode);
  }

  private long count() throws IOException {
    return index.stats().articles();
  }

  private static String idOfUrl(String url) {
    return ArticleId.of(ArticleId.canonicalUrl(url), null, "", null, "");
  }

  private static Path copy(String fixture, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.copy(Fixtures.path(fixture), to);
  }

  @Test
  void first_run_adds_every_article() throws IOException {
    IngestReport r = ingest(Fixtures.path("ingest/news.jsonl"));

    assertThat(r.files()).isEqualTo(1);
    assertThat(r.read()).isEqualTo(3);
    assertThat(r.added()).isEqualTo(3);
    assertThat(r.updated()).isZero();
    assertThat(r.unchanged()).isZero();
    assertThat(r.hasRejections()).isFalse();
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void indexing_a_file_twice_adds_nothing_the_second_time() throws IOException {
    Path file = Fixtures.path("ingest/news.jsonl");
    ingest(file);
    reopen(LuceneNewsIndex.Mode.WRITE);

    IngestReport second = ingest(file);

    assertThat(second.read()).isEqualTo(3);
    assertThat(second.added()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(3);
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void indexing_a_listing_twice_in_one_session_adds_nothing_the_second_time() throws IOException {
    Path file = Fixtures.path("ingest/news.txt");
    IngestReport first = ingest(file);

    IngestReport second = ingest(file);

    assertThat(first.added()).isEqualTo(2);
    assertThat(second.added()).isZero();
    assertThat(second.unchanged()).isEqualTo(2);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void changed_body_with_the_same_url_updates_the_article() throws IOException {
    ingest(Fixtures.path("ingest/news.jsonl"));

    IngestReport r = ingest(Fixtures.path("ingest/news_v2.jsonl"));

    assertThat(r.added()).isZero();
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.unchanged()).isEqualTo(2);
    assertThat(count()).isEqualTo(3);
    Article updated = index.get(idOfUrl(NEWS_URLS.get(1))).orElseThrow();
    assertThat(updated.body()).contains("용접과 도장 분야");
  }

  @Test
  void articles_keep_what_the_normalizer_made_of_them() throws IOException {
    ingest(Fixtures.path("ingest/news.jsonl"));

    Article a = index.get(idOfUrl(NEWS_URLS.get(0))).orElseThrow();
    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("김서연");
    assertThat(a.dateline()).isEqualTo("평택");
    assertThat(a.body()).startsWith("한빛전자가 평택 공장에서");
    assertThat(a.url()).isEqualTo(NEWS_URLS.get(0));
  }

  @Test
  void missing_file_is_rejected_naming_the_path_and_the_rest_is_indexed() throws IOException {
    Path missing = tmp.resolve("없는-파일.jsonl");

    IngestReport r = ingest(missing, Fixtures.path("ingest/news.jsonl"));

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(r.rejections()).hasSize(1);
    Rejection rej = r.rejections().get(0);
    assertThat(rej.source()).isEqualTo(missing.toString());
    assertThat(rej.line()).isZero();
    assertThat(rej.problem()).contains("no such file");
    assertThat(rej.toString()).contains(missing.toString());
    assertThat(r.added()).isEqualTo(3);
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void empty_file_is_rejected_as_empty() throws IOException {
    Path empty = Files.createFile(tmp.resolve("empty.jsonl"));

    IngestReport r = ingest(empty);

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(empty.toString());
      assertThat(rej.problem()).isEqualTo("file is empty");
    });
    assertThat(count()).isZero();
  }

  @Test
  void file_of_blank_lines_is_rejected_as_holding_no_articles() throws IOException {
    Path blank = Files.writeString(tmp.resolve("blank.jsonl"), "\n\n   \n");

    IngestReport r = ingest(blank);

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(rej -> assertThat(rej.problem()).contains("no articles"));
  }

  @Test
  void directory_is_walked_for_known_extensions_skipping_hidden_and_other_files() throws IOException {
    Path dir = tmp.resolve("inbox");
    copy("ingest/news.jsonl", dir.resolve("a.jsonl"));
    copy("ingest/news.txt", dir.resolve("sub/deeper/b.txt"));
    Files.writeString(dir.resolve("README.md"), "# 수집 메모\n이 폴더는 테스트용이다.\n");
    Files.writeString(
        dir.resolve(".hidden.jsonl"),
        "{\"title\":\"숨은 파일의 기사\",\"body\":\"이 기사는 색인되면 안 된다.\",\"url\":\"https://news.hanbit.example/hidden/1\"}\n");

    IngestReport r = ingest(dir);

    assertThat(r.files()).isEqualTo(2);
    assertThat(r.hasRejections()).isFalse();
    assertThat(r.added()).isEqualTo(5);
    assertThat(count()).isEqualTo(5);
    assertThat(index.get(idOfUrl("https://news.hanbit.example/hidden/1"))).isEmpty();
  }

  @Test
  void directory_without_news_files_is_rejected() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("nothing-here"));
    Files.writeString(dir.resolve("notes.md"), "메모\n");

    IngestReport r = ingest(dir);

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(rej -> assertThat(rej.source()).isEqualTo(dir.toString()));
  }

  @Test
  void file_with_an_unknown_extension_is_read_by_its_content() throws IOException {
    Path file = copy("ingest/news.jsonl", tmp.resolve("feed.dat"));

    IngestReport r = ingest(file);

    assertThat(r.hasRejections()).isFalse();
    assertThat(r.added()).isEqualTo(3);
  }

  @Test
  void invalid_utf8_is_rejected_naming_the_file_and_other_files_of_the_batch_are_indexed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        "{\"title\":\"정상 기사\",\"body\":\"첫 줄은 UTF-8이다.\",\"url\":\"https://news.hanbit.example/utf8/1\"}\n"
            .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ','});
    bytes.writeBytes("\"body\":\"제목이 깨진 기사\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        "{\"title\":\"EUC-KR 기사\",\"body\":\"서울 아침 기온이 영하로 떨어졌다.\"}\n".getBytes(Charset.forName("EUC-KR")));
    Path bad = Files.write(tmp.resolve("broken.jsonl"), bytes.toByteArray());
    Path good = Fixtures.path("ingest/news.jsonl");

    IngestReport r = ingest(bad, good);

    assertThat(r.hasRejections()).isTrue();
    // the undecodable line is rejected by line and byte offset; the UTF-8 line before it and the
    // EUC-KR line after it are indexed
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(bad.toString());
      assertThat(rej.line()).isEqualTo(2);
      assertThat(rej.problem()).contains("UTF-8").contains("offset");
    });
    assertThat(index.get(idOfUrl("https://news.hanbit.example/utf8/1"))).isPresent();
    for (String url : NEWS_URLS) {
      assertThat(index.get(idOfUrl(url))).as(url).isPresent();
    }
    assertThat(count()).isEqualTo(r.added()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void bad_line_is_rejected_with_file_and_line_and_the_rest_of_the_batch_is_indexed() throws IOException {
    Path file = Fixtures.path("jsonl/missing_title.jsonl");

    IngestReport r = ingest(file);

    assertThat(r.read()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.filesRejected()).isZero();
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(file.toString());
      assertThat(rej.line()).isEqualTo(2);
      assertThat(rej.problem()).contains("'title'");
      assertThat(rej.toString()).startsWith(file + ":2: ");
    });
    assertThat(r.added()).isEqualTo(2);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void article_failing_validation_is_rejected_at_its_line() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("dates.jsonl"),
            "{\"title\":\"정상\",\"body\":\"본문이다.\"}\n"
                + "{\"title\":\"날짜가 이상한 기사\",\"body\":\"본문이다.\",\"published_at\":\"지난주 화요일\"}\n"
                + "{\"title\":\"정상 둘\",\"body\":\"본문이다.\"}\n");

    IngestReport r = ingest(file);

    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.line()).isEqualTo(2);
      assertThat(rej.problem()).contains("'published_at'").contains("지난주 화요일");
    });
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void listener_hears_each_rejection() throws IOException {
    List<Rejection> heard = new ArrayList<>();
    Ingestor ingestor =
        new Ingestor(index, new ArticleNormalizer(), new Ingestor.Listener() {
          @Override
          public void rejected(Rejection r) {
            heard.add(r);
          }
        });

    IngestReport r = ingestor.ingestPaths(List.of(Fixtures.path("jsonl/not_json.jsonl"), tmp.resolve("none.txt")), null);

    assertThat(heard).containsExactlyElementsOf(r.rejections()).hasSize(2);
  }

  @Test
  void after_finish_the_counts_match_a_fresh_read_only_open() throws IOException {
    IngestReport r = ingest(Fixtures.path("ingest/news.jsonl"), Fixtures.path("ingest/news.txt"));

    reopen(LuceneNewsIndex.Mode.READ_ONLY);

    assertThat(r.added()).isEqualTo(5);
    assertThat(index.stats().articles()).isEqualTo(r.added());
    assertThat(index.stats().pressCounts()).containsEntry("한빛일보", 4L).containsEntry("새벽뉴스", 1L);
  }

  @Test
  void finish_commits_what_was_read_through_ingest() throws IOException {
    Ingestor ingestor = new Ingestor(index, new ArticleNormalizer(), null);
    try (var in = Files.newBufferedReader(Fixtures.path("ingest/news.txt"))) {
      ingestor.ingest("stdin", in, new ListingReader());
    }
    assertThat(ingestor.report().added()).as("nothing counts before the commit").isZero();

    IngestReport r = ingestor.finish();
    reopen(LuceneNewsIndex.Mode.READ_ONLY);

    assertThat(r.added()).isEqualTo(2);
    assertThat(index.stats().articles()).isEqualTo(2);
  }

  @Test
  void a_directory_given_with_a_format_of_named_files_reads_only_those_files() throws IOException {
    Path dir = tmp.resolve("set");
    copy("company-tsv/news.txt", dir.resolve("contents.txt"));
    Files.write(dir.resolve("crawling.xlsx"), new byte[] {0x50, 0x4b, 0x03, 0x04});

    IngestReport r = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(dir), "company-tsv");

    assertThat(r.files()).isEqualTo(1);
    assertThat(r.filesRejected()).isZero();
    assertThat(r.read()).isEqualTo(5); // 6 rows, one with an empty body
    assertThat(count()).isEqualTo(4); // two rows are one article under two Naver URL forms
  }

  @Test
  void a_directory_without_files_of_the_given_format_is_rejected_naming_the_format() throws IOException {
    Path dir = tmp.resolve("set");
    Files.createDirectories(dir);
    Files.write(dir.resolve("crawling.xlsx"), new byte[] {0x50, 0x4b, 0x03, 0x04});

    IngestReport r = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(dir), "company-tsv");

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(x -> assertThat(x.problem()).contains("company-tsv"));
  }

  @Test
  void directory_walk_takes_feeds_and_pages_too() throws IOException {
    Path dir = tmp.resolve("inbox");
    copy("feed/rss2.xml", dir.resolve("economy.rss"));
    copy("feed/atom.atom", dir.resolve("society.atom"));
    copy("html/article_plain.html", dir.resolve("pages/1219.html"));
    copy("html/euc-kr.html", dir.resolve("pages/mokpo.htm"));

    IngestReport r = ingest(dir);

    assertThat(r.files()).isEqualTo(4);
    assertThat(r.filesRejected()).isZero();
    assertThat(r.rejected()).as("the RSS item with an unreadable pubDate").isEqualTo(1);
    assertThat(r.added()).isEqualTo(4 + 3 + 2);
    assertThat(count()).isEqualTo(9);
  }

  @Test
  void directory_without_news_files_names_every_extension_it_looked_for() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("nothing-here"));
    Files.writeString(dir.resolve("notes.md"), "메모\n");

    IngestReport r = ingest(dir);

    assertThat(r.rejections()).singleElement().satisfies(rej -> assertThat(rej.problem())
        .isEqualTo("directory holds no .txt, .jsonl, .ndjson, .json, .rss, .atom, .xml, .html or .htm files"));
  }

  @Test
  void feed_and_page_with_unknown_extensions_are_read_by_their_content() throws IOException {
    Path feed = copy("feed/atom.atom", tmp.resolve("society.feed"));
    Path page = copy("html/article_full.html", tmp.resolve("article.php"));

    IngestReport r = ingest(feed, page);

    assertThat(r.hasRejections()).isFalse();
    assertThat(r.added()).isEqualTo(4);
  }

  @Test
  void binary_file_named_html_is_rejected_and_the_rest_is_indexed() throws IOException {
    Path png = Files.write(tmp.resolve("photo.html"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});

    IngestReport r = ingest(png, Fixtures.path("ingest/news.txt"));

    assertThat(r.rejections()).singleElement().hasToString(png + ": not an HTML page: binary data (a PNG image)");
    assertThat(r.added()).isEqualTo(2);
  }

  @Test
  void external_entity_pointing_at_a_local_file_indexes_nothing_of_it() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SOSIK-SECRET-4b1d 비밀번호\n");
    Path feed = Files.writeString(tmp.resolve("evil.xml"), "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE rss [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<rss><channel><title>엿보기일보</title>\n<item><title>비밀 &s;</title><link>https://peek.example/1</link>"
        + "<description>본문 &s;</description></item></channel></rss>\n");

    IngestReport r = ingest(feed);

    assertThat(r.added()).isZero();
    assertThat(count()).isZero();
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(feed.toString());
      assertThat(rej.problem()).contains("DTD").doesNotContain("SOSIK-SECRET");
    });
  }

  @Test
  void not_well_formed_feed_keeps_the_items_before_the_break_and_names_file_line_and_column() throws IOException {
    Path file = Fixtures.path("feed/not_well_formed.xml");

    IngestReport r = ingest(file);

    assertThat(r.added()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(rej ->
        assertThat(rej.toString()).startsWith(file + ":11: not well-formed XML at line 11, column "));
  }
}
