package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.spans.SpanFirstQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanScorer;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.queries.spans.SpanWeight;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The lead bonus ({@code spanFirst(word, 40)} on the body) answered from the {@link Fields#LEAD}
 * field, which holds the body's first {@link LuceneQueryBuilder#LEAD} positions as the body's own
 * analysis produced them. It matches exactly the articles the span query matches and scores them
 * exactly as it does (the body's statistics, norms and boost), but finds them without reading the
 * body's positions for every article that holds the word:
 *
 * <ul>
 *   <li>a word of one token: the lead's postings give the articles and the count of the token in
 *       the lead, which is the span query's frequency; no positions are read at all;
 *   <li>a word of several tokens: only articles whose lead holds every pair of its tokens side by
 *       side ({@link Fields#LEAD_PAIRS}; every token where a pair is too long to be written, or
 *       where the index has no lead pairs) are checked against the body's positions (the tokens in
 *       order, side by side); the body's positions move only to those articles.
 * </ul>
 *
 * Only an index whose every article was written with the lead field may use it (see {@link
 * IndexMetadata#FORMAT_VERSION}); explanations and matches are the span query's own.
 */
public final class LeadQuery extends Query {
  private final SpanFirstQuery first;
  private final String leadField;
  /** The lead's pair field ({@link Fields#LEAD_PAIRS}) where every article has it, else null. */
  private final String leadPairs;

  LeadQuery(SpanFirstQuery first, String leadField) {
    this(first, leadField, null);
  }

  private LeadQuery(SpanFirstQuery first, String leadField, String leadPairs) {
    if (first.getEnd() != LuceneQueryBuilder.LEAD) {
      throw new IllegalArgumentException("the lead field holds the first " + LuceneQueryBuilder.LEAD + " positions, not " + first.getEnd());
    }
    this.first = Objects.requireNonNull(first, "first");
    this.leadField = Objects.requireNonNull(leadField, "leadField");
    this.leadPairs = leadPairs;
  }

  /**
   * This bonus with a word of two tokens answered from {@code leadPairs}, the lead's pair field: the
   * count of the pair there is the span query's frequency, and no positions are read.
   */
  LeadQuery withPairs(String leadPairs) {
    return new LeadQuery(first, leadField, Objects.requireNonNull(leadPairs, "leadPairs"));
  }

  /** The span query this stands for (what other backends run). */
  public SpanFirstQuery spanFirst() {
    return first;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query r = first.rewrite(searcher);
    if (r != first) {
      return r instanceof SpanFirstQuery sf && sf.getEnd() == first.getEnd() ? new LeadQuery(sf, leadField, leadPairs) : r;
    }
    return this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    SpanWeight span = (SpanWeight) first.createWeight(searcher, scoreMode, boost);
    List<BytesRef> tokens = new ArrayList<>();
    if (!tokens(first.getMatch(), tokens)) {
      return span; // not a word's tokens in order: the span query as it is
    }
    return new LeadWeight(this, span, tokens, scoreMode.needsScores());
  }

  /** The tokens of a term or of terms side by side in order; false for any other span query. */
  private static boolean tokens(SpanQuery q, List<BytesRef> out) {
    if (q instanceof SpanTermQuery t) {
      out.add(t.getTerm().bytes());
      return true;
    }
    if (q instanceof SpanNearQuery n && n.isInOrder() && n.getSlop() == 0) {
      for (SpanQuery c : n.getClauses()) {
        if (!(c instanceof SpanTermQuery)) {
          return false;
        }
        out.add(((SpanTermQuery) c).getTerm().bytes());
      }
      return true;
    }
    return false;
  }

  private final class LeadWeight extends Weight {
    private final SpanWeight span;
    private final List<BytesRef> tokens;
    private final boolean scores;

    LeadWeight(Query q, SpanWeight span, List<BytesRef> tokens, boolean scores) {
      super(q);
      this.span = span;
      this.tokens = tokens;
      this.scores = scores;
    }

    @Override
    public Scorer scorer(LeafReaderContext ctx) throws IOException {
      Terms terms = ctx.reader().terms(leadField);
      if (terms == null) {
        return null; // no article of this segment has a lead: nothing is within it
      }
      if (tokens.size() == 2 && leadPairs != null
          && TokenLog.pairable(tokens.get(0).utf8ToString().length(), tokens.get(1).utf8ToString().length())) {
        return pairScorer(ctx);
      }
      TermsEnum te = terms.iterator();
      List<PostingsEnum> postings = new ArrayList<>(tokens.size());
      for (BytesRef token : tokens) {
        if (!te.seekExact(token)) {
          return null;
        }
        postings.add(te.postings(null, tokens.size() == 1 ? PostingsEnum.FREQS : PostingsEnum.NONE));
      }
      if (tokens.size() == 1) {
        PostingsEnum lead = postings.get(0);
        LeafSimScorer sim = scores ? span.getSimScorer(ctx) : null;
        return IteratorScorer.ofCounts(this, lead, sim);
      }
      SpanScorer check = span.scorer(ctx);
      if (check == null) {
        return null;
      }
      if (tokens.size() == 3 && leadPairs != null) {
        Scorer counted = threeTokens(ctx, terms, check);
        if (counted != null) {
          return counted;
        }
      }
      List<DocIdSetIterator> candidates = leadPairs == null ? null : pairPostings(ctx);
      DocIdSetIterator approximation = allOf(candidates == null ? new ArrayList<>(postings) : candidates);
      // only candidates (every token, or every pair, within the lead) move the body's positions
      TwoPhaseIterator spanCheck = check.twoPhaseIterator();
      DocCheck onSpans = DocCheck.of(check);
      TwoPhaseIterator twoPhase = new TwoPhaseIterator(approximation) {
        @Override
        public boolean matches() throws IOException {
          return onSpans.at(approximation.docID());
        }

        @Override
        public float matchCost() {
          return tokens.size() + (spanCheck == null ? 0f : spanCheck.matchCost());
        }
      };
      return new IteratorScorer(this, TwoPhaseIterator.asDocIdSetIterator(twoPhase), twoPhase, check::score,
          scores ? IteratorScorer.bound(span.getSimScorer(ctx)) : 0f);
    }

    private static DocIdSetIterator allOf(List<DocIdSetIterator> iterators) {
      return iterators.size() == 1 ? iterators.get(0) : ConjunctionUtils.intersectIterators(iterators);
    }

    /**
     * The postings of every two tokens side by side of the word in the lead's pair field (each is
     * there when the word is within the lead); null when a pair is too long to be written.
     */
    private List<DocIdSetIterator> pairPostings(LeafReaderContext ctx) throws IOException {
      List<DocIdSetIterator> out = new ArrayList<>(tokens.size() - 1);
      Terms pairs = ctx.reader().terms(leadPairs);
      TermsEnum te = pairs == null ? null : pairs.iterator();
      for (int i = 0; i + 1 < tokens.size(); i++) {
        String a = tokens.get(i).utf8ToString();
        String b = tokens.get(i + 1).utf8ToString();
        if (!TokenLog.pairable(a.length(), b.length())) {
          return null;
        }
        if (te == null || !te.seekExact(new BytesRef(a + TokenLog.PAIR_SEPARATOR + b))) {
          return List.of(DocIdSetIterator.empty());
        }
        out.add(te.postings(null, PostingsEnum.NONE));
      }
      return out;
    }

    /**
     * A word of three tokens {@code a b c}, as {@link PairPhraseQuery} decides a phrase of three:
     * the lead's count of {@code a b} is the count of the lead's {@code b}s with {@code a} before
     * them, that of {@code b c} the count of those with {@code c} after them (both pairs end within
     * the lead, as the span must). Where one equals the lead's count of {@code b}, every {@code b}
     * there has that neighbour, and the other pair's count is the span query's frequency: no
     * positions are read. Where the two together outnumber the {@code b}s, the word is there
     * (pigeonhole), and the body's positions are read only if the article is scored; otherwise they
     * decide. Null when a pair is too long to be written (the caller then reads positions).
     */
    private Scorer threeTokens(LeafReaderContext ctx, Terms lead, SpanScorer check) throws IOException {
      String a = tokens.get(0).utf8ToString();
      String b = tokens.get(1).utf8ToString();
      String c = tokens.get(2).utf8ToString();
      if (!TokenLog.pairable(a.length(), b.length()) || !TokenLog.pairable(b.length(), c.length())) {
        return null;
      }
      Terms pairs = ctx.reader().terms(leadPairs);
      if (pairs == null) {
        return null;
      }
      TermsEnum pe = pairs.iterator();
      if (!pe.seekExact(new BytesRef(a + TokenLog.PAIR_SEPARATOR + b))) {
        return emptyScorer();
      }
      PostingsEnum ab = pe.postings(null, PostingsEnum.FREQS);
      if (!pe.seekExact(new BytesRef(b + TokenLog.PAIR_SEPARATOR + c))) {
        return emptyScorer();
      }
      PostingsEnum bc = pe.postings(null, PostingsEnum.FREQS);
      TermsEnum te = lead.iterator();
      if (!te.seekExact(tokens.get(1))) {
        return emptyScorer();
      }
      PostingsEnum middle = te.postings(null, PostingsEnum.FREQS);
      DocCheck onSpans = DocCheck.of(check);
      TwoPhaseIterator spanCheck = check.twoPhaseIterator();
      DocIdSetIterator approximation = ConjunctionUtils.intersectIterators(List.of(ab, bc));
      LeafSimScorer sim = scores ? span.getSimScorer(ctx) : null;
      // the frequency when known without positions; UNREAD: a match whose positions are not read
      // yet; CHECKED: the span scorer has read them
      float[] freq = {0f};
      TwoPhaseIterator twoPhase = new TwoPhaseIterator(approximation) {
        @Override
        public boolean matches() throws IOException {
          int doc = approximation.docID();
          if (middle.docID() < doc) {
            middle.advance(doc);
          }
          freq[0] = PairPhraseQuery.fromCounts(ab.freq(), bc.freq(), middle.docID() == doc ? middle.freq() : -1);
          return freq[0] != PairPhraseQuery.CHECKED || onSpans.at(doc);
        }

        @Override
        public float matchCost() {
          return 3 + (spanCheck == null ? 0f : spanCheck.matchCost());
        }
      };
      return new IteratorScorer(this, TwoPhaseIterator.asDocIdSetIterator(twoPhase), twoPhase,
          () -> {
            if (freq[0] == PairPhraseQuery.UNREAD) {
              freq[0] = PairPhraseQuery.CHECKED;
              if (!onSpans.at(approximation.docID())) {
                throw new IllegalStateException("the lead's pairs and the body's positions disagree on document " + approximation.docID());
              }
            }
            return freq[0] == PairPhraseQuery.CHECKED ? check.score() : sim == null ? 0f : sim.score(approximation.docID(), freq[0]);
          },
          scores ? IteratorScorer.bound(span.getSimScorer(ctx)) : 0f);
    }

    private Scorer emptyScorer() {
      return IteratorScorer.of(this, DocIdSetIterator.empty(), () -> 0f, 0f);
    }

    /** A word of two tokens: the count of its pair in the lead is the span query's frequency. */
    private Scorer pairScorer(LeafReaderContext ctx) throws IOException {
      Terms pairs = ctx.reader().terms(leadPairs);
      if (pairs == null) {
        return null;
      }
      TermsEnum te = pairs.iterator();
      String pair = tokens.get(0).utf8ToString() + TokenLog.PAIR_SEPARATOR + tokens.get(1).utf8ToString();
      if (!te.seekExact(new BytesRef(pair))) {
        return null;
      }
      PostingsEnum lead = te.postings(null, scores ? PostingsEnum.FREQS : PostingsEnum.NONE);
      LeafSimScorer sim = scores ? span.getSimScorer(ctx) : null;
      return IteratorScorer.ofCounts(this, lead, sim);
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
      return span.explain(ctx, doc);
    }

    @Override
    public Matches matches(LeafReaderContext ctx, int doc) throws IOException {
      return span.matches(ctx, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return span.isCacheable(ctx);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    first.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "lead(" + first.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && first.equals(((LeadQuery) o).first) && leadField.equals(((LeadQuery) o).leadField)
        && Objects.equals(leadPairs, ((LeadQuery) o).leadPairs);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + first.hashCode() * 17 + leadField.hashCode() + Objects.hashCode(leadPairs);
  }
}
