package sosik.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import sosik.article.KoreaTime;

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
    }
    ArrayNode press = root.putObject("facets").putArray("press");
    for (Map.Entry<String, Long> e : page.pressCounts().entrySet()) {
      press.addObject().put("name", e.getKey()).put("count", e.getValue());
    }
    return root;
  }
}
