package sosik.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.search.SearchRequest;

/**
 * What grouping related coverage costs: the company-news articles indexed in batches of 500 (as
 * {@code sosik index} writes them), timing the whole build and, inside it, the time spent placing
 * articles in groups (signature, candidates, comparing). Two ways of committing: once at the end
 * (what {@code sosik index} does below 50,000 articles: candidates come from memory) and after every
 * batch (candidates come from the index's band keys). Then grouped against ungrouped searches.
 *
 * <pre>
 * java -cp bench/target/sosik-bench.jar sosik.bench.GroupBench [--shared DIR] [--rounds N]
 * </pre>
 */
public final class GroupBench {
  private GroupBench() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(System.getProperty("sosik.repo", "."), "..", "shared", "data");
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--shared" -> shared = Path.of(args[++i]).resolve("data");
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "' (usage: GroupBench [--shared DIR] [--rounds N])");
      }
    }
    List<Article> articles = IndexBench.prepare(Corpora.companyNews(shared).drafts()).articles();
    System.out.printf(Locale.ROOT, "articles: %d; load average before: %s%n", articles.size(), CoreBench.loadAverage());
    double[] sig = new double[rounds + 1];
    for (int r = 0; r <= rounds; r++) {
      long t0 = System.nanoTime();
      for (Article a : articles) {
        sosik.group.Signature.of(a).bandKeys();
      }
      sig[r] = (System.nanoTime() - t0) / 1e9;
    }
    double sigSeconds = Stats.median(java.util.Arrays.copyOfRange(sig, 1, rounds + 1));
    System.out.printf(Locale.ROOT, "signatures and band keys alone: %.2f s (median of %d); per 10,000 articles %.2f s%n",
        sigSeconds, rounds, sigSeconds * 10_000 / articles.size());
    for (boolean everyBatch : new boolean[] {false, true}) {
      build(articles, everyBatch, false); // warm-up
      double[] total = new double[rounds];
      double[] grouping = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        double[] t = build(articles, everyBatch, r == rounds - 1);
        total[r] = t[0];
        grouping[r] = t[1];
      }
      double n = articles.size();
      System.out.printf(Locale.ROOT,
          "commit %-12s index %.2f s (median of %d), grouping %.2f s = %.1f%% of it; per 10,000 articles: grouping %.2f s, indexing %.2f s%n",
          everyBatch ? "every batch:" : "at the end:", Stats.median(total), rounds, Stats.median(grouping),
          100 * Stats.median(grouping) / Stats.median(total), Stats.median(grouping) * 10_000 / n, Stats.median(total) * 10_000 / n);
    }
    System.out.printf(Locale.ROOT, "load average after: %s%n", CoreBench.loadAverage());
  }

  /** Builds a fresh index; {seconds in all, seconds grouping}. The last build also times searches. */
  private static double[] build(List<Article> articles, boolean commitEveryBatch, boolean searches) throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("sosik-group-bench-");
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < articles.size(); i += IndexBench.BATCH) {
        index.upsert(articles.subList(i, Math.min(articles.size(), i + IndexBench.BATCH)));
        if (commitEveryBatch) {
          index.commit();
        }
      }
      index.commit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double grouping = index.groupingNanos() / 1e9;
      if (searches) {
        System.out.printf(Locale.ROOT, "  %,d articles placed, %,d of them joined a group by the event rule%n",
            index.groupingPlaced(), index.groupingEventJoins());
        for (String q : List.of("카카오", "현대차 리콜", "삼성전자", "")) {
          List<Double> flat = new ArrayList<>();
          List<Double> grouped = new ArrayList<>();
          for (int k = 0; k < 30; k++) {
            flat.add(time(index, SearchRequest.of(q)));
            grouped.add(time(index, SearchRequest.of(q).withGrouped(true)));
          }
          System.out.printf(Locale.ROOT, "  search '%s': %d articles in %d groups; first page %.1f ms ungrouped, %.1f ms grouped (median of 30, the last 20)%n",
              q, index.search(SearchRequest.of(q)).total(), index.search(SearchRequest.of(q).withGrouped(true)).groupCount(),
              median(flat.subList(10, 30)), median(grouped.subList(10, 30)));
        }
      }
      return new double[] {seconds, grouping};
    } finally {
      IndexBench.deleteTree(dir);
    }
  }

  private static double time(LuceneNewsIndex index, SearchRequest r) throws Exception {
    long t0 = System.nanoTime();
    index.search(r);
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double median(List<Double> xs) {
    return Stats.median(xs.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
