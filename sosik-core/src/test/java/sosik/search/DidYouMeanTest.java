package sosik.search;

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
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;

/** Corrections built from the index's own headlines, offered only when they find more. */
class DidYouMeanTest {
  @TempDir static Path dir;
  static LuceneNewsIndex index;
  static Suggester words;

  @BeforeAll
  static void build() throws IOException {
    List<Article> list = new ArrayList<>();
    ArticleNormalizer n = new ArticleNormalizer();
    for (int i = 0; i < 30; i++) {
      list.add(n.normalize(new ArticleDraft("반도체 수출 " + i + "개월째 증가", "반도체 수출이 늘었다. 메모리 가격도 올랐다. 기사 번호 " + i,
          "한빛일보", List.of(), null, "2026-10-01", "https://hanbit.example/chip/" + i, null, Map.of())));
    }
    for (int i = 0; i < 3; i++) {
      // three articles hold the typo itself
      list.add(n.normalize(new ArticleDraft("메모라 신제품 " + i, "누리전자가 새 제품을 내놨다. 메모라 관련 글자가 틀렸다. 번호 " + i, "새날경제", List.of(), null,
          "2026-10-02", "https://saenal.example/typo/" + i, null, Map.of())));
    }
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    index.upsert(list);
    index.commit();
    words = Suggester.build(index, index.analyzer());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static DidYouMean.Correction correct(String q) throws IOException {
    long total = index.search(SearchRequest.of(q)).total();
    return DidYouMean.of(index, words, q, total).orElse(null);
  }

  @Test
  void english_mode_keys_are_read_as_hangul() throws IOException {
    DidYouMean.Correction c = correct("qksehcp");
    assertThat(c).isNotNull();
    assertThat(c.query()).isEqualTo("반도체");
    assertThat(c.reason()).isEqualTo(DidYouMean.Reason.KEYBOARD);
    assertThat(c.total()).isEqualTo(30);
  }

  @Test
  void english_mode_keys_with_a_typo_get_both_corrections() throws IOException {
    // qkseocp reads 반대체, one jamo from 반도체
    DidYouMean.Correction c = correct("qkseocp");
    assertThat(c).isNotNull();
    assertThat(c.query()).isEqualTo("반도체");
    assertThat(c.reason()).isEqualTo(DidYouMean.Reason.KEYBOARD);
  }

  @Test
  void an_unknown_word_is_replaced_by_the_closest_headline_word() throws IOException {
    DidYouMean.Correction c = correct("반도초 수출");
    assertThat(c).isNotNull();
    assertThat(c.query()).isEqualTo("반도체 수출");
    assertThat(c.reason()).isEqualTo(DidYouMean.Reason.SPELLING);
    assertThat(c.total()).isEqualTo(30);
  }

  @Test
  void a_correction_over_a_few_articles_must_find_twenty_times_as_many() throws IOException {
    assertThat(index.search(SearchRequest.of("메모라")).total()).isEqualTo(3);
    // 메모라 is a headline word here, so it is not corrected at all
    assertThat(correct("메모라")).isNull();
    // 반도초 (no article) against 반도체 (30): offered over one article, not over two
    assertThat(DidYouMean.of(index, words, "반도초", 1).map(DidYouMean.Correction::query)).contains("반도체");
    assertThat(DidYouMean.of(index, words, "반도초", 2)).isEmpty();
    assertThat(DidYouMean.of(index, words, "반도초", DidYouMean.MAX_TOTAL)).isEmpty();
  }

  @Test
  void known_words_operators_and_phrases_are_left_alone() throws IOException {
    assertThat(correct("반도체")).isNull();
    assertThat(correct("반도체 -메모리")).isNull();
    assertThat(DidYouMean.respell(words, "\"반도초 수출\"")).isNull();
    assertThat(DidYouMean.respell(words, "-반도초 수출")).isNull();
    assertThat(DidYouMean.respell(words, "언론사:한빛일보 반도초")).isEqualTo("언론사:한빛일보 반도체");
  }

  @Test
  void nothing_close_enough_gives_no_correction() throws IOException {
    assertThat(correct("블록체인")).isNull();
    assertThat(correct("")).isNull();
    assertThat(DidYouMean.of(index, null, "반도초", 0)).isEmpty();
  }
}
