package sosik.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.article.Article;
import sosik.group.Signature;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleNormalizer;

/**
 * Where the indexing time goes, by subtraction: the same articles, held in memory, run through
 * steps of growing scope, the steps interleaved in every round so that a busy machine slows them
 * alike.
 *
 * <ol>
 *   <li>{@code nori}: stock Nori on headline and body (one text per article, as {@code scale}'s ceiling);
 *   <li>{@code sosik-chain}: Sosik's chain on the headline and the body (two texts, as the index);
 *   <li>{@code signature}: the group signature and band keys alone;
 *   <li>{@code writer-text}: a bare IndexWriter with the headline and body fields only (Sosik's
 *       chain, stored, positions and offsets), through a reader that counts the chars handed to
 *       the analyzer;
 *   <li>{@code writer-text-noofs}: the same without offsets; {@code writer-text-ram16},
 *       {@code writer-text-ram256}: with a RAM buffer of 16 or 256 MB instead of 64;
 *       {@code writer-text-serial}: merging in the indexing thread;
 *   <li>{@code sosik-index}: {@link LuceneNewsIndex#upsert} in batches of 500, one commit.
 * </ol>
 *
 * Each step reports wall time, the process's CPU time (all threads: merges, GC, JIT) and the
 * CPU time of the thread running the step; CPU times are the steadier figures on a shared machine.
 *
 * <p>{@code CoreBench indexcost --corpus FILE.jsonl [--articles N] [--rounds N] [--steps a,b,...]}.
 */
final class IndexCostBench {
  private IndexCostBench() {}

