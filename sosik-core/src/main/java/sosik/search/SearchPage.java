package sosik.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total     exact number of matching articles
 * @param page      1-based page number
 * @param size      hits per page asked for
 * @param hits      this page's hits
 * @param pressCounts matching articles per press for this query and period, ignoring the press
 *     filter (so the other presses' counts stay visible), largest first
 * @param tookMillis time spent searching
 */
public record SearchPage(long total, int page, int size, List<Hit> hits, Map<String, Long> pressCounts, long tookMillis) {
  public SearchPage {
    hits = List.copyOf(hits);
  }

  /** One result. */
  public record Hit(
      String id,
      String title,
      Snippet titleMarked,
      String press,
      List<String> reporters,
      String dateline,
      Instant publishedAt,
      String url,
      String section,
      Snippet snippet,
      float score) {
    public String reporter() {
      return reporters.isEmpty() ? null : reporters.get(0);
    }
  }
}
