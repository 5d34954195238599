package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.eval.CompanyNews;
import sosik.eval.EvalDoc;
import sosik.eval.EvalQuery;
import sosik.eval.EvalSet;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.Ingestor;
import sosik.opensearch.testing.OpenSearchCluster;
import sosik.search.PortalQueryParser;
import sosik.search.SearchPage;
import sosik.search.Freshness;
import sosik.search.SearchRequest;
import sosik.search.SortOrder;
import sosik.testing.SharedData;

/**
 * The same corpus (company-news-2019, one article per URL, plus the seed page, read at run time
 * from the shared data) in the embedded index and in OpenSearch: the same queries give the same
 * exact counts and press counts, and the first ten results agree (overlap@10: the share of the
 * embedded top ten that OpenSearch also ranks in its top ten, averaged over the queries).
 */
class BackendParityTest {
  static final String SEED = "data/seed/000_ba129f0fc67865b7.txt";
  @TempDir static Path dir;
  static LuceneNewsIndex embedded;
  static OpenSearchNewsIndex opensearch;
  static EvalSet corpus;

  @BeforeAll
  static void indexBoth() throws IOException {
    corpus = CompanyNews.load(SharedData.dir().resolve("data/company-news-2019/data"));
    Path seed = SharedData.file(SEED);
    embedded = LuceneNewsIndex.open(dir.resolve("embedded"), LuceneNewsIndex.Mode.WRITE);
    opensearch = OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), "parity-" + System.nanoTime(), true, List.of());
    for (NewsIndex idx : List.of(embedded, opensearch)) {
      List<Article> batch = new ArrayList<>();
      for (EvalDoc d : corpus.docs()) {
        batch.add(d.article());
        if (batch.size() == 500) {
          idx.upsert(batch);
          batch.clear();
        }
      }
      idx.upsert(batch);
      idx.commit();
      new Ingestor(idx, new ArticleNormalizer(), new Ingestor.Listener() {}).ingestPaths(List.of(seed), null);
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
    if (opensearch != null) {
      opensearch.close();
    }
  }

  static List<SearchRequest> requests() {
    List<SearchRequest> out = new ArrayList<>();
    for (EvalQuery q : corpus.queries()) {
      out.add(SearchRequest.of(q.query()));
    }
    for (String q : List.of(
        "AI 반도체", "반도체", "전기차", "자율주행", "카카오 -네이버", "\"모빌리티 서비스\"", "+현대자동차 +수소",
        "LPG | 충전소", "제목:넥슨", "언론사:이데일리", "기자:황영민", "게임 신작 출시", "카카오톡 선물하기",
        "현대자동차가 새로 공개한 수소전기차의 가격은 얼마인가?", "네이버 웹툰 해외 진출 성과와 과제는 무엇인가",
        "E1 LPG 가격 동결", "두산 로봇 -모빌리티", "매출 영업이익 증가", "10월 1일", "삼성전자",
        // spacing variants: written apart, the joined word is looked for too, and the other way round
        "챗 GPT", "챗GPT", "인공 지능", "인공지능", "빅 데이터", "전기 자동차")) {
      out.add(SearchRequest.of(q));
    }
    // abbreviations learned from the articles: either form finds the other's articles
    embedded.aliases().inUse().stream().limit(4).forEach(e -> {
      out.add(SearchRequest.of(e.shortForm()));
      out.add(SearchRequest.of(e.longForm()));
    });
    out.add(SearchRequest.of("반도체").withSort(SortOrder.LATEST));
    out.add(SearchRequest.of("카카오").withSort(SortOrder.OLDEST));
    out.add(SearchRequest.of("카카오").withPress(List.of("연합뉴스", "이데일리")));
    out.add(SearchRequest.of("네이버").withRange(Instant.parse("2019-09-01T00:00:00Z"), Instant.parse("2019-10-01T00:00:00Z")));
    out.add(SearchRequest.of("현대자동차").withTitleOnly(true));
    out.add(new SearchRequest(PortalQueryParser.parse("넥슨"), false, SortOrder.RELEVANCE, List.of(), null, null, 3, 10));
    // with the freshness preference measured from just after the newest article (the corpus is of
    // 2019: from today's clock every factor is 1), at the default and at a short half-life
    Instant newest;
    try {
      newest = embedded.stats().latest().plus(java.time.Duration.ofHours(1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Freshness fresh = Freshness.DEFAULT.at(newest);
    Freshness sharp = new Freshness(2, java.time.Duration.ofHours(12), newest);
    corpus.queries().stream().limit(40).forEach(q -> out.add(SearchRequest.of(q.query()).withFreshness(fresh)));
    for (String q : List.of("반도체", "전기차", "카카오 -네이버", "현대자동차가 새로 공개한 수소전기차의 가격은 얼마인가?", "", "삼성전자")) {
      out.add(SearchRequest.of(q).withFreshness(sharp));
      out.add(SearchRequest.of(q).withFreshness(fresh).withPress(List.of("연합뉴스", "이데일리")).withPage(2, 10));
    }
    return out;
  }

  @Test
  void the_same_queries_give_the_same_counts_and_the_top_ten_agree() throws IOException {
    List<SearchRequest> requests = requests();
    double overlapSum = 0;
    int ranked = 0;
    int identical = 0;
    List<String> report = new ArrayList<>();
    int snippets = 0;
    int sameSnippets = 0;
    List<String> snippetReport = new ArrayList<>();
    for (SearchRequest r : requests) {
      SearchPage a = embedded.search(r);
      SearchPage b = opensearch.search(r);
      String what = r.query().text() + " " + r.sort() + " press=" + r.press() + " from=" + r.from() + " page=" + r.page()
          + " freshness=" + (r.freshness().on() ? r.freshness().weight() + "/" + r.freshness().halfLifeText() + "@" + r.freshness().now() : "off");
      assertThat(b.total()).as("count of " + what).isEqualTo(a.total());
      assertThat(b.relaxed()).as("relaxed " + what).isEqualTo(a.relaxed());
      assertThat(b.pressCounts()).as("press counts of " + what).isEqualTo(a.pressCounts());
      assertThat(b.hits()).as("hits of " + what).hasSameSizeAs(a.hits());
      List<String> ia = a.hits().stream().map(SearchPage.Hit::id).toList();
      List<String> ib = b.hits().stream().map(SearchPage.Hit::id).toList();
      java.util.Map<String, SearchPage.Hit> byId = new java.util.HashMap<>();
      b.hits().forEach(h -> byId.put(h.id(), h));
      for (SearchPage.Hit h : a.hits()) {
        SearchPage.Hit o = byId.get(h.id());
        if (o == null) {
          continue;
        }
        snippets++;
        if (o.titleMarked().equals(h.titleMarked()) && o.snippet().equals(h.snippet())) {
          sameSnippets++;
        } else if (snippetReport.size() < 5) {
          snippetReport.add("  " + h.id() + ": embedded " + h.titleMarked().markedWords() + " " + h.snippet().markedWords()
              + " / opensearch " + o.titleMarked().markedWords() + " " + o.snippet().markedWords());
        }
      }
      if (!ia.isEmpty()) {
        Set<String> common = new HashSet<>(ia);
        common.retainAll(ib);
        double overlap = (double) common.size() / ia.size();
        overlapSum += overlap;
        ranked++;
        identical += ia.equals(ib) ? 1 : 0;
        if (overlap < 1) {
          report.add(String.format("  %.1f %s", overlap, what));
        }
      }
    }
    double mean = overlapSum / ranked;
    System.out.printf("backend parity: %d queries on %d articles, counts and press counts equal; %d with results,"
        + " mean overlap@10 %.3f, identical top-10 order %d/%d%n", requests.size(), embedded.stats().articles(), ranked, mean,
        identical, ranked);
    report.forEach(System.out::println);
    System.out.printf("snippets: headline and body marks identical on %d of %d hits found by both%n", sameSnippets, snippets);
    snippetReport.forEach(System.out::println);
    assertThat(opensearch.stats().articles()).isEqualTo(embedded.stats().articles());
    assertThat(ranked).isGreaterThan(20);
    assertThat(mean).as("mean overlap@10").isGreaterThanOrEqualTo(0.95);
    // the same headline marks and the same body passage with the same marks on every hit
    assertThat(sameSnippets).as("hits with identical snippets").isEqualTo(snippets);
    assertThat(snippets).isGreaterThan(300);
  }

  @Test
  void charts_count_the_same_per_day_week_and_month() throws IOException {
    int compared = 0;
    long counted = 0;
    for (SearchRequest r : requests()) {
      for (sosik.search.Trend.By by : sosik.search.Trend.By.values()) {
        sosik.search.Trend a = sosik.search.Trend.of(embedded, r, by, false);
        sosik.search.Trend b = sosik.search.Trend.of(opensearch, r, by, false);
        String what = r.query().text() + " by " + by;
        assertThat(b.total()).as(what).isEqualTo(a.total()).isEqualTo(embedded.search(r).total());
        assertThat(b.undated()).as(what).isEqualTo(a.undated());
        assertThat(b.rows()).as(what).isEqualTo(a.rows());
        compared++;
        counted += b.total();
      }
    }
    // the one-search count agrees with the count over every match (the one split by press)
    SearchRequest wide = SearchRequest.of("삼성전자");
    sosik.search.Trend fast = sosik.search.Trend.of(opensearch, wide, sosik.search.Trend.By.DAY, false);
    sosik.search.Trend full = sosik.search.Trend.of(opensearch, wide, sosik.search.Trend.By.DAY, true);
    assertThat(fast.total()).isPositive().isEqualTo(full.total());
    assertThat(fast.rows().stream().map(sosik.search.Trend.Row::count).toList())
        .isEqualTo(full.rows().stream().map(sosik.search.Trend.Row::count).toList());
    assertThat(compared).isGreaterThan(200);
    assertThat(counted).isGreaterThan(10_000);
  }

  @Test
  void both_backends_learn_the_same_abbreviations() {
    List<String> pairs = embedded.aliases().inUse().stream().map(e -> e.shortForm() + "=" + e.longForm()).toList();
    System.out.printf("aliases: %d pairs in use (%s), %d known, the same on both backends%n",
        pairs.size(), String.join(", ", pairs), embedded.aliases().entries().size());
    assertThat(opensearch.aliases().lines()).isEqualTo(embedded.aliases().lines());
    assertThat(pairs).isNotEmpty();
  }

  @Test
  void both_backends_place_every_article_in_the_same_group() throws IOException {
    java.util.Map<String, String> a = new java.util.HashMap<>();
    java.util.Map<String, String> b = new java.util.HashMap<>();
    embedded.scan(SearchRequest.of(""), false, m -> a.put(m.id(), m.groupId()));
    opensearch.scan(SearchRequest.of(""), false, m -> b.put(m.id(), m.groupId()));
    assertThat(b).hasSameSizeAs(a);
    int same = 0;
    for (java.util.Map.Entry<String, String> e : a.entrySet()) {
      same += e.getValue().equals(b.get(e.getKey())) ? 1 : 0;
    }
    java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
    a.values().forEach(g -> sizes.merge(g, 1, Integer::sum));
    long inGroups = sizes.values().stream().filter(n -> n > 1).mapToLong(Integer::longValue).sum();
    long multi = sizes.values().stream().filter(n -> n > 1).count();
    System.out.printf("group parity: %d of %d articles in the same group on both backends; %d groups, %d of them with"
        + " two or more members holding %d articles%n", same, a.size(), sizes.size(), multi, inGroups);
    assertThat(b).isEqualTo(a);
    assertThat(multi).as("groups of two or more").isGreaterThan(10);
  }

  @Test
  void grouped_pages_give_the_same_counts_groups_and_related_counts() throws IOException {
    List<SearchRequest> requests = new ArrayList<>();
    for (SearchRequest r : requests()) {
      requests.add(r.withGrouped(true));
    }
    requests.add(SearchRequest.of("").withGrouped(true).withSort(SortOrder.LATEST));
    requests.add(SearchRequest.of("").withGrouped(true).withSort(SortOrder.OLDEST).withPage(2, 20));
    requests.add(SearchRequest.of("").withGrouped(true).withPress(List.of("연합뉴스", "뉴시스", "이데일리")).withPage(1, 50));
    int shown = 0;
    int sameShown = 0;
    int compared = 0;
    int collapsing = 0;
    long groupsTotal = 0;
    long articlesTotal = 0;
    int identicalOrder = 0;
    for (SearchRequest r : requests) {
      SearchPage a = embedded.search(r);
      SearchPage b = opensearch.search(r);
      String what = r.query().text() + " " + r.sort() + " press=" + r.press() + " page=" + r.page();
      assertThat(b.total()).as("count of " + what).isEqualTo(a.total());
      assertThat(b.grouped()).isTrue();
      assertThat(b.groupCount()).as("group count of " + what).isEqualTo(a.groupCount());
      assertThat(b.pressCounts()).as("press counts of " + what).isEqualTo(a.pressCounts());
      assertThat(b.hits()).as("hits of " + what).hasSameSizeAs(a.hits());
      assertThat(b.groups()).hasSameSizeAs(b.hits());
      groupsTotal += a.groupCount();
      articlesTotal += a.total();
      collapsing += a.groupCount() < a.total() ? 1 : 0;
      java.util.Map<String, SearchPage.HitGroup> byId = new java.util.HashMap<>();
      b.groups().forEach(g -> byId.put(g.id(), g));
      assertThat(byId).as("one hit per group in " + what).hasSameSizeAs(b.groups());
      List<String> ga = a.groups().stream().map(SearchPage.HitGroup::id).toList();
      List<String> gb = b.groups().stream().map(SearchPage.HitGroup::id).toList();
      identicalOrder += ga.equals(gb) ? 1 : 0;
      for (SearchPage.HitGroup g : a.groups()) {
        shown++;
        SearchPage.HitGroup o = byId.get(g.id());
        if (o == null) {
          continue;
        }
        sameShown++;
        compared++;
        assertThat(o.matching()).as("matching members of group " + g.id() + " in " + what).isEqualTo(g.matching());
        assertThat(o.summary().members().stream().map(sosik.group.GroupMember::id).toList())
            .as("members of group " + g.id()).isEqualTo(g.summary().members().stream().map(sosik.group.GroupMember::id).toList());
        assertThat(o.summary().firstId()).isEqualTo(g.summary().firstId());
        assertThat(o.summary().wireId()).isEqualTo(g.summary().wireId());
        assertThat(o.summary().reprintIds()).isEqualTo(g.summary().reprintIds());
        assertThat(o.summary().outlets()).isEqualTo(g.summary().outlets());
      }
    }
    System.out.printf("grouped parity: %d grouped requests, totals, group counts and press counts equal (%d articles in %d"
        + " groups over all requests; %d requests where grouping joined articles); shown groups %d of %d on both pages,"
        + " related counts and group summaries equal on all %d; identical group order %d/%d%n",
        requests.size(), articlesTotal, groupsTotal, collapsing, sameShown, shown, compared, identicalOrder, requests.size());
    assertThat(collapsing).as("requests where grouping joined articles").isGreaterThan(10);
    assertThat((double) sameShown / shown).as("share of shown groups on both pages").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void the_seed_checks_hold_on_opensearch() throws IOException {
    SearchPage p = opensearch.search(SearchRequest.of("AI 반도체 언론사:이데일리").withPage(1, 50));
    SearchPage e = embedded.search(SearchRequest.of("AI 반도체 언론사:이데일리").withPage(1, 50));
    assertThat(p.total()).isEqualTo(e.total()).isGreaterThanOrEqualTo(7);
    assertThat(p.hits()).allSatisfy(h -> assertThat(h.press()).isEqualTo("이데일리"));
    assertThat(p.hits()).anySatisfy(h -> assertThat(h.dateline()).isEqualTo("수원"));
    assertThat(p.hits()).anySatisfy(h -> assertThat(h.title()).startsWith("[미리보는"));
    SearchPage.Hit first = p.hits().get(0);
    assertThat(first.snippet().markedWords()).isNotEmpty();
  }
}
