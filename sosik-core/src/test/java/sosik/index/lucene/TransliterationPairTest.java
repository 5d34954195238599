package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * A pair that writes one name in two scripts (a company's Hangul name and its Latin stock-listing
 * name) is one name: an article writing both is scored by the form typed, not by the two summed;
 * an article writing only the other form is still found. Abbreviations keep the sum.
 */
class TransliterationPairTest {
  @TempDir Path dir;

  static Article article(String title, String body, String url) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, "솔섬일보", List.of(), null, "2026-10-01", url, null, Map.of()));
  }

  // same length, same headline: one writes the Hangul name twice, the other once and the listing name once
  static final Article TWICE = article("오늘의 증시", "미르텍이 새 서비스를 내놨다. 증시에서 미르텍 주가는 올랐다.", "https://solseom.example/twice");
  static final Article BOTH = article("오늘의 증시", "미르텍이 새 서비스를 내놨다. 증시에서 MIRTEK 주가는 올랐다.", "https://solseom.example/both");
  static final Article LISTING_ONLY = article("시세 요약", "MIRTEK 주가는 보합이었다.", "https://solseom.example/listing");
  static final List<Article> MORE = List.of(
      article("미르텍 소식", "미르텍은 신입 사원을 뽑는다.", "https://solseom.example/m1"),
      article("미르텍 채용", "미르텍이 공채를 시작했다.", "https://solseom.example/m2"),
      article("고등어 풍어", "솔섬 앞바다에 고등어가 많다.", "https://solseom.example/other"));

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchPage.Hit::id).toList();
  }

  @Test
  void tells_a_name_in_two_scripts_from_an_abbreviation() {
    assertThat(LuceneQueryBuilder.transliteration("NAVER", "네이버")).isTrue();
    assertThat(LuceneQueryBuilder.transliteration("네이버", "NAVER")).isTrue();
    assertThat(LuceneQueryBuilder.transliteration("KINTEX", "킨텍스")).isTrue();
    assertThat(LuceneQueryBuilder.transliteration("IPO", "기업공개")).isFalse();
    assertThat(LuceneQueryBuilder.transliteration("AI", "인공지능")).isFalse();
    assertThat(LuceneQueryBuilder.transliteration("최고경영자", "CEO")).isFalse();
    assertThat(LuceneQueryBuilder.transliteration("R&D", "연구개발")).isFalse();
    assertThat(LuceneQueryBuilder.transliteration("CMO", "책임자")).isFalse(); // as many syllables as letters
    assertThat(LuceneQueryBuilder.transliteration("카뱅", "카카오뱅크")).isFalse();
    assertThat(LuceneQueryBuilder.transliteration("IFRS17", "국제회계기준")).isFalse();
  }

  @Test
  void an_article_writing_both_forms_is_scored_by_the_form_typed() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(TWICE, BOTH, LISTING_ONLY));
      index.upsert(MORE);
      index.aliases().add("MIRTEK", "미르텍");
      index.commit();

      SearchPage on = index.search(SearchRequest.of("미르텍").withPage(1, 10));
      assertThat(on.total()).isEqualTo(5);
      assertThat(ids(on)).contains(LISTING_ONLY.id()); // found by the other form alone
      assertThat(ids(on).indexOf(TWICE.id())).isLessThan(ids(on).indexOf(BOTH.id()));

      // the other way round: typed in Latin letters, the Hangul name is the fallback
      SearchPage latin = index.search(SearchRequest.of("MIRTEK").withPage(1, 10));
      assertThat(latin.total()).isEqualTo(5);
      assertThat(ids(latin).indexOf(BOTH.id())).isLessThan(ids(latin).indexOf(TWICE.id()));

      // off: the rare listing name adds its own score, and the article writing both comes first
      index.transliterations(false);
      SearchPage off = index.search(SearchRequest.of("미르텍").withPage(1, 10));
      assertThat(off.total()).isEqualTo(5);
      assertThat(ids(off).indexOf(BOTH.id())).isLessThan(ids(off).indexOf(TWICE.id()));
      index.transliterations(true);

      // quoted: these very words, the pair unused
      assertThat(index.search(SearchRequest.of("\"미르텍\"").withPage(1, 10)).total()).isEqualTo(4);
    }
  }

  @Test
  void a_headline_in_the_rarer_script_scores_as_the_name_typed_not_as_a_rarer_word() throws IOException {
    // the headlines write the company 바다; one writes its listing name BADA instead
    Article listingHeadline = article("BADA 실적 전망", "바다는 실적을 발표했다.", "https://solseom.example/h1");
    Article nameHeadline = article("바다 실적 전망", "바다는 실적을 발표했다.", "https://solseom.example/h2");
    List<Article> more = List.of(
        article("바다 신입 채용", "바다는 신입 사원을 뽑는다.", "https://solseom.example/h3"),
        article("바다 행사 안내", "바다가 행사를 연다.", "https://solseom.example/h4"),
        article("바다 새 서비스", "바다가 새 서비스를 내놨다.", "https://solseom.example/h5"),
        article("고등어 풍어", "솔섬 앞바다에 고등어가 많다.", "https://solseom.example/h6"));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(listingHeadline, nameHeadline));
      index.upsert(more);
      index.aliases().add("BADA", "바다");
      index.commit();
      SearchPage on = index.search(SearchRequest.of("바다").withPage(1, 10));
      float listing = on.hits().stream().filter(h -> h.id().equals(listingHeadline.id())).findFirst().orElseThrow().score();
      float name = on.hits().stream().filter(h -> h.id().equals(nameHeadline.id())).findFirst().orElseThrow().score();
      assertThat((double) listing).isCloseTo(name, org.assertj.core.data.Offset.offset(1e-4 * name));

      // without the idf weighting the rarer headline word scores more than the name typed
      index.transliterationIdf(false);
      SearchPage off = index.search(SearchRequest.of("바다").withPage(1, 10));
      assertThat(off.total()).isEqualTo(on.total());
      assertThat(ids(off).indexOf(listingHeadline.id())).isLessThan(ids(off).indexOf(nameHeadline.id()));
    }
  }

  @Test
  void an_abbreviation_keeps_the_sum_of_its_two_forms() throws IOException {
    Article twice = article("오늘의 정책", "과학기술정보통신부가 예산을 늘렸다. 국회에서 과학기술정보통신부 장관이 답했다.", "https://solseom.example/a1");
    Article both = article("오늘의 정책", "과학기술정보통신부가 예산을 늘렸다. 국회에서 과기부 장관이 답했다.", "https://solseom.example/a2");
    List<Article> more = List.of(
        article("과학기술정보통신부 공고", "과학기술정보통신부는 사업을 공고했다.", "https://solseom.example/a3"),
        article("과학기술정보통신부 인사", "과학기술정보통신부가 인사를 냈다.", "https://solseom.example/a4"),
        article("과기부 인사", "과기부가 인사를 냈다.", "https://solseom.example/a5"));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(twice, both));
      index.upsert(more);
      index.aliases().add("과기부", "과학기술정보통신부");
      index.commit();
      SearchPage on = index.search(SearchRequest.of("과학기술정보통신부").withPage(1, 10));
      index.transliterations(false);
      SearchPage off = index.search(SearchRequest.of("과학기술정보통신부").withPage(1, 10));
      assertThat(on.total()).isEqualTo(5); // the short form alone finds one
      assertThat(ids(on)).isEqualTo(ids(off));
      assertThat(on.hits().stream().map(SearchPage.Hit::score).toList())
          .isEqualTo(off.hits().stream().map(SearchPage.Hit::score).toList());
    }
  }
}
