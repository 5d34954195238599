package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import sosik.search.Explanation;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/** {@link LuceneNewsIndex#explain}: the parts of each hit's score add up to it and say where it matched. */
class ExplainTest {
  @TempDir static Path dir;
  static LuceneNewsIndex index;

  static Article article(String title, String body, String url) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, "솔섬일보", List.of(), null, "2026-10-01", url, null, Map.of()));
  }

  static final Article TITLE = article("솔섬 항구 방파제 완공", "길이 삼백 미터의 구조물이 완공됐다.", "https://solseom.example/1");
  static final Article BODY = article("군청 소식", "솔섬 항구에 새 방파제를 세우는 공사가 시작됐다.", "https://solseom.example/2");
  static final Article OTHER = article("고등어 풍어", "솔섬 앞바다에서 고등어가 많이 잡혔다.", "https://solseom.example/3");
  static final Article SPLIT = article("거래소 개설", "블록체인 거래소가 솔섬에서 문을 열었다.", "https://solseom.example/4");

  @BeforeAll
  static void build() throws IOException {
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    index.upsert(List.of(TITLE, BODY, OTHER, SPLIT));
    index.commit();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static Map<String, Explanation> explain(String q) throws IOException {
    SearchRequest r = SearchRequest.of(q).withPage(1, 10);
    SearchPage page = index.search(r);
    Map<String, Explanation> e = index.explain(r, page.hits().stream().map(SearchPage.Hit::id).toList());
    assertThat(e.keySet()).containsExactlyElementsOf(page.hits().stream().map(SearchPage.Hit::id).toList());
    for (SearchPage.Hit h : page.hits()) {
      assertThat(e.get(h.id()).score()).as("the page's score").isCloseTo(h.score(), within(1e-4f));
    }
    return e;
  }

  static float sum(Explanation e) {
    float s = 0;
    for (Explanation.Match m : e.matches()) {
      s += m.score();
    }
    for (Explanation.Bonus b : e.bonuses()) {
      s += b.score();
    }
    return s;
  }

  @Test
  void a_headline_match_shows_the_headline_weight_and_bm25_parts() throws IOException {
    Explanation e = explain("항구").get(TITLE.id());
    assertThat(e.relaxed()).isFalse();
    Explanation.Match title = e.matches().stream().filter(m -> m.field().equals("title")).findFirst().orElseThrow();
    assertThat(title.terms()).isEqualTo("항구");
    assertThat(title.boost()).isEqualTo(LuceneQueryBuilder.TITLE_BOOST);
    assertThat(title.freq()).isEqualTo(1f);
    assertThat(title.score()).isCloseTo(title.boost() * title.idf() * title.tf(), within(1e-3f));
    assertThat(sum(e)).isCloseTo(e.score(), within(1e-3f));

    Explanation body = explain("항구").get(BODY.id());
    assertThat(body.matches()).extracting(Explanation.Match::field).containsExactly("body");
    assertThat(body.matches().get(0).boost()).isEqualTo(1f);
  }

  @Test
  void a_relaxed_query_shows_its_mode_and_the_all_words_bonus() throws IOException {
    Map<String, Explanation> e = explain("솔섬 항구 방파제 공사 규모?");
    Explanation body = e.get(BODY.id());
    assertThat(body.relaxed()).isTrue();
    assertThat(body.bonuses()).extracting(Explanation.Bonus::kind).contains("proximity");
    assertThat(sum(body)).isCloseTo(body.score(), within(1e-2f));
    assertThat(e).doesNotContainKey(OTHER.id()); // one word of five, where two are needed

    Explanation other = explain("솔섬 고등어 공사?").get(OTHER.id());
    assertThat(other.relaxed()).isTrue();
    assertThat(other.matches()).extracting(Explanation.Match::terms).contains("솔", "섬", "고등어").doesNotContain("공사");
    assertThat(other.bonuses()).extracting(Explanation.Bonus::kind).doesNotContain("all_words");
  }

  @Test
  void the_all_words_bonus_is_named() throws IOException {
    Explanation title = explain("솔섬 항구 방파제 완공?").get(TITLE.id());
    assertThat(title.relaxed()).isTrue();
    assertThat(title.bonuses()).extracting(Explanation.Bonus::kind).contains("all_words");
    assertThat(sum(title)).isCloseTo(title.score(), within(1e-1f));
  }

  @Test
  void the_lead_bonus_is_named_with_its_words_and_the_parts_add_up() throws IOException {
    Explanation body = explain("항구 방파제").get(BODY.id());
    assertThat(body.bonuses()).extracting(Explanation.Bonus::kind).containsOnly("lead");
    assertThat(body.bonuses()).extracting(Explanation.Bonus::terms).containsExactlyInAnyOrder("body:항구", "body:방파 제");
    assertThat(sum(body)).isCloseTo(body.score(), within(1e-3f));
    // a word the analyser splits: its tokens in order within the lead
    Explanation split = explain("블록체인").get(SPLIT.id());
    assertThat(split.bonuses()).extracting(Explanation.Bonus::terms).containsExactly("body:블록 체인");
    assertThat(sum(split)).isCloseTo(split.score(), within(1e-3f));
  }
}
