package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.Ingestor;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;
import sosik.testing.SharedData;

/**
 * The marks read straight from the postings ({@link PostingsMarks}) are those Lucene's unified
 * highlighter finds: on the real company-news articles, for words, several words, quoted phrases,
 * exclusions, alternatives, headline-only words and abbreviation pairs, every hit's marked headline
 * and body snippet are the same either way, on plain and grouped pages; and on texts written to
 * hold repeated, overlapping and split phrases.
 */
class PostingsMarksTest {
  @TempDir static Path dir;
  static LuceneNewsIndex index;
  static List<Article> sample = new ArrayList<>();

  @BeforeAll
  static void indexCompanyNews() throws IOException {
    Path data = SharedData.file("data/company-news-2019/data/카카오/contents.txt").getParent().getParent().getParent();
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(data), "company-tsv");
    index.commit();
    Random rnd = new Random(20261125L);
    SearchPage all = index.search(SearchRequest.of("기업").withPage(1, 100));
    for (SearchPage.Hit h : all.hits()) {
      if (rnd.nextInt(3) == 0) {
        sample.add(index.get(h.id()).orElseThrow());
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    // null when the shared data is missing: the tests were skipped, not failed
    if (index != null) {
      index.close();
    }
  }

  /** Queries made from the sample's own words: one, two and three of them, phrases, operators. */
  static List<String> queries() {
    Random rnd = new Random(7);
    Set<String> out = new LinkedHashSet<>(List.of(
        "카카오", "카카오 택시", "\"카카오 택시\"", "삼성전자 반도체", "반도체 -삼성전자", "네이버 | 카카오", "+카카오 모빌리티",
        "제목:카카오", "공정위", "공정거래위원회", "MS", "마이크로소프트", "인공지능 AI", "5G", "LG유플러스", "카카오뱅크 인터넷은행"));
    for (Article a : sample) {
      String[] t = a.title().split("\\s+");
      String[] b = a.body().split("\\s+");
      if (t.length > 2) {
        out.add(t[rnd.nextInt(t.length)]);
        int i = rnd.nextInt(t.length - 1);
        out.add(t[i] + " " + t[i + 1]);
      }
      if (b.length > 10) {
        int i = rnd.nextInt(b.length - 3);
        out.add("\"" + b[i] + " " + b[i + 1] + "\"");
        out.add(b[i] + " " + b[i + 2] + " " + b[i + 3]);
        out.add(b[i] + " -" + b[i + 1]);
      }
    }
    out.removeIf(q -> q.isBlank() || q.contains("\"\""));
    return new ArrayList<>(out);
  }

  private static List<List<Object>> marks(SearchPage p) {
    List<List<Object>> out = new ArrayList<>();
    for (SearchPage.Hit h : p.hits()) {
      out.add(List.of(h.id(), h.titleMarked(), h.snippet()));
    }
    return out;
  }

  @Test
  void pages_marked_from_the_postings_equal_the_highlighters() throws IOException {
    List<String> queries = queries();
    assertThat(queries).hasSizeGreaterThan(80);
    int pages = 0;
    int marked = 0;
    long before = index.postingsMarked();
    for (String q : queries) {
      for (boolean grouped : new boolean[] {false, true}) {
        for (int page = 1; page <= 2; page++) {
          SearchRequest r = SearchRequest.of(q).withPage(page, 10).withGrouped(grouped);
          index.usePostingsMarks(false);
          SearchPage highlighter = index.search(r);
          index.usePostingsMarks(true);
          SearchPage postings = index.search(r);
          assertThat(marks(postings)).as("%s (page %d, grouped %s)", q, page, grouped).isEqualTo(marks(highlighter));
          pages += postings.hits().isEmpty() ? 0 : 1;
          marked += (int) postings.hits().stream().filter(h -> !h.snippet().marks().isEmpty()).count();
        }
      }
    }
    // the pages were read from the postings, and they hold marks to compare
    assertThat(index.postingsMarked() - before).isGreaterThan(pages * 9L / 10);
    assertThat(marked).isGreaterThan(pages * 3);
  }

  static Article written(int n, String title, String body) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, "한빛일보", List.of(), null, "2026-09-0" + (1 + n % 9) + "T09:00:00+09:00",
            "https://marks.example/" + n, null, Map.of()));
  }

  @Test
  void repeated_overlapping_and_split_phrases_mark_alike(@TempDir Path own) throws IOException {
    try (LuceneNewsIndex written = LuceneNewsIndex.open(own, LuceneNewsIndex.Mode.WRITE)) {
      List<Article> articles = List.of(
          written(1, "반도체 반도체 반도체 수출", "반도체 반도체 반도체 수출이 늘었다. 반도체 수출 반도체 수출 반도체."),
          written(2, "수출 반도체", "수출 반도체 그리고 반도체 수출, 또 수출. " + "한국 경제 ".repeat(60) + "반도체 수출 끝."),
          written(3, "현대중공업 조선", "현대중공업이 조선 수주를 늘렸다. 현대 중공업 노조는 현대중공업 본사 앞에서 모였다."),
          written(4, "짧은 글", "짧다."),
          written(5, "챗GPT 열풍", "챗 GPT 와 챗GPT 가 같은 말인지 묻는 사람이 많다. 챗GPT 챗GPT."));
      for (int i = 0; i < articles.size(); i++) {
        written.upsert(List.of(articles.get(i)));
        written.commit(); // one segment each: the page's hits lie in several
      }
      for (String q : List.of("반도체", "\"반도체 반도체\"", "\"반도체 수출\"", "반도체 수출", "현대중공업", "\"현대 중공업\"",
          "챗GPT", "챗 GPT", "수출 | 조선", "제목:반도체", "짧은", "짧다")) {
        SearchRequest r = SearchRequest.of(q).withPage(1, 10).withGrouped(false);
        written.usePostingsMarks(false);
        SearchPage highlighter = written.search(r);
        written.usePostingsMarks(true);
        long before = written.postingsMarked();
        SearchPage postings = written.search(r);
        assertThat(written.postingsMarked()).as(q).isGreaterThan(before);
        assertThat(marks(postings)).as(q).isEqualTo(marks(highlighter));
      }
      // the overlapping phrase is marked at every occurrence, as one run
      SearchPage p = written.search(SearchRequest.of("\"반도체 반도체\"").withPage(1, 10).withGrouped(false));
      assertThat(p.hits()).extracting(SearchPage.Hit::id).contains(articles.get(0).id());
      SearchPage.Hit first = p.hits().stream().filter(h -> h.id().equals(articles.get(0).id())).findFirst().orElseThrow();
      assertThat(first.titleMarked().markedWords()).containsExactly("반도체 반도체 반도체");
    }
  }
}
