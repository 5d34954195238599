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
 * @param relaxed   false when every result holds every word of the query (the portal's rule);
 *     true when the query was long or a question, too few articles held all its words, and the
 *     page holds articles matching only some of them (those with every word first). Either way
 *     {@code total} is the exact count for the query as it was run.
 */
public record SearchPage(
    long total, int page, int size, List<Hit> hits, Map<String, Long> pressCounts, long tookMillis, boolean relaxed) {
  /** What a text page says above relaxed results. */
  public static final String RELAXED_NOTICE = "모든 단어를 포함한 결과가 적어 일부 단어만 일치하는 결과도 보여 줍니다";

  public SearchPage {
    hits = List.copyOf(hits);
  }

  /** A page whose results all hold every word. */
  public SearchPage(long total, int page, int size, List<Hit> hits, Map<String, Long> pressCounts, long tookMillis) {
    this(total, page, size, hits, pressCounts, tookMillis, false);
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
