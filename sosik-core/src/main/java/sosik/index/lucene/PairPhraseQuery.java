package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * An exact phrase of the headline or the body answered from its pair field ({@link
 * Fields#TITLE_PAIRS}, {@link Fields#BODY_PAIRS}), which holds every two tokens side by side as one
 * term. It matches exactly the articles the phrase query matches and scores them exactly as it does
 * (the same similarity, the field's statistics and norms, the sum of its tokens' statistics), but
 * reads far fewer postings:
 *
 * <ul>
 *   <li>two tokens: the pair term's postings give the articles and the phrase's frequency (the
 *       count of the pair); no positions are read at all;
 *   <li>three tokens or more: only articles holding every pair of the phrase are checked on
 *       positions, by the phrase query itself.
 * </ul>
 *
 * Only an index whose every article was written with the pair fields may use it (see {@link
 * IndexMetadata#PAIR_FIELDS}). Explanations and matches are the phrase query's own; other backends
 * run the phrase query it stands for.
 */
public final class PairPhraseQuery extends Query {
  private final PhraseQuery phrase;
  private final String pairField;
  private final List<BytesRef> pairs;

  private PairPhraseQuery(PhraseQuery phrase, String pairField, List<BytesRef> pairs) {
    this.phrase = phrase;
    this.pairField = pairField;
    this.pairs = pairs;
  }

  /**
   * {@code phrase} answered from its field's pair field, when it is an exact phrase of two tokens or
   * more at consecutive positions, of the headline or the body, whose every pair can be a term; null
   * otherwise.
   */
  static PairPhraseQuery of(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (phrase.getSlop() != 0 || terms.length < 2) {
      return null;
    }
    String pairField = Fields.pairsOf(phrase.getField());
    if (pairField == null) {
      return null;
    }
    List<BytesRef> pairs = new ArrayList<>(terms.length - 1);
    for (int i = 1; i < terms.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        return null;
      }
      String a = terms[i - 1].text();
      String b = terms[i].text();
      if (!TokenLog.pairable(a.length(), b.length())) {
        return null;
      }
      pairs.add(new BytesRef(a + TokenLog.PAIR_SEPARATOR + b));
    }
    return new PairPhraseQuery(phrase, pairField, pairs);
  }

  /**
   * {@code q} with every phrase it holds that the pair fields can answer replaced by a {@link
   * PairPhraseQuery}, and every lead bonus reading the lead's pairs for a word of two tokens (inside
   * boolean, boost and constant-score queries; other queries are kept as they are). The same
   * articles match with the same scores.
   */
  static Query withPairs(Query q) {
    if (q instanceof PhraseQuery pq) {
      PairPhraseQuery p = of(pq);
      return p == null ? q : p;
    }
    if (q instanceof LeadQuery lead) {
      return lead.withPairs(Fields.LEAD_PAIRS);
    }
    if (q instanceof BoostQuery bq) {
      Query inner = withPairs(bq.getQuery());
      return inner == bq.getQuery() ? q : new BoostQuery(inner, bq.getBoost());
    }
    if (q instanceof ConstantScoreQuery cs) {
      Query inner = withPairs(cs.getQuery());
      return inner == cs.getQuery() ? q : new ConstantScoreQuery(inner);
    }
    if (q instanceof BooleanQuery b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause c : b.clauses()) {
        Query inner = withPairs(c.getQuery());
        changed |= inner != c.getQuery();
        out.add(inner, c.getOccur());
      }
      return changed ? out.build() : q;
    }
    return q;
  }

  /** The phrase query this stands for. */
  public PhraseQuery phrase() {
    return phrase;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query r = phrase.rewrite(searcher);
    if (r == phrase) {
      return this;
    }
    PairPhraseQuery p = r instanceof PhraseQuery pq ? of(pq) : null;
    return p == null ? r : p;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    if (pairs.size() > 1) {
      return new LongWeight(searcher, scoreMode, boost);
    }
    return new PairWeight(searcher, scoreMode, boost);
  }

    /** The phrase query's statistics: its field's, and each of its tokens' that occurs at all. */
  private Similarity.SimScorer stats(IndexSearcher searcher, float boost) throws IOException {
    Term[] terms = phrase.getTerms();
    TermStatistics[] termStats = new TermStatistics[terms.length];
    int n = 0;
    for (Term t : terms) {
      TermStates ts = TermStates.build(searcher, t, true);
      if (ts.docFreq() > 0) {
        termStats[n++] = searcher.termStatistics(t, ts.docFreq(), ts.totalTermFreq());
      }
    }
    if (n == 0) {
      return null; // no token occurs: nothing matches
    }
    return searcher.getSimilarity()
        .scorer(boost, searcher.collectionStatistics(phrase.getField()), java.util.Arrays.copyOf(termStats, n));
  }

  /** The postings of each pair of the phrase in a segment; null when one of them is not there. */
  private List<PostingsEnum> pairPostings(LeafReaderContext ctx, int flags) throws IOException {
    Terms terms = ctx.reader().terms(pairField);
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    List<PostingsEnum> out = new ArrayList<>(pairs.size());
    for (BytesRef pair : pairs) {
      if (!te.seekExact(pair)) {
        return null;
      }
      out.add(te.postings(null, flags));
    }
    return out;
  }

  /** The phrase query's own weight (explanations, matches), made when first asked for. */
  private abstract class Delegating extends Weight {
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    private Weight phraseWeight;

    Delegating(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      super(PairPhraseQuery.this);
      this.searcher = searcher;
      this.scoreMode = scoreMode;
      this.boost = boost;
    }

    Weight phraseWeight() throws IOException {
      if (phraseWeight == null) {
        phraseWeight = phrase.createWeight(searcher, scoreMode, boost);
      }
      return phraseWeight;
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
      return phraseWeight().explain(ctx, doc);
    }

    @Override
    public Matches matches(LeafReaderContext ctx, int doc) throws IOException {
      return phraseWeight().matches(ctx, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return true;
    }
  }

  /** Two tokens: the pair term's documents and counts, scored as the phrase query scores them. */
  private final class PairWeight extends Delegating {
    private final Similarity.SimScorer sim;
    private final boolean scores;

    PairWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      super(searcher, scoreMode, boost);
      this.scores = scoreMode.needsScores();
      this.sim = scores ? stats(searcher, boost) : null;
    }

    @Override
    public Scorer scorer(LeafReaderContext ctx) throws IOException {
      List<PostingsEnum> found = pairPostings(ctx, scores ? PostingsEnum.FREQS : PostingsEnum.NONE);
      if (found == null) {
        return null;
      }
      PostingsEnum postings = found.get(0);
      LeafSimScorer leafSim = scores && sim != null ? new LeafSimScorer(sim, ctx.reader(), phrase.getField(), true) : null;
      return IteratorScorer.ofCounts(this, postings, leafSim);
    }
  }

  /**
   * Three tokens or more: only articles holding every pair of the phrase are candidates. For three
   * tokens {@code a b c}, each pair term's count is the count of the middle token's positions with
   * {@code a} before it ({@code a b}) or {@code c} after it ({@code b c}); where one of them equals
   * the middle token's own count in the article, every {@code b} has that neighbour, and the
   * phrase's frequency is the other pair's count: no positions are read. Where the two pairs
   * together outnumber the middle token, some {@code b} has both neighbours, so the article matches;
   * its positions are read only if it is scored (most matches are only counted). Otherwise, and for
   * longer phrases, the phrase query checks the positions.
   */
  private final class LongWeight extends Delegating {
    private final Weight check;
    private final Similarity.SimScorer sim;
    private final boolean scores;

    LongWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      super(searcher, scoreMode, boost);
      this.check = phraseWeight();
      this.scores = scoreMode.needsScores();
      this.sim = scores && pairs.size() == 2 ? stats(searcher, boost) : null;
    }

    @Override
    public Scorer scorer(LeafReaderContext ctx) throws IOException {
      List<PostingsEnum> pairPostings = pairPostings(ctx, pairs.size() == 2 ? PostingsEnum.FREQS : PostingsEnum.NONE);
      if (pairPostings == null) {
        return null;
      }
      Scorer phraseScorer = check.scorer(ctx);
      if (phraseScorer == null) {
        return null;
      }
      if (pairs.size() == 2) {
        return threeTokens(ctx, pairPostings.get(0), pairPostings.get(1), phraseScorer);
      }
      List<DocIdSetIterator> parts = new ArrayList<>(pairPostings);
      parts.add(phraseScorer.iterator());
      DocIdSetIterator both = ConjunctionUtils.intersectIterators(parts);
      return IteratorScorer.of(this, both, phraseScorer::score, Float.MAX_VALUE);
    }

    private Scorer threeTokens(LeafReaderContext ctx, PostingsEnum ab, PostingsEnum bc, Scorer phraseScorer) throws IOException {
      TermsEnum fieldTerms = ctx.reader().terms(phrase.getField()).iterator();
      if (!fieldTerms.seekExact(phrase.getTerms()[1].bytes())) {
        return null;
      }
      PostingsEnum middle = fieldTerms.postings(null, PostingsEnum.FREQS);
      TwoPhaseIterator positions = phraseScorer.twoPhaseIterator();
      // whether the phrase scorer finds the phrase in a document on positions (and is then on it)
      DocCheck onPositions = DocCheck.of(phraseScorer);
      DocIdSetIterator approximation = ConjunctionUtils.intersectIterators(List.of(ab, bc));
      LeafSimScorer leafSim = sim == null ? null : new LeafSimScorer(sim, ctx.reader(), phrase.getField(), true);
      float positionsCost = positions == null ? 0f : positions.matchCost();
      // the phrase's frequency when known without positions; UNREAD: a match, its positions not
      // yet read; CHECKED: the phrase scorer has read them
      float[] freq = {0f};
      TwoPhaseIterator twoPhase = new TwoPhaseIterator(approximation) {
        @Override
        public boolean matches() throws IOException {
          int doc = approximation.docID();
          if (middle.docID() < doc) {
            middle.advance(doc);
          }
          freq[0] = fromCounts(ab.freq(), bc.freq(), middle.docID() == doc ? middle.freq() : -1);
          return freq[0] != CHECKED || onPositions.at(doc);
        }

        @Override
        public float matchCost() {
          return 3 + positionsCost;
        }
      };
      // the phrase query scores with the same statistics (stats()), so the same bound holds for both
      return new IteratorScorer(this, TwoPhaseIterator.asDocIdSetIterator(twoPhase), twoPhase,
          () -> {
            if (freq[0] == UNREAD) {
              // the frequency is needed only now: the phrase scorer counts it on positions
              freq[0] = CHECKED;
              if (!onPositions.at(approximation.docID())) {
                throw new IllegalStateException("pairs and positions disagree on document " + approximation.docID());
              }
            }
            return freq[0] == CHECKED ? phraseScorer.score() : leafSim == null ? 0f : leafSim.score(approximation.docID(), freq[0]);
          },
          leafSim == null ? Float.MAX_VALUE : IteratorScorer.bound(leafSim));
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return check.isCacheable(ctx);
    }
  }

  /** A three-token phrase's frequency: a match whose positions are not read yet. */
  static final float UNREAD = -2f;
  /** A three-token phrase's frequency: positions decide (or have decided). */
  static final float CHECKED = -1f;

  /**
   * A phrase {@code a b c}'s frequency from the counts of {@code a b} ({@code before}), {@code b
   * c} ({@code after}) and {@code b} ({@code middle}, -1 when absent) in one text: the frequency
   * where one pair equals the middle token's count (every {@code b} has that neighbour), {@link
   * #UNREAD} where the pairs together outnumber it (some {@code b} has both: a match, frequency
   * unknown), else {@link #CHECKED} (positions decide).
   */
  static float fromCounts(int before, int after, int middle) {
    if (before == middle) {
      return after;
    }
    if (after == middle) {
      return before;
    }
    if (middle > 0 && before + after > middle) {
      return UNREAD;
    }
    return CHECKED;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    phrase.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "pairs(" + phrase.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && phrase.equals(((PairPhraseQuery) o).phrase) && pairField.equals(((PairPhraseQuery) o).pairField);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), phrase, pairField);
  }
}
