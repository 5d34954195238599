package sosik.app.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import sosik.index.NewsIndex;
import sosik.search.SearchRequest;
import sosik.search.Trend;

/**
 * The result page's coverage chart: an inline SVG bar chart drawn on the server (no script, so the
 * page's Content-Security-Policy stays {@code default-src 'self'}). Days for up to two months of
 * coverage, weeks up to two years, months beyond.
 */
final class TrendChart {
  static final int WIDTH = 600;
  static final int HEIGHT = 100;

  private TrendChart() {}

  /** {@code svg} (markup built here from numbers and dates only) and {@code caption}, or null when nothing is dated. */
  static Map<String, String> svg(NewsIndex index, SearchRequest request) throws IOException {
    Trend days = Trend.of(index, request, Trend.By.DAY, false);
    if (days.rows().isEmpty()) {
      return null;
    }
    long span = Duration.between(days.rows().get(0).start().atStartOfDay(), days.rows().get(days.rows().size() - 1).start().atStartOfDay()).toDays();
    Trend t = span <= 62 ? days : Trend.of(index, request, span <= 730 ? Trend.By.WEEK : Trend.By.MONTH, false);
    int n = t.rows().size();
    long max = Math.max(1, t.max());
    double slot = (double) WIDTH / n;
    double bar = Math.max(1, slot * 0.8);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + 14)
        .append("\" role=\"img\" aria-label=\"기간별 기사 수\">");
    for (int i = 0; i < n; i++) {
      Trend.Row r = t.rows().get(i);
      double h = r.count() == 0 ? 0 : Math.max(1, (double) HEIGHT * r.count() / max);
      sb.append(String.format(java.util.Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#03a94d\">",
          i * slot, HEIGHT - h, bar, h));
      sb.append("<title>").append(t.by().label(r.start())).append(": ").append(r.count()).append("건</title></rect>");
    }
    sb.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(HEIGHT)
        .append("\" stroke=\"#e4e4e8\"/>");
    sb.append("<text x=\"0\" y=\"").append(HEIGHT + 12).append("\" font-size=\"10\" fill=\"#6b6b70\">")
        .append(t.by().label(t.rows().get(0).start())).append("</text>");
    sb.append("<text x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT + 12)
        .append("\" font-size=\"10\" fill=\"#6b6b70\" text-anchor=\"end\">")
        .append(t.by().label(t.rows().get(n - 1).start())).append("</text>");
    sb.append("</svg>");
    String unit = switch (t.by()) {
      case DAY -> "일별";
      case WEEK -> "주별";
      case MONTH -> "월별";
    };
    String caption = unit + " 기사 수 (가장 많은 때 " + String.format("%,d", max) + "건"
        + (t.undated() > 0 ? String.format(", 날짜 없는 기사 %,d건 제외", t.undated()) : "") + ")";
    return Map.of("svg", sb.toString(), "caption", caption);
  }
}
