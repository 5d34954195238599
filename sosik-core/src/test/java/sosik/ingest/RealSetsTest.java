package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.article.ArticleId;
import sosik.article.PressNames;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.testing.SharedData;

/**
 * The readers of the real Korean data sets on the files in {@code ../shared/data}, read where they
 * lie. The counts are those of the files as SOURCES.md describes them.
 */
class RealSetsTest {
  static final String COMPANY = "data/company-news-2019";
  private static final String SOYNLP = "data/soynlp-navernews-20161020/doublespace_line_corpus_sample.txt";
  private static final String SCI_NEWS = "data/sci-news-sum-kr-50/data";
  private static final String YNAT = "data/ynat-headlines-dacon/train_data.csv";

  /** Rows in the company-news-2019 .txt files (lines that are not blank). */
  static final int COMPANY_ROWS = 4_143;
  /** Rows whose body column is empty: the normalizer rejects them. */
  static final int COMPANY_EMPTY_BODIES = 12;
  /** Articles left once the rows are identified by their canonical URL. */
  static final int COMPANY_UNIQUE = 2_012;

  @TempDir Path tmp;

  /** The company-news-2019 .txt files, in path order. */
  static List<Path> companyFiles() throws IOException {
    SharedData.file(COMPANY + "/data/카카오/contents.txt");
    Path dir = SharedData.dir().resolve(COMPANY);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(new CompanyTsvReader()::reads).sorted().toList();
    }
  }

  static CollectingSink readAll(ArticleReader reader, List<Path> files) throws IOException {
    CollectingSink all = new CollectingSink();
    for (Path f : files) {
      CollectingSink s = CollectingSink.read(reader, f);
      all.articles.addAll(s.articles);
      all.rejections.addAll(s.rejections);
    }
    return all;
  }

  // --- company-news-2019 ----------------------------------------------------------------------

  @Test
  void company_tsv_reads_every_row_of_the_18_txt_files_and_rejects_none() throws IOException {
    List<Path> files = companyFiles();
    CollectingSink s = readAll(new CompanyTsvReader(), files);

    assertThat(files).hasSize(18);
    assertThat(s.rejections).isEmpty();
    assertThat(s.articles).hasSize(COMPANY_ROWS);
  }

  @Test
  void company_tsv_rows_normalize_except_the_empty_bodies_and_collapse_by_canonical_url() throws IOException {
    CollectingSink s = readAll(new CompanyTsvReader(), companyFiles());
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> articles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ArticleDraft d : s.drafts()) {
      try {
        articles.add(normalizer.normalize(d));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }

    assertThat(problems).hasSize(COMPANY_EMPTY_BODIES).allSatisfy(p -> assertThat(p).contains("'body' is empty"));
    assertThat(articles).extracting(Article::url).allSatisfy(u -> assertThat(u).startsWith("https://n.news.naver.com/mnews/article/"));
    assertThat(articles.stream().map(Article::id).distinct().count()).isEqualTo(COMPANY_UNIQUE);
    Set<String> rawUrls = s.drafts().stream().map(ArticleDraft::url).map(String::strip).collect(Collectors.toSet());
    assertThat(rawUrls.size()).as("raw URLs, before canonical forms merge").isGreaterThanOrEqualTo(COMPANY_UNIQUE);
  }

  @Test
  void company_tsv_dates_are_korea_days_within_the_crawl() throws IOException {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Instant> dates = readAll(new CompanyTsvReader(), companyFiles()).drafts().stream()
        .map(d -> normalizer.normalize(new ArticleDraft(d.title(), "본문", d.press(), d.reporters(), null, d.publishedAt(), d.url(), null, Map.of())))
        .map(Article::publishedAt)
        .toList();

    assertThat(dates).doesNotContainNull();
    assertThat(dates.stream().min(Instant::compareTo).orElseThrow()).isEqualTo(Instant.parse("2018-09-02T15:00:00Z"));
    assertThat(dates.stream().max(Instant::compareTo).orElseThrow()).isEqualTo(Instant.parse("2019-12-02T15:00:00Z"));
  }

  @Test
  void company_tsv_press_labels_are_all_known_presses() throws IOException {
    CollectingSink s = readAll(new CompanyTsvReader(), companyFiles());
    Map<String, Long> byPress = s.drafts().stream().collect(Collectors.groupingBy(ArticleDraft::press, TreeMap::new, Collectors.counting()));

    assertThat(byPress).hasSize(67);
    assertThat(byPress.keySet()).allSatisfy(p -> assertThat(PressNames.isKnown(p)).as(p).isTrue());
    assertThat(byPress).containsEntry("이데일리", 243L).containsEntry("연합뉴스", 256L);
  }

  @Test
  void company_tsv_naver_codes_in_the_urls_name_the_press_of_the_label() throws IOException {
    // the press list's Naver codes checked against the data: each URL's oid and its row's label
    // name the same press (108 is 스타뉴스, which Naver labelled MoneyToday, its parent)
    CollectingSink s = readAll(new CompanyTsvReader(), companyFiles());
    List<String> mismatches = new ArrayList<>();
    for (ArticleDraft d : s.drafts()) {
      String byCode = PressNames.byNaverOid(NaverNews.oid(d.url()));
      if (byCode != null && !byCode.equals(d.press()) && !"108".equals(NaverNews.oid(d.url()))) {
        mismatches.add(d.url() + " " + d.press() + " " + byCode);
      }
    }

    assertThat(mismatches).isEmpty();
  }

  @Test
  void company_news_ingested_twice_into_a_fresh_index_leaves_the_same_count() throws IOException {
    companyFiles();
    Path dir = SharedData.dir().resolve(COMPANY);
    Path indexDir = tmp.resolve("index");
    IngestReport first;
    IngestReport second;
    long afterFirst;
    try (LuceneNewsIndex index = LuceneNewsIndex.open(indexDir, LuceneNewsIndex.Mode.WRITE)) {
      first = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(dir), "company-tsv");
      afterFirst = index.stats().articles();
      second = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(dir), "company-tsv");
    }

    // the directory also holds .xlsx files: only the 18 .txt files are read
    assertThat(first.files()).isEqualTo(18);
    assertThat(first.filesRejected()).isZero();
    assertThat(first.read()).isEqualTo(COMPANY_ROWS - COMPANY_EMPTY_BODIES);
    assertThat(first.rejected()).isEqualTo(COMPANY_EMPTY_BODIES);
    assertThat(first.added()).isEqualTo(COMPANY_UNIQUE);
    assertThat(afterFirst).isEqualTo(COMPANY_UNIQUE);
    assertThat(second.added()).isZero();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(indexDir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(index.stats().articles()).isEqualTo(COMPANY_UNIQUE);
    }
    System.out.printf("company-news-2019 ingest: %,d raw rows, %,d rejected (empty body), %,d read, %,d unique articles kept; "
            + "second run: %,d added, %,d updated, %,d unchanged%n",
        COMPANY_ROWS, first.rejected(), first.read(), afterFirst, second.added(), second.updated(), second.unchanged());
  }

  // --- the other sets -------------------------------------------------------------------------

  @Test
  void soynlp_lines_reads_482_articles_with_short_headlines() throws IOException {
    CollectingSink s = CollectingSink.read(new SoynlpLinesReader(), SharedData.file(SOYNLP));
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> articles = s.drafts().stream().map(normalizer::normalize).toList();

    assertThat(s.rejections).isEmpty();
    assertThat(articles).hasSize(482);
    assertThat(articles).extracting(Article::title)
        .allSatisfy(t -> assertThat(t.length()).isBetween(1, SoynlpLinesReader.MAX_TITLE_CHARS + 1));
    assertThat(articles).extracting(Article::url).containsOnlyNulls();
    assertThat(articles.stream().map(Article::id).distinct().count()).isEqualTo(482);
  }

  @Test
  void sci_news_json_reads_50_articles_with_their_press_from_the_naver_code() throws IOException {
    Path dir = SharedData.file(SCI_NEWS + "/01.json").getParent();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(new SciNewsJsonReader()::reads).sorted().toList();
    }
    CollectingSink s = readAll(new SciNewsJsonReader(), files);
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> articles = s.drafts().stream().map(normalizer::normalize).toList();

    assertThat(s.rejections).isEmpty();
    assertThat(articles).hasSize(50);
    assertThat(articles).extracting(Article::press).doesNotContainNull();
    assertThat(articles).extracting(Article::section).containsOnly("IT과학");
    assertThat(articles).extracting(Article::url).allSatisfy(u -> assertThat(u).startsWith("https://n.news.naver.com/mnews/article/"));
    assertThat(articles).allSatisfy(a -> assertThat(a.extra()).containsKeys("slug", "summaries"));
    assertThat(articles.stream().map(Article::id).distinct().count()).isEqualTo(50);
  }

  @Test
  void ynat_headlines_reads_45654_headlines_into_their_seven_sections() throws IOException {
    CollectingSink s = CollectingSink.read(new YnatHeadlinesReader(), SharedData.file(YNAT));
    Map<String, Long> bySection = s.drafts().stream()
        .collect(Collectors.groupingBy(ArticleDraft::section, TreeMap::new, Collectors.counting()));

    assertThat(s.rejections).isEmpty();
    assertThat(s.articles).hasSize(45_654);
    assertThat(bySection).containsExactlyInAnyOrderEntriesOf(Map.of(
        "IT과학", 4_824L, "경제", 6_222L, "사회", 7_362L, "생활문화", 5_933L, "세계", 7_629L, "스포츠", 6_933L, "정치", 6_751L));
    ArticleNormalizer normalizer = new ArticleNormalizer();
    Set<String> ids = new HashSet<>();
    for (ArticleDraft d : s.drafts()) {
      ids.add(normalizer.normalize(d).id());
    }
    assertThat(ids).hasSize(45_654);
  }

  @Test
  void ynat_rows_are_numbered_by_their_line_in_the_file() throws IOException {
    CollectingSink s = CollectingSink.read(new YnatHeadlinesReader(), SharedData.file(YNAT));

    // no title in this file holds a line break: row N (from 0) is line N + 2
    assertThat(s.articleLines().get(0)).isEqualTo(2);
    assertThat(s.articleLines().get(s.articles.size() - 1)).isEqualTo(45_655);
  }

  @Test
  void canonical_urls_of_the_company_rows_have_the_naver_article_form() throws IOException {
    CollectingSink s = readAll(new CompanyTsvReader(), companyFiles());

    assertThat(s.drafts()).extracting(d -> ArticleId.canonicalUrl(d.url()))
        .allSatisfy(u -> assertThat(u).matches("https://n\\.news\\.naver\\.com/mnews/article/\\d{3}/\\d{10}"));
  }
}
