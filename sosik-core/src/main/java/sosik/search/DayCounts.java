package sosik.search;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import sosik.article.KoreaTime;
import sosik.index.NewsIndex;

/**
 * How many articles match a request on each Korea-time day: what a chart of coverage over time
 * is made of ({@link Trend}).
 *
 * @param days    matching articles per day (days without any are absent), oldest first
 * @param undated matching articles without a date
 * @param total   matching articles, dated or not
 */
public record DayCounts(SortedMap<LocalDate, Long> days, long undated, long total) {
  private static final long HALF_HOUR_MS = 30 * 60 * 1000L;

  public DayCounts {
    days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
  }

  /** Something that visits publication instants (epoch milliseconds, {@link NewsIndex#UNDATED} for none). */
  @FunctionalInterface
  public interface Dates {
    void each(LongConsumer visitor) throws IOException;
  }

  /**
   * Counts the instants {@code dates} visits: per half hour of UTC first (every offset Korea has
   * used is a whole number of half hours, so a half hour lies in one Korean day), then per Korean
   * day: one date conversion per half hour instead of one per article.
   */
  public static DayCounts of(Dates dates) throws IOException {
    Map<Long, long[]> halfHours = new HashMap<>();
    long[] total = {0};
    long[] undated = {0};
    dates.each(ms -> {
      total[0]++;
      if (ms == NewsIndex.UNDATED) {
        undated[0]++;
      } else {
        halfHours.computeIfAbsent(Math.floorDiv(ms, HALF_HOUR_MS), k -> new long[1])[0]++;
      }
    });
    TreeMap<LocalDate, Long> days = new TreeMap<>();
    halfHours.forEach((k, n) -> days.merge(
        Instant.ofEpochMilli(k * HALF_HOUR_MS).atZone(KoreaTime.ZONE).toLocalDate(), n[0], Long::sum));
    return new DayCounts(days, undated[0], total[0]);
  }
}
