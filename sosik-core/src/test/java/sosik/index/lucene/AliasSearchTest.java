package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.analysis.Aliases;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * Abbreviation pairs learned at ingest and used at query time: a search for either form finds the
 * articles that say only the other, counts them exactly, and marks both forms.
 */
class AliasSearchTest {
  @TempDir Path dir;

  static Article article(String press, String title, String body, String url) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, press, List.of(), null, "2026-10-01", url, null, Map.of()));
  }

  static final Article DEFINES_1 = article("한빛일보", "연구비 늘린다",
      "과학기술정보통신부(과기부)는 내년 연구비를 늘린다고 밝혔다.", "https://a.example/1");
  static final Article DEFINES_2 = article("새날경제", "새 사업 공고",
      "과학기술정보통신부(과기부)가 새 사업을 공고했다.", "https://b.example/2");
  static final Article LONG_ONLY = article("솔섬일보", "과학기술정보통신부 장관 취임",
      "과학기술정보통신부 장관이 오늘 취임했다.", "https://c.example/3");
  static final Article SHORT_ONLY = article("솔섬일보", "과기부, 예산안 발표",
      "과기부는 예산안을 발표했다.", "https://c.example/4");
  static final Article OTHER = article("솔섬일보", "고등어 풍어", "솔섬 앞바다에 고등어가 많다.", "https://c.example/5");

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchPage.Hit::id).toList();
  }

  static SearchPage search(LuceneNewsIndex index, String q) throws IOException {
    return index.search(SearchRequest.of(q).withPage(1, 100));
  }

  @Test
  void a_pair_defined_by_two_presses_is_learned_at_ingest_and_searched_both_ways() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(DEFINES_1, LONG_ONLY, SHORT_ONLY, OTHER));
      index.commit();
      // seen in one article only: a candidate, not used
      assertThat(ids(search(index, "과기부"))).containsExactlyInAnyOrder(DEFINES_1.id(), SHORT_ONLY.id());

      index.upsert(List.of(DEFINES_2));
      index.commit();
      assertThat(Files.readString(dir.resolve(Aliases.FILE))).contains("과기부\t과학기술정보통신부\tlearned\t2");

      SearchPage shortForm = search(index, "과기부");
      assertThat(ids(shortForm)).containsExactlyInAnyOrder(DEFINES_1.id(), DEFINES_2.id(), LONG_ONLY.id(), SHORT_ONLY.id());
      assertThat(shortForm.total()).isEqualTo(4);
      SearchPage longForm = search(index, "과학기술정보통신부가");
      assertThat(ids(longForm)).containsExactlyInAnyOrderElementsOf(ids(shortForm));

      SearchPage.Hit longOnly = shortForm.hits().stream().filter(h -> h.id().equals(LONG_ONLY.id())).findFirst().orElseThrow();
      assertThat(longOnly.titleMarked().markedWords()).contains("과학기술정보통신부");
      SearchPage.Hit shortOnly = longForm.hits().stream().filter(h -> h.id().equals(SHORT_ONLY.id())).findFirst().orElseThrow();
      assertThat(shortOnly.titleMarked().markedWords()).contains("과기부");

      // a quoted form means these very words; other words still must match
      assertThat(ids(search(index, "\"과기부\""))).containsExactlyInAnyOrder(DEFINES_1.id(), DEFINES_2.id(), SHORT_ONLY.id());
      assertThat(ids(search(index, "과기부 장관"))).containsExactly(LONG_ONLY.id());
      assertThat(search(index, "과기부 -취임").total()).isEqualTo(3);
    }
  }

  @Test
  void a_pair_added_to_the_file_is_used_by_an_open_index_and_a_removed_one_is_not() throws Exception {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(LONG_ONLY, SHORT_ONLY, OTHER));
      index.commit();
      assertThat(ids(search(index, "과기부"))).containsExactly(SHORT_ONLY.id());

      Aliases table = Aliases.load(dir.resolve(Aliases.FILE));
      table.add("과기부", "과학기술정보통신부");
      table.save(dir.resolve(Aliases.FILE));
      Thread.sleep(1100); // the file is looked at again at most once a second
      assertThat(ids(search(index, "과기부"))).containsExactlyInAnyOrder(SHORT_ONLY.id(), LONG_ONLY.id());

      table.remove("과기부", "과학기술정보통신부");
      table.save(dir.resolve(Aliases.FILE));
      Thread.sleep(1100);
      assertThat(ids(search(index, "과기부"))).containsExactly(SHORT_ONLY.id());
    }
  }

  @Test
  void a_name_joined_to_an_abbreviation_finds_both_parts_anywhere_and_ranks_them_side_by_side_first() throws IOException {
    Article define1 = article("한빛일보", "조직 개편", "누리톡은 사내독립기업(CIC) 두 곳을 새로 만들었다.", "https://a.example/c1");
    Article define2 = article("새날경제", "조직 개편 단행", "누리톡이 사내독립기업(CIC)을 늘린다.", "https://b.example/c2");
    Article together = article("솔섬일보", "누리톡CIC 출범", "누리톡CIC가 오늘 출범했다.", "https://c.example/c3");
    Article apart = article("솔섬일보", "누리톡, 결제 조직 분리", "누리톡은 결제 부문을 사내독립기업으로 떼어 냈다.", "https://c.example/c4");
    Article otherName = article("솔섬일보", "바다전자 CIC 신설", "바다전자가 CIC를 신설했다.", "https://c.example/c5");
    Article nameOnly = article("솔섬일보", "누리톡 실적 발표", "누리톡이 실적을 발표했다.", "https://c.example/c6");
    Article plainLatin = article("솔섬일보", "협력 소식", "XYZ는 오늘 누리톡과 손잡았다.", "https://c.example/c7");
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(define1, define2, together, apart, otherName, nameOnly, plainLatin));
      index.commit();
      SearchPage p = search(index, "누리톡CIC");
      assertThat(ids(p)).containsExactlyInAnyOrder(define1.id(), define2.id(), together.id(), apart.id());
      assertThat(p.total()).isEqualTo(4);
      assertThat(ids(p).get(0)).isEqualTo(together.id());
      // a quoted word means these very words, side by side
      assertThat(ids(search(index, "\"누리톡CIC\""))).containsExactly(together.id());
      // without the pair (or with the feature off) the joined word is one phrase
      index.nameParts(false);
      assertThat(ids(search(index, "누리톡CIC"))).containsExactly(together.id());
      index.nameParts(true);
      assertThat(ids(search(index, "바다전자CIC"))).containsExactly(otherName.id());
      // a Latin part without a pair keeps the phrase: both words apart are not enough
      assertThat(ids(search(index, "누리톡XYZ"))).isEmpty();
      assertThat(ids(search(index, "누리톡 XYZ"))).containsExactly(plainLatin.id());
    }
  }
}
