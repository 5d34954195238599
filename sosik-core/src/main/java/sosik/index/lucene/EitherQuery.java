package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.MathUtil;

/**
 * What either of two queries matches, scored by the sum of the scores of those that match: a
 * Boolean query of exactly two optional clauses, as a word's headline-or-body query is ({@code
 * title:w^2 body:w}), with the same matches, scores and score bounds to the bit, but one
 * comparison of two documents where Lucene's disjunction keeps a heap and walks lists of its
 * clauses for every match, score and bound. In a query of two or three words these disjunctions
 * are most of the work of matching and bounding every article that has all the words.
 *
 * <p>{@link #unions} puts it in place of such Boolean queries in a query to rank by, once the query
 * is rewritten (so that Lucene has flattened nested disjunctions first: the sums are then added in
 * the same order); explanations and matches are those of the Boolean query it stands for.
 */
final class EitherQuery extends Query {
  /** {@code -Dsosik.eitherQueries=false}: Lucene's disjunction, for measuring. */
  static volatile boolean ENABLED = !"false".equals(System.getProperty("sosik.eitherQueries"));
  /** Scorers made, for tests: that a search went through this query at all. */
  static final java.util.concurrent.atomic.LongAdder SCORERS = new java.util.concurrent.atomic.LongAdder();

  private final Query a;
  private final Query b;

  EitherQuery(Query a, Query b) {
    this.a = Objects.requireNonNull(a);
    this.b = Objects.requireNonNull(b);
  }

