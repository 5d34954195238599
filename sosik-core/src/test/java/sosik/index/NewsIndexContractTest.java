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

  /** Adds an abbreviation pair by hand to {@link #index}, stored and used at once. */
  protected abstract void addPair(String shortForm, String longForm) throws IOException;

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
  void a_suffix_contraction_finds_the_long_form_and_back() throws IOException {
    Article longForm = article("한빛자동차, 전기 트럭 공개", "한빛자동차가 새 전기 트럭을 공개했다.", "한빛일보", "김서연",
        "2026-10-04T09:00:00+09:00", "https://hanbit.example/news/car-1");
    Article shortForm = article("한빛차 노조 파업 예고", "한빛차 노조가 다음 주 파업을 예고했다.", "새날경제", "이도윤",
        "2026-10-04T10:00:00+09:00", "https://saenal.example/b/car-2");
    Article other = article("자동차 부품 수출 늘어", "자동차 부품 수출이 늘었다. 확대 전망이 나온다.", "동녘신문", "정다은",
        "2026-10-04T11:00:00+09:00", "https://dongnyeok.example/c/3");
    index.upsert(List.of(longForm, shortForm, other));
    index.commit();
    assertThat(ids(search("한빛차"))).containsExactlyInAnyOrder(longForm.id(), shortForm.id());
    assertThat(ids(search("한빛자동차"))).containsExactlyInAnyOrder(longForm.id(), shortForm.id());
    assertThat(search("한빛차").total()).isEqualTo(2);
    // a quoted word means these very words
    assertThat(ids(search("\"한빛차\""))).containsExactly(shortForm.id());
    assertThat(ids(search("확대"))).containsExactly(other.id());
  }

  @Test
  void for_each_title_visits_every_stored_headline_once() throws IOException {
    indexAll();
    index.delete(RATES.id());
    index.commit();
    List<String> titles = new java.util.ArrayList<>();
    index.forEachTitle(titles::add);
    assertThat(titles).containsExactlyInAnyOrderElementsOf(
        ALL.stream().filter(a -> a != RATES).map(Article::title).toList());
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
  void optimize_merges_the_segments_writes_what_is_pending_and_keeps_every_article() throws IOException {
    index.upsert(ALL.subList(0, 3));
    index.commit();
    index.upsert(ALL.subList(3, 6));
    index.commit();
    index.upsert(ALL.subList(6, ALL.size()));
    index.commit();
    IndexStats before = index.stats();
    assertThat(before.segments()).isGreaterThanOrEqualTo(2);
    List<String> found = ids(search("반도체"));
    // written but not committed: optimize writes them first
    index.delete(BATTERY.id());
    Article later = article("반도체 기판 공장 증설", "기판 업체가 반도체 기판 공장을 늘린다.", "한빛일보", "김서연",
        "2026-10-04T09:00:00+09:00", "https://hanbit.example/news/2");
    index.upsert(List.of(later));

    index.optimize(1);

    IndexStats after = index.stats();
    assertThat(after.segments()).isEqualTo(1);
    assertThat(after.articles()).isEqualTo(ALL.size());
    List<String> expected = new ArrayList<>(found);
    expected.remove(BATTERY.id());
    expected.add(later.id());
    assertThat(ids(search("반도체"))).containsExactlyInAnyOrderElementsOf(expected);
    assertThatThrownBy(() -> index.optimize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    index.close();
    index = reopen(dir);
    assertThat(index.stats().segments()).isEqualTo(1);
    assertThat(ids(search("반도체"))).containsExactlyInAnyOrderElementsOf(expected);
    // still written to as before: a new segment
    index.upsert(List.of(article("반도체 검사 장비 수주", "검사 장비 업체가 반도체 장비를 수주했다.", "새날경제", "이도윤",
        "2026-10-05T09:00:00+09:00", "https://saenal.example/b/6")));
    index.commit();
    assertThat(index.stats().segments()).isEqualTo(2);
    assertThat(search("반도체").total()).isEqualTo(expected.size() + 1);
  }

  @Test
  void for_each_visits_every_article_once() throws IOException {
    indexAll();
    List<String> seen = new ArrayList<>();
    index.forEach(a -> seen.add(a.id()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ALL.stream().map(Article::id).toList());
  }

  // ---- related coverage ----

  private SearchPage grouped(String q) throws IOException {
    return index.search(SearchRequest.of(q).withPage(1, 100).withGrouped(true));
  }

  private static java.util.Set<String> memberIds(sosik.group.GroupSummary g) {
    return g.members().stream().map(sosik.group.GroupMember::id).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void reprints_of_a_wire_story_form_one_group_and_another_story_stays_apart() throws IOException {
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    SearchPage p = grouped("바다로지스");
    assertThat(p.total()).isEqualTo(5);
    assertThat(p.groupCount()).isEqualTo(2);
    assertThat(p.hits()).hasSize(2);
    assertThat(p.groups()).hasSize(2);
    SearchPage.HitGroup wire = p.groups().stream().filter(g -> g.matching() == 4).findFirst().orElseThrow();
    SearchPage.HitGroup other = p.groups().stream().filter(g -> g.matching() == 1).findFirst().orElseThrow();
    assertThat(wire.related()).isEqualTo(3);
    assertThat(other.related()).isZero();
    assertThat(memberIds(other.summary())).containsExactly(GroupFixtures.OTHER_STORY.id());
    sosik.group.GroupSummary s = wire.summary();
    assertThat(memberIds(s)).containsExactlyInAnyOrder(
        GroupFixtures.WIRE.id(), GroupFixtures.REPRINT_1.id(), GroupFixtures.REPRINT_2.id(), GroupFixtures.REPRINT_3.id());
    assertThat(s.firstId()).isEqualTo(GroupFixtures.WIRE.id());
    assertThat(s.wireId()).isEqualTo(GroupFixtures.WIRE.id());
    assertThat(s.outlets()).isEqualTo(4);
    assertThat(s.reprintIds()).containsExactlyInAnyOrder(
        GroupFixtures.REPRINT_1.id(), GroupFixtures.REPRINT_2.id(), GroupFixtures.REPRINT_3.id());
    assertThat(s.labels(GroupFixtures.WIRE.id())).containsExactly("최초 보도", "통신 원문");
    // ungrouped, the same query lists every article and says nothing of groups
    SearchPage flat = search("바다로지스");
    assertThat(flat.total()).isEqualTo(5);
    assertThat(flat.hits()).hasSize(5);
    assertThat(flat.grouped()).isFalse();
    assertThat(flat.groups()).isEmpty();
  }

  /** The group of each article, by id. */
  private java.util.Map<String, String> groupsOf(List<Article> articles) throws IOException {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    index.scan(SearchRequest.of(""), false, m -> out.put(m.id(), m.groupId()));
    out.keySet().retainAll(articles.stream().map(Article::id).toList());
    return out;
  }

  @Test
  void independent_reports_of_one_event_join_while_other_events_of_the_company_stay_apart() throws IOException {
    // the two reports share too little text for the similarity rule: the event rule must join them
    assertThat(sosik.group.Signature.of(GroupFixtures.EVENT_REPORT).similarity(sosik.group.Signature.of(GroupFixtures.EVENT_SECOND_REPORT)))
        .isLessThan(index.groupPolicy().minSimilarity());
    index.upsert(List.of(GroupFixtures.EVENT_REPORT, GroupFixtures.EVENT_OTHER_SAME_DAY));
    index.commit();
    // the second report arrives after the first is committed: found through the index's event keys
    index.upsert(List.of(GroupFixtures.EVENT_SECOND_REPORT, GroupFixtures.EVENT_FIVE_DAYS_LATER));
    index.commit();
    List<Article> all = List.of(GroupFixtures.EVENT_REPORT, GroupFixtures.EVENT_SECOND_REPORT,
        GroupFixtures.EVENT_OTHER_SAME_DAY, GroupFixtures.EVENT_FIVE_DAYS_LATER);
    java.util.Map<String, String> g = groupsOf(all);
    assertThat(g).hasSize(4);
    assertThat(g.get(GroupFixtures.EVENT_SECOND_REPORT.id())).isEqualTo(GroupFixtures.EVENT_REPORT.id());
    assertThat(g.get(GroupFixtures.EVENT_OTHER_SAME_DAY.id())).isEqualTo(GroupFixtures.EVENT_OTHER_SAME_DAY.id());
    assertThat(g.get(GroupFixtures.EVENT_FIVE_DAYS_LATER.id())).isEqualTo(GroupFixtures.EVENT_FIVE_DAYS_LATER.id());
    SearchPage p = grouped("한결모빌리티");
    assertThat(p.total()).isEqualTo(4);
    assertThat(p.groupCount()).isEqualTo(3);
  }

  @Test
  void the_event_rule_holds_within_one_batch_too() throws IOException {
    // nothing committed between them: candidates come from what the grouper placed since the last commit
    List<Article> all = List.of(GroupFixtures.EVENT_OTHER_SAME_DAY, GroupFixtures.EVENT_REPORT,
        GroupFixtures.EVENT_FIVE_DAYS_LATER, GroupFixtures.EVENT_SECOND_REPORT);
    index.upsert(all);
    index.commit();
    java.util.Map<String, String> g = groupsOf(all);
    assertThat(g.get(GroupFixtures.EVENT_SECOND_REPORT.id())).isEqualTo(GroupFixtures.EVENT_REPORT.id());
    assertThat(java.util.Set.copyOf(g.values())).hasSize(3);
  }

  @Test
  void a_later_article_joins_its_group_and_groups_survive_a_reopen() throws IOException {
    index.upsert(List.of(GroupFixtures.WIRE, GroupFixtures.REPRINT_1));
    index.commit();
    index.upsert(List.of(GroupFixtures.REPRINT_LATE));
    // not yet committed: a batch placed before the commit is found by the next one too
    index.upsert(List.of(GroupFixtures.REPRINT_3));
    index.commit();
    index.close();
    index = reopen(dir);
    SearchPage p = grouped("물류센터");
    assertThat(p.total()).isEqualTo(4);
    assertThat(p.groupCount()).isEqualTo(1);
    // members written in three commits are counted together
    assertThat(p.groups().get(0).related()).isEqualTo(3);
    sosik.group.GroupSummary s = p.groups().get(0).summary();
    assertThat(memberIds(s)).containsExactlyInAnyOrder(GroupFixtures.WIRE.id(), GroupFixtures.REPRINT_1.id(),
        GroupFixtures.REPRINT_LATE.id(), GroupFixtures.REPRINT_3.id());
    assertThat(index.groupMembers(s.groupId())).hasSize(4);
    assertThat(index.group(s.groupId())).get().extracting(sosik.group.GroupSummary::outlets).isEqualTo(4);
  }

  @Test
  void related_count_and_expansion_follow_the_filters() throws IOException {
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    SearchRequest filtered = SearchRequest.of("물류센터").withPage(1, 100).withGrouped(true).withPress(List.of("연합뉴스", "새날경제"));
    SearchPage p = index.search(filtered);
    assertThat(p.total()).isEqualTo(2);
    assertThat(p.groupCount()).isEqualTo(1);
    SearchPage.HitGroup g = p.groups().get(0);
    assertThat(g.related()).isEqualTo(1);
    assertThat(g.summary().size()).isEqualTo(4);
    // the expansion lists exactly the matching members, each with its group
    SearchPage members = index.search(filtered.withGrouped(false).withGroup(g.id()));
    assertThat(ids(members)).containsExactlyInAnyOrder(GroupFixtures.WIRE.id(), GroupFixtures.REPRINT_2.id());
    assertThat(members.groups()).hasSize(2).allSatisfy(x -> assertThat(x.id()).isEqualTo(g.id()));
    SearchPage all = index.search(SearchRequest.of("").withPage(1, 100).withGroup(g.id()));
    assertThat(all.total()).isEqualTo(4);
  }

  @Test
  void reindexing_the_same_articles_keeps_one_membership_each() throws IOException {
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    index.upsert(GroupFixtures.SAME_DAY);
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    SearchPage p = grouped("바다로지스");
    assertThat(p.total()).isEqualTo(5);
    assertThat(p.groupCount()).isEqualTo(2);
    String g = p.groups().stream().filter(x -> x.matching() == 4).findFirst().orElseThrow().id();
    assertThat(index.groupMembers(g)).hasSize(4);
  }

  @Test
  void an_update_that_changes_the_text_leaves_the_group_and_a_delete_removes_the_member() throws IOException {
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    String g = grouped("바다로지스").groups().stream().filter(x -> x.matching() == 4).findFirst().orElseThrow().id();
    Article rewritten = GroupFixtures.article(GroupFixtures.REPRINT_3.title(), GroupFixtures.OTHER_STORY.body().replace("부산", "인천"),
        GroupFixtures.REPRINT_3.press(), "2026-11-12T11:00:00+09:00", GroupFixtures.REPRINT_3.url());
    assertThat(rewritten.id()).isEqualTo(GroupFixtures.REPRINT_3.id());
    assertThat(index.upsert(List.of(rewritten))).containsExactly(NewsIndex.Outcome.UPDATED);
    assertThat(index.delete(GroupFixtures.REPRINT_1.id())).isTrue();
    index.commit();
    assertThat(index.groupMembers(g)).extracting(sosik.group.GroupMember::id)
        .containsExactlyInAnyOrder(GroupFixtures.WIRE.id(), GroupFixtures.REPRINT_2.id());
  }

  @Test
  void the_time_window_holds_and_an_undated_near_copy_joins() throws IOException {
    index.upsert(List.of(GroupFixtures.WIRE, GroupFixtures.MUCH_LATER));
    index.commit();
    assertThat(grouped("바다로지스").groupCount()).isEqualTo(2);
    index.upsert(List.of(GroupFixtures.UNDATED_COPY));
    index.commit();
    SearchPage p = grouped("바다로지스");
    assertThat(p.total()).isEqualTo(3);
    assertThat(p.groupCount()).isEqualTo(2);
    sosik.group.GroupSummary joined = p.groups().stream().filter(g -> g.matching() == 2).findFirst().orElseThrow().summary();
    assertThat(memberIds(joined)).contains(GroupFixtures.UNDATED_COPY.id());
    // the undated member comes last and is never the first report
    assertThat(joined.members().get(1).id()).isEqualTo(GroupFixtures.UNDATED_COPY.id());
    assertThat(joined.firstId()).isNotEqualTo(GroupFixtures.UNDATED_COPY.id());
  }

  @Test
  void an_article_like_two_groups_joins_the_closer_one_and_never_merges_them() throws IOException {
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    // the wire text and the other story in one article: similar to both groups
    Article bridge = GroupFixtures.article("바다로지스 물류센터 투자와 업계 경쟁 정리",
        GroupFixtures.WIRE_TEXT + " " + GroupFixtures.OTHER_STORY.body(), "바른타임즈",
        "2026-11-12T18:00:00+09:00", "https://bareun.example/t/7100");
    index.upsert(List.of(bridge));
    index.commit();
    SearchPage p = grouped("바다로지스");
    assertThat(p.total()).isEqualTo(6);
    assertThat(p.groupCount()).isEqualTo(2);
    SearchPage.HitGroup wire = p.groups().stream().filter(g -> g.matching() == 5).findFirst().orElseThrow();
    assertThat(memberIds(wire.summary())).contains(bridge.id(), GroupFixtures.WIRE.id());
    SearchPage.HitGroup other = p.groups().stream().filter(g -> g.matching() == 1).findFirst().orElseThrow();
    assertThat(memberIds(other.summary())).containsExactly(GroupFixtures.OTHER_STORY.id());
  }

  @Test
  void headline_only_articles_are_not_grouped() throws IOException {
    index.upsert(List.of(GroupFixtures.HEADLINE_1, GroupFixtures.HEADLINE_2));
    index.commit();
    SearchPage p = grouped("착공");
    assertThat(p.total()).isEqualTo(2);
    assertThat(p.groupCount()).isEqualTo(2);
    assertThat(p.groups()).allSatisfy(g -> assertThat(g.related()).isZero());
  }

  @Test
  void grouped_paging_counts_groups_and_the_total_stays_exact() throws IOException {
    indexAll();
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    SearchRequest r = SearchRequest.of("").withGrouped(true).withSort(SortOrder.OLDEST);
    SearchPage first = index.search(r.withPage(1, 5));
    SearchPage second = index.search(r.withPage(2, 5));
    assertThat(first.total()).isEqualTo(ALL.size() + 5);
    assertThat(first.groupCount()).isEqualTo(ALL.size() + 2);
    assertThat(first.hits()).hasSize(5);
    assertThat(second.hits()).hasSize(5);
    List<String> groupIds = new ArrayList<>();
    first.groups().forEach(g -> groupIds.add(g.id()));
    second.groups().forEach(g -> groupIds.add(g.id()));
    assertThat(groupIds).doesNotHaveDuplicates();
  }

  @Test
  void scan_visits_every_match_with_its_group() throws IOException {
    indexAll();
    index.upsert(GroupFixtures.SAME_DAY);
    index.commit();
    List<NewsIndex.Match> light = new ArrayList<>();
    index.scan(SearchRequest.of("바다로지스").withPage(1, 1), false, light::add);
    assertThat(light).hasSize(5).allSatisfy(m -> {
      assertThat(m.article()).isNull();
      assertThat(m.publishedAt()).isNotNull();
      assertThat(m.groupId()).isNotNull();
    });
    assertThat(light.stream().map(NewsIndex.Match::groupId).distinct()).hasSize(2);
    assertThat(light.stream().map(NewsIndex.Match::id)).containsExactlyInAnyOrderElementsOf(
        GroupFixtures.SAME_DAY.stream().map(Article::id).toList());
    List<NewsIndex.Match> full = new ArrayList<>();
    index.scan(SearchRequest.of("").withPress(List.of("새날경제")), true, full::add);
    assertThat(full).extracting(m -> m.article().title()).containsExactlyInAnyOrder(
        BATTERY.title(), UNDATED.title(), GroupFixtures.REPRINT_2.title());
  }

  // ---- freshness (sosik.search.Freshness): relevance × (1 + W·0.5^(age/H)) ----

  /** The instant the freshness tests measure ages from. */
  protected static final Instant FRESH_NOW = Instant.parse("2026-10-10T03:00:00Z"); // 10 Oct 12:00 KST

  /** Two reports of the same plan: the older says 수소버스 once more, the newer came out two hours before FRESH_NOW. */
  protected static final Article BUS_OLD =
      article("수소버스 노선 확대", "시는 수소버스 노선을 늘린다. 수소버스 충전소도 새로 짓는다.",
          "한빛일보", "김서연", "2026-10-04T12:00:00+09:00", "https://hanbit.example/news/bus-1");
  protected static final Article BUS_NEW =
      article("수소버스 노선 확대", "시는 수소버스 노선을 늘린다. 충전소도 새로 짓는다.",
          "새날경제", "이도윤", "2026-10-10T10:00:00+09:00", "https://saenal.example/b/bus-2");
  /** About 해상풍력 from headline to end, twenty days before FRESH_NOW. */
  protected static final Article WIND_DEEP =
      article("해상풍력 단지 인허가 완료", "서남해 해상풍력 단지가 인허가를 마쳤다. 해상풍력 발전기 40기가 들어서며 해상풍력 전력은 내년부터 공급된다.",
          "동녘신문", "정다은", "2026-09-20T12:00:00+09:00", "https://dongnyeok.example/w/1");
  /** Mentions 해상풍력 once in passing, an hour before FRESH_NOW. */
  protected static final Article WIND_PASSING =
      article("지역 경제 동향 브리핑", "도는 관광객 증가와 소비 회복을 발표했다. 항만 물동량과 일자리도 늘었다. "
              + "도지사는 해상풍력 등 신산업도 언급했다. 전통시장 매출은 제자리였고 청년 창업은 늘었다.",
          "한결통신", "박준호", "2026-10-10T11:00:00+09:00", "https://hangyeol.example/a/wind-2");
  /** Undated: gets no boost. */
  protected static final Article WIND_UNDATED =
      article("해상풍력 투자 설명회", "해상풍력 투자 설명회가 열린다. 해상풍력 기업들이 참가한다.",
          "누리뉴스", "오세린", null, "https://nuri.example/x/wind-3");

  protected static final List<Article> FRESH_SET = List.of(BUS_OLD, BUS_NEW, WIND_DEEP, WIND_PASSING, WIND_UNDATED);

  private SearchPage fresh(String q, boolean on) throws IOException {
    return index.search(SearchRequest.of(q).withPage(1, 100)
        .withFreshness(on ? sosik.search.Freshness.DEFAULT.at(FRESH_NOW) : sosik.search.Freshness.OFF));
  }

  private static float scoreOf(SearchPage p, Article a) {
    return p.hits().stream().filter(h -> h.id().equals(a.id())).findFirst().orElseThrow().score();
  }

  @Test
  void freshness_puts_the_newer_of_two_near_equal_articles_first_and_off_keeps_text_order() throws IOException {
    index.upsert(FRESH_SET);
    index.commit();
    SearchPage off = fresh("수소버스 노선", false);
    SearchPage on = fresh("수소버스 노선", true);
    // by the text alone the older one (one more 수소버스) leads
    assertThat(ids(off)).containsExactly(BUS_OLD.id(), BUS_NEW.id());
    assertThat(scoreOf(off, BUS_OLD)).isGreaterThan(scoreOf(off, BUS_NEW));
    // two hours old (×1.98) beats six days old (×1.25)
    assertThat(ids(on)).containsExactly(BUS_NEW.id(), BUS_OLD.id());
  }

  @Test
  void the_freshness_factor_is_exactly_one_plus_w_times_half_to_the_age_over_h() throws IOException {
    index.upsert(FRESH_SET);
    index.commit();
    SearchPage off = fresh("해상풍력", false);
    SearchPage on = fresh("해상풍력", true);
    assertThat(ids(on)).containsExactlyInAnyOrderElementsOf(ids(off));
    for (Article a : List.of(WIND_DEEP, WIND_PASSING, WIND_UNDATED)) {
      double expected = sosik.search.Freshness.DEFAULT.factor(a.publishedAt(), FRESH_NOW);
      assertThat((double) scoreOf(on, a) / scoreOf(off, a)).as(a.title()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
    }
    // undated: ×1, not boosted
    assertThat(scoreOf(on, WIND_UNDATED)).isEqualTo(scoreOf(off, WIND_UNDATED));
    // an hour old: close to ×2
    assertThat((double) scoreOf(on, WIND_PASSING) / scoreOf(off, WIND_PASSING)).isGreaterThan(1.98);
  }

  @Test
  void a_far_more_relevant_old_article_is_not_buried_by_a_fresh_passing_mention() throws IOException {
    index.upsert(FRESH_SET);
    index.commit();
    SearchPage off = fresh("해상풍력", false);
    SearchPage on = fresh("해상풍력", true);
    // "far more relevant": more than 1 + W = 2 times the passing mention's text score
    assertThat(scoreOf(off, WIND_DEEP)).isGreaterThan(2 * scoreOf(off, WIND_PASSING));
    assertThat(ids(on).indexOf(WIND_DEEP.id())).isLessThan(ids(on).indexOf(WIND_PASSING.id()));
    assertThat(ids(off).indexOf(WIND_DEEP.id())).isLessThan(ids(off).indexOf(WIND_PASSING.id()));
  }

  @Test
  void a_future_date_counts_as_age_zero() throws IOException {
    index.upsert(FRESH_SET);
    index.commit();
    // measured from two days before WIND_PASSING came out: it is "in the future", the full ×(1 + W)
    Instant before = WIND_PASSING.publishedAt().minus(java.time.Duration.ofDays(2));
    SearchRequest r = SearchRequest.of("해상풍력").withPage(1, 100);
    SearchPage off = index.search(r.withFreshness(sosik.search.Freshness.OFF));
    SearchPage on = index.search(r.withFreshness(sosik.search.Freshness.DEFAULT.at(before)));
    assertThat((double) scoreOf(on, WIND_PASSING) / scoreOf(off, WIND_PASSING))
        .isCloseTo(1 + sosik.search.Freshness.DEFAULT_WEIGHT, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void freshness_changes_neither_counts_nor_latest_order_nor_filters() throws IOException {
    indexAll();
    index.upsert(FRESH_SET);
    index.commit();
    for (String q : List.of("반도체", "해상풍력", "수소버스", "")) {
      SearchPage off = fresh(q, false);
      SearchPage on = fresh(q, true);
      assertThat(on.total()).as(q).isEqualTo(off.total());
      assertThat(on.pressCounts()).as(q).isEqualTo(off.pressCounts());
      assertThat(ids(on)).as(q).containsExactlyInAnyOrderElementsOf(ids(off));
      for (SortOrder order : List.of(SortOrder.LATEST, SortOrder.OLDEST)) {
        SearchRequest r = SearchRequest.of(q).withPage(1, 100).withSort(order);
        assertThat(ids(index.search(r.withFreshness(sosik.search.Freshness.DEFAULT.at(FRESH_NOW)))))
            .as(q + " " + order).isEqualTo(ids(index.search(r.withFreshness(sosik.search.Freshness.OFF))));
      }
    }
    SearchRequest filtered = SearchRequest.of("해상풍력").withPress(List.of("한결통신", "누리뉴스"));
    SearchPage offF = index.search(filtered.withFreshness(sosik.search.Freshness.OFF));
    SearchPage onF = index.search(filtered.withFreshness(sosik.search.Freshness.DEFAULT.at(FRESH_NOW)));
    assertThat(ids(onF)).containsExactlyInAnyOrder(WIND_PASSING.id(), WIND_UNDATED.id());
    assertThat(onF.total()).isEqualTo(offF.total());
    assertThat(onF.pressCounts()).isEqualTo(offF.pressCounts());
  }

  @Test
  void grouped_pages_rank_groups_by_their_freshest_best_member() throws IOException {
    indexAll();
    index.upsert(GroupFixtures.SAME_DAY);
    index.upsert(FRESH_SET);
    index.commit();
    for (String q : List.of("", "해상풍력", "반도체")) {
      SearchRequest r = SearchRequest.of(q).withPage(1, 100);
      SearchPage offG = index.search(r.withGrouped(true).withFreshness(sosik.search.Freshness.OFF));
      SearchPage onG = index.search(r.withGrouped(true).withFreshness(sosik.search.Freshness.DEFAULT.at(FRESH_NOW)));
      assertThat(onG.total()).as(q).isEqualTo(offG.total());
      assertThat(onG.groupCount()).as(q).isEqualTo(offG.groupCount());
      // each group is represented by its best member under the fresh ranking, in that ranking's order
      SearchPage onAll = fresh(q, true);
      List<String> expected = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      Map<String, String> groupOf = new java.util.HashMap<>();
      for (int i = 0; i < onG.hits().size(); i++) {
        for (var m : onG.groups().get(i).summary().members()) {
          groupOf.put(m.id(), onG.groups().get(i).id());
        }
      }
      for (SearchPage.Hit h : onAll.hits()) {
        String g = groupOf.getOrDefault(h.id(), h.id());
        if (seen.add(g)) {
          expected.add(h.id());
        }
      }
      assertThat(ids(onG)).as(q).isEqualTo(expected);
    }
  }

  @Test
  void a_relaxed_query_multiplies_the_text_score_but_not_the_all_words_bonus() throws IOException {
    index.upsert(FRESH_SET);
    index.commit();
    // four words: only WIND_DEEP holds them all, so the query is relaxed and the others follow
    SearchRequest r = SearchRequest.of("서남해 해상풍력 발전기 전력").withPage(1, 100);
    SearchPage off = index.search(r.withFreshness(sosik.search.Freshness.OFF));
    SearchPage on = index.search(r.withFreshness(sosik.search.Freshness.DEFAULT.at(FRESH_NOW)));
    assertThat(off.relaxed()).isTrue();
    assertThat(on.relaxed()).isTrue();
    assertThat(on.total()).isEqualTo(off.total());
    assertThat(ids(on).get(0)).isEqualTo(WIND_DEEP.id());
    float bonus = 10_000f;
    assertThat(scoreOf(off, WIND_DEEP)).isGreaterThan(bonus);
    double deep = sosik.search.Freshness.DEFAULT.factor(WIND_DEEP.publishedAt(), FRESH_NOW);
    assertThat((double) (scoreOf(on, WIND_DEEP) - bonus) / (scoreOf(off, WIND_DEEP) - bonus))
        .isCloseTo(deep, org.assertj.core.data.Offset.offset(2e-3));
    double passing = sosik.search.Freshness.DEFAULT.factor(WIND_PASSING.publishedAt(), FRESH_NOW);
    assertThat((double) scoreOf(on, WIND_PASSING) / scoreOf(off, WIND_PASSING))
        .isCloseTo(passing, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void a_name_in_two_scripts_is_scored_by_the_form_typed_where_an_article_writes_both() throws IOException {
    // two presses write the pair, so it is learned; the listing name alone still finds its article
    Article define1 = article("미르텍 채용", "미르텍(MIRTEK)이 공채를 시작했다.", "한빛일보", null, "2026-10-01T09:00:00+09:00", "https://hanbit.example/m/1");
    Article define2 = article("미르텍 실적", "미르텍(MIRTEK)은 실적을 발표했다.", "새날경제", null, "2026-10-01T10:00:00+09:00", "https://saenal.example/m/2");
    Article twice = article("오늘의 증시", "미르텍이 새 서비스를 내놨다. 증시에서 미르텍 주가는 올랐다.", "동녘신문", null, "2026-10-02T09:00:00+09:00", "https://dongnyeok.example/m/3");
    Article both = article("오늘의 증시", "미르텍이 새 서비스를 내놨다. 증시에서 MIRTEK 주가는 올랐다.", "동녘신문", null, "2026-10-02T09:00:00+09:00", "https://dongnyeok.example/m/4");
    Article listing = article("시세 요약", "MIRTEK 주가는 보합이었다.", "한결통신", null, "2026-10-02T15:00:00+09:00", "https://hangyeol.example/m/5");
    index.upsert(List.of(define1, define2, twice, both, listing));
    index.commit();
    SearchPage p = search("미르텍");
    assertThat(p.total()).isEqualTo(5);
    assertThat(ids(p)).contains(listing.id());
    // writing the name twice counts for more than writing it once in each script
    assertThat(ids(p).indexOf(twice.id())).isLessThan(ids(p).indexOf(both.id()));
    assertThat(search("MIRTEK").total()).isEqualTo(5);
  }

  @Test
  void a_headline_in_a_names_rarer_script_scores_as_the_name_typed() throws IOException {
    Article more1 = article("바다 신입 채용", "바다는 신입 사원을 뽑는다.", "한빛일보", null, "2026-10-01T09:00:00+09:00", "https://hanbit.example/b/1");
    Article more2 = article("바다 행사 안내", "바다가 행사를 연다.", "새날경제", null, "2026-10-01T10:00:00+09:00", "https://saenal.example/b/2");
    Article more3 = article("바다 새 서비스", "바다가 새 서비스를 내놨다.", "동녘신문", null, "2026-10-02T09:00:00+09:00", "https://dongnyeok.example/b/3");
    Article listingHeadline = article("BADA 실적 전망", "바다는 실적을 발표했다.", "한결통신", null, "2026-10-02T15:00:00+09:00", "https://hangyeol.example/b/4");
    Article nameHeadline = article("바다 실적 전망", "바다는 실적을 발표했다.", "한결통신", null, "2026-10-02T15:00:00+09:00", "https://hangyeol.example/b/5");
    index.upsert(List.of(more1, more2, more3, listingHeadline, nameHeadline));
    index.commit();
    addPair("BADA", "바다");
    SearchPage p = search("바다");
    assertThat(p.total()).isEqualTo(5);
    float listing = p.hits().stream().filter(h -> h.id().equals(listingHeadline.id())).findFirst().orElseThrow().score();
    float name = p.hits().stream().filter(h -> h.id().equals(nameHeadline.id())).findFirst().orElseThrow().score();
    // the rarer headline word weighs what the name typed would: the same score, not more
    assertThat((double) listing).isCloseTo(name, org.assertj.core.data.Offset.offset(1e-4 * name));
  }
}
