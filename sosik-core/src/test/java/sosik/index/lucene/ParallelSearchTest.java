package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
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
 * A search spread over several threads (parts of the index, a segment cut between two parts where
 * a boundary falls inside it) finds exactly what one thread
 * finds: the same hits in the same order with the same scores, the same exact totals, press counts,
 * groups and group counts.
 */
class ParallelSearchTest {
  @TempDir static Path dir;
  @TempDir static Path mergedDir;
  static LuceneNewsIndex index;
  /** The same articles merged into one segment: its parts are ranges of that segment. */
  static LuceneNewsIndex merged;

  static final Instant NOW = Instant.parse("2026-10-20T00:00:00Z");
  static final String[] PRESSES = {"한빛일보", "한결통신", "새날경제", "동녘신문", "누리뉴스", "솔섬일보"};
  static final String[] WORDS = {
    "반도체", "금리", "배터리", "수출", "환율", "정부", "투자", "인공지능", "부동산", "주식", "은행", "물가", "고용", "기업",
    "시장", "전기차", "에너지", "원자력", "기후", "항구", "조선", "철강", "유통", "관광", "농업", "교육", "의료", "보험",
  };
  /** Articles per commit: each batch becomes a segment of its own, of unequal sizes. */
  static final int[] BATCHES = {260, 190, 140, 90, 60, 35, 20, 10};

