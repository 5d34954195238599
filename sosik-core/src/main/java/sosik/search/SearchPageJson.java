package sosik.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import sosik.article.KoreaTime;
import sosik.group.GroupMember;
import sosik.group.GroupSummary;

/**
 * The JSON form of a result page, shared by the CLI's {@code --json} and the HTTP API.
 *
 * <pre>
 * {"query": "AI 반도체", "total": 7, "relaxed": false, "page": 1, "size": 10, "took_ms": 4,
 *  "hits": [{"id", "title", "title_html", "press", "reporter", "reporters", "dateline",
 *            "published_at", "url", "section", "snippet", "snippet_text", "snippet_marks", "score"}],
 *  "facets": {"press": [{"name": "이데일리", "count": 7}]}}
 * </pre>
 *
 * A grouped page adds {@code "group_count"} (groups among the matching articles) and
 * {@code "groups"}, one per hit in the same order: {@code {"id", "matching", "related", "size",
 * "outlets", "first_report", "wire_original", "members": [{"id", "title", "press", "published_at",
 * "first_report", "wire_original", "reprint"}]}}; each hit then carries {@code "group"}
 * and {@code "related"} (관련뉴스 N건: the group's other members matching the query and filters).
 *
 * {@code snippet} and {@code title_html} are HTML: the article's text escaped, the query words in
 * {@code <mark>}. {@code snippet_text} is the same passage as plain text and {@code snippet_marks}
 * its marked [start, end) character ranges. {@code published_at} is ISO-8601 in Korea time, or null.
 * {@code relaxed} is true when a long query or a question found too few articles with all its words
 * and the page also holds articles matching only some of them (see {@link SearchPage#relaxed()}).
 */
public final class SearchPageJson {
  private SearchPageJson() {}

  public static ObjectNode of(ObjectMapper json, String query, SearchPage page) {
    ObjectNode root = json.createObjectNode();
    root.put("query", query);
    root.put("total", page.total());
    root.put("relaxed", page.relaxed());
    root.put("page", page.page());
    root.put("size", page.size());
    root.put("took_ms", page.tookMillis());
    ArrayNode hits = root.putArray("hits");
    for (SearchPage.Hit h : page.hits()) {
      ObjectNode o = hits.addObject();
      o.put("id", h.id());
      o.put("title", h.title());
      o.put("title_html", h.titleMarked().toHtml());
      o.put("press", h.press());
      o.put("reporter", h.reporter());
      ArrayNode rs = o.putArray("reporters");
      h.reporters().forEach(rs::add);
      o.put("dateline", h.dateline());
      o.put("published_at", h.publishedAt() == null ? null : KoreaTime.iso(h.publishedAt()));
      o.put("url", h.url());
      o.put("section", h.section());
      o.put("snippet", h.snippet().toHtml());
      o.put("snippet_text", h.snippet().text());
      ArrayNode marks = o.putArray("snippet_marks");
      for (Snippet.Mark m : h.snippet().marks()) {
        marks.addArray().add(m.start()).add(m.end());
      }
      o.put("score", h.score());
      SearchPage.HitGroup g = page.groupOf(hits.size() - 1);
      if (g != null) {
        o.put("group", g.id());
        o.put("related", g.related());
      }
    }
    if (page.grouped()) {
      root.put("group_count", page.groupCount());
    }
    if (!page.groups().isEmpty()) {
      ArrayNode groups = root.putArray("groups");
      for (SearchPage.HitGroup g : page.groups()) {
        groups.add(group(json, g));
      }
    }
    ArrayNode press = root.putObject("facets").putArray("press");
    for (Map.Entry<String, Long> e : page.pressCounts().entrySet()) {
      press.addObject().put("name", e.getKey()).put("count", e.getValue());
    }
    return root;
  }

  /** One group: its counts, where the story started and every member. */
  /**
   * Adds {@code did_you_mean} to a page's JSON: the corrected query, why ({@code keyboard} or
   * {@code spelling}) and the articles it finds; nothing when there is no correction.
   */
  public static void addCorrection(ObjectNode root, java.util.Optional<DidYouMean.Correction> correction) {
    correction.ifPresent(c -> root.putObject("did_you_mean")
        .put("query", c.query())
        .put("reason", c.reason().name().toLowerCase(java.util.Locale.ROOT))
        .put("total", c.total()));
  }

  public static ObjectNode group(ObjectMapper json, SearchPage.HitGroup g) {
    GroupSummary s = g.summary();
    ObjectNode o = json.createObjectNode();
    o.put("id", g.id());
    o.put("matching", g.matching());
    o.put("related", g.related());
    o.put("size", s.size());
    o.put("outlets", s.outlets());
    o.put("first_report", s.firstId());
    o.put("wire_original", s.wireId());
    ArrayNode members = o.putArray("members");
    for (GroupMember m : s.members()) {
      ObjectNode x = members.addObject();
      x.put("id", m.id());
      x.put("title", m.title());
      x.put("press", m.press());
      x.put("published_at", m.publishedAt() == null ? null : KoreaTime.iso(m.publishedAt()));
      x.put("first_report", s.size() > 1 && s.isFirst(m.id()));
      x.put("wire_original", s.size() > 1 && s.isWireOriginal(m.id()));
      x.put("reprint", s.isReprint(m.id()));
    }
    return o;
  }
}
