package sosik.index.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import sosik.search.Freshness;

/**
 * The freshness factor {@code 1 + W × 0.5^(age / H)} of each article, read from the publication
 * doc values ({@link Fields#PUBLISHED_DV}); 1 for an undated article. {@link #boost} multiplies a
 * query's scores by it.
 */
final class FreshnessValues extends DoubleValuesSource {
  /** What an explanation of a boosted score calls the factor (see {@link LuceneExplain}). */
  static final String DESCRIPTION = "sosik-freshness";

  private final Freshness freshness;
  private final long nowMillis;

  FreshnessValues(Freshness freshness, long nowMillis) {
    this.freshness = freshness;
    this.nowMillis = nowMillis;
  }

  /** {@code q} with its scores multiplied by the freshness factor measured from {@code nowMillis}. */
  static Query boost(Query q, Freshness f, long nowMillis) {
    return new FreshnessQuery(q, f, nowMillis);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues published = DocValues.getNumeric(ctx.reader(), Fields.PUBLISHED_DV);
    return new DoubleValues() {
      private double value = 1;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        value = published.advanceExact(doc) ? freshness.factor(published.longValue(), nowMillis) : 1;
        return true; // every document has a factor: undated ones ×1
      }
    };
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
    NumericDocValues published = DocValues.getNumeric(ctx.reader(), Fields.PUBLISHED_DV);
    String rest = " weight=" + freshness.weight() + " half_life_ms=" + freshness.halfLifeMillis();
    if (!published.advanceExact(docId)) {
      return Explanation.match(1.0, DESCRIPTION + " age_ms=undated" + rest);
    }
    long age = Math.max(0, nowMillis - published.longValue());
    return Explanation.match(freshness.factor(published.longValue(), nowMillis), DESCRIPTION + " age_ms=" + age + rest);
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher reader) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, Fields.PUBLISHED_DV);
  }

  @Override
  public int hashCode() {
    return Objects.hash(freshness.weight(), freshness.halfLife(), nowMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FreshnessValues v && v.nowMillis == nowMillis && v.freshness.weight() == freshness.weight()
        && v.freshness.halfLife().equals(freshness.halfLife());
  }

  @Override
  public String toString() {
    return DESCRIPTION + "(w=" + freshness.weight() + ",h=" + freshness.halfLifeText() + ",now=" + nowMillis + ")";
  }
}
