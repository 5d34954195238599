package sosik.app;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import sosik.index.NewsIndex;
import sosik.search.SearchRequest;
import sosik.search.SortOrder;

/**
 * Searches a server runs before it opens its port, so that its first users do not wait for the
 * JIT compiler: a started JVM runs its first few thousand searches of a large index 30–40% slower
 * while the compiler works (docs/BENCHMARKS.md). It passes over a fixed list of everyday news
 * queries (single words, two and three words, phrases, exclusions, alternatives, a period filter),
 * each as the web page asks it (grouped), as the API does (one hit per article) and newest first,
 * until the compiler has settled (in each of three passes in a row it worked at most 1% of the
 * pass's time) or the time allowed has run out. It only reads: the index is left as it was.
 */
final class WarmUp {
  /** What was done: searches run, passes over the list, the time it took, and whether the compiler settled. */
  record Result(int searches, int passes, Duration took, boolean settled) {}

  /** Everyday queries of a Korean news search; a word missing from the index costs a quick empty search. */
  static final List<String> QUERIES = List.of(
      "반도체", "금리", "정부", "서울", "경제", "대통령", "수출", "부동산", "삼성전자", "현대자동차",
      "인공지능", "배터리", "전기차", "물가", "교육", "선거", "날씨", "코로나", "환율", "주가",
      "반도체 수출", "금리 인상", "부동산 대책", "인공지능 반도체", "서울 아파트 가격", "전기차 배터리 공장",
      "\"기준금리 동결\"", "\"반도체 수출\"", "삼성전자 -주가", "+정부 예산", "전기차 | 배터리", "AI 반도체", "챗GPT");

  /** The compiler's share of a pass below which it counts as settled. */
  static final double SETTLED_SHARE = 0.01;
  /** Settled passes in a row that end the warm-up. */
  static final int SETTLED_PASSES = 3;

  private WarmUp() {}

  /** Warms {@code idx} for at most {@code limit}; nothing when the limit is zero. */
  static Result run(NewsIndex idx, Duration limit) throws IOException {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("a warm-up cannot last " + limit);
    }
    if (limit.isZero()) {
      return new Result(0, 0, Duration.ZERO, false);
    }
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    boolean timed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
    List<SearchRequest> pass = requests();
    long start = System.nanoTime();
    long end = start + limit.toNanos();
    int searches = 0;
    int passes = 0;
    int settledInARow = 0;
    while (System.nanoTime() < end) {
      long compiledBefore = timed ? compiler.getTotalCompilationTime() : 0;
      long passStart = System.nanoTime();
      for (SearchRequest r : pass) {
        idx.search(r);
        searches++;
        if (System.nanoTime() >= end) {
          break;
        }
      }
      passes++;
      if (timed) {
        double passMillis = (System.nanoTime() - passStart) / 1e6;
        long compiled = compiler.getTotalCompilationTime() - compiledBefore;
        settledInARow = compiled <= SETTLED_SHARE * passMillis ? settledInARow + 1 : 0;
        if (settledInARow >= SETTLED_PASSES) {
          return new Result(searches, passes, Duration.ofNanos(System.nanoTime() - start), true);
        }
      }
    }
    return new Result(searches, passes, Duration.ofNanos(System.nanoTime() - start), false);
  }

  /** One pass: every query grouped (the web page), one hit per article (the API), newest first, and a few with a period. */
  static List<SearchRequest> requests() {
    List<SearchRequest> out = new ArrayList<>();
    Instant now = Instant.now();
    for (String q : QUERIES) {
      SearchRequest r = SearchRequest.of(q);
      out.add(r.withGrouped(true));
      out.add(r.withGrouped(false));
      out.add(r.withGrouped(false).withSort(SortOrder.LATEST));
    }
    for (String q : QUERIES.subList(0, 5)) {
      out.add(SearchRequest.of(q).withRange(now.minus(Duration.ofDays(30)), now));
    }
    return out;
  }
}
