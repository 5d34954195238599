package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * {@link AnyQuery} matches, scores and bounds every document exactly as the Boolean query of
 * its two optional clauses does: terms, boosted terms, phrases (a second phase) and a mix, alone
 * and inside conjunctions, over segments where one clause's term is missing; and Sosik's pages are
 * the same with it as without it.
 */
class AnyQueryTest {
  private static final String[] WORDS = {"반도체", "수출", "카카오", "택시", "정부", "규제", "시장", "경제", "노조", "임금"};

  private static Document doc(Random rnd, boolean withTitle) {
    Document d = new Document();
    if (withTitle) {
      d.add(new TextField("title", words(rnd, 1 + rnd.nextInt(4)), Field.Store.NO));
    }
    d.add(new TextField("body", words(rnd, 3 + rnd.nextInt(40)), Field.Store.NO));
    return d;
  }

  private static String words(Random rnd, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // a skewed draw: the first words are common, the last rare
      sb.append(WORDS[Math.min(WORDS.length - 1, (int) Math.abs(rnd.nextGaussian() * 3.5))]).append(' ');
    }
    return sb.toString();
  }

  private static Query term(String f, String w) {
    return new TermQuery(new Term(f, w));
  }

  private static Query phrase(String f, String w1, String w2) {
    return new PhraseQuery(f, w1, w2);
  }

  private static BooleanQuery either(Query... clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query c : clauses) {
      b.add(c, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * Disjunctions of two to four clauses: headline and body terms, a boosted headline, phrases (a
   * second phase), a term absent from some segments, and lead-like bonuses of several words.
   */
  private static List<BooleanQuery> disjunctions() {
    List<BooleanQuery> out = new ArrayList<>();
    for (String w : new String[] {"반도체", "카카오", "임금"}) {
      out.add(either(new BoostQuery(term("title", w), 2f), term("body", w)));
      out.add(either(term("title", w), term("title", "수출")));
    }
    out.add(either(new BoostQuery(phrase("title", "반도체", "수출"), 2f), phrase("body", "반도체", "수출")));
    out.add(either(term("title", "정부"), phrase("body", "정부", "규제")));
    out.add(either(phrase("title", "노조", "임금"), term("body", "노조")));
    out.add(either(term("title", "없는말"), term("body", "택시")));
    out.add(either(term("title", "경제"), term("body", "없는말")));
    out.add(either(new BoostQuery(term("title", "카카오"), 0.3f), new BoostQuery(term("title", "택시"), 0.3f),
        new BoostQuery(term("title", "규제"), 0.3f)));
    out.add(either(term("body", "노조"), phrase("body", "임금", "노조"), new BoostQuery(term("title", "임금"), 2f),
        term("title", "노조")));
    return out;
  }

  @Test
  void every_match_score_and_bound_equals_the_boolean_querys(@TempDir Path dir) throws IOException {
    Random rnd = new Random(20261126L);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (int seg = 0; seg < 3; seg++) {
        for (int i = 0; i < 3000; i++) {
          w.addDocument(doc(rnd, rnd.nextInt(4) != 0));
        }
        if (seg == 1) {
          w.addDocument(doc(rnd, false)); // a segment where the rare headline words may be missing
        }
        w.commit();
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        assertThat(r.leaves()).hasSize(3);
        IndexSearcher s = new IndexSearcher(r);
        s.setQueryCache(null);
        long matched = 0;
        for (BooleanQuery bool : disjunctions()) {
          Query any = AnyQuery.unions(s.rewrite(bool));
          assertThat(any).as("%s", bool).isInstanceOf(AnyQuery.class);
          assertThat(s.rewrite(any)).isSameAs(any);
          matched += lockstep(s, s.rewrite(bool), any);
          for (String other : new String[] {"시장", "규제"}) {
            // inside a conjunction, where the union is advanced rather than stepped
            same(s, new BooleanQuery.Builder().add(bool, BooleanClause.Occur.MUST)
                .add(term("body", other), BooleanClause.Occur.MUST).build());
            // as the optional clauses beside a required one (a query's lead bonuses), and beside an exclusion
            BooleanQuery.Builder withMust = new BooleanQuery.Builder().add(term("body", other), BooleanClause.Occur.MUST);
            BooleanQuery.Builder withNot = new BooleanQuery.Builder().add(term("body", other), BooleanClause.Occur.MUST_NOT);
            for (BooleanClause c : bool.clauses()) {
              withMust.add(c);
              withNot.add(c);
            }
            same(s, withMust.build());
            same(s, withNot.build());
          }
        }
        assertThat(matched).isGreaterThan(3000);
      }
    }
  }

  /** {@code q} and its unions: every scorer alike, and the same ranked documents and scores. */
  private static void same(IndexSearcher s, Query q) throws IOException {
    Query rewritten = s.rewrite(q);
    Query unions = AnyQuery.unions(rewritten);
    assertThat(unions).as("%s", q).isNotEqualTo(rewritten);
    assertThat(s.rewrite(unions)).isEqualTo(unions);
    lockstep(s, rewritten, unions);
    TopDocs a = s.search(rewritten, 10_000);
    TopDocs b = s.search(unions, 10_000);
    assertThat(b.totalHits.value).isEqualTo(a.totalHits.value);
    assertThat(docsAndScores(b)).as("%s", q).isEqualTo(docsAndScores(a));
  }

  private static List<String> docsAndScores(TopDocs td) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc sd : td.scoreDocs) {
      out.add(sd.doc + ":" + Float.floatToIntBits(sd.score));
    }
    return out;
  }

  /** Both queries' scorers stepped together over every segment: the same documents, scores and bounds. */
  private static long lockstep(IndexSearcher s, Query expected, Query actual) throws IOException {
    Weight we = s.createWeight(expected, ScoreMode.COMPLETE, 1f);
    Weight wa = s.createWeight(actual, ScoreMode.COMPLETE, 1f);
    long n = 0;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer se = we.scorer(leaf);
      Scorer sa = wa.scorer(leaf);
      if (se == null) {
        assertThat(sa).as("%s in segment %d", actual, leaf.ord).isNull();
        continue;
      }
      assertThat(sa).isNotNull();
      DocIdSetIterator ie = se.iterator();
      DocIdSetIterator ia = sa.iterator();
      assertThat(sa.twoPhaseIterator() == null).isEqualTo(se.twoPhaseIterator() == null);
      int upTo = -1;
      while (true) {
        int de = ie.nextDoc();
        int da = ia.nextDoc();
        assertThat(da).as("%s", actual).isEqualTo(de);
        if (de == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        n++;
        if (de > upTo) {
          upTo = se.advanceShallow(de);
          assertThat(sa.advanceShallow(de)).isEqualTo(upTo);
        }
        assertThat(sa.getMaxScore(de)).isEqualTo(se.getMaxScore(de));
        assertThat(sa.getMaxScore(upTo)).isEqualTo(se.getMaxScore(upTo));
        assertThat(Float.floatToIntBits(sa.score())).as("%s doc %d", actual, de).isEqualTo(Float.floatToIntBits(se.score()));
      }
      TwoPhaseIterator tp = sa.twoPhaseIterator();
      if (tp != null) {
        assertThat(tp.matchCost()).isPositive();
      }
    }
    return n;
  }

  @Test
  void pages_are_the_same_with_and_without_it(@TempDir Path dir) throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      for (int i = 0; i < 4; i++) {
        List<sosik.article.Article> batch = new ArrayList<>();
        for (int j = 0; j < 60; j++) {
          int n = i * 60 + j;
          batch.add(PostingsMarksTest.written(n, headline(n), body(n)));
        }
        index.upsert(batch);
        index.commit(); // several segments
      }
      long before = AnyQuery.SCORERS.sum();
      for (String q : List.of("반도체", "반도체 수출", "카카오 택시 규제", "정부 규제", "노조 임금 협상", "\"반도체 수출\"",
          "수출 -반도체", "카카오 | 네이버", "+택시 카카오", "제목:반도체", "인공지능 반도체 투자")) {
        for (boolean grouped : new boolean[] {false, true}) {
          SearchRequest r = SearchRequest.of(q).withPage(1, 20).withGrouped(grouped);
          AnyQuery.ENABLED = false;
          SearchPage lucene = index.search(r);
          AnyQuery.ENABLED = true;
          SearchPage either = index.search(r);
          assertThat(either.total()).as(q).isEqualTo(lucene.total());
          assertThat(ranked(either)).as("%s grouped %s", q, grouped).isEqualTo(ranked(lucene));
        }
      }
      assertThat(AnyQuery.SCORERS.sum() - before).as("the pages went through AnyQuery").isGreaterThan(20);
    } finally {
      AnyQuery.ENABLED = true;
    }
  }

  private static List<String> ranked(SearchPage p) {
    List<String> out = new ArrayList<>();
    for (SearchPage.Hit h : p.hits()) {
      out.add(h.id() + ":" + Float.floatToIntBits(h.score()));
    }
    return out;
  }

  private static final String[] TOPICS = {"반도체 수출", "카카오 택시", "정부 규제", "노조 임금 협상", "인공지능 투자", "네이버 검색"};

  private static String headline(int n) {
    return TOPICS[n % TOPICS.length] + (n % 3 == 0 ? " 소식" : " 전망") + (n % 5 == 0 ? " 반도체" : "");
  }

  private static String body(int n) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 3 + n % 7; k++) {
      sb.append(TOPICS[(n * 7 + k * 3) % TOPICS.length]).append(k % 2 == 0 ? "이 늘었다. " : "에 대한 논의가 이어졌다. ");
    }
    return sb.toString();
  }
}
