package sosik.app;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.search.Trend;

@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description = {
      "Counts the articles matching a query per day, week or month (Korea time), optionally per press.",
      "Every period from the first to the last is listed; undated articles are counted apart."
    })
final class TrendCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;
  @Mixin MatchOptions match;

  @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "day", description = "day, week (from Monday) or month (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(names = "--press", description = "A column per press (to keep one press, put 언론사:NAME in the query).")
  boolean byPress;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  /** Press columns in the table; --json has them all. */
  static final int COLUMNS = 8;

  @Override
  public Integer call() throws Exception {
    Trend.By period = Trend.By.parse("--by", by);
    var request = match.request(Instant.now(), java.util.List.of());
    Trend t;
    try (sosik.index.NewsIndex idx = index.open(false, console::warn)) {
      t = Trend.of(idx, request, period, byPress);
    }
    var out = console.out();
    if (json) {
      out.println(Json.write(t.toJson(Json.MAPPER, match.text())));
      out.flush();
      return ExitCodes.OK;
    }
    out.printf("뉴스 검색결과 %,d건%s%n", t.total(), t.undated() > 0 ? String.format(" (날짜 없는 기사 %,d건)", t.undated()) : "");
    // the presses with the most articles get a column each; the rest are summed under 기타
    java.util.List<String> columns = t.presses().subList(0, Math.min(COLUMNS, t.presses().size()));
    boolean rest = t.presses().size() > columns.size();
    StringBuilder head = new StringBuilder(String.format("%-10s %8s", label(period), "건수"));
    for (String p : columns) {
      head.append(' ').append(String.format("%8s", p));
    }
    if (rest) {
      head.append(' ').append(String.format("%8s", "기타"));
    }
    out.println(head.toString().stripTrailing());
    long max = Math.max(1, t.max());
    for (Trend.Row r : t.rows()) {
      StringBuilder line = new StringBuilder(String.format("%-10s %8d", period.label(r.start()), r.count()));
      long shown = 0;
      for (String p : columns) {
        long c = r.byPress().getOrDefault(p, 0L);
        shown += c;
        line.append(' ').append(String.format("%8d", c));
      }
      if (rest) {
        line.append(' ').append(String.format("%8d", r.count() - shown));
      }
      if (t.presses().isEmpty()) {
        line.append(' ').append("▇".repeat((int) Math.round(20.0 * r.count() / max)));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String label(Trend.By by) {
    return switch (by) {
      case DAY -> "날짜";
      case WEEK -> "주(월요일)";
      case MONTH -> "월";
    };
  }
}
