package sosik.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.Version;

/**
 * Sosik's whole-process core benchmark: analysis throughput (stock Nori against Sosik's chain),
 * indexing throughput and index size, and query latency, on the real corpora of the shared data
 * directory. Run by hand ({@code bench/run.sh all --out FILE.json}); never part of the test suite.
 */
public final class CoreBench {
  private static final String USAGE =
      """
      usage: CoreBench analysis|index|query|all|threads [--shared DIR] [--queries FILE] [--rounds N] [--threads 1,2] [--out FILE.json]

        analysis   MB/s and tokens/s of Lucene's stock KoreanAnalyzer and Sosik's KoreanNewsAnalyzer
        index      articles/s into a fresh LuceneNewsIndex (company-news-2019), index bytes per text byte
        query      p50/p90/p99/max latency and queries/s over the query list (builds the index first)
        all        the three, the query benchmark on the indexing benchmark's last index
        threads    articles/s of sosik index's ingesting (company-news-2019) on each thread count of --threads,
                   beside the same threads running Sosik's analysis chain alone and stock Nori alone (the ceilings)

      usage: CoreBench corpus --articles N --out FILE.jsonl [--seed S] [--days D] [--shared DIR]

        corpus     writes a deterministic scale corpus (JSON Lines) recombined from the shared data's
                   sentence pools: same seed and size, same bytes

      usage: CoreBench scale --corpus FILE.jsonl --index DIR [--articles N] [--queries FILE] [--rounds N | --no-queries] [--ceiling N] [--grouped] [--search-threads N] [--warmup N|auto] [--now DATE] [--out FILE.json]

        scale      indexes the corpus into DIR when DIR holds no index (articles/s against Nori alone on
                   the first --ceiling articles, 50,000 by default, with one and two threads; index bytes
                   per text byte), then query latency by class over bench/queries-scale.txt and the heap
                   in use; re-run on the same DIR to time queries alone (e.g. BENCH_JAVA_OPTS=-Xmx1g);
                   --grouped asks as the CLI and the page do by default, one hit per group;
                   --search-threads N searches each query on N threads (default: the processors, at
                   most 8; 1 is one thread, as before parallel search), printed with the results;
                   --warmup N untimed passes first (2), auto: until the JIT compiler settles (at most
                   80 passes; the compiling time left in the timed rounds is printed); --now DATE measures the freshness preference
                   from DATE (2021-01-01: the corpus's end, as a live index of fresh news) instead of
                   the clock, under which every article of the 2019-2020 corpus has the factor 1

      usage: CoreBench indexcost --corpus FILE.jsonl [--articles N] [--rounds N] [--steps a,b,...]

        indexcost  where indexing time goes, by subtraction: the first N articles (10,000) through stock
                   Nori, Sosik's chain, the group signature, a bare IndexWriter with the text fields
                   (with and without offsets; chars fed to the analyzer counted) and LuceneNewsIndex,
                   the steps interleaved in each round

      usage: CoreBench querybuild [--queries FILE] [--rounds N]

        querybuild the time to build a request's queries from its words (the text queries and the words
                   to mark), each word analysed afresh every time against once per request, alternating;
                   queries from bench/queries-scale.txt by default

      usage: CoreBench recodec --from DIR --to DIR --mode speed|size [--sig16] [--pack] [--cards]

        recodec    copies an index into one segment with stored fields compressed for speed (LZ4) or
                   size (DEFLATE), to compare size and query latency without indexing twice; --pack
                   rewrites headlines and bodies stored as strings in the packed layout, --cards
                   gives every article without a member card the one indexing would give it now

      usage: CoreBench storedtext --corpus FILE.jsonl [--articles N] [--rounds N] [--reads N]

        storedtext the first N articles' (100,000) headlines and bodies stored as UTF-8 strings and
                   packed: stored bytes per text byte, and the time to read an article back

        --shared DIR     the shared data directory (default: <repo>/../shared/data)
        --queries FILE   one query a line (default: <repo>/bench/queries-ko.txt)
        --rounds N       timed rounds for every part (defaults: analysis 5, index 5, query 20)
        --threads LIST   thread counts for 'threads' (default: 1,2)
        --all-sets       'threads' on every real set together (company-news, soynlp, sci-news, korquad,
                         ynat) read by Sosik's own readers, instead of company-news alone
        --out FILE.json  also write every figure, with the machine, as JSON
      """;

