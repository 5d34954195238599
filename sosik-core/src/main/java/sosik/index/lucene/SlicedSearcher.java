package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Searches the index in at most {@code parts} parts of equal document counts, each on a thread of
 * the pool or on the calling thread. A part is a run of documents in index order: whole segments,
 * and where a boundary falls inside a segment, the segment's documents on either side go to the two
 * parts (each part scores its own range of the segment with a scorer of its own). So an index merged
 * into one segment is searched on every thread as well as one of many segments.
 *
 * <p>The parts change only which thread collects a document: every document is in exactly one
 * part, the collector managers merge the parts' results, so hits, scores, order and counts are those
 * of a search on one thread.
 */
final class SlicedSearcher extends IndexSearcher {
  /** A range of one segment's documents, {@code [min, max)}. */
  record Range(LeafReaderContext leaf, int min, int max) {
    boolean whole() {
      return min == 0 && max == leaf.reader().maxDoc();
    }
  }

  private final int parts;
  private final int minDocs;
  private final long minCost;
  private final TaskExecutor tasks;
  private QueryTimeout timeout;
  private volatile boolean rangeTimedOut;

  /**
   * @param parts the threads a search is spread over
   * @param minDocs the fewest documents an index has for its searches to be spread
   * @param minCost the fewest matches a search is estimated to visit ({@link ScorerSupplier#cost})
   *     for it to be spread: below that, handing a part to another thread costs more than it saves
   */
  SlicedSearcher(IndexReader reader, Executor pool, int parts, int minDocs, long minCost) {
    super(reader, pool);
    this.parts = parts;
    this.minDocs = minDocs;
    this.minCost = minCost;
    this.tasks = new TaskExecutor(pool);
  }

