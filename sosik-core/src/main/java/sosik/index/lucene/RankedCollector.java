package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * One pass over every match of a query: the exact count, the count per press and per group (when
 * asked), and the best {@code window} articles in a sort order. In relevance order, once the page is full, an
 * article whose score bound ({@link Scorer#getMaxScore}: the bounds of the query's parts, {@link
 * FreshnessQuery}, {@link IteratorScorer}) is below the last score on the page is counted but not
 * scored: it cannot reach the page. Every match is still visited, so the counts stay exact, and the
 * page is the one scoring every match gives (an article that ties the last score is scored and
 * compared by its date).
 */
final class RankedCollector implements Collector {
  /**
   * A scorer told the least score the page still takes, as it rises, so that it may answer a
   * cheaper bound below it; unlike {@link Scorable#setMinCompetitiveScore}, it must not leave any
   * match out (every match is counted).
   */
  interface Competitive {
    void competitive(float minScore);
  }

  /** What the pass found; {@code groups} when it counted them, else null. */
  record Result(TopDocs top, long total, Map<String, Long> pressCounts, long scored, GroupCounter.Counts groups) {}

  private final TopFieldCollector top;
  private final PressCounter press;
  private final GroupCounter groups;
  private final boolean skipping;
  private long total;
  private long scored;
  /**
   * The last score on the page, as the top collector last told it: it keeps it from segment to
   * segment and tells it again only when it rises.
   */
  private float min;

  private RankedCollector(TopFieldCollector top, PressCounter press, GroupCounter groups, boolean skipping) {
    this.top = top;
    this.press = press;
    this.groups = groups;
    this.skipping = skipping;
  }

  /**
   * The pass for {@code window} articles in {@code sort}; press counts when {@code countPresses};
   * articles left unscored when {@code skipping} (else every match is scored, for comparison).
   */
  static CollectorManager<RankedCollector, Result> manager(Sort sort, int window, boolean countPresses, boolean skipping) {
    return manager(sort, window, countPresses, null, skipping);
  }

  /**
   * The pass, also counting the matches per group when {@code groups} is given (the grouped page's
   * counts, in the same pass over the matches as its top articles).
   */
  static CollectorManager<RankedCollector, Result> manager(
      Sort sort, int window, boolean countPresses, GroupCounter.Manager groups, boolean skipping) {
    // a threshold of `window` hits: the top collector then tells its scorer the least competitive
    // score, which is what the bound is compared with; its own total is not used
    TopFieldCollectorManager topManager =
        new TopFieldCollectorManager(sort, Math.max(1, window), null, skipping ? Math.max(1, window) : Integer.MAX_VALUE);
    return new CollectorManager<>() {
      @Override
      public RankedCollector newCollector() throws IOException {
        return new RankedCollector(
            topManager.newCollector(), countPresses ? new PressCounter() : null, groups == null ? null : groups.newCollector(), skipping);
      }

      @Override
      public Result reduce(Collection<RankedCollector> collectors) throws IOException {
        List<TopFieldCollector> tops = new ArrayList<>(collectors.size());
        List<PressCounter> presses = new ArrayList<>(collectors.size());
        List<GroupCounter> grouped = new ArrayList<>(collectors.size());
        long total = 0;
        long scored = 0;
        for (RankedCollector c : collectors) {
          tops.add(c.top);
          total += c.total;
          scored += c.scored;
          if (c.press != null) {
            presses.add(c.press);
          }
          if (c.groups != null) {
            grouped.add(c.groups);
          }
        }
        TopDocs docs = topManager.reduce(tops);
        return new Result(docs, total, countPresses ? new PressCounter.Manager().reduce(presses) : null, scored,
            groups == null ? null : groups.reduce(grouped));
      }
    };
  }

  /**
   * {@code q} scored one match at a time through its own scorer, so that this collector reads the
   * scorer's bounds: Lucene's bulk scorers (a conjunction with filters, a disjunction) hand a
   * collector a scorable without them, and nothing would be skipped. The parts are asked for every
   * match ({@link ScoreMode#COMPLETE}): asked for the best ones instead, term scorers read their
   * postings' impacts and give bounds block by block, tighter but slower to read (measured in
   * docs/BENCHMARKS.md).
   */
  static Query oneByOne(Query q) {
    return new OneByOne(q);
  }

  private static final class OneByOne extends Query {
    private final Query in;

    OneByOne(Query in) {
      this.in = in;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      Query rewritten = in.rewrite(searcher);
      if (rewritten == in) {
        // rewritten all the way: two-clause disjunctions without Lucene's heap (AnyQuery)
        Query unions = AnyQuery.unions(in);
        return unions == in ? this : new OneByOne(unions);
      }
      return new OneByOne(rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      // FilterWeight scores through the wrapped weight's scorer and keeps Weight's own bulk scorer;
      // the wrapped weight's supplier gives the cost before a scorer is made (the scorer it gives is
      // the one the wrapped weight's scorer would be)
      return new FilterWeight(this, in.createWeight(searcher, scoreMode, boost)) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
          // wrapped: the wrapped supplier is not told it is the top-level clause, as before
          return MappedSupplier.of(in.scorerSupplier(context), scorer -> scorer);
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
      return in.toString(field);
    }

    @Override
    public boolean equals(Object o) {
      return sameClassAs(o) && ((OneByOne) o).in.equals(in);
    }

    @Override
    public int hashCode() {
      return classHash() * 31 + in.hashCode();
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return top.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    LeafCollector topLeaf = top.getLeafCollector(context);
    LeafCollector pressLeaf = press == null ? null : press.getLeafCollector(context);
    LeafCollector groupLeaf = groups == null ? null : groups.getLeafCollector(context);
    return new LeafCollector() {
      private Scorer bounded;
      private int shallowUpTo = -1;

      @Override
      public void setScorer(Scorable scorer) throws IOException {
        // the bound is read from the query's own scorer; any other scorable is scored in full
        bounded = skipping && scorer instanceof Scorer s ? s : null;
        if (bounded instanceof Competitive c && min > 0f) {
          c.competitive(min);
        }
        topLeaf.setScorer(new Scorable() {
          @Override
          public float score() throws IOException {
            return scorer.score();
          }

          @Override
          public int docID() {
            return scorer.docID();
          }

          @Override
          public void setMinCompetitiveScore(float minScore) throws IOException {
            min = Math.max(min, minScore);
            if (bounded instanceof Competitive c) {
              c.competitive(min);
            }
          }
        });
      }

      @Override
      public void collect(int doc) throws IOException {
        total++;
        if (pressLeaf != null) {
          pressLeaf.collect(doc);
        }
        if (groupLeaf != null) {
          groupLeaf.collect(doc);
        }
        if (min > 0f && bounded != null) {
          if (doc > shallowUpTo) {
            // the bounds hold from here to shallowUpTo: no need to move them again before
            shallowUpTo = bounded.advanceShallow(doc);
          }
          if (bounded.getMaxScore(doc) < min) {
            return; // below the last score on the page whatever its exact score
          }
        }
        scored++;
        topLeaf.collect(doc);
      }
    };
  }
}
