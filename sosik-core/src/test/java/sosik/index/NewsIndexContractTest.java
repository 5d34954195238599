package sosik.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.InvalidQueryException;
import sosik.search.PortalQueryParser;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;
import sosik.search.SortOrder;

/**
 * The behaviour every {@link NewsIndex} must have. A backend's test extends this and supplies the
 * index; the same queries must give the same exact counts and ids on every backend.
 */
public abstract class NewsIndexContractTest {
  @TempDir protected Path dir;
  protected NewsIndex index;

  /** A new, empty, writable index. */
  protected abstract NewsIndex create(Path dir) throws IOException;

  /** The same index opened again, as a new process would (only committed writes are there). */
  protected abstract NewsIndex reopen(Path dir) throws IOException;

  private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

  protected static Article article(String title, String body, String press, String reporter, String date, String url) {
    return NORMALIZER.normalize(
        new ArticleDraft(title, body, press, reporter == null ? List.of() : List.of(reporter), null, date, url, null, Map.of()));
  }

  // Hand-written fixtures: eight short articles, five presses, three days, one undated.
  protected static final Article CHIP =
      article("누리칩스, AI반도체 시제품 공개", "국내 팹리스 누리칩스가 저전력 AI반도체 시제품을 공개했다. 회사는 내년 양산을 목표로 한다.",
          "한빛일보", "김서연", "2026-10-01T09:00:00+09:00", "https://hanbit.example/news/1");
  protected static final Article CHIP_WIRE =
      article("누리칩스 AI 반도체 공개…내년 양산 목표", "누리칩스가 인공지능(AI) 반도체 시제품을 1일 공개했다고 밝혔다. 반도체가 핵심이다.",
          "한결통신", "박준호", "2026-10-01T08:00:00+09:00", "https://hangyeol.example/a/77");
  protected static final Article BATTERY =
      article("배터리 업계, 반도체 장비 투자 확대", "이차전지와 반도체 장비 분야 투자가 늘고 있다. 배터리 3사는 설비를 늘린다.",
          "새날경제", "이도윤", "2026-10-02T10:30:00+09:00", "https://saenal.example/b/5");
  protected static final Article RATES =
      article("한은, 기준금리 동결…환율 1450원대", "한국은행이 기준금리를 동결했다. 원·달러 환율은 1450원대에서 움직였다.",
          "한결통신", "최하늘", "2026-10-03T11:00:00+09:00", "https://hangyeol.example/a/78");
  protected static final Article QUANTUM =
      article("양자컴퓨터 연구단 출범", "정부가 양자컴퓨터 연구단을 출범시켰다. 과학기술정보통신부(과기부)가 주관한다.",
          "동녘신문", "정다은", "2026-10-03T15:00:00+09:00", null);
  protected static final Article HOSTILE =
      article("<b>굵은</b> 제목과 반도체 & 특수문자", "본문에 <script>alert(1)</script> 와 반도체 & 기호가 들어 있다.",
          "누리뉴스", "오세린", "2026-10-02T12:00:00+09:00", "https://nuri.example/x/9");
  protected static final Article UNDATED =
      article("반도체 수출 회복세", "반도체 수출이 석 달 연속 늘었다는 분석이 나왔다.", "새날경제", "이도윤", null, null);
  protected static final Article TITLE_ONLY =
      article("반도체 클러스터 착공", "용인에서 대규모 산업단지 공사가 시작됐다.", "동녘신문", "정다은", "2026-10-02T08:00:00+09:00", null);

  protected static final List<Article> ALL = List.of(CHIP, CHIP_WIRE, BATTERY, RATES, QUANTUM, HOSTILE, UNDATED, TITLE_ONLY);

  @BeforeEach
  void open() throws IOException {
    index = create(dir);
  }

  @AfterEach
  void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  protected void indexAll() throws IOException {
    index.upsert(ALL);
    index.commit();
  }

  protected SearchPage search(String q) throws IOException {
    return index.search(SearchRequest.of(q).withPage(1, 100));
  }

