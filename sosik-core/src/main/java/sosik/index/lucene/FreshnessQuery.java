package sosik.index.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import sosik.search.Freshness;

/**
 * A query's scores multiplied by each article's freshness factor ({@link FreshnessValues}): the
 * same scores, to the bit, and the same explanations as {@link FunctionScoreQuery#boostByValue}
 * gives, but with an upper bound on the scores, so a search for the best articles can leave
 * unscored those that cannot reach them ({@link RankedCollector}). The bound is the wrapped query's own times the largest factor in the
 * segment: the factor of its newest article (from the publication points), never above {@code 1 +
 * weight}.
 */
final class FreshnessQuery extends Query {
  private final Query query;
  private final Freshness freshness;
  private final long nowMillis;

  FreshnessQuery(Query in, Freshness freshness, long nowMillis) {
    this.query = Objects.requireNonNull(in);
    this.freshness = Objects.requireNonNull(freshness);
    this.nowMillis = nowMillis;
  }

  Query wrapped() {
    return query;
  }

  /** The same preference over another query. */
  FreshnessQuery wrapping(Query other) {
    return new FreshnessQuery(other, freshness, nowMillis);
  }

  /** The same multiplication as Lucene's own query: what explanations are made from. */
  private FunctionScoreQuery explained() {
    return FunctionScoreQuery.boostByValue(query, new FreshnessValues(freshness, nowMillis));
  }

  /**
   * Whether the bound of the document a scorer is on uses its own factor (the default) or the
   * segment's largest; {@code -Dsosik.ownFactorBound=false} for measuring.
   */
  static volatile boolean ownFactorBound = !"false".equals(System.getProperty("sosik.ownFactorBound"));

  /** The factor of an article published at {@code millis}, or 1 when undated. */
  private double factor(NumericDocValues published, int doc) throws IOException {
    return published.advanceExact(doc) ? freshness.factor(published.longValue(), nowMillis) : 1;
  }

  /**
   * No article of the segment has a larger factor: that of its newest publication time (the
   * factor only grows as the article gets newer), and 1 for the undated.
   */
  double maxFactor(LeafReaderContext ctx) throws IOException {
    return Math.max(1, Math.nextUp(Math.min(1 + freshness.weight(), newestFactor(ctx))));
  }

  /**
   * The factor of the segment's newest article, 1 when it has no dated one: no article of the
   * segment has a larger one. Where it is exactly 1 (the newest article is so old that the
   * preference, halved once per half-life, vanishes below a double's precision: some 55 half-lives,
   * 165 days at the default of 3), every factor of the segment is exactly 1.
   */
  private double newestFactor(LeafReaderContext ctx) throws IOException {
    PointValues points = ctx.reader().getPointValues(Fields.PUBLISHED);
    if (points == null || points.size() == 0) {
      return 1;
    }
    long newest = LongPoint.decodeDimension(points.getMaxPackedValue(), 0);
    return freshness.factor(newest, nowMillis);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? this : new FreshnessQuery(rewritten, freshness, nowMillis);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    // every match is scored or none, as Lucene's own multiplication asks: bounds are given, and
    // the skipping is left to the collector (RankedCollector)
    Weight inner = query.createWeight(searcher, scoreMode.needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES, 1f);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    return new Weight(this) {
      private Weight explaining;

      @Override
      public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
        if (explaining == null) {
          explaining = explained().createWeight(searcher, ScoreMode.COMPLETE, boost);
        }
        return explaining.explain(ctx, doc);
      }

      @Override
      public Matches matches(LeafReaderContext ctx, int doc) throws IOException {
        return inner.matches(ctx, doc);
      }

      @Override
      public int count(LeafReaderContext ctx) throws IOException {
        return inner.count(ctx);
      }

      @Override
      public Scorer scorer(LeafReaderContext ctx) throws IOException {
        ScorerSupplier supplier = scorerSupplier(ctx);
        return supplier == null ? null : supplier.get(Long.MAX_VALUE);
      }

      /** The inner query's supplier: its cost is known before any scorer is made. */
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
        return MappedSupplier.of(inner.scorerSupplier(ctx), scorer -> freshened(scorer, ctx));
      }

      private Scorer freshened(Scorer scorer, LeafReaderContext ctx) throws IOException {
        double maxFactor = maxFactor(ctx);
        // every factor of the segment is exactly 1: the same arithmetic without reading any date
        boolean allOne = newestFactor(ctx) == 1.0;
        NumericDocValues published = allOne ? null : DocValues.getNumeric(ctx.reader(), Fields.PUBLISHED_DV);
        final class Freshened extends FilterScorer implements RankedCollector.Competitive {
          Freshened(Scorer in) {
            super(in);
          }

          /** The document whose factor was last read, and that factor: a bound and a score read it once. */
          private int factorDoc = -1;
          private double factorOf;

          private double factor() throws IOException {
            if (allOne) {
              return 1.0;
            }
            int doc = docID();
            if (doc != factorDoc) {
              factorOf = FreshnessQuery.this.factor(published, doc);
              factorDoc = doc;
            }
            return factorOf;
          }

          @Override
          public float score() throws IOException {
            // FunctionScoreQuery's arithmetic: (score × factor) × boost, in doubles, then to float
            double v = (double) in.score() * factor();
            return v >= 0 ? (float) (v * boost) : 0f;
          }

          @Override
          public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
          }

          @Override
          public float getMaxScore(int upTo) throws IOException {
            float m = in.getMaxScore(upTo);
            if (!Float.isFinite(m) || m == Float.MAX_VALUE) {
              return Float.POSITIVE_INFINITY;
            }
            float segment = (float) (((double) m * maxFactor) * boost);
            if (upTo == docID() && upTo >= 0 && ownFactorBound && !allOne && segment >= competitive) {
              // the bound of the document the scorer is on, where the segment's would let it be
              // scored: its own factor, in the score's own arithmetic (rounding to float never
              // lowers a larger product), so an old article is not bounded by the newest one's
              // preference; the date read is the one its score would read
              double v = (double) m * factor();
              return v >= 0 ? (float) (v * boost) : 0f;
            }
            return segment;
          }

          /** The least score the collector still takes (see {@link RankedCollector}): below it, the segment's bound suffices. */
          private float competitive;

          @Override
          public void competitive(float minScore) {
            // kept here only: the wrapped scorers are asked for every match (the counts are exact)
            competitive = Math.max(competitive, minScore);
          }
        }
        return new Freshened(scorer);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return inner.isCacheable(ctx) && DocValues.isCacheable(ctx, Fields.PUBLISHED_DV);
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return explained().toString(field);
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && ((FreshnessQuery) o).query.equals(query) && ((FreshnessQuery) o).nowMillis == nowMillis
        && ((FreshnessQuery) o).freshness.weight() == freshness.weight()
        && ((FreshnessQuery) o).freshness.halfLife().equals(freshness.halfLife());
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query, nowMillis, freshness.weight(), freshness.halfLife());
  }
}
