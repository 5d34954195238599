package sosik.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * Query latency, single-threaded: every query of the list in turn, the whole search path as the
 * CLI and the server pay it (parse, Lucene query, top 10 by relevance, exact total, press counts,
 * highlighted snippets). Warm-up passes first, then timed rounds; latencies are pooled over
 * queries and rounds.
 */
final class QueryBench {
  /** One query: its exact total and its median latency. */
  record PerQuery(String query, long total, double p50Ms) {}

  record Result(
      int queries, int warmupPasses, int rounds, long samples, double p50Ms, double p90Ms, double p99Ms, double maxMs,
      double meanMs, double queriesPerSec, int zeroHitQueries, List<PerQuery> perQuery) {}

  private QueryBench() {}

  static List<String> readQueries(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String q = line.strip();
      if (!q.isEmpty() && !q.startsWith("#")) {
        out.add(q);
      }
    }
    return out;
  }

  static Result run(Path indexDir, List<String> queries, int warmupPasses, int rounds) throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(indexDir, LuceneNewsIndex.Mode.READ_ONLY)) {
      int n = queries.size();
      long[] totals = new long[n];
      System.gc(); // start from a clean heap, not the indexing benchmark's garbage
      for (int w = 0; w < warmupPasses; w++) {
        for (int i = 0; i < n; i++) {
          totals[i] = search(index, queries.get(i)).total();
        }
      }
      double[][] ms = new double[n][rounds];
      double[] all = new double[n * rounds];
      long wall = 0;
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          SearchPage page = search(index, queries.get(i));
          long dt = System.nanoTime() - t0;
          wall += dt;
          if (page.total() != totals[i]) {
            throw new IllegalStateException("query '" + queries.get(i) + "' gave " + totals[i] + " hits, then " + page.total());
          }
          ms[i][r] = dt / 1e6;
          all[r * n + i] = dt / 1e6;
        }
      }
      List<PerQuery> per = new ArrayList<>();
      int zero = 0;
      for (int i = 0; i < n; i++) {
        per.add(new PerQuery(queries.get(i), totals[i], Stats.median(ms[i])));
        if (totals[i] == 0) {
          zero++;
        }
      }
      return new Result(
          n, warmupPasses, rounds, all.length, Stats.percentile(all, 50), Stats.percentile(all, 90),
          Stats.percentile(all, 99), Stats.max(all), Stats.mean(all), all.length / (wall / 1e9), zero, per);
    }
  }

  /**
   * The freshness preference of the timed searches: on (the default, as users search), or what
   * {@code -Dsosik.bench.freshness=off|on|HALF_LIFE} says, to time what it costs.
   */
  static final sosik.search.Freshness FRESHNESS =
      sosik.search.Freshness.parse("sosik.bench.freshness", System.getProperty("sosik.bench.freshness", "on"));

  private static SearchPage search(LuceneNewsIndex index, String query) throws IOException {
    return index.search(SearchRequest.of(query).withFreshness(FRESHNESS));
  }
}
