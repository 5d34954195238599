package sosik.search;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import sosik.article.KoreaTime;
import sosik.index.NewsIndex;

/**
 * Coverage over time: how many articles match a request per day, week or month (Korea time),
 * optionally split by press. Every period between the first and the last is listed, empty ones
 * with 0, so that a chart's gaps are real.
 *
 * @param by      the period
 * @param rows    one per period, oldest first
 * @param total   matching articles, dated or not
 * @param undated matching articles without a date (in no row)
 * @param presses the presses in the rows, most articles first (empty unless split by press)
 */
public record Trend(By by, List<Row> rows, long total, long undated, List<String> presses) {
  /** The most periods one trend lists (about 27 years of days). */
  public static final int MAX_ROWS = 10_000;

  /** The period a row counts. */
  public enum By {
    DAY,
    /** Weeks start on Monday. */
    WEEK,
    MONTH;

    public static final By DEFAULT = DAY;

    /** Parses day, week or month; the error names {@code option} (e.g. {@code --by}). */
    public static By parse(String option, String s) {
      if (s == null) {
        return DEFAULT;
      }
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException(option + " '" + s + "' is not one of day, week, month");
      }
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
      return switch (this) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
      };
    }

    LocalDate next(LocalDate start) {
      return switch (this) {
        case DAY -> start.plusDays(1);
        case WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
      };
    }

    /** The period as a label: 2026-10-15, 2026-10-13 (the week's Monday), 2026-10. */
    public String label(LocalDate start) {
      return this == MONTH ? start.toString().substring(0, 7) : start.toString();
    }
  }

  /**
   * One period.
   *
   * @param start   its first day
   * @param count   matching articles published in it
   * @param byPress counts per press (empty unless split by press)
   */
  public record Row(LocalDate start, long count, Map<String, Long> byPress) {
    public Row {
      byPress = Map.copyOf(byPress);
    }
  }

  public Trend {
    rows = List.copyOf(rows);
    presses = List.copyOf(presses);
  }

  /** The trend of the articles matching {@code request} (paging and grouping do not matter). */
  public static Trend of(NewsIndex index, SearchRequest request, By by, boolean byPress) throws IOException {
    TreeMap<LocalDate, Long> counts = new TreeMap<>();
    Map<LocalDate, Map<String, Long>> pressCounts = new HashMap<>();
    Map<String, Long> pressTotals = new HashMap<>();
    long[] total = {0};
    long[] undated = {0};
    if (!byPress) {
      DayCounts days = index.countByDay(request);
      days.days().forEach((d, n) -> counts.merge(by.start(d), n, Long::sum));
      total[0] = days.total();
      undated[0] = days.undated();
    } else {
      index.scan(request, false, m -> {
        total[0]++;
        if (m.publishedAt() == null) {
          undated[0]++;
          return;
        }
        LocalDate start = by.start(m.publishedAt().atZone(KoreaTime.ZONE).toLocalDate());
        counts.merge(start, 1L, Long::sum);
        String p = m.press() == null ? "(언론사 없음)" : m.press();
        pressCounts.computeIfAbsent(start, x -> new HashMap<>()).merge(p, 1L, Long::sum);
        pressTotals.merge(p, 1L, Long::sum);
      });
    }
    List<Row> rows = new ArrayList<>();
    if (!counts.isEmpty()) {
      LocalDate last = counts.lastKey();
      for (LocalDate d = counts.firstKey(); !d.isAfter(last); d = by.next(d)) {
        if (rows.size() == MAX_ROWS) {
          throw new InvalidQueryException("the trend would have more than " + MAX_ROWS
              + " periods; count by week or month, or narrow the period");
        }
        rows.add(new Row(d, counts.getOrDefault(d, 0L), pressCounts.getOrDefault(d, Map.of())));
      }
    }
    List<String> presses = pressTotals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    return new Trend(by, rows, total[0], undated[0], presses);
  }

  /** The largest count of a row, for scaling a chart. */
  public long max() {
    return rows.stream().mapToLong(Row::count).max().orElse(0);
  }

  /** Counts per press over all rows, most first. */
  public Map<String, Long> pressTotals() {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String p : presses) {
      totals.put(p, rows.stream().mapToLong(r -> r.byPress().getOrDefault(p, 0L)).sum());
    }
    return totals;
  }

  /**
   * As JSON: {@code {"by": "day", "total", "undated", "presses": [...], "rows": [{"period":
   * "2026-10-15", "count": 3, "press": {"연합뉴스": 2, ...}}]}} ({@code press} only when split).
   */
  public com.fasterxml.jackson.databind.node.ObjectNode toJson(com.fasterxml.jackson.databind.ObjectMapper json, String query) {
    var root = json.createObjectNode();
    root.put("query", query);
    root.put("by", by.name().toLowerCase(Locale.ROOT));
    root.put("total", total);
    root.put("undated", undated);
    var ps = root.putArray("presses");
    presses.forEach(ps::add);
    var rs = root.putArray("rows");
    for (Row r : rows) {
      var o = rs.addObject();
      o.put("period", by.label(r.start()));
      o.put("start", r.start().toString());
      o.put("count", r.count());
      if (!presses.isEmpty()) {
        var p = o.putObject("press");
        for (String name : presses) {
          p.put(name, r.byPress().getOrDefault(name, 0L));
        }
      }
    }
    return root;
  }
}
