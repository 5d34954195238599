package sosik.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.IngestReport;
import sosik.ingest.Ingestor;

/**
 * What {@code sosik index --threads N} buys: the company-news articles through the {@link
 * Ingestor} (normalise, analyse, write, one commit at the end) into a fresh index with N writer
 * threads, beside two ceilings on the same N threads: Lucene's stock Nori alone and Sosik's whole
 * analysis chain alone tokenising every title and body (no normalising, no index). Ingesting can
 * come near the analysis ceiling only; the gap is normalising (on the reading thread) and writing.
 */
final class ThreadsBench {
  /** One thread count: articles/s (median of the timed rounds) for each. */
  record Row(int threads, double ingestArticlesPerSec, double sosikAnalysisArticlesPerSec, double noriArticlesPerSec,
      double[] ingestSeconds, double[] sosikSeconds, double[] noriSeconds) {}

  /** {@code textBytes}: UTF-8 bytes of every title and body, for MB/s. */
  record Result(int articles, long textBytes, int warmupRounds, int rounds, List<Row> rows) {}

  private ThreadsBench() {}

  static Result run(List<ArticleDraft> drafts, List<Integer> threadCounts, int warmupRounds, int rounds) throws Exception {
    List<String> texts = new ArrayList<>();
    for (ArticleDraft d : drafts) {
      texts.add(d.title());
      if (d.body() != null) {
        texts.add(d.body());
      }
    }
    List<Row> rows = new ArrayList<>();
    try (Analyzer nori = new KoreanAnalyzer(); Analyzer sosik = KoreanNewsAnalyzer.withDefaultDictionary()) {
      for (int n : threadCounts) {
        for (int i = 0; i < warmupRounds; i++) {
          ingest(drafts, n);
          analyse(sosik, texts, n);
          analyse(nori, texts, n);
        }
        double[] ingest = new double[rounds];
        double[] chain = new double[rounds];
        double[] stock = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          System.gc();
          ingest[r] = ingest(drafts, n);
          chain[r] = analyse(sosik, texts, n);
          stock[r] = analyse(nori, texts, n);
          CoreBench.progress("threads %d round %d/%d: ingest %.2f s, Sosik analysis %.2f s, Nori %.2f s",
              n, r + 1, rounds, ingest[r], chain[r], stock[r]);
        }
        int a = drafts.size();
        rows.add(new Row(n, a / Stats.median(ingest), a / Stats.median(chain), a / Stats.median(stock), ingest, chain, stock));
      }
    }
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    return new Result(drafts.size(), bytes, warmupRounds, rounds, rows);
  }

  /** Seconds to ingest every draft into a fresh index with {@code threads} writers, the final commit included. */
  private static double ingest(List<ArticleDraft> drafts, int threads) throws IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sosik-bench-threads-");
    try {
      try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
        Ingestor ingestor = new Ingestor(index, new ArticleNormalizer(), null).threads(threads);
        long t0 = System.nanoTime();
        int line = 0;
        for (ArticleDraft d : drafts) {
          ingestor.ingest("company-news", d, ++line);
        }
        IngestReport r = ingestor.finish();
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.added() + r.updated() + r.unchanged() == 0) {
          throw new IllegalStateException("nothing was indexed");
        }
        return s;
      }
    } finally {
      IndexBench.deleteTree(dir);
    }
  }

  /** Seconds to tokenise every text on {@code threads} threads, each taking every n-th text. */
  /** Where share {@code k} of {@code n} starts: the first text at or past k/n of all characters. */
  static int cut(List<String> texts, int k, int n) {
    if (k >= n) {
      return texts.size();
    }
    long total = 0;
    for (String t : texts) {
      total += t.length();
    }
    long goal = total * k / n;
    long run = 0;
    int i = 0;
    while (i < texts.size() && run < goal) {
      run += texts.get(i++).length();
    }
    return i;
  }

  private static double analyse(Analyzer a, List<String> texts, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int first = k;
        parts.add(pool.submit(() -> {
          // contiguous shares of equal length in characters: taking every other text would give
          // one thread all the titles and the other all the bodies, and equal counts would give one
          // thread the long articles and the other the headline-only sets
          return AnalysisBench.pass(a, texts.subList(cut(texts, first, threads), cut(texts, first + 1, threads)));
        }));
      }
      for (Future<Long> f : parts) {
        f.get();
      }
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }
}