  static Article article(int n, String press, String title, String body, int day, int hour) {
    String date = String.format("2026-10-%02dT%02d:%02d:00+09:00", day, hour, n % 60);
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, press, List.of(), null, date, "https://news.example/" + n, null, Map.of()));
  }

  static String words(Random rnd, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(i % 6 == 5 ? "했다. " : " ");
      }
      b.append(WORDS[(int) Math.floor(Math.pow(rnd.nextDouble(), 1.6) * WORDS.length)]);
    }
    return b.append(" 밝혔다.").toString();
  }

  @BeforeAll
  static void build() throws IOException {
    index = build(dir);
    merged = build(mergedDir);
    merged.optimize(1);
  }

  /** The test's articles in batches, each batch committed as a segment of its own. */
  static LuceneNewsIndex build(Path at) throws IOException {
    LuceneNewsIndex idx = LuceneNewsIndex.open(at, LuceneNewsIndex.Mode.WRITE);
    Random rnd = new Random(20261020);
    int n = 0;
    List<Article> earlier = new ArrayList<>();
    for (int size : BATCHES) {
      List<Article> batch = new ArrayList<>();
      for (int i = 0; i < size; i++, n++) {
        String press = PRESSES[rnd.nextInt(PRESSES.length)];
        if (n % 5 == 4 && !earlier.isEmpty()) {
          // a reprint of an earlier story by another press, within its group's days: related coverage
          Article src = earlier.get(rnd.nextInt(earlier.size()));
          int day = src.publishedAt().atZone(java.time.ZoneId.of("Asia/Seoul")).getDayOfMonth();
          batch.add(article(n, press, src.title(), src.body() + " " + WORDS[n % WORDS.length] + " 덧붙였다.", day, 20));
        } else {
          Article a = article(n, press, words(rnd, 3 + rnd.nextInt(3)), words(rnd, 20 + rnd.nextInt(30)),
              1 + rnd.nextInt(19), rnd.nextInt(19));
          batch.add(a);
          earlier.add(a);
        }
      }
      idx.upsert(batch);
      idx.commit();
    }
    // above the one-thread threshold: the index is searched in parts, however few the matches
    idx.parallelMinDocs(100);
    idx.parallelMinCost(0);
    return idx;
  }

  @AfterAll
  static void close() throws IOException {
    for (LuceneNewsIndex idx : new LuceneNewsIndex[] {index, merged}) {
      if (idx != null) {
        idx.close();
      }
    }
  }

  static List<SearchRequest> requests() {
    Freshness at = Freshness.DEFAULT.at(NOW);
    List<SearchRequest> rs = new ArrayList<>();
    for (String q : List.of("반도체", "금리 투자", "정부 기업 시장", "\"반도체 금리\"", "반도체 -금리", "농업 교육 의료 보험 유통 소식지",
        "언론사:한빛일보 반도체", "투자 | 관광")) {
      SearchRequest r = SearchRequest.of(q).withFreshness(at);
      rs.add(r);
      rs.add(r.withGrouped(true));
      rs.add(r.withFreshness(Freshness.OFF));
    }
    SearchRequest chip = SearchRequest.of("반도체").withFreshness(at);
    rs.add(chip.withPress(List.of("한결통신", "누리뉴스")));
    rs.add(chip.withPress(List.of("한결통신", "누리뉴스")).withGrouped(true));
    rs.add(chip.withRange(Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-10-12T00:00:00Z")));
    rs.add(chip.withRange(Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-10-12T00:00:00Z")).withGrouped(true));
    rs.add(chip.withSort(SortOrder.LATEST));
    rs.add(chip.withSort(SortOrder.OLDEST).withGrouped(true));
    rs.add(chip.withPage(2, 10));
    rs.add(chip.withPage(3, 25).withGrouped(true));
    rs.add(SearchRequest.of("금리").withFreshness(at).withPage(2, 100));
    rs.add(chip.withTitleOnly(true));
    return rs;
  }

  /** A page as one thread and as {@code threads} threads found it, its time taken left out. */
  static SearchPage searched(LuceneNewsIndex idx, SearchRequest r, int threads) throws IOException {
    idx.searchThreads(threads);
    SearchPage p = idx.search(r);
    return new SearchPage(p.total(), p.page(), p.size(), p.hits(), p.pressCounts(), 0, p.relaxed(), p.groupCount(), p.groups());
  }

  @Test
  void the_index_has_several_segments_and_the_merged_one_a_single_segment() throws IOException {
    assertThat(index.stats().segments()).isGreaterThanOrEqualTo(4);
    assertThat(merged.stats().segments()).isEqualTo(1);
    assertThat(merged.stats().articles()).isEqualTo(index.stats().articles());
  }

  @Test
  void several_threads_find_what_one_thread_finds() throws IOException {
    findsWhatOneThreadFinds(index);
  }

  @Test
  void several_threads_find_in_one_segment_what_one_thread_finds() throws IOException {
    findsWhatOneThreadFinds(merged);
  }

  private static void findsWhatOneThreadFinds(LuceneNewsIndex idx) throws IOException {
    long before = idx.searchPoolTasks();
    int nonEmpty = 0;
    int grouped = 0;
    int relaxed = 0;
    for (SearchRequest r : requests()) {
      SearchPage one = searched(idx, r, 1);
      if (one.total() > 0) {
        nonEmpty++;
      }
      if (one.relaxed()) {
        relaxed++;
      }
      if (one.grouped() && one.groupCount() < one.total()) {
        grouped++;
      }
      for (int threads : new int[] {2, 3, -2}) {
        // -2: two threads, searches of few matches kept on the calling thread (the default)
        idx.parallelMinCost(threads < 0 ? LuceneNewsIndex.PARALLEL_MIN_COST : 0);
        SearchPage many;
        try {
          many = searched(idx, r, Math.abs(threads));
        } finally {
          idx.parallelMinCost(0);
        }
        String what = r + " on " + threads + " threads";
        assertThat(many.total()).as(what).isEqualTo(one.total());
        assertThat(many.hits()).as(what).isEqualTo(one.hits());
        assertThat(scores(many)).as(what).containsExactly(scores(one));
        assertThat(List.copyOf(many.pressCounts().entrySet())).as(what).isEqualTo(List.copyOf(one.pressCounts().entrySet()));
        assertThat(many.groupCount()).as(what).isEqualTo(one.groupCount());
        assertThat(many.groups()).as(what).isEqualTo(one.groups());
        assertThat(many.relaxed()).as(what).isEqualTo(one.relaxed());
        assertThat(many).as(what).isEqualTo(one);
      }
    }
    // the requests test something: they find articles, group some, relax the long query, and the pool did work
    assertThat(nonEmpty).isGreaterThan(20);
    assertThat(grouped).isGreaterThan(3);
    assertThat(relaxed).isGreaterThan(0);
    assertThat(idx.searchPoolTasks()).isGreaterThan(before);
  }

  @Test
  void several_threads_rank_and_explain_as_one() throws IOException {
    rankAndExplainAsOne(index);
    rankAndExplainAsOne(merged);
  }

  private static void rankAndExplainAsOne(LuceneNewsIndex index) throws IOException {
    for (SearchRequest r : requests()) {
      if (r.grouped()) {
        continue;
      }
      index.searchThreads(1);
      LuceneNewsIndex.Ranking one = index.rank(r);
      Map<String, sosik.search.Explanation> whyOne = index.explain(r, one.ids());
      index.searchThreads(3);
      LuceneNewsIndex.Ranking many = index.rank(r);
      assertThat(many.total()).as(r.toString()).isEqualTo(one.total());
      assertThat(many.ids()).as(r.toString()).isEqualTo(one.ids());
      assertThat(many.scores()).as(r.toString()).containsExactly(one.scores());
      assertThat(many.relaxed()).isEqualTo(one.relaxed());
      Map<String, sosik.search.Explanation> whyMany = index.explain(r, one.ids());
      assertThat(whyMany.keySet()).containsExactlyElementsOf(whyOne.keySet());
      whyOne.forEach((id, e) -> assertThat(whyMany.get(id).score()).isEqualTo(e.score()));
    }
  }

  @Test
  void a_press_count_from_every_part_is_summed() throws IOException {
    // the press counts add up to the total: no part's counts are dropped or counted twice
    for (LuceneNewsIndex idx : new LuceneNewsIndex[] {index, merged}) {
      idx.searchThreads(3);
      SearchPage p = idx.search(SearchRequest.of("반도체").withFreshness(Freshness.OFF).withGrouped(true));
      assertThat(p.pressCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.total());
      assertThat(p.total()).isGreaterThan(100);
    }
  }

  @Test
  void the_group_count_is_the_number_of_groups_the_pages_list_and_their_counts_add_up_to_the_total() throws IOException {
    for (LuceneNewsIndex idx : new LuceneNewsIndex[] {index, merged}) {
      for (int threads : new int[] {1, 3}) {
        for (String q : List.of("반도체", "정부 기업", "투자 | 관광")) {
          SearchRequest r = SearchRequest.of(q).withFreshness(Freshness.OFF).withGrouped(true);
          SearchPage first = searched(idx, r.withPage(1, 100), threads);
          java.util.Set<String> groups = new java.util.HashSet<>();
          long articles = 0;
          for (int page = 1; (long) (page - 1) * 100 < first.groupCount(); page++) {
            for (SearchPage.HitGroup g : searched(idx, r.withPage(page, 100), threads).groups()) {
              assertThat(groups.add(g.id())).as("%s: group %s listed once", q, g.id()).isTrue();
              articles += g.matching();
            }
          }
          String what = q + " on " + threads + " threads";
          assertThat(first.groupCount()).as(what).isGreaterThan(1).isLessThan(first.total());
          assertThat((long) groups.size()).as(what).isEqualTo(first.groupCount());
          assertThat(articles).as(what).isEqualTo(first.total());
        }
      }
    }
  }

  @Test
  void a_search_of_few_matches_stays_on_the_calling_thread() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(mergedDir.resolve("lucene")))) {
      java.util.concurrent.atomic.AtomicInteger handed = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      java.util.concurrent.Executor counting = r -> {
        handed.incrementAndGet();
        pool.execute(r);
      };
      try {
        IndexSearcher one = new IndexSearcher(reader);
        // the body's rarest and most common terms
        String rare = null;
        String common = null;
        int rareDf = Integer.MAX_VALUE;
        int commonDf = 0;
        org.apache.lucene.index.TermsEnum terms = reader.leaves().get(0).reader().terms(Fields.BODY).iterator();
        for (org.apache.lucene.util.BytesRef t = terms.next(); t != null; t = terms.next()) {
          if (terms.docFreq() < rareDf) {
            rareDf = terms.docFreq();
            rare = t.utf8ToString();
          }
          if (terms.docFreq() > commonDf) {
            commonDf = terms.docFreq();
            common = t.utf8ToString();
          }
        }
        assertThat(commonDf).isGreaterThan(rareDf);
        Query few = new TermQuery(new Term(Fields.BODY, rare));
        Query many = new TermQuery(new Term(Fields.BODY, common));
        // estimated below the common term's matches: one thread; at them: spread
        SlicedSearcher parts = new SlicedSearcher(reader, counting, 2, 0, commonDf);
        assertThat(java.util.Arrays.stream(parts.search(few, 10).scoreDocs).mapToInt(d -> d.doc).toArray())
            .hasSize(Math.min(10, rareDf))
            .containsExactly(java.util.Arrays.stream(one.search(few, 10).scoreDocs).mapToInt(d -> d.doc).toArray());
        assertThat(parts.count(few)).isEqualTo(rareDf);
        assertThat(handed.get()).isZero();
        assertThat(parts.count(many)).isEqualTo(one.count(many)).isEqualTo(commonDf);
        assertThat(handed.get()).isGreaterThan(0);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void a_segment_cut_between_parts_is_not_counted_whole_by_each() throws IOException {
    // a term query's count is the segment's document frequency when nothing is deleted: a part that
    // holds only a range of the segment must count its range instead
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(mergedDir.resolve("lucene")))) {
      assertThat(reader.leaves()).hasSize(1);
      assertThat(reader.hasDeletions()).isFalse();
      IndexSearcher one = new IndexSearcher(reader);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        SlicedSearcher parts = new SlicedSearcher(reader, pool, 3, 0, 0);
        org.apache.lucene.index.TermsEnum terms = reader.leaves().get(0).reader().terms(Fields.BODY).iterator();
        int checked = 0;
        for (org.apache.lucene.util.BytesRef t = terms.next(); t != null && checked < 20; t = terms.next()) {
          if (terms.docFreq() < 50) {
            continue;
          }
          Query q = new TermQuery(new Term(Fields.BODY, org.apache.lucene.util.BytesRef.deepCopyOf(t)));
          assertThat(parts.count(q)).as(q.toString()).isEqualTo(one.count(q)).isEqualTo(terms.docFreq());
          checked++;
        }
        assertThat(checked).isEqualTo(20);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void the_time_limit_holds_on_several_threads() throws IOException {
    for (LuceneNewsIndex idx : new LuceneNewsIndex[] {index, merged}) {
      idx.searchThreads(3);
      idx.searchTimeout(java.time.Duration.ZERO);
      try {
        assertThatThrownBy(() -> idx.search(SearchRequest.of("반도체")))
            .isInstanceOf(sosik.search.SearchTimeoutException.class);
        assertThatThrownBy(() -> idx.search(SearchRequest.of("반도체").withGrouped(true)))
            .isInstanceOf(sosik.search.SearchTimeoutException.class);
      } finally {
        idx.searchTimeout(LuceneNewsIndex.DEFAULT_SEARCH_TIMEOUT);
      }
      assertThat(idx.search(SearchRequest.of("반도체")).total()).isGreaterThan(100);
    }
  }

  @Test
  void search_threads_must_be_at_least_one() {
    assertThatThrownBy(() -> index.searchThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> index.searchThreads(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
  }

  @Test
  void parts_are_equal_and_cover_every_document_once() throws IOException {
    for (LuceneNewsIndex idx : new LuceneNewsIndex[] {index, merged}) {
      Path at = idx == index ? dir : mergedDir;
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(at.resolve("lucene")))) {
        List<LeafReaderContext> leaves = reader.leaves();
        int docs = reader.maxDoc();
        for (int n : new int[] {1, 2, 3, 4, 7, leaves.size() + 2, 64, docs, docs + 5}) {
          List<List<SlicedSearcher.Range>> parts = SlicedSearcher.parts(leaves, n, 0);
          assertThat(parts).as("parts of %d", n).hasSize(Math.min(n, docs));
          int[] seen = new int[docs];
          int smallest = Integer.MAX_VALUE;
          int largest = 0;
          int last = -1;
          for (List<SlicedSearcher.Range> part : parts) {
            assertThat(part).isNotEmpty();
            int size = 0;
            for (SlicedSearcher.Range r : part) {
              assertThat(r.min()).isLessThan(r.max());
              assertThat(r.max()).isLessThanOrEqualTo(r.leaf().reader().maxDoc());
              // in index order: each range starts where the one before it ended
              assertThat(r.leaf().docBase + r.min()).isEqualTo(last + 1);
              last = r.leaf().docBase + r.max() - 1;
              for (int d = r.min(); d < r.max(); d++) {
                seen[r.leaf().docBase + d]++;
              }
              size += r.max() - r.min();
            }
            smallest = Math.min(smallest, size);
            largest = Math.max(largest, size);
          }
          for (int d = 0; d < docs; d++) {
            assertThat(seen[d]).as("document %d in %d parts", d, n).isEqualTo(1);
          }
          assertThat(largest - smallest).as("parts of %d", n).isLessThanOrEqualTo(1);
        }
        // one segment is cut into ranges; below the threshold everything is one part of whole segments
        if (leaves.size() == 1) {
          assertThat(SlicedSearcher.parts(leaves, 2, 0)).allSatisfy(p -> assertThat(p.get(0).whole()).isFalse());
        }
        List<List<SlicedSearcher.Range>> small = SlicedSearcher.parts(leaves, 3, docs + 1);
        assertThat(small).hasSize(1);
        assertThat(small.get(0)).hasSize(leaves.size()).allSatisfy(r -> assertThat(r.whole()).isTrue());
      }
    }
  }

  private static float[] scores(SearchPage p) {
    float[] s = new float[p.hits().size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = p.hits().get(i).score();
    }
    return s;
  }
}
