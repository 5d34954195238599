package sosik.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An article as JSON, in the field names JSON Lines input uses, so that what {@code GET
 * /api/articles/{id}} returns can be posted back as it is: {@code id}, {@code title}, {@code body},
 * {@code press}, {@code reporter}, {@code reporters}, {@code dateline}, {@code published_at} (ISO-8601,
 * Korea time), {@code url}, {@code section}, and the kept unknown fields under {@code extra}.
 */
public final class ArticleJson {
  private ArticleJson() {}

  public static ObjectNode of(ObjectMapper json, Article a) {
    ObjectNode o = json.createObjectNode();
    o.put("id", a.id());
    o.put("title", a.title());
    o.put("body", a.body());
    o.put("press", a.press());
    o.put("reporter", a.reporter());
    a.reporters().forEach(o.putArray("reporters")::add);
    o.put("dateline", a.dateline());
    o.put("published_at", a.publishedAt() == null ? null : KoreaTime.iso(a.publishedAt()));
    o.put("url", a.url());
    o.put("section", a.section());
    ObjectNode extra = o.putObject("extra");
    for (Map.Entry<String, String> e : a.extra().entrySet()) {
      try {
        JsonNode n = json.readTree(e.getValue());
        extra.set(e.getKey(), n);
      } catch (Exception ex) {
        extra.put(e.getKey(), e.getValue());
      }
    }
    return o;
  }
}
