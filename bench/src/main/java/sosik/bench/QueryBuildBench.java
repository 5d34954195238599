package sosik.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.index.lucene.LongQueryPolicy;
import sosik.index.lucene.LuceneQueryBuilder;
import sosik.search.PortalQuery;
import sosik.search.PortalQueryParser;

/**
 * {@code CoreBench querybuild}: the time to build a request's queries from its words, every
 * analysis made afresh against each text analysed once per request
 * ({@link LuceneQueryBuilder#sharingAnalyses}), the two alternating round by round.
 */
final class QueryBuildBench {
  private QueryBuildBench() {}

  static void main(String[] args) throws Exception {
    Path queries = Path.of(System.getProperty("sosik.repo", ".")).resolve("bench/queries-scale.txt");
    int rounds = 40;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--queries" -> queries = Path.of(CoreBench.value(args, ++i));
        case "--rounds" -> rounds = Integer.parseInt(CoreBench.value(args, ++i));
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds " + rounds + ": at least 1");
    }
    if (!Files.isRegularFile(queries)) {
      throw new IllegalArgumentException("--queries " + queries + " is not a file");
    }
    List<PortalQuery> list = new ArrayList<>();
    for (String line : Files.readAllLines(queries)) {
      String text = line.split("\t", 2)[0].strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        list.add(PortalQueryParser.parse(text));
      }
    }
    LuceneQueryBuilder b = new LuceneQueryBuilder(KoreanNewsAnalyzer.withDefaultDictionary());
    long[] nanos = new long[2];
    int warmup = Math.max(5, rounds / 2);
    for (int r = 0; r < warmup + rounds; r++) {
      for (int mode = 0; mode < 2; mode++) {
        long t0 = System.nanoTime();
        for (PortalQuery q : list) {
          if (mode == 0) {
            build(b, q);
          } else {
            LuceneQueryBuilder.sharingAnalyses(() -> build(b, q));
          }
        }
        if (r >= warmup) {
          nanos[mode] += System.nanoTime() - t0;
        }
      }
    }
    double afresh = nanos[0] / 1e3 / rounds / list.size();
    double shared = nanos[1] / 1e3 / rounds / list.size();
    System.out.printf(Locale.ROOT, "queries: %d, %d rounds after %d untimed%n", list.size(), rounds, warmup);
    System.out.printf(Locale.ROOT, "building a request's queries: %.1f us afresh, %.1f us with its analyses shared (%.2fx)%n",
        afresh, shared, afresh / shared);
  }

  private static Object build(LuceneQueryBuilder b, PortalQuery q) {
    b.textQueries(q, false, LongQueryPolicy.DEFAULT);
    return b.highlightQuery(q, false);
  }
}
