package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.Freshness;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;
import sosik.search.SortOrder;

/**
 * A relevance search leaves unscored the matches whose score bound cannot reach its page, and
 * finds exactly the page that scoring every match finds: the same hits, scores, exact totals,
 * press and group counts; and the bounds it trusts hold for every match of every query.
 */
class SkipScoresTest {
  @TempDir static Path dir;
  static LuceneNewsIndex index;

  static final Instant NOW = Instant.parse("2026-09-20T00:00:00Z");
  static final String[] PRESSES = {"한빛일보", "한결통신", "새날경제", "동녘신문", "누리뉴스"};
  static final String[] WORDS = {
    "반도체", "금리", "배터리", "수출", "정부", "투자", "부동산", "은행", "물가", "기업", "시장", "현대자동차",
    "해양수산부", "전기차", "에너지", "가스공사", "조선", "철강", "관광", "교육", "성균관대", "보험", "항구", "농업",
  };
  static final int[] BATCHES = {420, 300, 200, 130, 80, 40, 20};

  static Article article(int n, String press, String title, String body, String date) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, press, List.of(), null, date, "https://news.example/skip/" + n, null, Map.of()));
  }

  /** Words drawn with skewed frequencies, so a few words are in most articles and some in few. */
  static String words(Random rnd, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(i % 7 == 6 ? "했다. " : " ");
      }
      b.append(WORDS[(int) Math.floor(Math.pow(rnd.nextDouble(), 1.8) * WORDS.length)]);
    }
    return b.append(" 밝혔다.").toString();
  }

  @BeforeAll
  static void build() throws IOException {
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    Random rnd = new Random(20260920);
    int n = 0;
    for (int size : BATCHES) {
      List<Article> batch = new ArrayList<>();
      for (int i = 0; i < size; i++, n++) {
        // dates around the search's `now`: most before it, some after it (the factor's ceiling),
        // a few undated (factor 1)
        String date = n % 23 == 0 ? null
            : String.format("2026-09-%02dT%02d:%02d:00+09:00", 1 + rnd.nextInt(28), rnd.nextInt(24), n % 60);
        batch.add(article(n, PRESSES[rnd.nextInt(PRESSES.length)], words(rnd, 2 + rnd.nextInt(4)),
            words(rnd, 10 + rnd.nextInt(60)), date));
      }
      // a few articles that are the one word over and over: their scores come close to their
      // bounds, so a bound read too loosely would drop one of them from a page
      for (int i = 0; i < 6; i++, n++) {
        String w = WORDS[(n + i) % 6];
        String body = (w + " ").repeat(30 + rnd.nextInt(90)) + "끝.";
        batch.add(article(n, PRESSES[i % PRESSES.length], "알림 " + n, body,
            String.format("2026-09-%02dT09:00:00+09:00", 1 + rnd.nextInt(28))));
      }
      index.upsert(batch);
      index.commit();
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  static List<SearchRequest> requests() {
    Freshness at = Freshness.DEFAULT.at(NOW);
    List<SearchRequest> rs = new ArrayList<>();
    for (String q : List.of("정부", "반도체", "현대자동차", "해양수산부", "금리 투자", "기업 시장 정부", "\"반도체 금리\"",
        "\"정부 투자\"", "반도체 -금리", "+수출 은행", "투자 | 관광", "현대자동차 | 성균관대", "농업 교육 보험 항구 철강 관광 소식",
        "언론사:한빛일보 정부")) {
      SearchRequest r = SearchRequest.of(q).withFreshness(at);
      rs.add(r);
      rs.add(r.withFreshness(Freshness.OFF));
      rs.add(r.withFreshness(Freshness.DEFAULT.withWeight(20).at(NOW)));
      rs.add(r.withGrouped(true));
      rs.add(r.withPage(3, 10));
      rs.add(r.withPage(1, 3));
    }
    SearchRequest gov = SearchRequest.of("정부").withFreshness(at);
    rs.add(gov.withPress(List.of("한결통신", "누리뉴스")));
    rs.add(gov.withRange(Instant.parse("2026-09-05T00:00:00Z"), Instant.parse("2026-09-12T00:00:00Z")));
    rs.add(gov.withTitleOnly(true));
    rs.add(gov.withSort(SortOrder.LATEST));
    rs.add(gov.withPage(2, 100).withGrouped(true));
    return rs;
  }

  static SearchPage searched(SearchRequest r, boolean skipping, int threads) throws IOException {
    index.skipScores(skipping);
    index.searchThreads(threads);
    index.parallelMinDocs(threads > 1 ? 100 : Integer.MAX_VALUE);
    SearchPage p = index.search(r);
    return new SearchPage(p.total(), p.page(), p.size(), p.hits(), p.pressCounts(), 0, p.relaxed(), p.groupCount(), p.groups());
  }

  static float[] scores(SearchPage p) {
    float[] out = new float[p.hits().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.hits().get(i).score();
    }
    return out;
  }

  @Test
  void skipping_finds_the_page_scoring_every_match_finds_and_scores_far_fewer() throws IOException {
    long scoredSkipping = 0;
    long scoredAll = 0;
    int withHits = 0;
    for (SearchRequest r : requests()) {
      long before = index.scoredMatches();
      SearchPage all = searched(r, false, 1);
      scoredAll += index.scoredMatches() - before;
      for (int threads : new int[] {1, 2}) {
        before = index.scoredMatches();
        SearchPage skipped = searched(r, true, threads);
        if (threads == 1) {
          scoredSkipping += index.scoredMatches() - before;
        }
        String what = r + " on " + threads + " threads";
        assertThat(skipped.total()).as(what).isEqualTo(all.total());
        assertThat(skipped.hits()).as(what).isEqualTo(all.hits());
        assertThat(scores(skipped)).as(what).containsExactly(scores(all));
        assertThat(List.copyOf(skipped.pressCounts().entrySet())).as(what).isEqualTo(List.copyOf(all.pressCounts().entrySet()));
        assertThat(skipped).as(what).isEqualTo(all);
      }
      index.skipScores(true);
      LuceneNewsIndex.Ranking ranked = index.rank(r);
      index.skipScores(false);
      LuceneNewsIndex.Ranking full = index.rank(r);
      assertThat(ranked.total()).as(r.toString()).isEqualTo(full.total());
      assertThat(ranked.ids()).as(r.toString()).isEqualTo(full.ids());
      assertThat(ranked.scores()).as(r.toString()).containsExactly(full.scores());
      if (all.hits().size() > 0) {
        withHits++;
      }
    }
    index.skipScores(true);
    assertThat(withHits).isGreaterThan(60);
    // it does skip: fewer than half the matches are scored
    assertThat(scoredSkipping).isLessThan(scoredAll / 2);
  }

  @Test
  void searches_with_press_and_period_filters_skip_as_well() throws IOException {
    SearchRequest gov = SearchRequest.of("정부").withFreshness(Freshness.DEFAULT.at(NOW));
    for (SearchRequest r : List.of(gov.withPress(List.of("한결통신", "누리뉴스", "한빛일보")),
        gov.withRange(Instant.parse("2026-09-03T00:00:00Z"), Instant.parse("2026-09-25T00:00:00Z")).withFreshness(Freshness.OFF),
        gov.withRange(Instant.parse("2026-09-03T00:00:00Z"), Instant.parse("2026-09-25T00:00:00Z")),
        gov.withPress(List.of("한빛일보")).withFreshness(Freshness.OFF),
        SearchRequest.of("언론사:한빛일보 정부").withFreshness(Freshness.DEFAULT.at(NOW)))) {
      long before = index.scoredMatches();
      SearchPage all = searched(r, false, 1);
      long scoredAll = index.scoredMatches() - before;
      before = index.scoredMatches();
      SearchPage skipped = searched(r, true, 1);
      long scoredSkipping = index.scoredMatches() - before;
      assertThat(skipped).as(r.toString()).isEqualTo(all);
      assertThat(all.total()).as(r.toString()).isGreaterThan(100);
      // with freshness on, a segment's bound takes its newest article's factor, so fewer are
      // skipped when the page's articles are not the newest
      assertThat(scoredSkipping).as(r.toString())
          .isLessThan(r.activeFreshness() == null ? scoredAll * 3 / 4 : scoredAll * 9 / 10);
    }
    index.skipScores(true);
  }

  @Test
  void every_match_scores_at_most_its_bound() throws IOException {
    long checked = 0;
    long belowAPage = 0;
    for (SearchRequest r : requests()) {
      if (r.sort() != SortOrder.RELEVANCE) {
        continue;
      }
      for (float[] sb : index.scoresAndBounds(r)) {
        assertThat(sb[0]).as(r.toString()).isLessThanOrEqualTo(sb[1]).isLessThanOrEqualTo(sb[2]);
        checked++;
        belowAPage += sb[1] < 0.5f * sb[3] ? 1 : 0;
      }
    }
    assertThat(checked).isGreaterThan(20_000);
    // the bounds are tight enough to matter: many matches are bounded below half the best score
    assertThat(belowAPage).isGreaterThan(checked / 4);
  }

  @Test
  void the_freshness_query_scores_and_explains_as_lucenes_multiplication() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")))) {
      IndexSearcher s = new IndexSearcher(reader);
      s.setSimilarity(new BM25Similarity());
      Query text = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, "정부")), 2f), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(Fields.BODY, "정부")), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(Fields.BODY, "금리")), BooleanClause.Occur.SHOULD)
          .build();
      long now = NOW.toEpochMilli();
      int compared = 0;
      for (Freshness f : List.of(Freshness.DEFAULT, Freshness.DEFAULT.withWeight(20), Freshness.OFF)) {
        Query ours = new FreshnessQuery(text, f, now);
        Query lucene = FunctionScoreQuery.boostByValue(text, new FreshnessValues(f, now));
        Weight ow = s.createWeight(s.rewrite(ours), ScoreMode.COMPLETE, 1f);
        Weight lw = s.createWeight(s.rewrite(lucene), ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : reader.leaves()) {
          Scorer o = ow.scorer(leaf);
          Scorer l = lw.scorer(leaf);
          assertThat(o == null).isEqualTo(l == null);
          if (o == null) {
            continue;
          }
          float bound = o.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
          for (int doc = o.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = o.iterator().nextDoc()) {
            assertThat(l.iterator().advance(doc)).isEqualTo(doc);
            assertThat(o.score()).as("doc " + doc).isEqualTo(l.score());
            assertThat(o.score()).isLessThanOrEqualTo(bound);
            if (compared++ % 97 == 0) {
              assertThat(ow.explain(leaf, doc).toString()).isEqualTo(lw.explain(leaf, doc).toString());
            }
          }
          assertThat(l.iterator().nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
        }
      }
      assertThat(compared).isGreaterThan(1000);
    }
  }

  @Test
  void a_segment_of_articles_newer_than_now_is_bounded_by_the_largest_factor() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")))) {
      Freshness f = Freshness.DEFAULT;
      FreshnessQuery q = new FreshnessQuery(new TermQuery(new Term(Fields.BODY, "정부")), f, NOW.toEpochMilli());
      FreshnessQuery later = new FreshnessQuery(new TermQuery(new Term(Fields.BODY, "정부")), f,
          Instant.parse("2027-09-20T00:00:00Z").toEpochMilli());
      for (LeafReaderContext leaf : reader.leaves()) {
        // every segment holds articles after NOW: the ceiling 1 + weight
        assertThat(q.maxFactor(leaf)).isEqualTo(Math.nextUp(1 + f.weight()));
        // a year later the newest article of the segment sets it, a hair above 1
        assertThat(later.maxFactor(leaf)).isGreaterThanOrEqualTo(1.0).isLessThan(1.001);
      }
    }
  }

  /**
   * A segment whose newest article is so old that its factor is exactly 1 reads no publication
   * date at all, and every score is still Lucene's multiplication to the bit; a segment of recent
   * articles reads them as before.
   */
  @Test
  void a_segment_too_old_for_the_preference_reads_no_dates_and_scores_alike(@TempDir Path own) throws IOException {
    Random rnd = new Random(5);
    try (LuceneNewsIndex written = LuceneNewsIndex.open(own, LuceneNewsIndex.Mode.WRITE)) {
      for (String month : List.of("2025-01", "2026-09")) { // one segment each: a year and a half old, and recent
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
          String date = i % 17 == 0 ? null : String.format("%s-%02dT%02d:00:00+09:00", month, 1 + rnd.nextInt(19), rnd.nextInt(24));
          batch.add(article(month.hashCode() + i, PRESSES[i % PRESSES.length], words(rnd, 3), words(rnd, 20 + rnd.nextInt(30)), date));
        }
        written.upsert(batch);
        written.commit();
      }
    }
    java.util.Map<String, Integer> dateReads = new java.util.HashMap<>();
    try (DirectoryReader plain = DirectoryReader.open(FSDirectory.open(own.resolve("lucene")));
        DirectoryReader counted = new org.apache.lucene.index.FilterDirectoryReader(plain, new org.apache.lucene.index.FilterDirectoryReader.SubReaderWrapper() {
          @Override
          public org.apache.lucene.index.LeafReader wrap(org.apache.lucene.index.LeafReader reader) {
            return new org.apache.lucene.index.FilterLeafReader(reader) {
              @Override
              public org.apache.lucene.index.NumericDocValues getNumericDocValues(String field) throws IOException {
                if (field.equals(Fields.PUBLISHED_DV)) {
                  dateReads.merge(Fields.PUBLISHED_DV, 1, Integer::sum);
                }
                return super.getNumericDocValues(field);
              }

              @Override
              public CacheHelper getCoreCacheHelper() {
                return null;
              }

              @Override
              public CacheHelper getReaderCacheHelper() {
                return null;
              }
            };
          }
        }) {
          @Override
          protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
            throw new UnsupportedOperationException();
          }

          @Override
          public CacheHelper getReaderCacheHelper() {
            return null;
          }
        }) {
      assertThat(plain.leaves()).hasSize(2);
      IndexSearcher s = new IndexSearcher(counted);
      s.setQueryCache(null);
      Query text = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, "정부")), 2f), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(Fields.BODY, "정부")), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(Fields.BODY, "반도체")), BooleanClause.Occur.SHOULD)
          .build();
      Freshness f = Freshness.DEFAULT;
      long now = NOW.toEpochMilli();
      Weight ow = s.createWeight(s.rewrite(new FreshnessQuery(text, f, now)), ScoreMode.COMPLETE, 1f);
      Weight lw = s.createWeight(s.rewrite(FunctionScoreQuery.boostByValue(text, new FreshnessValues(f, now))), ScoreMode.COMPLETE, 1f);
      int scored = 0;
      for (LeafReaderContext leaf : counted.leaves()) {
        dateReads.clear();
        Scorer o = ow.scorer(leaf);
        int ourReads = dateReads.getOrDefault(Fields.PUBLISHED_DV, 0);
        Scorer l = lw.scorer(leaf);
        for (int doc = o.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = o.iterator().nextDoc()) {
          assertThat(l.iterator().advance(doc)).isEqualTo(doc);
          assertThat(o.score()).as("doc " + doc).isEqualTo(l.score());
          scored++;
        }
        boolean old = leaf.ord == 0;
        // the old segment's factors are all exactly 1 (and Lucene's own multiplication says so)
        assertThat(ourReads).as(old ? "old segment" : "recent segment").isEqualTo(old ? 0 : 1);
      }
      assertThat(scored).isGreaterThan(100);
    }
  }

  /**
   * The bound of the document a scorer is on uses that document's own factor: over a constant
   * score it is the score itself, to the bit, and an older article's bound lies below the
   * segment's (which its newest article sets).
   */
  @Test
  void a_documents_own_bound_holds_its_own_factor() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")))) {
      IndexSearcher s = new IndexSearcher(reader);
      Query q = new FreshnessQuery(new org.apache.lucene.search.ConstantScoreQuery(new TermQuery(new Term(Fields.BODY, "정부"))),
          Freshness.DEFAULT, NOW.toEpochMilli());
      Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE, 1f);
      int checked = 0;
      int below = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Scorer scorer = w.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        float segment = scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
        for (int doc = scorer.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.iterator().nextDoc()) {
          scorer.advanceShallow(doc);
          float bound = scorer.getMaxScore(doc);
          assertThat(bound).as("doc " + doc).isEqualTo(scorer.score());
          below += bound < segment ? 1 : 0;
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(500);
      assertThat(below).isGreaterThan(checked / 2);
    }
  }
}
