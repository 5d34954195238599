package sosik.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search options as text, the way the command line and the HTTP API receive them, turned into a
 * {@link SearchRequest}. Errors name the option as the caller spells it ({@code --sort} on the
 * command line, {@code sort} in the API).
 *
 * @param q      the portal query
 * @param sort   relevance, latest or oldest (null: relevance)
 * @param in     all or title (null: all)
 * @param press  press names; each may hold several separated by commas
 * @param period 1h, 1d, 1w, 1m, 6m or 1y, or null
 * @param from   start date or date-time (Korea time), or null
 * @param to     end date or date-time (Korea time; a bare date includes the day), or null
 * @param page   1-based page, or null for 1
 * @param size   hits per page, or null for 10
 * @param freshness {@code on} (the default when null), {@code off}, or a half-life such as {@code
 *     3d} or {@code 12h}: the preference for recent articles in relevance order (see {@link
 *     Freshness}), measured from {@code now}
 */
public record SearchOptions(
    String q, String sort, String in, List<String> press, String period, String from, String to, Integer page, Integer size,
    String freshness) {

  /** Options with the default freshness preference. */
  public SearchOptions(
      String q, String sort, String in, List<String> press, String period, String from, String to, Integer page, Integer size) {
    this(q, sort, in, press, period, from, to, page, size, null);
  }

  public static final int DEFAULT_SIZE = 10;

  /** The request, with {@code now} as the end of a period; {@code prefix} is "--" or "". */
  public SearchRequest toRequest(Instant now, String prefix) {
    if (period != null && (from != null || to != null)) {
      throw new InvalidQueryException(
          prefix + "period cannot be combined with " + prefix + "from/" + prefix + "to; use one or the other");
    }
    Instant f = null;
    Instant t = null;
    if (period != null) {
      f = Period.parse(prefix + "period", period).since(now);
      t = now;
    }
    if (from != null) {
      f = Period.parseBound(prefix + "from", from, false);
    }
    if (to != null) {
      t = Period.parseBound(prefix + "to", to, true);
    }
    if (from != null && to != null && f.isAfter(t)) {
      throw new InvalidQueryException(
          prefix + "from " + from + " is after " + prefix + "to " + to + " (Korea time)");
    }
    boolean titleOnly = false;
    if (in != null) {
      switch (in.strip().toLowerCase(Locale.ROOT)) {
        case "all", "" -> titleOnly = false;
        case "title" -> titleOnly = true;
        default -> throw new InvalidQueryException(prefix + "in '" + in + "' is not one of all, title");
      }
    }
    List<String> presses = new ArrayList<>();
    if (press != null) {
      for (String p : press) {
        for (String one : p.split(",")) {
          if (!one.isBlank()) {
            presses.add(one.strip());
          }
        }
      }
    }
    SortOrder order = sort == null ? SortOrder.DEFAULT : SortOrder.parse(prefix + "sort", sort);
    int pg = page == null ? 1 : page;
    int sz = size == null ? DEFAULT_SIZE : size;
    if (pg < 1 || pg > SearchRequest.MAX_PAGE) {
      throw new InvalidQueryException(prefix + "page " + pg + " is out of range 1.." + SearchRequest.MAX_PAGE);
    }
    if (sz < 1 || sz > SearchRequest.MAX_SIZE) {
      throw new InvalidQueryException(prefix + "size " + sz + " is out of range 1.." + SearchRequest.MAX_SIZE);
    }
    Freshness fresh = freshness == null || freshness.isBlank() ? Freshness.DEFAULT : Freshness.parse(prefix + "freshness", freshness);
    return new SearchRequest(PortalQueryParser.parse(q), titleOnly, order, presses, f, t, pg, sz)
        .withFreshness(fresh.at(now)); // one instant for the search and its explanation
  }
}
