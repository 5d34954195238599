package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.article.Article;
import sosik.search.SearchPage;

/**
 * The pair fields answer exact phrases of the headline and the body exactly as positions do: the
 * same articles, the same scores to the last bit, the same explanations; a phrase of two tokens
 * reads no positions at all; an index built before the fields keeps positions until it is rebuilt.
 */
class PairFieldsTest {
  @TempDir Path dir;

  static final List<String> SEVERAL = List.of(
      "가스공사", "해양수산부", "전기자동차", "어민협동조합", "수산물시장", "반도체", "현대자동차", "성균관대");

  /** The lead test's articles, with the words written apart, doubled and at the headline's edges. */
  static List<Article> corpus() {
    List<Article> out = new ArrayList<>(LeadFieldTest.corpus());
    Random rnd = new Random(7L);
    for (int n = 0; n < 60; n++) {
      String w = SEVERAL.get(rnd.nextInt(SEVERAL.size()));
      String body = switch (n % 4) {
        case 0 -> "해양 수산부 관계자가 " + w + " 현장을 찾았다. 전기 자동차 보조금도 논의했다.";
        case 1 -> w + w + " 문제로 " + w + " 주민이 모였다. 시장 시장 시장 상인도 나왔다.";
        case 2 -> "현대 자동차와 " + w + "는 협약을 맺었다. 가스 공사 일정은 미정이다.";
        default -> "어민 협동 조합과 수산물 시장이 " + w + " 대책을 냈다.";
      };
      out.add(LeadFieldTest.article(w + " 현장 " + n, body, 3000 + n));
    }
    return out;
  }

  static List<String> queries() {
    List<String> qs = new ArrayList<>(SEVERAL);
    qs.addAll(List.of(
        "\"해양 수산부\"", "\"시장 시장\"", "\"수산물시장 예산\"", "\"전기 자동차 보조금\"", "현대차",
        "가스공사 어민", "해양수산부 -선박", "태풍 | 가스공사", "\"현대자동차\" 협약", "반도체 현장"));
    return qs;
  }

