package sosik.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import sosik.article.Article;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.Formats;
import sosik.ingest.ReadSink;
import sosik.search.SearchRequest;
import sosik.search.SortOrder;

/**
 * The whole engine at scale, on a corpus written by {@link ScaleCorpus}: indexing rate against the
 * rate of Nori alone on the same text (one and two threads), index bytes per text byte, then query
 * latency by query class over a fixed list, with exact totals, and the heap left in use while the
 * index is open.
 *
 * <p>The index phase runs only when {@code --index DIR} holds no index yet, so the query phase can
 * be re-run alone in a JVM with a smaller heap ({@code BENCH_JAVA_OPTS=-Xmx1g}).
 */
final class ScaleBench {
  static final int BATCH = 500;
  static final long COMMIT_EVERY = 100_000;

  /** Latency of one class of queries. */
  record ClassResult(String name, int queries, long samples, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}

  record IndexResult(long articles, long rejected, long textBytes, double seconds, double articlesPerSec,
      long indexBytes, double indexBytesPerTextByte) {}

  /** Nori alone (Lucene's stock KoreanAnalyzer) over the first articles of the corpus. */
  record CeilingResult(long articles, long textBytes, double oneThreadArticlesPerSec, double twoThreadArticlesPerSec) {}

  /**
   * @param allCpu the same latencies as {@code all} counted in CPU time of the searching thread:
   *     steadier than wall time when other processes share the machine (with more than one search
   *     thread, the calling thread's share only)
   * @param searchThreads the threads one search ran on ({@link LuceneNewsIndex#searchThreads(int)})
   */
  record QueryResult(int queries, int rounds, List<ClassResult> classes, ClassResult all, double queriesPerSec,
      int zeroHitQueries, long heapUsedAfterGcBytes, long heapMaxBytes, ClassResult allCpu, int searchThreads,
      int warmupPasses, long compilingMsInRounds, long roundsMs) {}

  record Result(String corpus, IndexResult index, CeilingResult ceiling, Double indexToCeiling, QueryResult query) {}

  /** One query of the list, its options and its class. */
  record Query(String line, SearchRequest request, String kind) {}

  private ScaleBench() {}

  /** {@code CoreBench scale ...}: parses the options, runs, prints and writes the report. */
  /** Queries as the CLI and the page ask them by default: one hit per group of related coverage. */
  static boolean grouped;
  /**
   * The searches' "now" for the freshness preference (--now): null for the clock. The generated
   * corpus is dated 2019-2020, years before the clock, so with the clock every factor is exactly 1;
   * a "now" at the corpus's end measures what a live index of fresh news sees.
   */
  static java.time.Instant now;
  /** {@code --search-threads N} for the query phase; 0: the index's default. */
  static int searchThreads;
  /**
   * {@code --warmup N}: untimed passes over the list before the timed rounds; {@code --warmup auto}
   * ({@link #WARMUP_AUTO}): passes until the JIT compiler has settled ({@link #settled}).
   */
  static int warmup;
  static final int WARMUP_AUTO = -1;
  /** The most passes {@code --warmup auto} runs before it gives up waiting for the compiler. */
  static final int WARMUP_AUTO_MAX = 80;