  /**
   * {@code q} with every Boolean query of exactly two optional clauses (and no minimum to match)
   * replaced by an {@code EitherQuery}, through Boolean clauses, boosts and constant scores; {@code
   * q} itself when there is none.
   */
  static Query unions(Query q) {
    if (!ENABLED) {
      return q;
    }
    if (q instanceof BoostQuery bq) {
      Query inner = unions(bq.getQuery());
      return inner == bq.getQuery() ? q : new BoostQuery(inner, bq.getBoost());
    }
    if (q instanceof FreshnessQuery f) {
      Query inner = unions(f.wrapped());
      return inner == f.wrapped() ? q : f.wrapping(inner);
    }
    if (q instanceof ConstantScoreQuery cs) {
      Query inner = unions(cs.getQuery());
      return inner == cs.getQuery() ? q : new ConstantScoreQuery(inner);
    }
    if (q instanceof BooleanQuery bool) {
      List<BooleanClause> clauses = bool.clauses();
      if (isPair(bool)) {
        return new EitherQuery(unions(clauses.get(0).getQuery()), unions(clauses.get(1).getQuery()));
      }
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause c : clauses) {
        Query inner = unions(c.getQuery());
        changed |= inner != c.getQuery();
        out.add(inner, c.getOccur());
      }
      return changed ? out.build() : q;
    }
    return q;
  }

  private static boolean isPair(BooleanQuery bool) {
    List<BooleanClause> clauses = bool.clauses();
    return clauses.size() == 2
        && bool.getMinimumNumberShouldMatch() == 0
        && clauses.get(0).getOccur() == BooleanClause.Occur.SHOULD
        && clauses.get(1).getOccur() == BooleanClause.Occur.SHOULD;
  }

  /** The Boolean query this stands for. */
  BooleanQuery asBoolean() {
    return new BooleanQuery.Builder()
        .add(a, BooleanClause.Occur.SHOULD)
        .add(b, BooleanClause.Occur.SHOULD)
        .build();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    // rewritten as the Boolean query would be: a clause that matches nothing drops out, and so on
    BooleanQuery bool = asBoolean();
    Query r = bool.rewrite(searcher);
    if (r == bool) {
      return this;
    }
    if (r instanceof BooleanQuery rb && isPair(rb)) {
      return new EitherQuery(rb.clauses().get(0).getQuery(), rb.clauses().get(1).getQuery());
    }
    return r;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return new EitherWeight(searcher, scoreMode, boost);
  }

  private final class EitherWeight extends Weight {
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    private final Weight wa;
    private final Weight wb;

    EitherWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      super(EitherQuery.this);
      this.searcher = searcher;
      this.scoreMode = scoreMode;
      this.boost = boost;
      // as a Boolean query makes the weights of its optional clauses
      this.wa = searcher.createWeight(a, scoreMode, boost);
      this.wb = searcher.createWeight(b, scoreMode, boost);
    }

    /** The Boolean query's own weight, for the rare questions answered as it answers them. */
    private Weight asBooleanWeight() throws IOException {
      return searcher.createWeight(asBoolean(), scoreMode, boost);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return asBooleanWeight().explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return asBooleanWeight().matches(context, doc);
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      ScorerSupplier s = scorerSupplier(context);
      return s == null ? null : s.get(Long.MAX_VALUE);
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      ScorerSupplier sa = wa.scorerSupplier(context);
      ScorerSupplier sb = wb.scorerSupplier(context);
      if (sa == null) {
        return sb; // one clause left: its own scorer, as the Boolean query's would be
      }
      if (sb == null) {
        return sa;
      }
      Weight weight = this;
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          SCORERS.increment();
          return new EitherScorer(weight, sa.get(leadCost), sb.get(leadCost));
        }

        @Override
        public long cost() {
          return sa.cost() + sb.cost();
        }
      };
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return wa.isCacheable(ctx) && wb.isCacheable(ctx);
    }
  }

  /**
   * Lucene's disjunction of two, without the heap. The documents of both clauses are kept at or
   * after the current one; a clause is on the current document when its document is it (and, if
   * it has a second phase, that phase says so).
   */
  static final class EitherScorer extends Scorer {
    private final Scorer a;
    private final Scorer b;
    private final TwoPhaseIterator phaseA;
    private final TwoPhaseIterator phaseB;
    private final DocIdSetIterator approxA;
    private final DocIdSetIterator approxB;
    private final DocIdSetIterator approximation;
    private final TwoPhaseIterator twoPhase;
    private int doc = -1;
    /** For a second phase: the document checked, and which clauses it found on it. */
    private int checkedDoc = -1;
    private boolean onA;
    private boolean onB;
    private boolean checkedA;
    private boolean checkedB;

    EitherScorer(Weight weight, Scorer a, Scorer b) {
      super(weight);
      this.a = a;
      this.b = b;
      this.phaseA = a.twoPhaseIterator();
      this.phaseB = b.twoPhaseIterator();
      this.approxA = phaseA == null ? a.iterator() : phaseA.approximation();
      this.approxB = phaseB == null ? b.iterator() : phaseB.approximation();
      this.approximation = new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          // both clauses are at or after doc: those on it move on
          int da = approxA.docID();
          if (da == doc) {
            da = approxA.nextDoc();
          }
          int db = approxB.docID();
          if (db == doc) {
            db = approxB.nextDoc();
          }
          return doc = Math.min(da, db);
        }

        @Override
        public int advance(int target) throws IOException {
          int da = approxA.docID();
          if (da < target) {
            da = approxA.advance(target);
          }
          int db = approxB.docID();
          if (db < target) {
            db = approxB.advance(target);
          }
          return doc = Math.min(da, db);
        }

        @Override
        public long cost() {
          return approxA.cost() + approxB.cost();
        }
      };
      if (phaseA == null && phaseB == null) {
        this.twoPhase = null;
      } else {
        float costA = approxA.cost();
        float costB = approxB.cost();
        float matchCost = ((phaseA == null ? 0f : phaseA.matchCost() * costA) + (phaseB == null ? 0f : phaseB.matchCost() * costB))
            / Math.max(1f, costA + costB);
        this.twoPhase = new TwoPhaseIterator(approximation) {
          @Override
          public boolean matches() throws IOException {
            check();
            // a clause without a second phase decides at once; a second phase is asked only if needed
            if (onA && checkedA || onB && checkedB) {
              return true;
            }
            return confirmA() || confirmB();
          }

          @Override
          public float matchCost() {
            return matchCost;
          }
        };
      }
    }

    /** Which clauses sit on the current document, before any second phase is asked. */
    private void check() {
      if (checkedDoc != doc) {
        checkedDoc = doc;
        onA = approxA.docID() == doc;
        onB = approxB.docID() == doc;
        checkedA = phaseA == null;
        checkedB = phaseB == null;
      }
    }

    private boolean confirmA() throws IOException {
      if (onA && !checkedA) {
        onA = phaseA.matches();
        checkedA = true;
      }
      return onA;
    }

    private boolean confirmB() throws IOException {
      if (onB && !checkedB) {
        onB = phaseB.matches();
        checkedB = true;
      }
      return onB;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return twoPhase == null ? approximation : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      // the disjunction's sum: in doubles, then to float (two terms add alike in either order)
      double score = 0;
      if (twoPhase == null) {
        if (approxA.docID() == doc) {
          score += a.score();
        }
        if (approxB.docID() == doc) {
          score += b.score();
        }
      } else {
        check();
        if (confirmA()) {
          score += a.score();
        }
        if (confirmB()) {
          score += b.score();
        }
      }
      return (float) score;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      int upTo = DocIdSetIterator.NO_MORE_DOCS;
      if (a.docID() <= target) {
        upTo = Math.min(upTo, a.advanceShallow(target));
      }
      if (b.docID() <= target) {
        upTo = Math.min(upTo, b.advanceShallow(target));
      }
      return upTo;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      double max = 0;
      if (a.docID() <= upTo) {
        max += a.getMaxScore(upTo);
      }
      if (b.docID() <= upTo) {
        max += b.getMaxScore(upTo);
      }
      return (float) MathUtil.sumUpperBound(max, 2);
    }

    @Override
    public java.util.Collection<ChildScorable> getChildren() {
      List<ChildScorable> out = new ArrayList<>(2);
      out.add(new ChildScorable(a, "SHOULD"));
      out.add(new ChildScorable(b, "SHOULD"));
      return out;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor v = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
    a.visit(v);
    b.visit(v);
  }

  @Override
  public String toString(String field) {
    return "either(" + a.toString(field) + ", " + b.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && a.equals(((EitherQuery) o).a) && b.equals(((EitherQuery) o).b);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), a, b);
  }
}