  protected static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchPage.Hit::id).toList();
  }

  @Test
  void upsert_reports_added_then_unchanged_then_updated() throws IOException {
    assertThat(index.upsert(List.of(CHIP, RATES))).containsExactly(NewsIndex.Outcome.ADDED, NewsIndex.Outcome.ADDED);
    index.commit();
    assertThat(index.upsert(List.of(CHIP))).containsExactly(NewsIndex.Outcome.UNCHANGED);
    Article edited = article(CHIP.title(), CHIP.body() + " 추가 취재 내용.", CHIP.press(), "김서연", "2026-10-01T09:00:00+09:00", CHIP.url());
    assertThat(edited.id()).isEqualTo(CHIP.id());
    assertThat(index.upsert(List.of(edited))).containsExactly(NewsIndex.Outcome.UPDATED);
    index.commit();
    assertThat(index.stats().articles()).isEqualTo(2);
    assertThat(index.get(CHIP.id())).get().extracting(Article::body).isEqualTo(edited.body());
  }

  @Test
  void the_same_article_twice_in_one_batch_is_stored_once() throws IOException {
    assertThat(index.upsert(List.of(CHIP, CHIP))).containsExactly(NewsIndex.Outcome.ADDED, NewsIndex.Outcome.UNCHANGED);
    index.commit();
    assertThat(index.stats().articles()).isEqualTo(1);
  }

  @Test
  void only_committed_writes_survive_a_reopen() throws IOException {
    index.upsert(List.of(CHIP));
    index.commit();
    index.upsert(List.of(RATES));
    index.close();
    index = reopen(dir);
    assertThat(index.stats().articles()).isEqualTo(1);
    assertThat(index.get(RATES.id())).isEmpty();
    assertThat(index.get(CHIP.id())).isPresent();
  }

  @Test
  void get_returns_every_stored_field() throws IOException {
    indexAll();
    Article a = index.get(CHIP.id()).orElseThrow();
    assertThat(a).isEqualTo(CHIP);
    assertThat(index.get("no-such-id")).isEmpty();
  }

  @Test
  void delete_removes_an_article_and_says_whether_it_existed() throws IOException {
    indexAll();
    assertThat(index.delete(RATES.id())).isTrue();
    assertThat(index.delete(RATES.id())).isFalse();
    index.commit();
    assertThat(index.get(RATES.id())).isEmpty();
    assertThat(index.stats().articles()).isEqualTo(ALL.size() - 1);
  }

  @Test
  void every_word_must_match_and_counts_are_exact() throws IOException {
    indexAll();
    assertThat(search("반도체").total()).isEqualTo(6);
    assertThat(ids(search("누리칩스 반도체"))).containsExactlyInAnyOrder(CHIP.id(), CHIP_WIRE.id());
    assertThat(search("반도체 금리").total()).isZero();
  }

  @Test
  void inflected_forms_match_and_are_marked() throws IOException {
    indexAll();
    SearchPage p = search("반도체");
    SearchPage.Hit wire = p.hits().stream().filter(h -> h.id().equals(CHIP_WIRE.id())).findFirst().orElseThrow();
    assertThat(wire.snippet().markedWords()).contains("반도체");
    assertThat(wire.snippet().text()).contains("반도체가");
  }

  @Test
  void portal_operators_exclude_must_or_and_phrase() throws IOException {
    indexAll();
    assertThat(ids(search("반도체 -배터리"))).doesNotContain(BATTERY.id()).hasSize(5);
    assertThat(ids(search("+반도체 +배터리"))).containsExactly(BATTERY.id());
    assertThat(ids(search("양자컴퓨터 | 기준금리"))).containsExactlyInAnyOrder(QUANTUM.id(), RATES.id());
    assertThat(ids(search("\"반도체 장비\""))).containsExactly(BATTERY.id());
    assertThat(ids(search("\"장비 반도체\""))).isEmpty();
  }

  @Test
  void mixed_script_query_finds_spaced_and_glued_forms() throws IOException {
    indexAll();
    assertThat(ids(search("AI반도체"))).contains(CHIP.id());
    assertThat(ids(search("AI 반도체"))).contains(CHIP.id(), CHIP_WIRE.id());
  }

  @Test
  void field_scopes_press_reporter_and_title() throws IOException {
    indexAll();
    assertThat(ids(search("언론사:한결통신"))).containsExactlyInAnyOrder(CHIP_WIRE.id(), RATES.id());
    assertThat(ids(search("기자:이도윤 반도체"))).containsExactlyInAnyOrder(BATTERY.id(), UNDATED.id());
    assertThat(ids(search("제목:클러스터"))).containsExactly(TITLE_ONLY.id());
    assertThat(ids(index.search(SearchRequest.of("착공").withTitleOnly(true)))).containsExactly(TITLE_ONLY.id());
    assertThat(ids(index.search(SearchRequest.of("공사").withTitleOnly(true)))).isEmpty();
  }

  @Test
  void press_filter_keeps_counts_of_other_presses() throws IOException {
    indexAll();
    SearchPage p = index.search(SearchRequest.of("반도체").withPress(List.of("새날경제", "누리뉴스")).withPage(1, 50));
    assertThat(p.total()).isEqualTo(3);
    assertThat(p.hits()).allSatisfy(h -> assertThat(h.press()).isIn("새날경제", "누리뉴스"));
    assertThat(p.pressCounts())
        .containsEntry("새날경제", 2L).containsEntry("한빛일보", 1L).containsEntry("한결통신", 1L)
        .containsEntry("누리뉴스", 1L).containsEntry("동녘신문", 1L);
    assertThat(p.pressCounts().keySet()).first().isEqualTo("새날경제");
  }

  @Test
  void period_filter_is_inclusive_and_skips_undated() throws IOException {
    indexAll();
    Instant from = Instant.parse("2026-10-01T23:00:00Z"); // 2 Oct 08:00 KST
    Instant to = Instant.parse("2026-10-02T03:00:00Z"); // 2 Oct 12:00 KST
    SearchPage p = index.search(SearchRequest.of("반도체").withRange(from, to));
    assertThat(ids(p)).containsExactlyInAnyOrder(TITLE_ONLY.id(), BATTERY.id(), HOSTILE.id());
  }

  @Test
  void latest_and_oldest_order_by_date_with_undated_last() throws IOException {
    indexAll();
    List<String> latest = ids(index.search(SearchRequest.of("반도체").withSort(SortOrder.LATEST)));
    assertThat(latest).containsExactly(HOSTILE.id(), BATTERY.id(), TITLE_ONLY.id(), CHIP.id(), CHIP_WIRE.id(), UNDATED.id());
    List<String> oldest = ids(index.search(SearchRequest.of("반도체").withSort(SortOrder.OLDEST)));
    assertThat(oldest).containsExactly(CHIP_WIRE.id(), CHIP.id(), TITLE_ONLY.id(), BATTERY.id(), HOSTILE.id(), UNDATED.id());
  }

  @Test
  void relevance_weighs_the_headline_above_the_body() throws IOException {
    indexAll();
    // 착공 appears in one headline; 공사 only in that article's body: both find it, and a headline
    // word outranks a body word across articles
    SearchPage p = search("반도체");
    assertThat(p.hits().get(0).title()).contains("반도체");
  }

  @Test
  void paging_walks_the_results_and_the_total_stays_exact() throws IOException {
    indexAll();
    List<String> all = ids(index.search(SearchRequest.of("반도체").withSort(SortOrder.LATEST).withPage(1, 10)));
    List<String> walked = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      SearchPage p = index.search(SearchRequest.of("반도체").withSort(SortOrder.LATEST).withPage(page, 2));
      assertThat(p.total()).isEqualTo(6);
      walked.addAll(ids(p));
    }
    assertThat(walked).isEqualTo(all);
    assertThat(index.search(SearchRequest.of("반도체").withPage(4, 2)).hits()).isEmpty();
  }

  @Test
  void article_markup_is_escaped_in_html_snippets() throws IOException {
    indexAll();
    SearchPage.Hit h = index.search(SearchRequest.of("특수문자")).hits().get(0);
    assertThat(h.titleMarked().toHtml()).contains("&lt;b&gt;").doesNotContain("<b>").contains("<mark>특수문자</mark>");
    SearchPage.Hit body = index.search(SearchRequest.of("기호")).hits().get(0);
    assertThat(body.snippet().toHtml()).contains("&lt;script&gt;").doesNotContain("<script>").contains("&amp;");
  }

  @Test
  void an_empty_query_lists_everything_and_exclusions_alone_work() throws IOException {
    indexAll();
    assertThat(search("").total()).isEqualTo(ALL.size());
    assertThat(search("-반도체").total()).isEqualTo(ALL.size() - 6);
    // a query of particles and punctuation alone has no searchable word: it lists everything
    assertThat(search("을 는 .,!").total()).isEqualTo(ALL.size());
  }

  @Test
  void lucene_syntax_is_plain_text() throws IOException {
    indexAll();
    for (String q : List.of("반도체*", "*반도체", "반도체~", "반도체^", "(반도체)", "/반도체/", "[반도체]", "반도체:")) {
      assertThat(ids(search(q))).as(q).containsExactlyInAnyOrderElementsOf(ids(search("반도체")));
    }
    for (String q : List.of("(반도체 OR 금리)", "반도체~2", "반도체^10", "/반.*/", "\\", "[a TO z]", "foo:bar", "*", "?", "\"\"", "-", "|")) {
      assertThat(search(q).total()).as(q).isGreaterThanOrEqualTo(0);
    }
    // OR is a plain word, not an operator: nothing has both 반도체, OR and 금리
    assertThat(search("(반도체 OR 금리)").total()).isZero();
  }

  @Test
  void huge_queries_are_refused_with_a_reason() {
    assertThatThrownBy(() -> PortalQueryParser.parse("반".repeat(10_000)))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("10,000 characters");
    assertThatThrownBy(() -> PortalQueryParser.parse("가 ".repeat(1_000).strip().substring(0, 999)))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("words");
  }

  @Test
  void stats_count_articles_presses_and_dates() throws IOException {
    indexAll();
    IndexStats s = index.stats();
    assertThat(s.articles()).isEqualTo(ALL.size());
    assertThat(s.pressCounts()).hasSize(5).containsEntry("동녘신문", 2L);
    assertThat(s.earliest()).isEqualTo(Instant.parse("2026-09-30T23:00:00Z"));
    assertThat(s.latest()).isEqualTo(Instant.parse("2026-10-03T06:00:00Z"));
    assertThat(s.undated()).isEqualTo(1);
    assertThat(s.sizeBytes()).isPositive();
  }

  @Test
  void for_each_visits_every_article_once() throws IOException {
    indexAll();
    List<String> seen = new ArrayList<>();
    index.forEach(a -> seen.add(a.id()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ALL.stream().map(Article::id).toList());
  }
}
