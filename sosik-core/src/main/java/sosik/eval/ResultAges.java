package sosik.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How old the results of an evaluation run are: for each query the median age (days before {@code
 * now}) of its dated top ten, and over the queries the median of those. What a freshness preference
 * changes (see {@code sosik eval --freshness}).
 */
public final class ResultAges {
  private ResultAges() {}

  /**
   * The median over queries of each query's median top-{@code k} age in days; NaN when no query has
   * a dated result. Undated results and results without a date in {@code dates} are left out.
   */
  public static double medianOfMedians(List<EvalRunner.QueryResult> results, Map<String, Instant> dates, Instant now, int k) {
    List<Double> perQuery = new ArrayList<>();
    for (EvalRunner.QueryResult r : results) {
      double m = medianAge(r.ids(), dates, now, k);
      if (!Double.isNaN(m)) {
        perQuery.add(m);
      }
    }
    return median(perQuery);
  }

  /** The median age in days of the dated among the first {@code k} ids; NaN when none is dated. */
  public static double medianAge(List<String> ids, Map<String, Instant> dates, Instant now, int k) {
    List<Double> ages = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(k, ids.size()))) {
      Instant at = dates.get(id);
      if (at != null) {
        ages.add((now.toEpochMilli() - at.toEpochMilli()) / 86_400_000d);
      }
    }
    return median(ages);
  }

  /** The mean over queries of each query's median top-{@code k} age in days; NaN when none is dated. */
  public static double meanOfMedians(List<EvalRunner.QueryResult> results, Map<String, Instant> dates, Instant now, int k) {
    double sum = 0;
    int n = 0;
    for (EvalRunner.QueryResult r : results) {
      double m = medianAge(r.ids(), dates, now, k);
      if (!Double.isNaN(m)) {
        sum += m;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The share of all top-{@code k} results (over every query) published within {@code days} before
   * {@code now}; NaN when there are no results.
   */
  public static double shareWithin(List<EvalRunner.QueryResult> results, Map<String, Instant> dates, Instant now, int k, double days) {
    long recent = 0;
    long all = 0;
    for (EvalRunner.QueryResult r : results) {
      for (String id : r.ids().subList(0, Math.min(k, r.ids().size()))) {
        all++;
        Instant at = dates.get(id);
        if (at != null && (now.toEpochMilli() - at.toEpochMilli()) / 86_400_000d <= days) {
          recent++;
        }
      }
    }
    return all == 0 ? Double.NaN : (double) recent / all;
  }

  static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