  /**
   * The parts as Lucene's slices, each with the segments it has a range of. Lucene reads how many
   * there are (to make its collector managers ready for several collectors) and searches them itself
   * only when there is one part, of whole segments.
   */
  @Override
  protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
    List<List<Range>> split = parts(leaves, parts, minDocs);
    LeafSlice[] slices = new LeafSlice[split.size()];
    for (int i = 0; i < slices.length; i++) {
      List<LeafReaderContext> of = new ArrayList<>();
      for (Range r : split.get(i)) {
        of.add(r.leaf());
      }
      slices[i] = new LeafSlice(of);
    }
    return slices;
  }

  /**
   * What Lucene hands to other threads besides the searches: each query term's look-up in every
   * segment. Those stay on the calling thread (a seek each), unless {@code
   * -Dsosik.parallelTermLookups=true}, for measuring.
   */
  @Override
  public TaskExecutor getTaskExecutor() {
    return PARALLEL_TERM_LOOKUPS ? super.getTaskExecutor() : ON_CALLER;
  }

  private static final boolean PARALLEL_TERM_LOOKUPS = "true".equals(System.getProperty("sosik.parallelTermLookups"));
  private static final TaskExecutor ON_CALLER = new TaskExecutor(Runnable::run);

  @Override
  public void setTimeout(QueryTimeout queryTimeout) {
    super.setTimeout(queryTimeout);
    this.timeout = queryTimeout;
  }

  @Override
  public boolean timedOut() {
    return super.timedOut() || rangeTimedOut;
  }

  @Override
  public <C extends Collector, T> T search(Query query, CollectorManager<C, T> manager) throws IOException {
    List<List<Range>> split = parts(leafContexts, parts, minDocs);
    if (split.size() <= 1) {
      // (Lucene's slices are the same one part)
      return super.search(query, manager);
    }
    C first = manager.newCollector();
    boolean scores = first.scoreMode().needsScores();
    Query rewritten = rewrite(scores ? query : new ConstantScoreQuery(query));
    Weight weight = createWeight(rewritten, first.scoreMode(), 1);
    if (!worthSpreading(weight)) {
      search(leafContexts, weight, first);
      return manager.reduce(List.of(first));
    }
    List<C> collectors = new ArrayList<>(split.size());
    collectors.add(first);
    for (int i = 1; i < split.size(); i++) {
      C c = manager.newCollector();
      if (c.scoreMode() != first.scoreMode()) {
        throw new IllegalStateException("CollectorManager does not always produce collectors with the same score mode");
      }
      collectors.add(c);
    }
    // a segment cut between parts is counted range by range: a collector that would take the whole
    // segment's count from the weight (Weight#count) is told that it cannot
    Set<Integer> cut = new HashSet<>();
    for (List<Range> part : split) {
      for (Range r : part) {
        if (!r.whole()) {
          cut.add(r.leaf().ord);
        }
      }
    }
    Weight counting = new FilterWeight(weight) {
      @Override
      public int count(LeafReaderContext context) throws IOException {
        return cut.contains(context.ord) ? -1 : in.count(context);
      }
    };
    List<Callable<C>> work = new ArrayList<>(split.size());
    for (int i = 0; i < split.size(); i++) {
      List<Range> part = split.get(i);
      C collector = collectors.get(i);
      work.add(() -> {
        collector.setWeight(counting);
        for (Range r : part) {
          if (r.whole()) {
            searchLeaf(r.leaf(), weight, collector);
          } else {
            searchRange(r, weight, collector);
          }
        }
        return collector;
      });
    }
    return manager.reduce(tasks.invokeAll(work));
  }

  /** Whether the matches the weight's scorers estimate reach {@code minCost}. */
  private boolean worthSpreading(Weight weight) throws IOException {
    if (minCost <= 0) {
      return true;
    }
    long cost = 0;
    for (LeafReaderContext leaf : leafContexts) {
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        cost += supplier.cost();
        if (cost >= minCost) {
          return true;
        }
      }
    }
    return false;
  }

  /** Work on runs of {@code n} items, {@code [from, to)}: a run's results in order. */
  interface RunWork<T> {
    List<T> run(int from, int to) throws IOException;
  }

  /**
   * {@code work} over the items {@code [0, n)}: on a searcher that spreads its work, in runs of at
   * least {@code minPerRun} items on its threads (as many runs as threads, fewer when the items are
   * few), else in one run on the calling thread. The results in item order.
   */
  static <T> List<T> inRuns(IndexSearcher s, int n, int minPerRun, RunWork<T> work) throws IOException {
    int runs = s instanceof SlicedSearcher p ? Math.min(p.parts, n / Math.max(1, minPerRun)) : 1;
    if (runs <= 1) {
      return work.run(0, n);
    }
    List<Callable<List<T>>> calls = new ArrayList<>(runs);
    for (int k = 0; k < runs; k++) {
      int from = (int) ((long) n * k / runs);
      int to = (int) ((long) n * (k + 1) / runs);
      calls.add(() -> work.run(from, to));
    }
    List<T> out = new ArrayList<>(n);
    for (List<T> run : ((SlicedSearcher) s).tasks.invokeAll(calls)) {
      out.addAll(run);
    }
    return out;
  }

  /** {@link #searchLeaf} for a range of a segment, with the time limit checked as Lucene checks it. */
  private void searchRange(Range r, Weight weight, Collector collector) throws IOException {
    LeafCollector leaf;
    try {
      leaf = collector.getLeafCollector(r.leaf());
    } catch (@SuppressWarnings("unused") CollectionTerminatedException e) {
      return;
    }
    BulkScorer scorer = weight.bulkScorer(r.leaf());
    if (scorer != null) {
      Bits live = r.leaf().reader().getLiveDocs();
      try {
        QueryTimeout limit = timeout;
        if (limit == null) {
          scorer.score(leaf, live, r.min(), r.max());
        } else {
          int doc = r.min();
          int interval = 100;
          while (doc < r.max()) {
            if (limit.shouldExit()) {
              rangeTimedOut = true;
              break;
            }
            int end = (int) Math.min((long) doc + interval, r.max());
            interval = Math.max(interval, interval + (interval >> 1));
            doc = scorer.score(leaf, live, doc, end);
          }
        }
      } catch (@SuppressWarnings("unused") CollectionTerminatedException e) {
        // the collector has what it wants from this segment
      }
    }
    leaf.finish();
  }

  /**
   * The segments cut into at most {@code parts} parts of equal document counts (within one
   * document), in index order: part {@code k} holds the documents {@code [k·N/parts,
   * (k+1)·N/parts)} of the N in the index. One part of every segment when there is no more than one
   * part to make or fewer than {@code minDocs} documents; no empty part.
   */
  static List<List<Range>> parts(List<LeafReaderContext> leaves, int parts, int minDocs) {
    long docs = 0;
    for (LeafReaderContext leaf : leaves) {
      docs += leaf.reader().maxDoc();
    }
    List<List<Range>> out = new ArrayList<>();
    if (docs == 0) {
      return out;
    }
    int n = (int) Math.min(parts, docs);
    if (n <= 1 || docs < minDocs) {
      List<Range> all = new ArrayList<>(leaves.size());
      for (LeafReaderContext leaf : leaves) {
        if (leaf.reader().maxDoc() > 0) {
          all.add(new Range(leaf, 0, leaf.reader().maxDoc()));
        }
      }
      out.add(all);
      return out;
    }
    for (int k = 0; k < n; k++) {
      long from = docs * k / n;
      long to = docs * (k + 1) / n;
      List<Range> part = new ArrayList<>();
      for (LeafReaderContext leaf : leaves) {
        long base = leaf.docBase;
        long lo = Math.max(from, base);
        long hi = Math.min(to, base + leaf.reader().maxDoc());
        if (lo < hi) {
          part.add(new Range(leaf, (int) (lo - base), (int) (hi - base)));
        }
      }
      out.add(part);
    }
    return out;
  }
}
