package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.Freshness;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * The lead field answers the lead bonus exactly as the body's positions do: the same articles, the
 * same scores to the last bit, the same explanations; an index built before the field keeps the
 * positions until it is rebuilt.
 */
class LeadFieldTest {
  @TempDir Path dir;

  /** Words of one token each, and words the analysis splits into several. */
  static final List<String> ONE = List.of("시장", "공사", "어민", "항구", "선박", "태풍", "조합", "예산", "의회", "주민");
  static final List<String> SEVERAL = List.of("가스공사", "해양수산부", "전기자동차", "어민협동조합", "수산물시장");

  static Article article(String title, String body, int n) {
    return new ArticleNormalizer().normalize(new ArticleDraft(
        title, body, n % 3 == 0 ? "솔섬일보" : "바다신문", List.of(), null, "2026-10-0" + (1 + n % 9),
        "https://lead.example/" + n, null, Map.of()));
  }

  /** Bodies of 20 to 80 words, so that every word falls on both sides of the lead's end. */
  static List<Article> corpus() {
    Random rnd = new Random(20261125L);
    List<Article> out = new ArrayList<>();
    for (int n = 0; n < 160; n++) {
      int words = 20 + rnd.nextInt(61);
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < words; i++) {
        List<String> from = rnd.nextInt(5) == 0 ? SEVERAL : ONE;
        body.append(from.get(rnd.nextInt(from.size()))).append(i % 7 == 6 ? ". " : " ");
      }
      out.add(article(ONE.get(n % ONE.size()) + " 소식 " + n, body.toString().trim(), n));
    }
    // a word at the lead's last position, and one just past it
    out.add(article("경계 안", "시장 ".repeat(39) + "태풍", 1000));
    out.add(article("경계 밖", "시장 ".repeat(40) + "태풍", 1001));
    out.add(article("본문 없이 태풍", "… — …", 1002)); // a body that analyses to nothing
    return out;
  }

  static SearchRequest request(String q) {
    return SearchRequest.of(q).withFreshness(Freshness.OFF).withPage(1, 100);
  }

  static List<String> queries() {
    List<String> qs = new ArrayList<>(ONE);
    qs.addAll(SEVERAL);
    qs.addAll(List.of("시장 태풍", "가스공사 어민", "\"수산물시장\" 예산", "해양수산부 -선박", "태풍 | 가스공사"));
    return qs;
  }

  @Test
  void the_lead_field_gives_the_same_pages_scores_and_explanations_as_the_body_positions() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      List<Article> all = corpus();
      index.upsert(all.subList(0, 80));
      index.commit();
      index.upsert(all.subList(80, all.size())); // two segments
      index.commit();
      assertThat(index.leadFromField()).isTrue();
      int differ = 0;
      for (String q : queries()) {
        index.useLeadField(true);
        SearchPage field = all(index, q);
        index.useLeadField(false);
        SearchPage positions = all(index, q);
        assertThat(field.total()).as(q).isEqualTo(positions.total()).isPositive();
        assertThat(ids(field)).as(q).isEqualTo(ids(positions));
        assertThat(scores(field)).as(q).containsExactly(scores(positions));

        index.leadWeight(0f);
        SearchPage none = all(index, q);
        index.leadWeight(LuceneQueryBuilder.DEFAULT_LEAD_WEIGHT);
        if (!ids(none).equals(ids(field)) || !java.util.Arrays.equals(scores(none), scores(field))) {
          differ++;
        }

        List<String> some = ids(field).subList(0, Math.min(5, field.hits().size()));
        index.useLeadField(true);
        Map<String, sosik.search.Explanation> e1 = index.explain(request(q), some);
        index.useLeadField(false);
        Map<String, sosik.search.Explanation> e2 = index.explain(request(q), some);
        assertThat(e1).as(q).isEqualTo(e2).hasSize(some.size());
      }
      assertThat(differ).as("queries the lead bonus changes").isGreaterThan(queries().size() / 2);
      index.useLeadField(true);
    }
  }

  @Test
  void a_word_counts_in_the_lead_up_to_the_fortieth_position_and_not_after() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      List<Article> all = corpus();
      index.upsert(all.subList(all.size() - 3, all.size()));
      index.commit();
      SearchPage page = all(index, "태풍");
      assertThat(ids(page)).hasSize(3);
      Article inside = all.get(all.size() - 3);
      Article outside = all.get(all.size() - 2);
      float in = scoreOf(page, inside.id());
      float out = scoreOf(page, outside.id());
      index.leadWeight(0f);
      SearchPage none = all(index, "태풍");
      assertThat(scoreOf(none, outside.id())).isEqualTo(out); // past the lead: no bonus
      assertThat(scoreOf(none, inside.id())).isLessThan(in); // at its last position: the bonus
    }
  }

  @Test
  void an_index_from_before_the_field_reads_positions_until_it_is_rebuilt() throws IOException {
    List<Article> all = corpus();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(all);
      index.commit();
    }
    // as an older Sosik left it: its metadata says the first layout
    IndexMetadata now = IndexMetadata.read(dir);
    new IndexMetadata(1, now.analyzerVersion(), now.dictionaryFingerprint(), now.created()).write(dir);
    SearchPage before;
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      assertThat(index.leadFromField()).isFalse();
      before = all(index, "해양수산부 항구");
      index.upsert(List.of(article("새 기사", "항구 해양수산부 선박", 2000)));
      index.commit();
      assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(1); // new articles do not change it
      index.reindex(n -> {});
      assertThat(index.leadFromField()).isTrue();
      SearchPage after = all(index, "해양수산부 항구");
      assertThat(after.total()).isEqualTo(before.total() + 1);
    }
    assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(IndexMetadata.FORMAT_VERSION);
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(index.leadFromField()).isTrue();
    }
  }

  /** Every hit of a query, page after page, as one page. */
  static SearchPage all(LuceneNewsIndex index, String q) throws IOException {
    SearchPage first = index.search(request(q));
    List<SearchPage.Hit> hits = new ArrayList<>(first.hits());
    for (int p = 2; hits.size() < first.total(); p++) {
      hits.addAll(index.search(request(q).withPage(p, 100)).hits());
    }
    return new SearchPage(first.total(), 1, hits.size(), hits, first.pressCounts(), 0, first.relaxed(), -1, List.of());
  }

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchPage.Hit::id).toList();
  }

  static float[] scores(SearchPage p) {
    float[] s = new float[p.hits().size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = p.hits().get(i).score();
    }
    return s;
  }

  static float scoreOf(SearchPage p, String id) {
    return p.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().score();
  }
}
