package sosik.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sosik.article.Article;
import sosik.eval.CompanyNews;
import sosik.eval.EvalDoc;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.opensearch.OpenSearchClient;
import sosik.opensearch.OpenSearchNewsIndex;
import sosik.search.SearchRequest;

/**
 * The embedded index and an OpenSearch cluster side by side on the same corpus (company-news-2019,
 * one article per URL) and the same queries: indexing articles/s (upsert and commit), then query
 * latency p50/p99 over the whole search path, single-threaded, after warm-up. Checks on the way
 * that both backends count every query alike.
 *
 * <pre>
 * usage: BackendBench --opensearch-url URL [--shared DIR] [--queries FILE] [--rounds N] [--warmup N]
 * </pre>
 *
 * <p>{@code --warmup N} (default 2): untimed passes over the queries before the timed rounds, the
 * same number on both backends.
 */
public final class BackendBench {
  private BackendBench() {}

  public static void main(String[] args) throws Exception {
    String url = null;
    Path repo = Path.of(System.getProperty("sosik.repo", "."));
    Path shared = repo.resolve("..").resolve("shared").resolve("data").normalize();
    Path queriesFile = repo.resolve("bench").resolve("queries-ko.txt");
    int rounds = 5;
    Path scaleCorpus = null;
    long articles = 100_000;
    boolean grouped = false;
    int optimize = 0;
    int warmup = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> scaleCorpus = Path.of(args[++i]);
        case "--articles" -> articles = Long.parseLong(args[++i]);
        case "--grouped" -> grouped = true;
        case "--opensearch-url" -> url = args[++i];
        case "--shared" -> shared = Path.of(args[++i]);
        case "--queries" -> queriesFile = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--optimize" -> optimize = Integer.parseInt(args[++i]);
        case "--warmup" -> {
          warmup = Integer.parseInt(args[++i]);
          if (warmup < 1) {
            System.err.println("BackendBench: --warmup " + warmup + ": at least one pass (it reads the counts both backends must agree on)");
            System.exit(2);
          }
        }
        default -> {
          System.err.println("BackendBench: unknown argument " + args[i]
              + "\nusage: BackendBench --opensearch-url URL [--shared DIR] [--queries FILE] [--rounds N] [--warmup N]"
              + " [--corpus SCALE.jsonl [--articles N]] [--grouped] [--optimize SEGMENTS]");
          System.exit(2);
        }
      }
    }
    if (url == null) {
      System.err.println("BackendBench: --opensearch-url URL is required (a cluster with Sosik's plugin; see docs/OPERATIONS.md)");
      System.exit(2);
    }
    List<Article> corpus = new ArrayList<>();
    List<SearchRequest> requests = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    if (scaleCorpus != null) {
      // the first N articles of a scale corpus, and the scale queries with their filters
      sosik.ingest.ArticleNormalizer normalizer = new sosik.ingest.ArticleNormalizer();
      ScaleBench.readDrafts(scaleCorpus, articles, draft -> {
        try {
          corpus.add(normalizer.normalize(draft));
        } catch (IllegalArgumentException e) {
          // rejected as by 'sosik index'
        }
      });
      if (queriesFile.getFileName().toString().equals("queries-ko.txt")) {
        queriesFile = queriesFile.resolveSibling("queries-scale.txt");
      }
      for (ScaleBench.Query q : ScaleBench.readQueries(queriesFile)) {
        requests.add(q.request().withGrouped(grouped));
        queries.add(q.line());
      }
    } else {
      for (EvalDoc d : CompanyNews.load(shared.resolve("company-news-2019").resolve("data")).docs()) {
        corpus.add(d.article());
      }
      for (String q : QueryBench.readQueries(queriesFile)) {
        requests.add(SearchRequest.of(q).withGrouped(grouped));
        queries.add(q);
      }
    }
    Path dir = java.nio.file.Files.createTempDirectory("sosik-backend-bench-");
    String name = "sosik-bench-" + System.currentTimeMillis();
    OpenSearchClient client = new OpenSearchClient(url, OpenSearchClient.DEFAULT_TIMEOUT);
    try (LuceneNewsIndex embedded = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
        OpenSearchNewsIndex opensearch = OpenSearchNewsIndex.open(client, name, true, List.of())) {
      System.out.printf("corpus: %,d articles, %,d queries, %d timed rounds after %d untimed%n", corpus.size(), queries.size(),
          rounds, warmup);
      System.out.printf("%-10s  %12s  %9s  %9s  %9s  %9s%n", "backend", "articles/s", "p50 ms", "p99 ms", "max ms", "queries/s");
      double[][] results = new double[2][];
      double[] rates = new double[2];
      double[] perSecond = new double[2];
      long[][] totals = new long[2][];
      NewsIndex[] both = {embedded, opensearch};
      for (int b = 0; b < 2; b++) {
        double rate = index(both[b], corpus);
        if (optimize > 0) {
          // both merged alike before the queries (sosik optimize; the cluster's force merge)
          int before = both[b].stats().segments();
          long t0 = System.nanoTime();
          both[b].optimize(optimize);
          System.out.printf("%-10s  optimized %d -> %d segments in %.1f s%n", b == 0 ? "embedded" : "opensearch", before,
              both[b].stats().segments(), (System.nanoTime() - t0) / 1e9);
        }
        totals[b] = new long[queries.size()];
        double[] ms = latencies(both[b], requests, warmup, rounds, totals[b]);
        results[b] = ms;
        rates[b] = rate;
        perSecond[b] = queriesPerSecond(ms);
        System.out.printf("%-10s  %,12.0f  %9.1f  %9.1f  %9.1f  %9.0f%n", b == 0 ? "embedded" : "opensearch", rate,
            Stats.percentile(ms, 50), Stats.percentile(ms, 99), Stats.max(ms), perSecond[b]);
      }
      // one client, back to back: the throughput is the queries over the time they took
      System.out.printf("embedded against opensearch: indexing %.2fx the articles/s, %.1fx the queries/s, p50 %.1fx and p99 %.1fx faster%n",
          rates[0] / rates[1], perSecond[0] / perSecond[1], Stats.percentile(results[1], 50) / Stats.percentile(results[0], 50),
          Stats.percentile(results[1], 99) / Stats.percentile(results[0], 99));
      int differ = 0;
      for (int i = 0; i < queries.size(); i++) {
        if (totals[0][i] != totals[1][i]) {
          differ++;
          System.out.printf("count differs for '%s': embedded %,d, opensearch %,d%n", queries.get(i), totals[0][i], totals[1][i]);
        }
      }
      System.out.printf("exact counts: %s%n", differ == 0 ? "equal on all " + queries.size() + " queries" : differ + " queries differ");
    } finally {
      OpenSearchNewsIndex.drop(client, name);
      try (var s = java.nio.file.Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double index(NewsIndex idx, List<Article> corpus) throws IOException {
    long t0 = System.nanoTime();
    for (int from = 0; from < corpus.size(); from += 500) {
      idx.upsert(corpus.subList(from, Math.min(corpus.size(), from + 500)));
    }
    idx.commit();
    return corpus.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static double[] latencies(NewsIndex idx, List<SearchRequest> queries, int warmup, int rounds, long[] totals)
      throws IOException {
    for (int w = 0; w < warmup; w++) {
      for (int i = 0; i < queries.size(); i++) {
        totals[i] = idx.search(queries.get(i)).total();
      }
    }
    double[] ms = new double[queries.size() * rounds];
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (SearchRequest q : queries) {
        long t0 = System.nanoTime();
        idx.search(q);
        ms[k++] = (System.nanoTime() - t0) / 1e6;
      }
    }
    return ms;
  }

  /** Queries a second of one client sending them back to back: their number over their summed time. */
  static double queriesPerSecond(double[] millis) {
    double sum = 0;
    for (double m : millis) {
      sum += m;
    }
    return sum > 0 ? millis.length / (sum / 1000) : 0;
  }

}
