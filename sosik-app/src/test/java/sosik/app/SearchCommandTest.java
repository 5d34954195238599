package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.KoreaTime;

/**
 * {@code sosik search} end to end on the fixtures: news.jsonl (six articles, four presses, one
 * undated, times given in Korea time, UTC and without a zone) and listing.txt (three undated ones).
 *
 * <p>반도체 is in four articles: 누리칩스 (한빛일보, 12.20. 09:30), 부산항 (새날경제, 12.19. 23:50, as
 * 반도체가 in the body), 금리 동결 (동녘신문, 12.15. 10:00, body only) and 반도체 장비 (한빛일보, undated).
 */
class SearchCommandTest {
  static final String CHIPS = "누리칩스, 차세대 반도체 설계 기술 공개";
  static final String PORT = "부산항 물동량 역대 최대…반도체 수출 견인";
  static final String RATES = "금리 동결에 증시 반등 기대";
  static final String EQUIPMENT = "반도체 장비 수출 늘어";
  static final String BIO = "한결바이오텍, 신약 임상 3상 진입";
  static final String HARBOUR = "항만 자동화 투자 확대";

  @TempDir static Path index;

  @BeforeAll
  static void indexFixtures() {
    Cli.Result r = Cli.index(index, Cli.fixture("news.jsonl").toString(), Cli.fixture("listing.txt").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("9 added");
  }

  static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    return r;
  }

  static Cli.Result json(String... args) {
    return ok(Cli.search(index, Cli.prepend(args, "--json")));
  }

  static Map<String, Long> pressFacets(JsonNode page) {
    Map<String, Long> facets = new LinkedHashMap<>();
    page.get("facets").get("press").forEach(f -> facets.put(f.get("name").asText(), f.get("count").asLong()));
    return facets;
  }

  // ---- text output ----

  @Test
  void aQuestionNoArticleAnswersWordForWordIsRelaxedAndThePageSaysSo() {
    // no article has 이름: the question is answered with articles holding some of its words
    List<String> lines = ok(Cli.search(index, "누리칩스가 공개한 반도체 설계 기술의 이름은?")).lines();
    assertThat(lines.get(0)).startsWith("뉴스 검색결과 ");
    assertThat(lines.get(1)).isEqualTo("모든 단어를 포함한 결과가 적어 일부 단어만 일치하는 결과도 보여 줍니다");
    assertThat(lines.get(2).replace("**", "")).isEqualTo("- " + CHIPS);

    JsonNode page = json("누리칩스가 공개한 반도체 설계 기술의 이름은?").json();
    assertThat(page.get("relaxed").asBoolean()).isTrue();
    assertThat(page.get("hits").get(0).get("title").asText()).isEqualTo(CHIPS);
  }

  @Test
  void keywordQueriesAreNeverRelaxed() {
    assertThat(ok(Cli.search(index, "반도체")).lines().get(1)).startsWith("- ");
    assertThat(json("반도체").json().get("relaxed").asBoolean()).isFalse();
    JsonNode none = json("반도체 바이오").json();
    assertThat(none.get("total").asLong()).isZero();
    assertThat(none.get("relaxed").asBoolean()).isFalse();
  }

