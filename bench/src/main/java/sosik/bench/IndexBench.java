package sosik.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import sosik.article.Article;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;

/**
 * Indexing throughput: the company-news articles into a fresh {@link LuceneNewsIndex} in a temp
 * directory, upserted in batches of 500 and committed once. The timed span is from the first
 * upsert to the end of the commit; opening the index (dictionary load) and normalising the drafts
 * are outside it.
 */
final class IndexBench {
  static final int BATCH = 500;

  /** The articles ready to index and what the normaliser turned away. */
  record Prepared(List<Article> articles, long textBytes, int rejected, Map<String, Integer> rejectReasons) {}

  record Result(
      int sourceFiles, int sourceRecords, int duplicateUrls, int malformedRecords, int articles, int rejected,
      Map<String, Integer> rejectReasons, long added, long textBytes, int batchSize, int warmupRounds, int rounds,
      double[] seconds, double articlesPerSec, double articlesPerSecMin, double articlesPerSecMax, double mbPerSec,
      long indexBytes, int segments, double indexBytesPerTextByte) {}

  /** One build: its time, what it added, and the index left on disk. */
  record Build(Path dir, double seconds, long added, long bytes, int segments) {}

  private IndexBench() {}

  static Prepared prepare(List<ArticleDraft> drafts) {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> articles = new ArrayList<>();
    Map<String, Integer> reasons = new TreeMap<>();
    long bytes = 0;
    for (ArticleDraft d : drafts) {
      try {
        Article a = normalizer.normalize(d);
        articles.add(a);
        bytes += a.title().getBytes(StandardCharsets.UTF_8).length + a.body().getBytes(StandardCharsets.UTF_8).length;
      } catch (IllegalArgumentException e) {
        reasons.merge(e.getMessage().replaceAll("[\\d,]+", "N"), 1, Integer::sum);
      }
    }
    int rejected = reasons.values().stream().mapToInt(Integer::intValue).sum();
    return new Prepared(List.copyOf(articles), bytes, rejected, reasons);
  }

  /** The figures and the last round's index, kept for the query benchmark (the caller deletes it). */
  record Done(Result result, Path index) {}

  /** Runs the warm-up and timed rounds; every index but the last is deleted. */
  static Done run(Corpora.CompanyNews news, Prepared p, int warmupRounds, int rounds) throws IOException {
    for (int i = 0; i < warmupRounds; i++) {
      deleteTree(build(p.articles()).dir());
    }
    double[] seconds = new double[rounds];
    Build last = null;
    for (int r = 0; r < rounds; r++) {
      if (last != null) {
        deleteTree(last.dir());
      }
      System.gc();
      last = build(p.articles());
      seconds[r] = last.seconds();
      CoreBench.progress("index round %d/%d: %.2f s", r + 1, rounds, last.seconds());
    }
    double median = Stats.median(seconds);
    int n = p.articles().size();
    Result result = new Result(
        news.files(), news.records(), news.duplicateUrls(), news.malformedRecords(), n, p.rejected(), p.rejectReasons(),
        last.added(), p.textBytes(), BATCH, warmupRounds, rounds, seconds, n / median, n / Stats.max(seconds),
        n / Stats.min(seconds), p.textBytes() / 1e6 / median, last.bytes(), last.segments(),
        (double) last.bytes() / p.textBytes());
    return new Done(result, last.dir());
  }

  /** Builds a fresh index in a new temp directory. */
  static Build build(List<Article> articles) throws IOException {
    Path dir = Files.createTempDirectory("sosik-bench-index-");
    long added = 0;
    double seconds;
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < articles.size(); i += BATCH) {
        for (NewsIndex.Outcome o : index.upsert(articles.subList(i, Math.min(articles.size(), i + BATCH)))) {
          if (o == NewsIndex.Outcome.ADDED) {
            added++;
          }
        }
      }
      index.commit();
      seconds = (System.nanoTime() - t0) / 1e9;
    }
    int segments;
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir.resolve("lucene")))) {
      segments = r.leaves().size();
    }
    return new Build(dir, seconds, added, sizeOf(dir), segments);
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      long total = 0;
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
