package sosik.eval;

import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking metrics with binary relevance, for one query: {@code ranked} is the system's list (best
 * first), {@code relevant} the ids that answer the query. A document listed twice counts once, at
 * its first rank.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * nDCG@k: {@code DCG = Σ rel(i) / log2(i + 1)} over ranks i = 1..k, divided by the DCG of the
   * ideal list (every relevant document first, at most k of them). 0 when nothing is relevant.
   */
  public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    double dcg = 0;
    Set<String> seen = new HashSet<>();
    int rank = 0;
    for (String id : ranked) {
      if (!seen.add(id)) {
        continue;
      }
      rank++;
      if (rank > k) {
        break;
      }
      if (relevant.contains(id)) {
        dcg += 1 / log2(rank + 1);
      }
    }
    double ideal = 0;
    for (int i = 1; i <= Math.min(k, relevant.size()); i++) {
      ideal += 1 / log2(i + 1);
    }
    return dcg / ideal;
  }

  /**
   * Graded nDCG@k: gain {@code 2^grade − 1} at each rank, {@code DCG = Σ gain(i) / log2(i + 1)},
   * divided by the DCG of the ideal order (highest grades first). With grades of 1 only it equals
   * {@link #ndcg(List, Set, int)}. 0 when no grade is above 0.
   */
  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    List<Integer> ideal = new ArrayList<>();
    for (int g : grades.values()) {
      if (g > 0) {
        ideal.add(g);
      }
    }
    if (ideal.isEmpty()) {
      return 0;
    }
    ideal.sort(java.util.Collections.reverseOrder());
    double dcg = 0;
    Set<String> seen = new HashSet<>();
    int rank = 0;
    for (String id : ranked) {
      if (!seen.add(id)) {
        continue;
      }
      if (++rank > k) {
        break;
      }
      int g = grades.getOrDefault(id, 0);
      if (g > 0) {
        dcg += (Math.pow(2, g) - 1) / log2(rank + 1);
      }
    }
    double best = 0;
    for (int i = 1; i <= Math.min(k, ideal.size()); i++) {
      best += (Math.pow(2, ideal.get(i - 1)) - 1) / log2(i + 1);
    }
    return dcg / best;
  }

  /** 1 / the rank of the first relevant document when it is within k, else 0. */
  public static double reciprocalRank(List<String> ranked, Set<String> relevant, int k) {
    int r = firstRelevantRank(ranked, relevant);
    return r > 0 && r <= k ? 1.0 / r : 0;
  }

  /** The share of the relevant documents found in the top k. 0 when nothing is relevant. */
  public static double recall(List<String> ranked, Set<String> relevant, int k) {
    return relevant.isEmpty() ? 0 : (double) hits(ranked, relevant, k) / relevant.size();
  }

  /** The share of the top k places holding a relevant document (an empty place counts as wrong). */
  public static double precision(List<String> ranked, Set<String> relevant, int k) {
    return (double) hits(ranked, relevant, k) / k;
  }

  /** The 1-based rank of the first relevant document, or 0 when none was returned. */
  public static int firstRelevantRank(List<String> ranked, Set<String> relevant) {
    Set<String> seen = new HashSet<>();
    int rank = 0;
    for (String id : ranked) {
      if (!seen.add(id)) {
        continue;
      }
      rank++;
      if (relevant.contains(id)) {
        return rank;
      }
    }
    return 0;
  }

  /** Relevant documents in the top k. */
  public static int hits(List<String> ranked, Set<String> relevant, int k) {
    Set<String> seen = new HashSet<>();
    int rank = 0;
    int found = 0;
    for (String id : ranked) {
      if (!seen.add(id)) {
        continue;
      }
      if (++rank > k) {
        break;
      }
      if (relevant.contains(id)) {
        found++;
      }
    }
    return found;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
