package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.PortalQueryParser;
import sosik.search.SearchPage;
import sosik.search.SearchPageJson;
import sosik.search.SearchRequest;

/**
 * How the embedded index answers long queries and questions ({@link LongQueryPolicy}): keyword
 * queries keep the portal's every-word rule; a long query or a question that finds too few articles
 * with every word is relaxed, says so, and still counts exactly.
 */
class LongQueryTest {
  @TempDir static Path dir;
  static LuceneNewsIndex index;

  static Article article(String title, String body, String url) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, "솔섬일보", List.of(), null, "2026-10-01", url, null, Map.of()));
  }

  static final Article BREAKWATER = article("솔섬 항구에 새 방파제 완공",
      "솔섬 항구에 길이 삼백 미터의 방파제가 완공됐다. 태풍 피해를 줄일 것으로 보인다.", "https://solseom.example/1");
  static final Article MACKEREL = article("솔섬 어민들, 고등어 풍어",
      "올가을 솔섬 앞바다에서 고등어가 많이 잡혔다. 어민들은 항구 위판장에서 경매를 열었다.", "https://solseom.example/2");
  static final Article TYPHOON = article("태풍 대비 점검 나선 군청",
      "군청은 태풍에 대비해 해안 시설을 점검했다. 방파제와 항구 창고가 대상이다.", "https://solseom.example/3");
  static final Article SINGER = article("가수 승리, 고향 광주에서 공연",
      "승리는 광주에서 태어나 자랐다. 이번 공연은 고향 팬들을 위해 마련됐다.", "https://solseom.example/4");
  static final Article CHIPS = article("반도체 수출 회복", "반도체 수출이 석 달 연속 늘었다.", "https://solseom.example/5");

  @BeforeAll
  static void build() throws IOException {
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    index.upsert(List.of(BREAKWATER, MACKEREL, TYPHOON, SINGER, CHIPS));
    index.commit();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static SearchPage search(String q) throws IOException {
    return index.search(SearchRequest.of(q).withPage(1, 100));
  }

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchPage.Hit::id).toList();
  }

  @Test
  void short_keyword_queries_keep_the_every_word_rule_with_or_without_results() throws IOException {
    SearchPage both = search("솔섬 항구");
    assertThat(both.relaxed()).isFalse();
    assertThat(ids(both)).containsExactlyInAnyOrder(BREAKWATER.id(), MACKEREL.id());
    for (String q : List.of("방파제 고등어", "방파제 고등어 반도체")) {
      SearchPage none = search(q);
      assertThat(none.total()).as(q).isZero();
      assertThat(none.relaxed()).as(q).isFalse();
    }
  }

  @Test
  void a_long_query_without_an_article_holding_every_word_is_relaxed_and_counted_exactly() throws IOException {
    // five plain words, no article has 규모: an article needs ceil(5 / 4) = 2 of them;
    // BREAKWATER has 솔섬 방파제 태풍 피해, TYPHOON 방파제 태풍, MACKEREL only 솔섬
    SearchPage p = search("솔섬 방파제 태풍 피해 규모");
    assertThat(p.relaxed()).isTrue();
    assertThat(p.total()).isEqualTo(2);
    assertThat(ids(p)).containsExactly(BREAKWATER.id(), TYPHOON.id());
  }

  @Test
  void a_question_of_two_words_is_long_enough_to_relax() throws IOException {
    SearchPage p = search("방파제 경매?");
    assertThat(p.relaxed()).isTrue();
    assertThat(ids(p)).containsExactlyInAnyOrder(BREAKWATER.id(), TYPHOON.id(), MACKEREL.id());
  }

  @Test
  void a_question_finds_its_article_although_it_holds_only_some_of_the_words() throws IOException {
    SearchPage p = search("승리의 고향은 어디인가?");
    assertThat(p.relaxed()).isTrue();
    assertThat(ids(p).get(0)).isEqualTo(SINGER.id());
  }

  @Test
  void an_interrogative_counts_towards_a_question_but_is_not_looked_for() throws IOException {
    // no article says 누구: relaxed, the question looks for 승리 alone
    SearchPage p = search("승리는 누구?");
    assertThat(p.relaxed()).isTrue();
    assertThat(ids(p)).containsExactly(SINGER.id());
    // a question of interrogatives only has nothing to relax to
    assertThat(search("누구 언제?").relaxed()).isFalse();
  }

  @Test
  void articles_holding_every_word_come_first_in_a_relaxed_page() throws IOException {
    // BREAKWATER holds all four words; one such article is fewer than relaxBelow (10)
    SearchPage p = search("솔섬 항구 방파제 완공");
    assertThat(p.relaxed()).isTrue();
    assertThat(ids(p)).first().isEqualTo(BREAKWATER.id());
    assertThat(p.hits().get(0).score()).isGreaterThan(LuceneQueryBuilder.ALL_WORDS_BONUS);
    assertThat(p.hits().get(1).score()).isLessThan(LuceneQueryBuilder.ALL_WORDS_BONUS);
    assertThat(p.total()).isEqualTo(3); // MACKEREL (솔섬 항구) and TYPHOON (항구 방파제) too
  }

  @Test
  void forced_words_phrases_and_exclusions_still_hold_when_relaxed() throws IOException {
    // without +, BREAKWATER and TYPHOON would come too
    SearchPage forced = search("+고등어 솔섬 방파제 태풍 항구");
    assertThat(forced.relaxed()).isTrue();
    assertThat(ids(forced)).containsExactly(MACKEREL.id());

    // five plain words need two: TYPHOON would match (방파제 태풍) but is excluded, MACKEREL has one
    SearchPage excluded = search("솔섬 방파제 태풍 피해 규모 -군청");
    assertThat(excluded.relaxed()).isTrue();
    assertThat(ids(excluded)).containsExactly(BREAKWATER.id());

    SearchPage phrase = search("\"고등어 풍어\" 솔섬 태풍 피해 규모");
    assertThat(phrase.relaxed()).isTrue();
    assertThat(ids(phrase)).containsExactly(MACKEREL.id());
  }

  @Test
  void the_policy_can_keep_every_query_strict_or_relax_only_when_nothing_matches() throws IOException {
    try {
      index.longQueries(LongQueryPolicy.STRICT);
      SearchPage strict = search("솔섬 방파제 태풍 피해 규모");
      assertThat(strict.total()).isZero();
      assertThat(strict.relaxed()).isFalse();

      index.longQueries(LongQueryPolicy.DEFAULT.with("relaxBelow=1"));
      SearchPage one = search("솔섬 항구 방파제 완공");
      assertThat(one.relaxed()).isFalse();
      assertThat(ids(one)).containsExactly(BREAKWATER.id());
    } finally {
      index.longQueries(LongQueryPolicy.DEFAULT);
    }
  }

  @Test
  void the_longest_query_allowed_is_answered_even_when_every_word_splits_into_many_tokens() throws IOException {
    // 64 words (the parser's limit) of six tokens each: the relaxed query stays within Lucene's
    // clause limit by giving up what it must (the proximity bonus first)
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < PortalQueryParser.MAX_TERMS; i++) {
      q.append(i == 0 ? "" : " ").append(String.format("20%02d년1월%d일", i, i % 28 + 1));
    }
    assertThat(q.length()).isLessThanOrEqualTo(PortalQueryParser.MAX_CHARS);
    SearchPage p = search(q.toString());
    assertThat(p.relaxed()).isTrue();
    assertThat(p.total()).isZero();
    String all = q.toString();
    String question = all.substring(0, all.lastIndexOf(" ", all.lastIndexOf(" ") - 1)) + " 방파제 완공?";
    // 64 words need 16: the two that BREAKWATER holds are not enough
    SearchPage asked = search(question);
    assertThat(asked.relaxed()).isTrue();
    assertThat(asked.total()).isZero();
    try {
      index.longQueries(LongQueryPolicy.STRICT);
      assertThat(search(q.toString()).total()).isZero();
    } finally {
      index.longQueries(LongQueryPolicy.DEFAULT);
    }
  }

  @Test
  void rank_picks_the_same_articles_in_the_same_order_as_search() throws IOException {
    for (String q : List.of("솔섬 항구", "솔섬 방파제 태풍 피해 규모", "승리의 고향은 어디인가?", "방파제 고등어")) {
      SearchPage p = search(q);
      LuceneNewsIndex.Ranking r = index.rank(SearchRequest.of(q).withPage(1, 100));
      assertThat(r.ids()).as(q).isEqualTo(ids(p));
      assertThat(r.total()).as(q).isEqualTo(p.total());
      assertThat(r.relaxed()).as(q).isEqualTo(p.relaxed());
    }
  }

  @Test
  void the_json_page_says_whether_it_was_relaxed() throws IOException {
    ObjectMapper json = new ObjectMapper();
    assertThat(SearchPageJson.of(json, "q", search("솔섬 방파제 태풍 피해 규모")).get("relaxed").asBoolean()).isTrue();
    assertThat(SearchPageJson.of(json, "q", search("솔섬 항구")).get("relaxed").asBoolean()).isFalse();
  }

  @Test
  void plain_words_are_analysed_in_context_as_the_indexed_text_is() {
    LuceneQueryBuilder b = new LuceneQueryBuilder(index.analyzer());
    // alone, Nori reads 승리의 as 승 + 리의; in a sentence, as 승리
    assertThat(b.tokens(Fields.BODY, "승리의")).isNotEqualTo(List.of("승리"));
    assertThat(b.tokensInContext(List.of("승리의", "고향은", "어디인가?")).get(0)).containsExactly("승리");
    assertThat(b.tokensInContext(List.of("을", "고향은")).get(0)).isEmpty();
  }

  @Test
  void the_words_a_relaxed_query_needs_grow_with_its_length() {
    LongQueryPolicy p = LongQueryPolicy.DEFAULT;
    assertThat(List.of(2, 3, 4, 5, 8, 9, 12, 13, 64).stream().map(p::minimumShouldMatch).toList())
        .containsExactly(1, 1, 1, 2, 2, 3, 3, 4, 16);
    assertThat(p.isLong(3, false)).isFalse();
    assertThat(p.isLong(4, false)).isTrue();
    assertThat(p.isLong(2, true)).isTrue();
    assertThat(p.isLong(1, true)).isFalse();
    assertThat(LuceneQueryBuilder.isQuestion("임종석이 지명수배 된 날은?")).isTrue();
    assertThat(LuceneQueryBuilder.isQuestion("반도체 금리")).isFalse();
  }

  @Test
  void policy_settings_read_and_print_as_key_value_lists() {
    LongQueryPolicy p = LongQueryPolicy.DEFAULT.with("match=0.5, proximity=0");
    assertThat(p.match()).isEqualTo(0.5);
    assertThat(p.proximity()).isZero();
    assertThat(LongQueryPolicy.DEFAULT.with(LongQueryPolicy.DEFAULT.toString())).isEqualTo(LongQueryPolicy.DEFAULT);
    assertThatThrownBy(() -> p.with("speed=9")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known:");
    assertThatThrownBy(() -> p.with("match=2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.with("enabled=maybe")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_plus_word_is_forced_and_the_parser_still_reads_it_as_a_must() {
    var q = PortalQueryParser.parse("+고등어 솔섬 -군청 \"고등어 풍어\"");
    assertThat(q.clauses()).extracting(c -> c.forced()).containsExactly(true, false, false, false);
    assertThat(q.clauses()).extracting(c -> c.plain()).containsExactly(false, true, false, false);
  }
}
