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
 * @param groupCount how many groups of related coverage the matching articles form (an article
 *     alone is a group of one), or -1 when the request did not group
 * @param groups    when the request grouped or asked for one group: one entry per hit, in the
 *     same order, saying which group it belongs to; otherwise empty
 */
public record SearchPage(
    long total, int page, int size, List<Hit> hits, Map<String, Long> pressCounts, long tookMillis, boolean relaxed,
    long groupCount, List<HitGroup> groups) {
  /** What a text page says above relaxed results. */
  public static final String RELAXED_NOTICE = "모든 단어를 포함한 결과가 적어 일부 단어만 일치하는 결과도 보여 줍니다";

  public SearchPage {
    hits = List.copyOf(hits);
    groups = groups == null ? List.of() : List.copyOf(groups);
    if (!groups.isEmpty() && groups.size() != hits.size()) {
      throw new IllegalArgumentException("groups must be one per hit");
    }
  }

  /** A page without grouping. */
  public SearchPage(
      long total, int page, int size, List<Hit> hits, Map<String, Long> pressCounts, long tookMillis, boolean relaxed) {
    this(total, page, size, hits, pressCounts, tookMillis, relaxed, -1, List.of());
  }

  /** Whether the hits are one per group. */
  public boolean grouped() {
    return groupCount >= 0;
  }

  /** The group of hit {@code i}, or null when the page carries none. */
  public HitGroup groupOf(int i) {
    return groups.isEmpty() ? null : groups.get(i);
  }

  /**
   * A hit's group.
   *
   * @param matching how many of the group's members match the request (query, press and period),
   *     the hit included: a grouped page's {@code 관련뉴스 N건} is {@code matching - 1}, and the
   *     group's expansion lists exactly these
   * @param summary  the whole group: every member, the first report, the wire original, reprints
   */
  public record HitGroup(long matching, sosik.group.GroupSummary summary) {
    public String id() {
      return summary.groupId();
    }

    /** The other matching members: the page's 관련뉴스 N건. */
    public long related() {
      return Math.max(0, matching - 1);
    }
  }

  /** A page whose results all hold every word. */
  public SearchPage(long total, int page, int size, List<Hit> hits, Map<String, Long> pressCounts, long tookMillis) {
    this(total, page, size, hits, pressCounts, tookMillis, false, -1, List.of());
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
