package sosik.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import sosik.analysis.KoreanNewsAnalyzer;

/**
 * Single-threaded analysis throughput: Lucene's stock Nori {@link KoreanAnalyzer} (defaults)
 * against Sosik's {@link KoreanNewsAnalyzer}. Each pass tokenises every text of a corpus and
 * drains the token stream. After the warm-up passes, the timed rounds alternate the two analyzers
 * corpus by corpus, so a drift in the machine's speed hits both alike.
 */
final class AnalysisBench {
  static final String STOCK = "lucene-nori-stock";
  static final String SOSIK = "sosik-korean-news";

  /** One analyzer on one corpus: seconds per timed pass and what they give. */
  record Run(
      String analyzer, long tokensPerPass, double[] seconds, double mbPerSec, double mbPerSecMin, double mbPerSecMax,
      double tokensPerSec) {}

  /** One corpus: both analyzers and Sosik's median MB/s over stock's. */
  record CorpusResult(String corpus, int texts, long utf8Bytes, Run stock, Run sosik, double ratioSosikOverStock) {}

  record Result(int warmupPasses, int rounds, String mb, List<CorpusResult> corpora) {}

  private AnalysisBench() {}

  static Result run(List<Corpora.Texts> corpora, int warmupPasses, int rounds) throws IOException {
    try (Analyzer stock = new KoreanAnalyzer(); Analyzer sosik = KoreanNewsAnalyzer.withDefaultDictionary()) {
      Analyzer[] analyzers = {stock, sosik};
      for (Corpora.Texts c : corpora) {
        for (Analyzer a : analyzers) {
          for (int i = 0; i < warmupPasses; i++) {
            pass(a, c.texts());
          }
        }
      }
      int n = corpora.size();
      double[][][] seconds = new double[n][2][rounds];
      long[][] tokens = new long[n][2];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < 2; k++) {
            long t0 = System.nanoTime();
            tokens[i][k] = pass(analyzers[k], corpora.get(i).texts());
            seconds[i][k][r] = (System.nanoTime() - t0) / 1e9;
          }
        }
        CoreBench.progress("analysis round %d/%d done", r + 1, rounds);
      }
      List<CorpusResult> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Corpora.Texts c = corpora.get(i);
        Run s = summarise(STOCK, c.utf8Bytes(), tokens[i][0], seconds[i][0]);
        Run k = summarise(SOSIK, c.utf8Bytes(), tokens[i][1], seconds[i][1]);
        out.add(new CorpusResult(c.name(), c.texts().size(), c.utf8Bytes(), s, k, k.mbPerSec() / s.mbPerSec()));
      }
      return new Result(warmupPasses, rounds, "10^6 bytes of UTF-8 input", out);
    }
  }

  private static Run summarise(String name, long bytes, long tokens, double[] seconds) {
    double median = Stats.median(seconds);
    return new Run(
        name, tokens, seconds, bytes / 1e6 / median, bytes / 1e6 / Stats.max(seconds), bytes / 1e6 / Stats.min(seconds),
        tokens / median);
  }

  /** Tokenises every text and returns the number of tokens emitted. */
  static long pass(Analyzer a, List<String> texts) throws IOException {
    long tokens = 0;
    for (String t : texts) {
      try (TokenStream ts = a.tokenStream("body", t)) {
        ts.reset();
        while (ts.incrementToken()) {
          tokens++;
        }
        ts.end();
      }
    }
    return tokens;
  }
}
