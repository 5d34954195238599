package sosik.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs every query against a system and averages the metrics over the queries. */
public final class EvalRunner {
  /** How many results are asked for a query: enough for Recall@100. */
  public static final int DEPTH = 100;

  private EvalRunner() {}

  /**
   * One query's outcome.
   *
   * @param firstRelevantRank 1-based rank of the first relevant id returned, 0 when none was
   */
  public record QueryResult(EvalQuery query, List<String> ids, int firstRelevantRank, boolean relaxed, boolean failed) {
    public QueryResult {
      ids = List.copyOf(ids);
    }
  }

  /**
   * Averages over the queries that have at least one relevant id (the others are left out and
   * counted in {@code skipped}).
   *
   * @param queries   queries averaged over
   * @param relaxed   of these, how many Sosik answered relaxed
   * @param failed    of these, how many could not be run (they count as finding nothing)
   */
  public record Summary(
      double ndcg10, double mrr10, double recall10, double recall100, double precision10, double precision100,
      int queries, int relaxed, int failed, int skipped) {}

  /** A system's run. */
  public record Report(String backend, Summary summary, List<QueryResult> results, double seconds) {}

  public static Report run(RetrievalSystem system, List<EvalQuery> queries) throws IOException {
    long t0 = System.nanoTime();
    List<QueryResult> results = new ArrayList<>(queries.size());
    double ndcg = 0, mrr = 0, r10 = 0, r100 = 0, p10 = 0, p100 = 0;
    int n = 0, relaxed = 0, failed = 0, skipped = 0;
    for (EvalQuery q : queries) {
      if (q.relevant().isEmpty()) {
        skipped++;
        continue;
      }
      RetrievalSystem.Result r = system.search(q.query(), DEPTH);
      List<String> ids = r.ids();
      results.add(new QueryResult(q, ids, Metrics.firstRelevantRank(ids, q.relevant()), r.relaxed(), r.failed()));
      ndcg += Metrics.ndcg(ids, q.grades(), 10);
      mrr += Metrics.reciprocalRank(ids, q.relevant(), 10);
      r10 += Metrics.recall(ids, q.relevant(), 10);
      r100 += Metrics.recall(ids, q.relevant(), 100);
      p10 += Metrics.precision(ids, q.relevant(), 10);
      p100 += Metrics.precision(ids, q.relevant(), 100);
      n++;
      relaxed += r.relaxed() ? 1 : 0;
      failed += r.failed() ? 1 : 0;
    }
    double d = Math.max(1, n);
    Summary s = new Summary(ndcg / d, mrr / d, r10 / d, r100 / d, p10 / d, p100 / d, n, relaxed, failed, skipped);
    return new Report(system.name(), s, results, (System.nanoTime() - t0) / 1e9);
  }
}
