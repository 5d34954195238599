package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
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
 * What any of a few queries matches, scored by the sum of the scores of those that match: the
 * optional clauses of a Boolean query, as a word's headline-or-body query ({@code title:w^2
 * body:w}) or the lead bonuses of a query's words, with the same matches, scores and score bounds
 * to the bit, but a few comparisons where Lucene's disjunction keeps a heap and walks lists of its
 * clauses for every match, score and bound. In a query of one to three words these disjunctions are
 * much of the work of matching and bounding every article that has all the words.
 *
 * <p>{@link #unions} puts it in place of such clauses in a query to rank by, once the query is
 * rewritten (Lucene has then flattened nested disjunctions, so the same scores are added);
 * explanations and matches are those of the Boolean query it stands for.
 */
final class AnyQuery extends Query {
  /** {@code -Dsosik.anyQueries=false}: Lucene's disjunction, for measuring. */
  static volatile boolean ENABLED = !"false".equals(System.getProperty("sosik.anyQueries"));
  /** Most clauses taken: past a few, a heap finds the next document in fewer steps than a scan. */
  static final int MAX_CLAUSES = 4;
  /** Scorers made, for tests: that a search went through this query at all. */
  static final LongAdder SCORERS = new LongAdder();

  private final Query[] clauses;

  AnyQuery(List<Query> clauses) {
    if (clauses.size() < 2 || clauses.size() > MAX_CLAUSES) {
      throw new IllegalArgumentException("AnyQuery takes 2 to " + MAX_CLAUSES + " clauses, not " + clauses.size());
    }
    this.clauses = clauses.toArray(new Query[0]);
  }

  /**
   * {@code q} with the optional clauses of each Boolean query (two to {@link #MAX_CLAUSES}, no
   * minimum to match) made one {@code AnyQuery} clause, through Boolean clauses, boosts, constant
   * scores and the freshness preference; {@code q} itself when there is none. A Boolean query of
   * optional clauses alone becomes the {@code AnyQuery}.
   */
  static Query unions(Query q) {
    if (!ENABLED) {
      return q;
    }
    if (q instanceof BoostQuery bq) {
      Query inner = unions(bq.getQuery());
      return inner == bq.getQuery() ? q : new BoostQuery(inner, bq.getBoost());
    }
    if (q instanceof ConstantScoreQuery cs) {
      Query inner = unions(cs.getQuery());
      return inner == cs.getQuery() ? q : new ConstantScoreQuery(inner);
    }
    if (q instanceof FreshnessQuery f) {
      Query inner = unions(f.wrapped());
      return inner == f.wrapped() ? q : f.wrapping(inner);
    }
    if (q instanceof BooleanQuery bool) {
      List<Query> optional = new ArrayList<>();
      for (BooleanClause c : bool.clauses()) {
        if (c.getOccur() == BooleanClause.Occur.SHOULD) {
          optional.add(c.getQuery());
        }
      }
      boolean merge = bool.getMinimumNumberShouldMatch() == 0 && optional.size() >= 2 && optional.size() <= MAX_CLAUSES;
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      boolean changed = merge;
      List<Query> merged = new ArrayList<>();
      for (BooleanClause c : bool.clauses()) {
        Query inner = unions(c.getQuery());
        changed |= inner != c.getQuery();
        if (merge && c.getOccur() == BooleanClause.Occur.SHOULD) {
          merged.add(inner);
        } else {
          out.add(inner, c.getOccur());
        }
      }
      if (!changed) {
        return q;
      }
      if (!merge) {
        return out.build();
      }
      AnyQuery any = new AnyQuery(merged);
      if (merged.size() == bool.clauses().size()) {
        return any; // optional clauses alone: the query is their union
      }
      return out.add(any, BooleanClause.Occur.SHOULD).build();
    }
    return q;
  }

  /** The Boolean query this stands for. */
  BooleanQuery asBoolean() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query c : clauses) {
      b.add(c, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    // made from a rewritten query, so its clauses stay as they are; were one to change, the
    // Boolean query it stands for is rewritten instead, as Lucene would
    for (Query c : clauses) {
      if (c.rewrite(searcher) != c) {
        return asBoolean();
      }
    }
    return this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return new AnyWeight(searcher, scoreMode, boost);
  }

  private final class AnyWeight extends Weight {
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    private final Weight[] weights;

    AnyWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      super(AnyQuery.this);
      this.searcher = searcher;
      this.scoreMode = scoreMode;
      this.boost = boost;
      // as a Boolean query makes the weights of its optional clauses
      this.weights = new Weight[clauses.length];
      for (int i = 0; i < clauses.length; i++) {
        weights[i] = searcher.createWeight(clauses[i], scoreMode, boost);
      }
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
      List<ScorerSupplier> present = new ArrayList<>(weights.length);
      for (Weight w : weights) {
        ScorerSupplier s = w.scorerSupplier(context);
        if (s != null) {
          present.add(s);
        }
      }
      if (present.isEmpty()) {
        return null;
      }
      if (present.size() == 1) {
        return present.get(0); // one clause left: its own scorer, as the Boolean query's would be
      }
      Weight weight = this;
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          SCORERS.increment();
          Scorer[] subs = new Scorer[present.size()];
          for (int i = 0; i < subs.length; i++) {
            subs[i] = present.get(i).get(leadCost);
          }
          return new AnyScorer(weight, subs);
        }

        @Override
        public long cost() {
          long cost = 0;
          for (ScorerSupplier s : present) {
            cost += s.cost();
          }
          return cost;
        }
      };
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      for (Weight w : weights) {
        if (!w.isCacheable(ctx)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Lucene's disjunction without the heap. Every clause's document is kept at or after the current
   * one; a clause is on the current document when its document is it (and, if it has a second
   * phase, that phase says so).
   */
  static final class AnyScorer extends Scorer {
    private final Scorer[] subs;
    private final DocIdSetIterator[] approx;
    private final TwoPhaseIterator[] phases;
    private final DocIdSetIterator approximation;
    private final TwoPhaseIterator twoPhase;
    private int doc = -1;
    /** For a second phase: the document checked, and which clauses it found on it. */
    private int checkedDoc = -1;
    private final boolean[] on;
    private final boolean[] checked;

    AnyScorer(Weight weight, Scorer[] subs) {
      super(weight);
      this.subs = subs;
      int n = subs.length;
      this.approx = new DocIdSetIterator[n];
      this.phases = new TwoPhaseIterator[n];
      this.on = new boolean[n];
      this.checked = new boolean[n];
      boolean anyPhase = false;
      float costs = 0;
      float weighted = 0;
      for (int i = 0; i < n; i++) {
        phases[i] = subs[i].twoPhaseIterator();
        approx[i] = phases[i] == null ? subs[i].iterator() : phases[i].approximation();
        anyPhase |= phases[i] != null;
        costs += approx[i].cost();
        weighted += phases[i] == null ? 0f : phases[i].matchCost() * approx[i].cost();
      }
      this.approximation = new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          // every clause is at or after doc: those on it move on
          int min = NO_MORE_DOCS;
          for (DocIdSetIterator it : approx) {
            int d = it.docID();
            if (d == doc) {
              d = it.nextDoc();
            }
            min = Math.min(min, d);
          }
          return doc = min;
        }

        @Override
        public int advance(int target) throws IOException {
          int min = NO_MORE_DOCS;
          for (DocIdSetIterator it : approx) {
            int d = it.docID();
            if (d < target) {
              d = it.advance(target);
            }
            min = Math.min(min, d);
          }
          return doc = min;
        }

        @Override
        public long cost() {
          long cost = 0;
          for (DocIdSetIterator it : approx) {
            cost += it.cost();
          }
          return cost;
        }
      };
      if (!anyPhase) {
        this.twoPhase = null;
      } else {
        float matchCost = weighted / Math.max(1f, costs);
        this.twoPhase = new TwoPhaseIterator(approximation) {
          @Override
          public boolean matches() throws IOException {
            check();
            // a clause without a second phase decides at once; a second phase is asked only if needed
            for (int i = 0; i < on.length; i++) {
              if (on[i] && checked[i]) {
                return true;
              }
            }
            for (int i = 0; i < on.length; i++) {
              if (confirm(i)) {
                return true;
              }
            }
            return false;
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
        for (int i = 0; i < on.length; i++) {
          on[i] = approx[i].docID() == doc;
          checked[i] = phases[i] == null;
        }
      }
    }

    private boolean confirm(int i) throws IOException {
      if (on[i] && !checked[i]) {
        on[i] = phases[i].matches();
        checked[i] = true;
      }
      return on[i];
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
      // the disjunction's sum, in doubles, then to float: the clauses' float scores add exactly in
      // a double whatever their order (their magnitudes are far within its 29 spare bits)
      double score = 0;
      if (twoPhase == null) {
        for (int i = 0; i < subs.length; i++) {
          if (approx[i].docID() == doc) {
            score += subs[i].score();
          }
        }
      } else {
        check();
        for (int i = 0; i < subs.length; i++) {
          if (confirm(i)) {
            score += subs[i].score();
          }
        }
      }
      return (float) score;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      int upTo = DocIdSetIterator.NO_MORE_DOCS;
      for (Scorer s : subs) {
        if (s.docID() <= target) {
          upTo = Math.min(upTo, s.advanceShallow(target));
        }
      }
      return upTo;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      double max = 0;
      for (Scorer s : subs) {
        if (s.docID() <= upTo) {
          max += s.getMaxScore(upTo);
        }
      }
      return (float) MathUtil.sumUpperBound(max, subs.length);
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      List<ChildScorable> out = new ArrayList<>(subs.length);
      for (Scorer s : subs) {
        out.add(new ChildScorable(s, "SHOULD"));
      }
      return out;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor v = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
    for (Query c : clauses) {
      c.visit(v);
    }
  }

  @Override
  public String toString(String field) {
    StringBuilder sb = new StringBuilder("any(");
    for (int i = 0; i < clauses.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(clauses[i].toString(field));
    }
    return sb.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && Arrays.equals(clauses, ((AnyQuery) o).clauses);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + Arrays.hashCode(clauses);
  }
}