  static void main(String[] args) throws Exception {
    Path corpus = null;
    int articles = 10_000;
    int rounds = 3;
    List<String> steps = List.of("nori", "sosik-chain", "signature", "writer-text", "writer-text-noofs", "sosik-index");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--steps" -> steps = List.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
    }
    if (corpus == null) {
      throw new IllegalArgumentException("indexcost needs --corpus FILE.jsonl");
    }
    System.out.println("load before: " + CoreBench.loadAverage());
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> docs = new ArrayList<>();
    ScaleBench.readDrafts(corpus, articles, d -> {
      try {
        docs.add(normalizer.normalize(d));
      } catch (IllegalArgumentException e) {
        // rejected
      }
    });
    long chars = 0;
    long bytes = 0;
    for (Article a : docs) {
      chars += a.title().length() + a.body().length();
      bytes += a.title().getBytes(StandardCharsets.UTF_8).length + a.body().getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf(Locale.ROOT, "%,d articles, %,d chars, %,d UTF-8 bytes of headline and body%n", docs.size(), chars, bytes);
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    Map<String, List<Double>> own = new LinkedHashMap<>();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = -1; r < rounds; r++) { // round -1 warms up
      for (String step : steps) {
        System.gc();
        long c0 = os.getProcessCpuTime();
        long o0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        String note = run(step, docs);
        double s = (System.nanoTime() - t0) / 1e9;
        double c = (os.getProcessCpuTime() - c0) / 1e9;
        double o = (threads.getCurrentThreadCpuTime() - o0) / 1e9;
        if (r >= 0) {
          own.computeIfAbsent(step, k -> new ArrayList<>()).add(o);
          seconds.computeIfAbsent(step, k -> new ArrayList<>()).add(s);
          cpu.computeIfAbsent(step, k -> new ArrayList<>()).add(c);
        }
        System.out.printf(Locale.ROOT, "round %d %-18s %7.2f s wall %7.2f s process CPU %7.2f s thread CPU %7.0f articles/s %s (load %s)%n", r, step, s, c, o,
            docs.size() / s, note, CoreBench.loadAverage());
      }
    }
    System.out.println("load after: " + CoreBench.loadAverage());
    double nori = median(seconds.get(steps.get(0)));
    double noriCpu = median(cpu.get(steps.get(0)));
    System.out.printf(Locale.ROOT, "%-18s %9s %12s %10s %10s %10s %10s%n", "step", "median s", "articles/s", "vs " + steps.get(0), "CPU s",
        "CPU vs " + steps.get(0), "thread CPU");
    for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
      double m = median(e.getValue());
      double c = median(cpu.get(e.getKey()));
      System.out.printf(Locale.ROOT, "%-18s %9.2f %12.0f %10.2f %10.2f %10.2f %10.2f%n", e.getKey(), m, docs.size() / m, nori / m, c, noriCpu / c,
          median(own.get(e.getKey())));
    }
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static String run(String step, List<Article> docs) throws IOException {
    switch (step) {
      case "nori" -> {
        List<String> texts = new ArrayList<>(docs.size());
        for (Article a : docs) {
          texts.add(a.title() + "\n" + a.body());
        }
        try (Analyzer an = new KoreanAnalyzer()) {
          return AnalysisBench.pass(an, texts) + " tokens";
        }
      }
      case "sosik-chain" -> {
        List<String> texts = new ArrayList<>(docs.size() * 2);
        for (Article a : docs) {
          texts.add(a.title());
          texts.add(a.body());
        }
        try (Analyzer an = KoreanNewsAnalyzer.withDefaultDictionary()) {
          return AnalysisBench.pass(an, texts) + " tokens";
        }
      }
      case "signature" -> {
        long keys = 0;
        for (Article a : docs) {
          keys += Signature.of(a).bandKeys().size();
        }
        return keys + " band keys";
      }
      case "writer-text", "writer-text-noofs" -> {
        return bareWriter(docs, step.endsWith("noofs"), 64, false);
      }
      case "writer-text-ram16", "writer-text-ram256" -> {
        return bareWriter(docs, false, step.endsWith("16") ? 16 : 256, false);
      }
      case "writer-text-serial" -> {
        return bareWriter(docs, false, 64, true);
      }
      case "sosik-index" -> {
        Path dir = Files.createTempDirectory("sosik-indexcost");
        try {
          try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
            for (int from = 0; from < docs.size(); from += 500) {
              index.upsert(docs.subList(from, Math.min(docs.size(), from + 500)));
            }
            index.commit();
          }
          return IndexBench.sizeOf(dir.resolve("lucene")) + " index bytes";
        } finally {
          IndexBench.deleteTree(dir);
        }
      }
      default -> throw new IllegalArgumentException("unknown step " + step);
    }
  }

  private static String bareWriter(List<Article> docs, boolean noOffsets, double ramMb, boolean serialMerges) throws IOException {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(noOffsets ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS : IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    long[] fed = {0};
    Analyzer sosik = KoreanNewsAnalyzer.withDefaultDictionary();
    Analyzer counting = new AnalyzerWrapper(sosik.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return sosik;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        return new java.io.FilterReader(reader) {
          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            if (n > 0) {
              fed[0] += n;
            }
            return n;
          }

          @Override
          public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
              fed[0]++;
            }
            return c;
          }
        };
      }
    };
    Path dir = Files.createTempDirectory("sosik-indexcost");
    try (FSDirectory d = FSDirectory.open(dir)) {
      IndexWriterConfig cfg = new IndexWriterConfig(counting);
      cfg.setRAMBufferSizeMB(ramMb);
      if (serialMerges) {
        cfg.setMergeScheduler(new org.apache.lucene.index.SerialMergeScheduler());
      }
      long tokens;
      try (IndexWriter w = new IndexWriter(d, cfg)) {
        for (Article a : docs) {
          Document doc = new Document();
          doc.add(new Field("title", a.title(), type));
          doc.add(new Field("body", a.body(), type));
          w.addDocument(doc);
        }
        w.commit();
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        tokens = r.getSumTotalTermFreq("title") + r.getSumTotalTermFreq("body");
      }
      return String.format(Locale.ROOT, "%d chars fed, %d tokens indexed, %d index bytes", fed[0], tokens, IndexBench.sizeOf(dir));
    } finally {
      IndexBench.deleteTree(dir);
      sosik.close();
    }
  }
}