  static final int ANALYSIS_WARMUP = 2;
  static final int ANALYSIS_ROUNDS = 5;
  static final int INDEX_WARMUP = 1;
  static final int INDEX_ROUNDS = 5;
  static final int QUERY_WARMUP = 5;
  static final int QUERY_ROUNDS = 20;

  record Machine(
      int nproc, String cpu, long memoryBytes, String java, String vm, List<String> jvmArgs, String os, String lucene,
      String date) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(
      Machine machine, String loadAverageBefore, String loadAverageAfter, List<String> args, String shared,
      String queries, AnalysisBench.Result analysis, IndexBench.Result index, QueryBench.Result query,
      ThreadsBench.Result threads) {}

  private CoreBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("corpus") || args[0].equals("scale") || args[0].equals("indexcost") || args[0].equals("recodec")
        || args[0].equals("querybuild") || args[0].equals("storedtext"))) {
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      try {
        if (args[0].equals("indexcost")) {
          IndexCostBench.main(rest);
        } else if (args[0].equals("querybuild")) {
          QueryBuildBench.main(rest);
        } else if (args[0].equals("recodec")) {
          Recodec.main(rest);
        } else if (args[0].equals("storedtext")) {
          StoredTextBench.main(rest);
        } else if (args[0].equals("corpus")) {
          ScaleCorpus.main(rest);
        } else {
          ScaleBench.main(rest);
        }
      } catch (IllegalArgumentException e) {
        System.err.println("CoreBench " + args[0] + ": " + e.getMessage());
        System.err.print(USAGE);
        System.exit(2);
      }
      return;
    }
    String what = null;
    Path shared = null;
    Path queries = null;
    Path out = null;
    Integer rounds = null;
    boolean allSets = false;
    List<Integer> threadCounts = List.of(1, 2);
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--shared" -> shared = Path.of(value(args, ++i));
          case "--queries" -> queries = Path.of(value(args, ++i));
          case "--out" -> out = Path.of(value(args, ++i));
          case "--all-sets" -> allSets = true;
          case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
          case "--threads" -> threadCounts = java.util.Arrays.stream(value(args, ++i).split(","))
              .map(String::strip).map(Integer::parseInt).toList();
          case "-h", "--help" -> {
            System.out.print(USAGE);
            return;
          }
          default -> {
            if (what != null || !List.of("analysis", "index", "query", "all", "threads").contains(args[i])) {
              throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            what = args[i];
          }
        }
      }
      if (what == null) {
        throw new IllegalArgumentException("say what to run: analysis, index, query, all or threads");
      }
      if (rounds != null && rounds < 1) {
        throw new IllegalArgumentException("--rounds must be at least 1");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("CoreBench: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    Path repo = repoRoot();
    shared = dataDir(shared == null ? repo.resolve("../shared/data").normalize() : shared);
    queries = queries == null ? repo.resolve("bench/queries-ko.txt") : queries;
    boolean all = what.equals("all");
    String loadBefore = loadAverage();

    AnalysisBench.Result analysis = null;
    IndexBench.Result index = null;
    QueryBench.Result query = null;
    ThreadsBench.Result threads = null;
    Corpora.CompanyNews news = Corpora.companyNews(shared);
    if (what.equals("threads")) {
      List<sosik.ingest.ArticleDraft> drafts = allSets ? Corpora.allSets(shared) : news.drafts();
      progress("threads: %,d articles (%s) on %s threads", drafts.size(), allSets ? "every real set" : Corpora.COMPANY, threadCounts);
      threads = ThreadsBench.run(drafts, threadCounts, 1, rounds == null ? 3 : rounds);
    }
    if (all || what.equals("analysis")) {
      List<Corpora.Texts> corpora =
          List.of(Corpora.companyBodies(news), Corpora.soynlp(shared), Corpora.korquad(shared));
      progress("analysis: %d corpora, %,d bytes", corpora.size(), corpora.stream().mapToLong(Corpora.Texts::utf8Bytes).sum());
      analysis = AnalysisBench.run(corpora, ANALYSIS_WARMUP, rounds == null ? ANALYSIS_ROUNDS : rounds);
    }
    if (all || what.equals("index") || what.equals("query")) {
      IndexBench.Prepared prepared = IndexBench.prepare(news.drafts());
      Path indexDir;
      if (what.equals("query")) {
        progress("query: building the index (not timed)");
        indexDir = IndexBench.build(prepared.articles()).dir();
      } else {
        progress("index: %,d articles, %,d rejected", prepared.articles().size(), prepared.rejected());
        IndexBench.Done done = IndexBench.run(news, prepared, INDEX_WARMUP, rounds == null ? INDEX_ROUNDS : rounds);
        index = done.result();
        indexDir = done.index();
      }
      try {
        if (!what.equals("index")) {
          List<String> list = QueryBench.readQueries(queries);
          progress("query: %d queries", list.size());
          query = QueryBench.run(indexDir, list, QUERY_WARMUP, rounds == null ? QUERY_ROUNDS : rounds);
        }
      } finally {
        IndexBench.deleteTree(indexDir);
      }
    }
    Report report = new Report(machine(), loadBefore, loadAverage(), List.of(args), shared.toString(),
        query == null ? null : queries.toString(), analysis, index, query, threads);
    print(report, System.out);
    if (out != null) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      json.writeValue(out.toFile(), report);
      System.out.println("\nwrote " + out);
    }
  }

  static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }

  static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** The repository: -Dsosik.repo, else three levels above this jar (bench/target/sosik-bench.jar). */
  private static Path repoRoot() throws URISyntaxException {
    String prop = System.getProperty("sosik.repo");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath();
    }
    Path code = Path.of(CoreBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return code.getParent().getParent().getParent().toAbsolutePath();
  }

  /** Accepts the data directory itself or the shared directory that holds {@code data/}. */
  static Path dataDir(Path dir) {
    if (!Files.isDirectory(dir.resolve(Corpora.COMPANY)) && Files.isDirectory(dir.resolve("data").resolve(Corpora.COMPANY))) {
      return dir.resolve("data");
    }
    return dir;
  }

  static Machine machine() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(), cpuModel(), memory, System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Version.LATEST.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave it out
    }
    return "unknown";
  }

  private static void print(Report r, PrintStream o) {
    Machine m = r.machine();
    o.printf(Locale.ROOT, "Sosik core benchmark  %s  %d cores, %.1f GiB, %s, Java %s, Lucene %s%n",
        m.date(), m.nproc(), m.memoryBytes() / (double) (1L << 30), m.cpu(), m.java(), m.lucene());
    o.println("data: " + r.shared());
    if (r.loadAverageBefore() != null) {
      o.printf("load average (1/5/15 min): %s before, %s after%s%n", r.loadAverageBefore(), r.loadAverageAfter(),
          " (well above 0 means other work shared the cores: the figures are then pessimistic)");
    }
    if (r.analysis() != null) {
      AnalysisBench.Result a = r.analysis();
      o.printf(Locale.ROOT, "%nAnalysis, 1 thread: median of %d timed passes after %d warm-up passes (MB = 10^6 bytes of UTF-8 input)%n",
          a.rounds(), a.warmupPasses());
      o.printf(Locale.ROOT, "%-26s %6s %7s %11s %11s %8s %12s %12s%n",
          "corpus", "texts", "MB", "stock MB/s", "Sosik MB/s", "ratio", "stock tok/s", "Sosik tok/s");
      for (AnalysisBench.CorpusResult c : a.corpora()) {
        o.printf(Locale.ROOT, "%-26s %6d %7.2f %11.2f %11.2f %7.2fx %12.0f %12.0f%n",
            c.corpus(), c.texts(), c.utf8Bytes() / 1e6, c.stock().mbPerSec(), c.sosik().mbPerSec(),
            c.ratioSosikOverStock(), c.stock().tokensPerSec(), c.sosik().tokensPerSec());
      }
      o.println("(ratio = Sosik MB/s / stock MB/s; stock = Lucene KoreanAnalyzer defaults, Sosik = KoreanNewsAnalyzer.withDefaultDictionary())");
    }
    if (r.index() != null) {
      IndexBench.Result x = r.index();
      o.printf(Locale.ROOT, "%nIndexing company-news-2019: median of %d rounds after %d warm-up, batches of %d, one commit (timed)%n",
          x.rounds(), x.warmupRounds(), x.batchSize());
      o.printf(Locale.ROOT, "source          %d files, %,d records, %,d duplicate URLs skipped, %d malformed records%n",
          x.sourceFiles(), x.sourceRecords(), x.duplicateUrls(), x.malformedRecords());
      o.printf(Locale.ROOT, "articles        %,d indexed (%,d added), %d rejected by the normaliser%n",
          x.articles(), x.added(), x.rejected());
      o.printf(Locale.ROOT, "article text    %.2f MB (title + body, UTF-8)%n", x.textBytes() / 1e6);
      o.printf(Locale.ROOT, "articles/s      %.0f  (rounds: %.0f .. %.0f)%n", x.articlesPerSec(), x.articlesPerSecMin(), x.articlesPerSecMax());
      o.printf(Locale.ROOT, "text MB/s       %.2f%n", x.mbPerSec());
      o.printf(Locale.ROOT, "index on disk   %.2f MB in %d segments, %.2f bytes per text byte%n",
          x.indexBytes() / 1e6, x.segments(), x.indexBytesPerTextByte());
    }
    if (r.threads() != null) {
      ThreadsBench.Result t = r.threads();
      o.printf(Locale.ROOT, "%nIngesting on N threads, %s (%,d articles): median of %d rounds after %d warm-up%n", r.args().contains("--all-sets") ? "every real set" : "company-news-2019",
          t.articles(), t.rounds(), t.warmupRounds());
      o.printf(Locale.ROOT, "%8s %16s %12s %20s %16s %14s%n", "threads", "ingest art/s", "ingest MB/s", "Sosik analysis art/s", "Nori only art/s", "ingest/Nori");
      for (ThreadsBench.Row row : t.rows()) {
        o.printf(Locale.ROOT, "%8d %16.0f %12.2f %20.0f %16.0f %13.0f%%%n", row.threads(), row.ingestArticlesPerSec(),
            row.ingestArticlesPerSec() * t.textBytes() / t.articles() / 1e6,
            row.sosikAnalysisArticlesPerSec(), row.noriArticlesPerSec(), 100 * row.ingestArticlesPerSec() / row.noriArticlesPerSec());
      }
      o.printf(Locale.ROOT, "text: %.1f MB of titles and bodies (UTF-8)%n", t.textBytes() / 1e6);
      o.println("(ingest = sosik index's path: normalise, analyse, write, commit; the analysis columns tokenise title and body only)");
    }
    if (r.query() != null) {
      QueryBench.Result q = r.query();
      o.printf(Locale.ROOT, "%nQuery latency, 1 thread: %d queries x %d rounds after %d warm-up passes (%,d samples, top 10 + exact total + snippets)%n",
          q.queries(), q.rounds(), q.warmupPasses(), q.samples());
      o.printf(Locale.ROOT, "p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms   mean %.2f ms   %.0f queries/s%n",
          q.p50Ms(), q.p90Ms(), q.p99Ms(), q.maxMs(), q.meanMs(), q.queriesPerSec());
      o.printf(Locale.ROOT, "%n%8s %8s  %s%n", "total", "p50 ms", "query");
      for (QueryBench.PerQuery p : q.perQuery()) {
        o.printf(Locale.ROOT, "%8d %8.2f  %s%n", p.total(), p.p50Ms(), p.query());
      }
      o.printf(Locale.ROOT, "(%d of %d queries found nothing)%n", q.zeroHitQueries(), q.queries());
    }
  }
}