  @Test
  void the_pair_fields_give_the_same_pages_scores_and_explanations_as_positions() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      List<Article> all = corpus();
      index.upsert(all.subList(0, 100));
      index.commit();
      index.upsert(all.subList(100, all.size())); // two segments
      index.commit();
      for (String q : queries()) {
        index.usePairFields(true);
        SearchPage pairs = LeadFieldTest.all(index, q);
        index.usePairFields(false);
        SearchPage positions = LeadFieldTest.all(index, q);
        assertThat(pairs.total()).as(q).isEqualTo(positions.total()).isPositive();
        assertThat(LeadFieldTest.ids(pairs)).as(q).isEqualTo(LeadFieldTest.ids(positions));
        assertThat(LeadFieldTest.scores(pairs)).as(q).containsExactly(LeadFieldTest.scores(positions));

        List<String> some = LeadFieldTest.ids(pairs).subList(0, Math.min(5, pairs.hits().size()));
        index.usePairFields(true);
        Map<String, sosik.search.Explanation> e1 = index.explain(LeadFieldTest.request(q), some);
        index.usePairFields(false);
        Map<String, sosik.search.Explanation> e2 = index.explain(LeadFieldTest.request(q), some);
        assertThat(e1).as(q).isEqualTo(e2).hasSize(some.size());
      }
      index.usePairFields(true);
    }
  }

  /**
   * Phrases of two to four tokens cut at random from the indexed texts themselves (tokens written
   * together and apart, repeated tokens, stop-word gaps): each gives the same documents and scores as
   * the phrase query, and one of two tokens reads no positions.
   */
  @Test
  void random_phrases_of_the_texts_match_and_score_as_phrase_queries() throws IOException {
    List<Article> all = corpus();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(all.subList(0, 120));
      index.commit();
      index.upsert(all.subList(120, all.size()));
      index.commit();
    }
    Random rnd = new Random(20261125L);
    Map<String, AtomicInteger> positionReads = new HashMap<>();
    int pairPhrases = 0;
    int longPhrases = 0;
    long leadMatches = 0;
    long longLeadMatches = 0;
    try (Analyzer analyzer = KoreanNewsAnalyzer.withDefaultDictionary();
        DirectoryReader plain = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")));
        DirectoryReader counted = new CountingPositions(plain, positionReads)) {
      IndexSearcher normal = new IndexSearcher(plain);
      IndexSearcher watched = new IndexSearcher(counted);
      normal.setQueryCache(null);
      watched.setQueryCache(null);
      for (int i = 0; i < 300; i++) {
        Article a = all.get(rnd.nextInt(all.size()));
        boolean title = rnd.nextInt(3) == 0;
        String field = title ? Fields.TITLE : Fields.BODY;
        List<String> tokens = tokens(analyzer, title ? a.title() : a.body());
        int len = 2 + rnd.nextInt(3);
        if (tokens.size() < len) {
          continue;
        }
        int from = rnd.nextInt(tokens.size() - len + 1);
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int k = 0; k < len; k++) {
          b.add(new Term(field, tokens.get(from + k)), k);
        }
        PhraseQuery phrase = b.build();
        PairPhraseQuery pairs = PairPhraseQuery.of(phrase);
        assertThat(pairs).as(phrase.toString()).isNotNull();
        TopDocs expected = normal.search(phrase, 1000);
        positionReads.clear();
        TopDocs actual = watched.search(pairs, 1000);
        assertThat(actual.totalHits.value).as(phrase.toString()).isEqualTo(expected.totalHits.value);
        assertThat(docsAndScores(actual)).as(phrase.toString()).isEqualTo(docsAndScores(expected));
        if (len == 2) {
          assertThat(positionReads).as(phrase.toString()).isEmpty();
          pairPhrases++;
          if (!title) {
            // the lead bonus of the same two tokens: its pair within the lead
            org.apache.lucene.queries.spans.SpanFirstQuery first = new org.apache.lucene.queries.spans.SpanFirstQuery(
                new org.apache.lucene.queries.spans.SpanNearQuery(new org.apache.lucene.queries.spans.SpanQuery[] {
                    new org.apache.lucene.queries.spans.SpanTermQuery(phrase.getTerms()[0]),
                    new org.apache.lucene.queries.spans.SpanTermQuery(phrase.getTerms()[1])}, 0, true),
                LuceneQueryBuilder.LEAD);
            TopDocs spans = normal.search(first, 1000);
            positionReads.clear();
            TopDocs lead = watched.search(new LeadQuery(first, Fields.LEAD).withPairs(Fields.LEAD_PAIRS), 1000);
            assertThat(docsAndScores(lead)).as(first.toString()).isEqualTo(docsAndScores(spans));
            assertThat(positionReads).as(first.toString()).isEmpty();
            leadMatches += spans.totalHits.value;
          }
        } else {
          longPhrases++;
          if (!title) {
            // the lead bonus of a longer word: candidates from its pairs within the lead
            org.apache.lucene.queries.spans.SpanQuery[] parts = new org.apache.lucene.queries.spans.SpanQuery[len];
            for (int k = 0; k < len; k++) {
              parts[k] = new org.apache.lucene.queries.spans.SpanTermQuery(phrase.getTerms()[k]);
            }
            org.apache.lucene.queries.spans.SpanFirstQuery first = new org.apache.lucene.queries.spans.SpanFirstQuery(
                new org.apache.lucene.queries.spans.SpanNearQuery(parts, 0, true), LuceneQueryBuilder.LEAD);
            TopDocs spans = normal.search(first, 1000);
            TopDocs lead = normal.search(new LeadQuery(first, Fields.LEAD).withPairs(Fields.LEAD_PAIRS), 1000);
            TopDocs leadTokens = normal.search(new LeadQuery(first, Fields.LEAD), 1000);
            assertThat(docsAndScores(lead)).as(first.toString()).isEqualTo(docsAndScores(spans));
            assertThat(docsAndScores(leadTokens)).as(first.toString()).isEqualTo(docsAndScores(spans));
            assertThat(normal.count(new LeadQuery(first, Fields.LEAD).withPairs(Fields.LEAD_PAIRS))).isEqualTo(spans.totalHits.value);
            longLeadMatches += spans.totalHits.value;
          }
        }
      }
    }
    assertThat(pairPhrases).isGreaterThan(50);
    assertThat(longPhrases).isGreaterThan(100);
    assertThat(leadMatches).isGreaterThan(100);
    assertThat(longLeadMatches).isGreaterThan(50);
  }

  /**
   * 현대중공업 is 현대 중 공업, and 중 also stands alone (파업 중). Where the two pairs together
   * outnumber the middle token, or one of them equals it, the counts decide; only the others are
   * read on positions, and a match the counts decided is read only when it is scored.
   */
  @Test
  void three_tokens_are_decided_by_the_pair_counts_where_they_can_be() throws IOException {
    String[] bodies = {
        "현대중공업 노조가 파업 중이다", // 현대 중 1, 중 공업 1, 중 2: positions decide (a match)
        "현대중공업 현대중공업 파업 중", // 2 + 2 pairs over 3 중: a match, phrase twice
        "중공업 현대 중", // 1 + 1 over 2: positions decide (no match)
        "현대 중 반대 중 공업 단지", // the same, apart
        "현대중공업 발표", // every 중 after 현대: the counts decide
        "회의 중 현대중공업 발표 중 현대중공업 소식", // 2 + 2 over 4: positions decide (a match)
        "현대중공업과 현대 중 일부는 중공업 소식"}; // 2 + 2 over 3: a match, the phrase once
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      List<Article> docs = new ArrayList<>();
      for (int n = 0; n < bodies.length; n++) {
        docs.add(LeadFieldTest.article("소식 " + n, bodies[n], n));
      }
      index.upsert(docs);
      index.commit();
    }
    Map<String, AtomicInteger> positionReads = new HashMap<>();
    Map<Integer, AtomicInteger> docsRead = new HashMap<>();
    try (DirectoryReader plain = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")));
        DirectoryReader counted = new CountingPositions(plain, positionReads, docsRead)) {
      IndexSearcher normal = new IndexSearcher(plain);
      IndexSearcher watched = new IndexSearcher(counted);
      normal.setQueryCache(null);
      watched.setQueryCache(null);
      Map<String, Integer> docOf = new HashMap<>();
      for (int d = 0; d < plain.maxDoc(); d++) {
        docOf.put(StoredDocs.read(plain.storedFields(), d).get(Fields.BODY), d);
      }
      List<Integer> undecided = List.of(docOf.get(bodies[0]), docOf.get(bodies[2]), docOf.get(bodies[3]), docOf.get(bodies[5]));
      PhraseQuery phrase = new PhraseQuery(Fields.BODY, "현대", "중", "공업");
      decidedByCounts(watched, normal, PairPhraseQuery.of(phrase), phrase, docsRead, 5, undecided,
          docOf.get(bodies[1]), docOf.get(bodies[4]));

      // the lead bonus of the same word (every body here is within the lead): the same rule on the
      // lead's pair and token counts, the body's positions read only where they decide
      org.apache.lucene.queries.spans.SpanFirstQuery first = new org.apache.lucene.queries.spans.SpanFirstQuery(
          new org.apache.lucene.queries.spans.SpanNearQuery(new org.apache.lucene.queries.spans.SpanQuery[] {
              new org.apache.lucene.queries.spans.SpanTermQuery(new Term(Fields.BODY, "현대")),
              new org.apache.lucene.queries.spans.SpanTermQuery(new Term(Fields.BODY, "중")),
              new org.apache.lucene.queries.spans.SpanTermQuery(new Term(Fields.BODY, "공업"))}, 0, true),
          LuceneQueryBuilder.LEAD);
      decidedByCounts(watched, normal, new LeadQuery(first, Fields.LEAD).withPairs(Fields.LEAD_PAIRS), first, docsRead, 5,
          undecided, docOf.get(bodies[1]), docOf.get(bodies[4]));
    }
  }

  /**
   * {@code ours} counts {@code matches} as {@code reference} does, reading positions only in the
   * {@code undecided} documents; with every match scored (as the ranked search asks, {@link
   * org.apache.lucene.search.ScoreMode#COMPLETE}) its page and scores are the reference's, the match
   * the pigeonhole found ({@code readWhenScored}) is read for its frequency, and the one the counts
   * alone score ({@code countsAlone}) is not.
   */
  private static void decidedByCounts(IndexSearcher watched, IndexSearcher normal, Query ours, Query reference,
      Map<Integer, AtomicInteger> docsRead, int matches, List<Integer> undecided, int readWhenScored, int countsAlone)
      throws IOException {
    docsRead.clear();
    assertThat(watched.count(ours)).as(ours.toString()).isEqualTo(normal.count(reference)).isEqualTo(matches);
    assertThat(docsRead.keySet()).as(ours.toString()).containsExactlyInAnyOrderElementsOf(undecided);
    docsRead.clear();
    TopDocs scored = watched.search(ours, new org.apache.lucene.search.TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
    assertThat(docsAndScores(scored)).as(ours.toString()).isEqualTo(docsAndScores(normal.search(reference, 10)));
    assertThat(docsRead.keySet()).as(ours.toString()).contains(readWhenScored).doesNotContain(countsAlone);
  }

  @Test
  void a_pair_term_is_counted_as_the_phrase_is() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(LeadFieldTest.article("시장 소식", "시장 시장 시장 상인. 가스공사는 가스 공사를 했다.", 1)));
      index.commit();
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")))) {
      Map<String, Integer> counts = termCounts(r.leaves().get(0).reader(), Fields.BODY_PAIRS);
      char s = TokenLog.PAIR_SEPARATOR;
      assertThat(counts).containsEntry("시장" + s + "시장", 2).containsEntry("가스" + s + "공사", 2);
      // the body's tokens are also the headline's only in the headline's own field
      assertThat(termCounts(r.leaves().get(0).reader(), Fields.TITLE_PAIRS)).containsOnlyKeys("시장" + s + "소식");
      assertThat(counts.keySet()).noneMatch(k -> k.startsWith("소식"));
    }
  }

  @Test
  void the_log_pairs_next_positions_only_and_replays_the_lead() throws IOException {
    TokenLog log = new TokenLog();
    // a@0 b@1, a gap (a dropped particle), c@3, then d and e stacked at 4, d twice
    String[] terms = {"a", "b", "c", "d", "e", "d"};
    int[] incs = {1, 1, 2, 1, 0, 0};
    drain(log.recording(canned(terms, incs)));
    assertThat(terms(log.pairs())).containsExactly("a\u001fb", "c\u001fd", "c\u001fe");
    assertThat(terms(log.upTo(2))).containsExactly("a", "b");
    assertThat(terms(log.upTo(4))).containsExactly("a", "b", "c");
    assertThat(terms(log.upTo(40))).containsExactly(terms);
    assertThat(terms(log.pairs(2))).containsExactly("a\u001fb");
    assertThat(terms(log.pairs(4))).containsExactly("a\u001fb"); // c is the 4th, d and e the 5th
    assertThat(terms(log.pairs(5))).containsExactly("a\u001fb", "c\u001fd", "c\u001fe");
    drain(log.recording(canned(new String[] {"x"}, new int[] {1}))); // cleared by the next text
    assertThat(terms(log.pairs())).isEmpty();
    assertThat(TokenLog.pairable(5_000, 5_000)).isTrue();
    assertThat(TokenLog.pairable(6_000, 6_000)).isFalse();
  }

  @Test
  void phrases_the_pairs_cannot_answer_are_left_to_positions() {
    PhraseQuery sloppy = new PhraseQuery(1, Fields.BODY, "가스", "공사");
    PhraseQuery gap = new PhraseQuery.Builder().add(new Term(Fields.BODY, "가스"), 0).add(new Term(Fields.BODY, "공사"), 2).build();
    PhraseQuery other = new PhraseQuery(Fields.LEAD, "가스", "공사");
    PhraseQuery huge = new PhraseQuery(Fields.BODY, "가".repeat(6_000), "나".repeat(6_000));
    assertThat(PairPhraseQuery.of(sloppy)).isNull();
    assertThat(PairPhraseQuery.of(gap)).isNull();
    assertThat(PairPhraseQuery.of(other)).isNull();
    assertThat(PairPhraseQuery.of(huge)).isNull();
    PhraseQuery ok = new PhraseQuery(Fields.TITLE, "가스", "공사");
    Query wrapped = new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.BooleanQuery.Builder()
        .add(ok, org.apache.lucene.search.BooleanClause.Occur.SHOULD)
        .add(sloppy, org.apache.lucene.search.BooleanClause.Occur.SHOULD).build(), 2f);
    assertThat(PairPhraseQuery.withPairs(wrapped).toString()).isEqualTo("(pairs(title:\"가스 공사\") body:\"가스 공사\"~1)^2.0");
  }

  @Test
  void an_index_from_before_the_fields_reads_positions_until_it_is_rebuilt() throws IOException {
    List<Article> all = corpus();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(all);
      index.commit();
    }
    IndexMetadata now = IndexMetadata.read(dir);
    new IndexMetadata(3, now.analyzerVersion(), now.dictionaryFingerprint(), now.created()).write(dir);
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      SearchPage before = LeadFieldTest.all(index, "해양수산부");
      index.usePairFields(true); // refused: not every article is known to have the fields
      assertThat(LeadFieldTest.scores(LeadFieldTest.all(index, "해양수산부"))).containsExactly(LeadFieldTest.scores(before));
      index.reindex(n -> {});
      assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(IndexMetadata.FORMAT_VERSION);
      SearchPage after = LeadFieldTest.all(index, "해양수산부");
      assertThat(LeadFieldTest.ids(after)).isEqualTo(LeadFieldTest.ids(before));
      assertThat(LeadFieldTest.scores(after)).containsExactly(LeadFieldTest.scores(before));
    }
  }

  private static List<String> docsAndScores(TopDocs td) {
    List<String> out = new ArrayList<>();
    ScoreDoc[] sd = td.scoreDocs.clone();
    Arrays.sort(sd, (x, y) -> Integer.compare(x.doc, y.doc));
    for (ScoreDoc d : sd) {
      out.add(d.doc + ":" + Float.floatToIntBits(d.score));
    }
    return out;
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    return terms(analyzer.tokenStream(Fields.BODY, text));
  }

  private static List<String> terms(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static void drain(TokenStream ts) throws IOException {
    terms(ts);
  }

  private static TokenStream canned(String[] terms, int[] incs) {
    return new TokenStream() {
      final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
      int i;

      @Override
      public void reset() throws IOException {
        super.reset();
        i = 0;
      }

      @Override
      public boolean incrementToken() {
        if (i == terms.length) {
          return false;
        }
        clearAttributes();
        term.setEmpty().append(terms[i]);
        inc.setPositionIncrement(incs[i]);
        i++;
        return true;
      }
    };
  }

  private static Map<String, Integer> termCounts(LeafReader r, String field) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    Terms terms = r.terms(field);
    if (terms == null) {
      return out;
    }
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      PostingsEnum p = te.postings(null, PostingsEnum.FREQS);
      int f = 0;
      while (p.nextDoc() != PostingsEnum.NO_MORE_DOCS) {
        f += p.freq();
      }
      out.put(t.utf8ToString(), f);
    }
    return out;
  }

  /** A reader that counts, per field, the postings asked for with positions. */
  private static final class CountingPositions extends FilterDirectoryReader {
    private final Map<String, AtomicInteger> reads;
    private final Map<Integer, AtomicInteger> docs;

    CountingPositions(DirectoryReader in, Map<String, AtomicInteger> reads) throws IOException {
      this(in, reads, new HashMap<>());
    }

    /** Also counts, per document of the first leaf, the positions read ({@code nextPosition}). */
    CountingPositions(DirectoryReader in, Map<String, AtomicInteger> reads, Map<Integer, AtomicInteger> docs) throws IOException {
      super(in, new SubReaderWrapper() {
        @Override
        public LeafReader wrap(LeafReader reader) {
          return new FilterLeafReader(reader) {
            @Override
            public Terms terms(String field) throws IOException {
              Terms t = super.terms(field);
              return t == null ? null : new FilterTerms(t) {
                @Override
                public TermsEnum iterator() throws IOException {
                  return new FilterTermsEnum(super.iterator()) {
                    @Override
                    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
                      if (!PostingsEnum.featureRequested(flags, PostingsEnum.POSITIONS)) {
                        return super.postings(reuse, flags);
                      }
                      reads.computeIfAbsent(field, k -> new AtomicInteger()).incrementAndGet();
                      return new FilterPostingsEnum(super.postings(null, flags)) {
                        @Override
                        public int nextPosition() throws IOException {
                          docs.computeIfAbsent(docID(), k -> new AtomicInteger()).incrementAndGet();
                          return super.nextPosition();
                        }
                      };
                    }
                  };
                }
              };
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
      });
      this.reads = reads;
      this.docs = docs;
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
      return new CountingPositions(in, reads, docs);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
