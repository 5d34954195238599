package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * Words written together or apart find each other ({@code 인공지능} / {@code 인공 지능}, {@code
 * 챗GPT} / {@code 챗 GPT}), and full-width letters find half-width ones; counts stay exact.
 */
class SpacingVariantTest {
  @TempDir static Path dir;
  static LuceneNewsIndex index;
  static final List<Article> ARTICLES = new ArrayList<>();

  static void add(String title, String body) {
    ARTICLES.add(new ArticleNormalizer().normalize(new ArticleDraft(title, body, "한빛일보", List.of(), null,
        "2026-10-01", "https://hanbit.example/" + ARTICLES.size(), null, Map.of())));
  }

  @BeforeAll
  static void build() throws IOException {
    add("가", "정부는 인공지능 기술 개발을 지원한다.");
    add("나", "정부는 인공 지능 기술 개발을 지원한다.");
    add("다", "지역 반도체산업 육성 계획이 나왔다.");
    add("라", "지역 반도체 산업 육성 계획이 나왔다.");
    add("마", "학생들이 챗GPT를 숙제에 쓴다.");
    add("바", "학생들이 챗 GPT를 숙제에 쓴다.");
    add("사", "인공지능반도체 설계 회사가 상장했다.");
    add("아", "인공지능 반도체 설계 회사가 상장했다.");
    add("자", "ＡＩ 반도체 수출이 늘었다.");
    add("차", "AI 반도체 수입이 줄었다.");
    add("카", "새 GPT 모델을 소개했다.");
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    index.upsert(ARTICLES);
    index.commit();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static List<String> titles(String q) throws IOException {
    SearchPage p = index.search(SearchRequest.of(q).withPage(1, 100));
    assertThat(p.total()).as(q + ": exact count").isEqualTo(p.hits().size());
    return p.hits().stream().map(SearchPage.Hit::title).sorted().toList();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "인공지능, 인공 지능, 가 나 사 아",
    "반도체산업, 반도체 산업, 다 라",
    "챗GPT, 챗 GPT, 마 바",
    "인공지능반도체, 인공지능 반도체, 사 아",
    "ＡＩ 반도체, AI 반도체, 자 차",
  })
  void together_and_apart_find_the_same_articles(String together, String apart, String expected) throws IOException {
    List<String> want = List.of(expected.split(" "));
    assertThat(titles(together)).as(together).containsExactlyElementsOf(want);
    assertThat(titles(apart)).as(apart).containsExactlyElementsOf(want);
  }

  @Test
  void two_words_apart_still_need_each_other_when_not_joined() throws IOException {
    // 카 holds GPT without 챗: the words apart must both match, as ever, or make 챗GPT together
    assertThat(titles("챗 GPT")).doesNotContain("카");
    assertThat(titles("GPT")).contains("카");
    assertThat(titles("챗 GPT 숙제")).containsExactly("마", "바");
  }

  @Test
  void both_spellings_are_marked() throws IOException {
    SearchPage p = index.search(SearchRequest.of("챗 GPT").withPage(1, 10));
    List<String> marked = p.hits().stream().flatMap(h -> h.snippet().markedWords().stream()).toList();
    assertThat(marked).contains("챗GPT", "챗 GPT");
  }

  @Test
  void a_quoted_word_is_not_spaced() throws IOException {
    assertThat(titles("\"챗GPT\"")).containsExactly("마");
  }

  @Test
  void spaced_at_scripts_inserts_a_space_where_hangul_meets_latin_or_digits() {
    assertThat(LuceneQueryBuilder.spacedAtScripts("챗GPT")).isEqualTo("챗 GPT");
    assertThat(LuceneQueryBuilder.spacedAtScripts("AI반도체")).isEqualTo("AI 반도체");
    assertThat(LuceneQueryBuilder.spacedAtScripts("반도체")).isNull();
  }
}