  @Test
  void textOutputIsThePortalPageCountThenHeadlineAndBylinePairs() {
    List<String> lines = ok(Cli.search(index, "반도체")).lines();

    assertThat(lines.get(0)).isEqualTo("뉴스 검색결과 4건");
    List<String> headlines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String headline = lines.get(1 + 2 * i);
      String body = lines.get(2 + 2 * i);
      assertThat(headline).startsWith("- ").doesNotStartWith("- [");
      assertThat(body).startsWith("- [").contains(" 기자] ");
      headlines.add(headline.replace("**", "").substring(2));
    }
    assertThat(headlines).containsExactlyInAnyOrder(CHIPS, PORT, RATES, EQUIPMENT);
    assertThat(lines).contains("언론사별: 한빛일보 2 동녘신문 1 새날경제 1", "1/1쪽");
  }

  @Test
  void queryWordIsMarkedInHeadlinesAndBodiesIncludingInflectedForms() {
    String out = ok(Cli.search(index, "반도체")).out();

    assertThat(out)
        .contains("- 부산항 물동량 역대 최대…**반도체** 수출 견인")
        .contains("**반도체**가 수출 증가를 이끌었고")
        .contains("증시에서는 **반도체** 업종을")
        .doesNotContain("**반도체가**");
  }

  @Test
  void bylineShowsDatelinePressReporterAndKoreaTimeWhenKnown() {
    assertThat(ok(Cli.search(index, "물동량")).out())
        .contains("- [부산=새날경제 이하늘 기자] (2024.12.19. 23:50) 부산항의 올해");
    // published_at 2024-12-18T08:00:00Z is 17:00 in Korea
    assertThat(ok(Cli.search(index, "신약")).out()).contains("- [누리뉴스 최민지 기자] (2024.12.18. 17:00) ");
    // undated: no time at all
    assertThat(ok(Cli.search(index, "장비")).out()).contains("- [한빛일보 정유나 기자] 국내 반도체 **장비** 업체들").doesNotContain("(");
  }

  // ---- JSON ----

  @Test
  void jsonHasTotalHitsWithArticleFieldsAndPressFacetCounts() {
    JsonNode page = json("반도체").json();

    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(page.get("hits")).hasSize(4);
    for (JsonNode h : page.get("hits")) {
      assertThat(h.has("id") && h.has("title") && h.has("press") && h.has("reporter") && h.has("dateline")
          && h.has("published_at") && h.has("url") && h.has("snippet")).as(h.toString()).isTrue();
      assertThat(h.get("id").asText()).matches("[0-9a-f]{32}");
    }
    JsonNode port = hit(page, PORT);
    assertThat(port.get("press").asText()).isEqualTo("새날경제");
    assertThat(port.get("reporter").asText()).isEqualTo("이하늘");
    assertThat(port.get("dateline").asText()).isEqualTo("부산");
    assertThat(port.get("published_at").asText()).isEqualTo("2024-12-19T23:50:00+09:00");
    assertThat(port.get("url").asText()).isEqualTo("https://saenal.example/a/2002");
    JsonNode equipment = hit(page, EQUIPMENT);
    assertThat(equipment.get("published_at").isNull()).isTrue();
    assertThat(equipment.get("url").isNull()).isTrue();
    assertThat(equipment.get("dateline").isNull()).isTrue();
    assertThat(pressFacets(page)).containsExactly(Map.entry("한빛일보", 2L), Map.entry("동녘신문", 1L), Map.entry("새날경제", 1L));
  }

  static JsonNode hit(JsonNode page, String title) {
    for (JsonNode h : page.get("hits")) {
      if (h.get("title").asText().equals(title)) {
        return h;
      }
    }
    throw new AssertionError("no hit titled " + title + " in " + page);
  }

  @Test
  void snippetEscapesTheArticlesMarkupAndMarksOnlyTheQueryWords() {
    JsonNode page = json("반도체").json();

    String snippet = hit(page, CHIPS).get("snippet").asText();
    assertThat(snippet)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("R&amp;D 일정")
        .doesNotContain("<script>")
        .contains("차세대 <mark>반도체</mark> 설계");
    Pattern tag = Pattern.compile("<[^>]*>");
    Pattern marked = Pattern.compile("<mark>([^<]*)</mark>");
    for (JsonNode h : page.get("hits")) {
      for (String field : List.of("snippet", "title_html")) {
        String html = h.get(field).asText();
        Matcher t = tag.matcher(html);
        while (t.find()) {
          assertThat(t.group()).as(html).isIn("<mark>", "</mark>");
        }
        Matcher m = marked.matcher(html);
        while (m.find()) {
          assertThat(m.group(1)).as(html).isEqualTo("반도체");
        }
      }
    }
  }

  // ---- order ----

  @Test
  void sortLatestIsNewestFirstWithUndatedLast() {
    assertThat(json("반도체", "--sort", "latest").hits("title")).containsExactly(CHIPS, PORT, RATES, EQUIPMENT);
  }

  @Test
  void sortOldestIsOldestFirstWithUndatedStillLast() {
    Cli.Result r = json("반도체", "--sort", "oldest");

    assertThat(r.hits("title")).containsExactly(RATES, PORT, CHIPS, EQUIPMENT);
    List<Instant> times = r.hits("published_at").stream().filter(t -> t != null).map(KoreaTime::parseIso).toList();
    assertThat(times).isSorted();
  }

  // ---- filters ----

  @Test
  void pressFilterKeepsThosePressesButFacetCountsForAllPresses() {
    for (Cli.Result r : List.of(
        json("반도체", "--press", "한빛일보,새날경제"), json("반도체", "--press", "한빛일보", "--press", "새날경제"))) {
      JsonNode page = r.json();
      assertThat(page.get("total").asLong()).isEqualTo(3);
      assertThat(r.hits("press")).containsOnly("한빛일보", "새날경제").hasSize(3);
      assertThat(pressFacets(page)).containsEntry("동녘신문", 1L).containsEntry("한빛일보", 2L).containsEntry("새날경제", 1L);
    }
  }

  @Test
  void bareToDateIncludesTheWholeDayInKoreaTime() {
    // 부산항 was published at 23:50 on 12.19 in Korea
    assertThat(json("반도체", "--to", "2024-12-19").hits("title")).containsExactlyInAnyOrder(PORT, RATES);
  }

  @Test
  void fromAndToTheSameDayMeanThatKoreanCalendarDay() {
    // 항만 자동화 is 2024-12-14T15:30Z, which is already 12.15 in Korea; undated articles are left out
    assertThat(json("--from", "2024-12-15", "--to", "2024-12-15").hits("title")).containsExactlyInAnyOrder(RATES, HARBOUR);
  }

  @Test
  void fromKeepsArticlesPublishedOnOrAfterIt() {
    assertThat(json("반도체", "--from", "2024-12-20").hits("title")).containsExactly(CHIPS);
    assertThat(json("반도체", "--from", "2024-12-19T23:50").hits("title")).containsExactlyInAnyOrder(CHIPS, PORT);
  }

  @Test
  void periodKeepsOnlyArticlesOfThatRecentSpan(@TempDir Path dir) throws Exception {
    Instant now = Instant.now();
    Path recent = dir.resolve("recent.jsonl");
    Files.writeString(recent, String.join("\n",
        article("해상풍력 입찰 결과 발표", now.minus(Duration.ofHours(2))),
        article("해상풍력 주간 동향", now.minus(Duration.ofDays(3))),
        article("해상풍력 연간 결산", now.minus(Duration.ofDays(60)))) + "\n");
    Path idx = dir.resolve("index");
    ok(Cli.index(idx, recent.toString(), Cli.fixture("news.jsonl").toString()));

    assertThat(ok(Cli.search(idx, "--period", "1d", "--json")).hits("title")).containsExactly("해상풍력 입찰 결과 발표");
    assertThat(ok(Cli.search(idx, "해상풍력", "--period", "1w", "--json")).hits("title")).hasSize(2);
    assertThat(ok(Cli.search(idx, "해상풍력", "--period", "1y", "--json")).hits("title")).hasSize(3);
  }

  static String article(String title, Instant published) {
    return "{\"title\": \"" + title + "\", \"body\": \"" + title + " 관련 기사 본문이다.\", \"press\": \"하늘방송\", "
        + "\"published_at\": \"" + KoreaTime.iso(published) + "\"}";
  }

  @Test
  void inTitleLooksOnlyAtHeadlines() {
    assertThat(json("반도체", "--in", "title").hits("title")).containsExactlyInAnyOrder(CHIPS, PORT, EQUIPMENT);
  }

  // ---- query syntax ----

  @Test
  void pressScopeMatchesThePressName() {
    assertThat(json("언론사:새날경제").hits("title")).containsExactlyInAnyOrder(PORT, HARBOUR);
    assertThat(json("언론사:새날경제 반도체").hits("title")).containsExactly(PORT);
  }

  @Test
  void reporterScopeMatchesTheReporterIncludingOneReadFromTheBodysByline() {
    assertThat(json("기자:최민지").hits("title")).containsExactly(BIO);
    assertThat(json("기자:이하늘").hits("title")).containsExactly(PORT);
    assertThat(json("기자:문가람").hits("title")).containsExactly("솔빛나노텍, 이차전지 소재 공장 착공");
  }

  @Test
  void quotedPhraseNeedsTheWordsTogether() {
    assertThat(json("\"차세대 반도체\"").hits("title")).containsExactly(CHIPS);
    assertThat(json("차세대 반도체").hits("title")).containsExactlyInAnyOrder(CHIPS, RATES);
  }

  @Test
  void barMeansEitherWord() {
    assertThat(json("바이오 | 항만").hits("title")).containsExactlyInAnyOrder(BIO, HARBOUR, PORT);
  }

  @Test
  void minusExcludesAWordWhetherInOneArgumentOrSeveral() {
    assertThat(json("반도체 -수출").hits("title")).containsExactlyInAnyOrder(CHIPS, RATES);
    assertThat(json("반도체", "-수출").hits("title")).containsExactlyInAnyOrder(CHIPS, RATES);
    assertThat(json("-수출 반도체").hits("title")).containsExactlyInAnyOrder(CHIPS, RATES);
  }

  // ---- paging ----

  @Test
  void secondPageOfSizeOneIsTheSecondHitAndTheTotalStaysExact() {
    List<String> all = json("반도체").hits("id");
    JsonNode second = json("반도체", "--page", "2", "--size", "1").json();

    assertThat(second.get("total").asLong()).isEqualTo(4);
    assertThat(second.get("hits")).hasSize(1);
    assertThat(second.get("hits").get(0).get("id").asText()).isEqualTo(all.get(1));
    List<String> text = ok(Cli.search(index, "반도체", "--page", "2", "--size", "1")).lines();
    assertThat(text.get(0)).isEqualTo("뉴스 검색결과 4건");
    assertThat(text).contains("2/4쪽");
  }

  @Test
  void pageBeyondTheLastIsEmptyButKeepsTheTotal() {
    JsonNode page = json("반도체", "--page", "3", "--size", "2").json();

    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(page.get("hits")).isEmpty();
  }

  // ---- freshness: on by default in relevance order, --no-freshness / --freshness off turn it off ----

  /** An hour after the newest fixture (20 Dec 2024 09:30 KST). */
  static final String FIXTURE_NOW = "2024-12-20T01:30:00Z";

  static Map<String, Double> scores(JsonNode page) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    page.get("hits").forEach(h -> out.put(h.get("id").asText(), h.get("score").asDouble()));
    return out;
  }

  @Test
  void freshnessIsOnByDefaultAndNoFreshnessRanksByTheTextAlone() {
    JsonNode on = json("반도체", "--no-group", "--now", FIXTURE_NOW).json();
    JsonNode off = json("반도체", "--no-group", "--now", FIXTURE_NOW, "--no-freshness").json();
    JsonNode offToo = json("반도체", "--no-group", "--now", FIXTURE_NOW, "--freshness", "off").json();
    assertThat(on.get("total").asLong()).isEqualTo(off.get("total").asLong());
    assertThat(scores(off)).isEqualTo(scores(offToo));
    Map<String, Double> a = scores(on);
    Map<String, Double> b = scores(off);
    assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(b.keySet());
    // every dated article gains, the newest (an hour old) nearly twice its text score
    on.get("hits").forEach(h -> {
      String id = h.get("id").asText();
      if (!h.get("published_at").isNull()) {
        java.time.Instant at = java.time.OffsetDateTime.parse(h.get("published_at").asText()).toInstant();
        double expected = sosik.search.Freshness.DEFAULT.factor(at, java.time.Instant.parse(FIXTURE_NOW));
        assertThat(a.get(id) / b.get(id)).as(id).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
      } else {
        assertThat(a.get(id)).isEqualTo(b.get(id));
      }
    });
    // a shorter half-life leaves older articles less
    Map<String, Double> sharp = scores(json("반도체", "--no-group", "--now", FIXTURE_NOW, "--freshness", "12h").json());
    assertThat(sharp.values().stream().mapToDouble(Double::doubleValue).sum())
        .isLessThan(a.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void explainShowsTheFreshnessFactorPerHit() {
    String on = ok(Cli.search(index, "반도체", "--no-group", "--explain", "--now", FIXTURE_NOW)).out();
    assertThat(on).contains("freshness (age ").containsPattern("× [12]\\.\\d{3}  freshness");
    String off = ok(Cli.search(index, "반도체", "--no-group", "--explain", "--no-freshness")).out();
    assertThat(off).doesNotContain("freshness");
    JsonNode page = json("반도체", "--no-group", "--explain", "--now", FIXTURE_NOW).json();
    JsonNode f = page.get("hits").get(0).get("explain").get("freshness");
    assertThat(f.get("factor").asDouble()).isGreaterThan(1);
    assertThat(f.get("half_life_days").asDouble()).isEqualTo(3.0);
    assertThat(f.get("weight").asDouble()).isEqualTo(1.0);
    // the explained score is the page's score: one instant for both
    assertThat((float) page.get("hits").get(0).get("explain").get("score").asDouble())
        .isCloseTo((float) page.get("hits").get(0).get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-4f));
    // latest order: no factor
    JsonNode latest = json("반도체", "--no-group", "--explain", "--sort", "latest").json();
    assertThat(latest.get("hits").get(0).get("explain").get("freshness").isNull()).isTrue();
  }

  @Test
  void aBadFreshnessIsAUsageErrorNamingTheOption() {
    Cli.Result r = Cli.search(index, "반도체", "--freshness", "soon");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--freshness 'soon'");
  }

  @Test
  void searchThreadsGiveTheSamePage() {
    String one = ok(Cli.search(index, "반도체", "--json", "--now", FIXTURE_NOW, "--search-threads", "1")).out().replaceAll("\"took_ms\" *: *\\d+", "");
    String two = ok(Cli.search(index, "반도체", "--json", "--now", FIXTURE_NOW, "--search-threads", "2")).out().replaceAll("\"took_ms\" *: *\\d+", "");
    assertThat(two).isEqualTo(one).contains("반도체");
  }

  @Test
  void zeroSearchThreadsIsAUsageErrorNamingTheOption() {
    Cli.Result r = Cli.search(index, "반도체", "--search-threads", "0");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--search-threads 0");
  }
}