  static void main(String[] args) throws Exception {
    Path corpus = null;
    Path index = null;
    Path queries = null;
    grouped = false;
    searchThreads = 0;
    warmup = 2;
    now = null;
    Path out = null;
    int rounds = 5;
    int ceiling = 50_000;
    long articles = Long.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(value(args, ++i));
        case "--index" -> index = Path.of(value(args, ++i));
        case "--queries" -> queries = Path.of(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
        case "--ceiling" -> ceiling = Integer.parseInt(value(args, ++i));
        case "--grouped" -> grouped = true;
        case "--search-threads" -> {
          searchThreads = Integer.parseInt(value(args, ++i));
          if (searchThreads < 1) {
            throw new IllegalArgumentException("--search-threads " + searchThreads + ": a search needs at least 1 thread");
          }
        }
        case "--warmup" -> warmup = warmup(value(args, ++i));
        case "--articles" -> articles = Long.parseLong(value(args, ++i));
        case "--no-queries" -> rounds = 0;
        case "--now" -> {
          String v = value(args, ++i);
          try {
            now = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : java.time.Instant.parse(v);
          } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--now " + v + ": not a date (2021-01-01) or an instant (2021-01-01T00:00:00Z)");
          }
        }
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
    }
    if (corpus == null || index == null) {
      throw new IllegalArgumentException("scale needs --corpus FILE.jsonl (from 'corpus') and --index DIR");
    }
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("--corpus " + corpus + " is not a file");
    }
    if (rounds < 0 || ceiling < 1 || articles < 1) {
      throw new IllegalArgumentException("--rounds, --ceiling and --articles must be at least 1");
    }
    if (queries == null) {
      queries = Path.of(System.getProperty("sosik.repo", ".")).resolve("bench/queries-scale.txt");
    }
    String loadBefore = CoreBench.loadAverage();
    Result r = run(corpus, index, queries, rounds, ceiling, articles);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("machine", CoreBench.machine());
    report.put("loadAverageBefore", loadBefore);
    report.put("loadAverageAfter", CoreBench.loadAverage());
    report.put("args", List.of(args));
    report.put("queries", queries.toString());
    report.put("grouped", grouped);
    report.put("now", now == null ? "clock" : now.toString());
    if (r.query() != null) {
      report.put("searchThreads", r.query().searchThreads());
    }
    report.put("result", r);
    print(r);
    if (out != null) {
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), report);
      System.out.println("wrote " + out);
    }
  }

  private static void print(Result r) {
    System.out.println("corpus " + r.corpus());
    if (r.index() != null) {
      IndexResult i = r.index();
      System.out.printf(Locale.ROOT, "index: %,d articles (%,d rejected), %,d text bytes, %.1f s, %.0f articles/s; %,d index bytes = %.3f per text byte%n",
          i.articles(), i.rejected(), i.textBytes(), i.seconds(), i.articlesPerSec(), i.indexBytes(), i.indexBytesPerTextByte());
    }
    if (r.ceiling() != null) {
      CeilingResult c = r.ceiling();
      System.out.printf(Locale.ROOT, "Nori alone (%,d articles): %.0f articles/s one thread, %.0f two threads (%.2fx)%n",
          c.articles(), c.oneThreadArticlesPerSec(), c.twoThreadArticlesPerSec(), c.twoThreadArticlesPerSec() / c.oneThreadArticlesPerSec());
    }
    if (r.indexToCeiling() != null) {
      System.out.printf(Locale.ROOT, "indexing / Nori alone (one thread): %.2f%n", r.indexToCeiling());
    }
    QueryResult q = r.query();
    if (q == null) {
      return;
    }
    System.out.println("freshness measured from: " + (now == null ? "the clock" : now));
    System.out.printf(Locale.ROOT, "search threads: %d%s%n", q.searchThreads(),
        q.searchThreads() > 1 ? " (all-cpu counts the calling thread only)" : "");
    System.out.printf(Locale.ROOT, "queries: %d, %d rounds, %.0f queries/s, %d with no hits; heap in use after GC %,d of %,d bytes%n",
        q.queries(), q.rounds(), q.queriesPerSec(), q.zeroHitQueries(), q.heapUsedAfterGcBytes(), q.heapMaxBytes());
    System.out.printf(Locale.ROOT, "warm-up passes: %d; the JIT compiler worked %d ms during the %d ms of timed rounds%n",
        q.warmupPasses(), q.compilingMsInRounds(), q.roundsMs());
    System.out.printf(Locale.ROOT, "%-10s %7s %8s %8s %8s %8s%n", "class", "queries", "p50 ms", "p90 ms", "p99 ms", "max ms");
    List<ClassResult> rows = new ArrayList<>(q.classes());
    rows.add(q.all());
    rows.add(q.allCpu());
    for (ClassResult c : rows) {
      System.out.printf(Locale.ROOT, "%-10s %7d %8.2f %8.2f %8.2f %8.2f%n", c.name(), c.queries(), c.p50Ms(), c.p90Ms(), c.p99Ms(), c.maxMs());
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  static Result run(Path corpus, Path indexDir, Path queriesFile, int rounds, int ceilingArticles) throws IOException {
    return run(corpus, indexDir, queriesFile, rounds, ceilingArticles, Long.MAX_VALUE);
  }

  /** As above, indexing only the corpus's first {@code articles} lines. */
  static Result run(Path corpus, Path indexDir, Path queriesFile, int rounds, int ceilingArticles, long articles)
      throws IOException {
    IndexResult indexed = null;
    CeilingResult ceiling = null;
    if (!Files.isDirectory(indexDir.resolve("lucene"))) {
      ceiling = ceiling(corpus, ceilingArticles);
      indexed = index(corpus, indexDir, articles);
    } else {
      CoreBench.progress("index %s exists: query phase only", indexDir);
    }
    QueryResult q = rounds == 0 ? null : query(indexDir, readQueries(queriesFile), rounds);
    Double ratio = indexed != null && ceiling != null ? indexed.articlesPerSec() / ceiling.oneThreadArticlesPerSec() : null;
    return new Result(corpus.toString(), indexed, ceiling, ratio, q);
  }

  /** Streams the corpus through the normaliser into a fresh index; timed from the first article to the last commit. */
  static IndexResult index(Path corpus, Path dir) throws IOException {
    return index(corpus, dir, Long.MAX_VALUE);
  }

  /**
   * As above, the first {@code limit} lines. Progress every 10 s gives the rate since the start
   * and over the last interval, which shows how the rate changes as the index grows.
   */
  static IndexResult index(Path corpus, Path dir, long limit) throws IOException {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    long[] counts = new long[3]; // articles, rejected, text bytes
    long t0;
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      List<Article> batch = new ArrayList<>(BATCH);
      t0 = System.nanoTime();
      long[] lastReport = {t0, 0};
      IOException[] failure = new IOException[1];
      read(corpus, limit, draft -> {
        if (failure[0] != null) {
          return;
        }
        try {
          Article a = normalizer.normalize(draft);
          batch.add(a);
          counts[2] += a.title().getBytes(StandardCharsets.UTF_8).length + a.body().getBytes(StandardCharsets.UTF_8).length;
        } catch (IllegalArgumentException e) {
          counts[1]++;
          return;
        }
        if (batch.size() == BATCH) {
          try {
            flush(index, batch, counts);
            if (counts[0] % COMMIT_EVERY == 0) {
              index.commit();
            }
          } catch (IOException e) {
            failure[0] = e;
          }
          long now = System.nanoTime();
          if (now - lastReport[0] > 10_000_000_000L) {
            double interval = (counts[0] - lastReport[1]) / ((now - lastReport[0]) / 1e9);
            lastReport[0] = now;
            lastReport[1] = counts[0];
            CoreBench.progress("indexed %,d articles, %.0f articles/s (last interval %.0f/s), load %s", counts[0],
                counts[0] / ((now - t0) / 1e9), interval, CoreBench.loadAverage());
          }
        }
      });
      if (failure[0] != null) {
        throw failure[0];
      }
      flush(index, batch, counts);
      index.commit();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long bytes = IndexBench.sizeOf(dir.resolve("lucene"));
    CoreBench.progress("indexed %,d articles in %.1f s (%.0f articles/s); index %,d bytes", counts[0], seconds,
        counts[0] / seconds, bytes);
    return new IndexResult(counts[0], counts[1], counts[2], seconds, counts[0] / seconds, bytes, (double) bytes / counts[2]);
  }

  private static void flush(NewsIndex index, List<Article> batch, long[] counts) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    index.upsert(batch);
    counts[0] += batch.size();
    batch.clear();
  }

  /** Nori alone on the title and body of the first {@code limit} articles, in one thread and in two. */
  static CeilingResult ceiling(Path corpus, int limit) throws IOException {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<String> texts = new ArrayList<>();
    long[] bytes = {0};
    read(corpus, limit, d -> {
      try {
        Article a = normalizer.normalize(d);
        String t = a.title() + "\n" + a.body();
        texts.add(t);
        bytes[0] += t.getBytes(StandardCharsets.UTF_8).length;
      } catch (IllegalArgumentException e) {
        // the index phase counts rejections
      }
    });
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("corpus " + corpus + " holds no articles");
    }
    try (Analyzer warm = new KoreanAnalyzer()) {
      AnalysisBench.pass(warm, texts.subList(0, Math.min(texts.size(), 5_000)));
    }
    double one = timeAnalysis(texts, 1);
    double two = timeAnalysis(texts, 2);
    CoreBench.progress("Nori alone: %.0f articles/s with one thread, %.0f with two", texts.size() / one, texts.size() / two);
    return new CeilingResult(texts.size(), bytes[0], texts.size() / one, texts.size() / two);
  }

  private static double timeAnalysis(List<String> texts, int threads) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      int per = (texts.size() + threads - 1) / threads;
      for (int i = 0; i < threads; i++) {
        List<String> part = texts.subList(Math.min(texts.size(), i * per), Math.min(texts.size(), (i + 1) * per));
        parts.add(pool.submit(() -> {
          try (Analyzer a = new KoreanAnalyzer()) {
            return AnalysisBench.pass(a, part);
          }
        }));
      }
      for (Future<Long> f : parts) {
        f.get();
      }
      return (System.nanoTime() - t0) / 1e9;
    } catch (Exception e) {
      throw new IOException("analysis run failed: " + e.getMessage(), e);
    } finally {
      pool.shutdown();
    }
  }

  interface DraftSink {
    void accept(ArticleDraft draft);
  }

  /** The first {@code limit} drafts of a corpus. */
  static void readDrafts(Path corpus, long limit, DraftSink sink) throws IOException {
    read(corpus, limit, sink);
  }

  private static void read(Path corpus, long limit, DraftSink sink) throws IOException {
    long[] n = {0};
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      Formats.byName("jsonl").read(corpus.toString(), limit == Long.MAX_VALUE ? in : new LimitedLines(in, limit), new ReadSink() {
        @Override
        public void article(ArticleDraft draft, int line) {
          n[0]++;
          sink.accept(draft);
        }

        @Override
        public void reject(int line, String problem) {
          throw new IllegalArgumentException(corpus + ":" + line + ": " + problem);
        }
      });
    }
  }

  /** The first {@code limit} lines of a reader. */
  private static final class LimitedLines extends BufferedReader {
    private long left;

    LimitedLines(BufferedReader in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public String readLine() throws IOException {
      return left-- > 0 ? super.readLine() : null;
    }
  }

  static List<Query> readQueries(Path file) throws IOException {
    List<Query> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      String text = parts[0].strip();
      SearchRequest r = SearchRequest.of(text).withGrouped(grouped);
      if (now != null) {
        r = r.withFreshness(sosik.search.Freshness.DEFAULT.at(now));
      }
      boolean filtered = text.contains("언론사:") || text.contains("제목:");
      if (parts.length > 1) {
        filtered = true;
        LocalDate from = null;
        LocalDate to = null;
        for (String opt : parts[1].strip().split(",")) {
          String[] kv = opt.split("=", 2);
          if (kv.length != 2) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": option '" + opt + "' is not name=value");
          }
          switch (kv[0].strip()) {
            case "from" -> from = LocalDate.parse(kv[1].strip());
            case "to" -> to = LocalDate.parse(kv[1].strip());
            case "sort" -> r = r.withSort(SortOrder.valueOf(kv[1].strip().toUpperCase(Locale.ROOT)));
            default -> throw new IllegalArgumentException(file + ":" + lineNo + ": unknown option '" + kv[0] + "'");
          }
        }
        if (from != null || to != null) {
          ZoneOffset kst = ZoneOffset.ofHours(9);
          r = r.withRange(from == null ? null : from.atStartOfDay().toInstant(kst),
              to == null ? null : to.plusDays(1).atStartOfDay().toInstant(kst).minusMillis(1));
        }
      }
      out.add(new Query(line.strip(), r, kind(text, filtered)));
    }
    return out;
  }

  /** The class a query belongs to, from its shape. */
  static String kind(String text, boolean filtered) {
    if (filtered) {
      return "filter";
    }
    if (text.contains("\"")) {
      return "phrase";
    }
    if (text.contains("|") || text.matches(".*(^|\\s)[-+]\\S.*")) {
      return "operator";
    }
    int words = text.strip().split("\\s+").length;
    return words == 1 ? "word1" : words <= 3 ? "words2-3" : "words4+";
  }

  /** {@code --warmup}'s value: a number of passes, or {@code auto}. */
  static int warmup(String v) {
    if (v.equals("auto")) {
      return WARMUP_AUTO;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--warmup " + v + ": not a number of passes or 'auto'");
    }
    if (n < 0) {
      throw new IllegalArgumentException("--warmup " + v + ": passes before the timed rounds cannot be negative");
    }
    return n;
  }

  /**
   * Whether the JIT compiler has settled: in each of the last three passes it compiled for at most
   * 1% of the pass's wall time (it compiles in bursts, so two quiet passes were not enough). A method run once a query reaches the optimising compiler only after
   * thousands of queries, so a few passes over a few hundred queries time code still being compiled
   * (with the compiler busy on the other core).
   */
  static boolean settled(List<long[]> passes) {
    if (passes.size() < 3) {
      return false;
    }
    for (long[] p : passes.subList(passes.size() - 3, passes.size())) {
      long wallMs = p[0];
      long jitMs = p[1];
      if (jitMs * 100 > wallMs) {
        return false;
      }
    }
    return true;
  }

  static QueryResult query(Path dir, List<Query> queries, int rounds) throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      if (searchThreads > 0) {
        index.searchThreads(searchThreads);
      }
      CoreBench.progress("query phase: %d search threads", index.searchThreads());
      int n = queries.size();
      long[] totals = new long[n];
      // the counts checked in the rounds come from a pass of their own (also with no warm-up)
      var jit = ManagementFactory.getCompilationMXBean();
      boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
      if (warmup == WARMUP_AUTO && !jitTimed) {
        throw new IllegalStateException("--warmup auto: this JVM does not report its compilation time; give a number of passes");
      }
      List<long[]> passes = new ArrayList<>();
      int maxPasses = warmup == WARMUP_AUTO ? WARMUP_AUTO_MAX : Math.max(1, warmup);
      for (int w = 0; w < maxPasses; w++) {
        long jit0 = jitTimed ? jit.getTotalCompilationTime() : 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          totals[i] = index.search(queries.get(i).request()).total();
        }
        passes.add(new long[] {(System.nanoTime() - t0) / 1_000_000, jitTimed ? jit.getTotalCompilationTime() - jit0 : 0});
        if (warmup == WARMUP_AUTO && settled(passes)) {
          break;
        }
      }
      if (warmup == WARMUP_AUTO) {
        long[] last = passes.get(passes.size() - 1);
        CoreBench.progress("warm-up: %d passes (%s; last pass %d ms, compiling %d ms)", passes.size(),
            settled(passes) ? "the compiler settled" : "the compiler had not settled by the last", last[0], last[1]);
      }
      long jitBefore = jitTimed ? jit.getTotalCompilationTime() : 0;
      Map<String, List<Double>> byKind = new LinkedHashMap<>();
      List<Double> all = new ArrayList<>();
      List<Double> allCpu = new ArrayList<>();
      var threads = ManagementFactory.getThreadMXBean();
      long wall = 0;
      double[][] perQuery = new double[n][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          long total = index.search(queries.get(i).request()).total();
          long dt = System.nanoTime() - t0;
          allCpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
          wall += dt;
          if (total != totals[i]) {
            throw new IllegalStateException("query '" + queries.get(i).line() + "' gave " + totals[i] + " hits, then " + total);
          }
          byKind.computeIfAbsent(queries.get(i).kind(), k -> new ArrayList<>()).add(dt / 1e6);
          all.add(dt / 1e6);
          perQuery[i][r] = dt / 1e6;
        }
      }
      long jitInRounds = jitTimed ? jit.getTotalCompilationTime() - jitBefore : -1;
      // the slowest queries by their median over the rounds: where the tail comes from
      Integer[] order = new Integer[n];
      double[] median = new double[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
        double[] t = perQuery[i].clone();
        java.util.Arrays.sort(t);
        median[i] = t.length == 0 ? 0 : t[t.length / 2];
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(median[b], median[a]));
      for (int k = 0; k < Math.min(12, n) && rounds > 0; k++) {
        int i = order[k];
        CoreBench.progress("slow: %7.2f ms  %,9d hits  [%s] %s", median[i], totals[i], queries.get(i).kind(), queries.get(i).line());
      }
      int zero = 0;
      for (long t : totals) {
        zero += t == 0 ? 1 : 0;
      }
      List<ClassResult> classes = new ArrayList<>();
      for (Map.Entry<String, List<Double>> e : byKind.entrySet()) {
        classes.add(summarise(e.getKey(), e.getValue().size() / rounds, e.getValue()));
      }
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      return new QueryResult(n, rounds, classes, summarise("all", n, all), all.size() / (wall / 1e9), zero, heap.getUsed(),
          heap.getMax(), summarise("all-cpu", n, allCpu), index.searchThreads(), passes.size(), jitInRounds, wall / 1_000_000);
    }
  }

  private static ClassResult summarise(String name, int queries, List<Double> ms) {
    double[] xs = ms.stream().mapToDouble(Double::doubleValue).toArray();
    return new ClassResult(name, queries, xs.length, Stats.percentile(xs, 50), Stats.percentile(xs, 90),
        Stats.percentile(xs, 99), Stats.max(xs));
  }
}
