package sosik.search;

import java.time.Instant;
import java.util.List;

/**
 * One search: the parsed query and everything around it.
 *
 * @param query     the portal query
 * @param titleOnly look in headlines only ({@code --in title})
 * @param sort      result order
 * @param press     press names to keep (any of them); empty keeps all
 * @param from      earliest publication instant (inclusive), or null
 * @param to        latest publication instant (inclusive), or null
 * @param page      1-based page number
 * @param size      hits per page
 * @param grouped   one hit per group of related coverage (the others counted under it); paging
 *     then counts groups
 * @param group     only the members of this group (a group's expansion), or null
 * @param freshness the preference for recent articles in relevance order (null: {@link
 *     Freshness#DEFAULT}, on); {@link Freshness#OFF} ranks by the text alone
 */
public record SearchRequest(
    PortalQuery query, boolean titleOnly, SortOrder sort, List<String> press, Instant from, Instant to, int page, int size,
    boolean grouped, String group, Freshness freshness) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 10_000;

  public SearchRequest {
    press = press == null ? List.of() : List.copyOf(press);
    sort = sort == null ? SortOrder.DEFAULT : sort;
    freshness = freshness == null ? Freshness.DEFAULT : freshness;
    if (page < 1 || page > MAX_PAGE) {
      throw new InvalidQueryException("page " + page + " is out of range 1.." + MAX_PAGE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidQueryException("size " + size + " is out of range 1.." + MAX_SIZE);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidQueryException("from " + from + " is after to " + to);
    }
  }

  /** A request with the default freshness preference. */
  public SearchRequest(
      PortalQuery query, boolean titleOnly, SortOrder sort, List<String> press, Instant from, Instant to, int page, int size,
      boolean grouped, String group) {
    this(query, titleOnly, sort, press, from, to, page, size, grouped, group, Freshness.DEFAULT);
  }

  /** A request without grouping. */
  public SearchRequest(
      PortalQuery query, boolean titleOnly, SortOrder sort, List<String> press, Instant from, Instant to, int page, int size) {
    this(query, titleOnly, sort, press, from, to, page, size, false, null);
  }

  /** A first page of 10 by relevance for the query text. */
  public static SearchRequest of(String queryText) {
    return new SearchRequest(PortalQueryParser.parse(queryText), false, SortOrder.RELEVANCE, List.of(), null, null, 1, 10);
  }

  public SearchRequest withSort(SortOrder s) {
    return new SearchRequest(query, titleOnly, s, press, from, to, page, size, grouped, group, freshness);
  }

  public SearchRequest withPress(List<String> p) {
    return new SearchRequest(query, titleOnly, sort, p, from, to, page, size, grouped, group, freshness);
  }

  public SearchRequest withRange(Instant f, Instant t) {
    return new SearchRequest(query, titleOnly, sort, press, f, t, page, size, grouped, group, freshness);
  }

  public SearchRequest withPage(int p, int s) {
    return new SearchRequest(query, titleOnly, sort, press, from, to, p, s, grouped, group, freshness);
  }

  public SearchRequest withTitleOnly(boolean t) {
    return new SearchRequest(query, t, sort, press, from, to, page, size, grouped, group, freshness);
  }

  /** One hit per group of related coverage, or every article. */
  public SearchRequest withGrouped(boolean g) {
    return new SearchRequest(query, titleOnly, sort, press, from, to, page, size, g, group, freshness);
  }

  /** Only the members of group {@code g} (null: any), listed one by one. */
  public SearchRequest withGroup(String g) {
    return new SearchRequest(query, titleOnly, sort, press, from, to, page, size, grouped, g, freshness);
  }

  /** With this preference for recent articles ({@link Freshness#OFF}: none). */
  public SearchRequest withFreshness(Freshness f) {
    return new SearchRequest(query, titleOnly, sort, press, from, to, page, size, grouped, group, f);
  }

  /** The freshness preference if it changes this request's order (relevance, and on), else null. */
  public Freshness activeFreshness() {
    return freshness.appliesTo(sort) ? freshness : null;
  }
}
