package sosik.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines: one JSON object a line.
 *
 * <ul>
 *   <li>{@code title} and {@code body} (or {@code text}) are required strings;
 *   <li>{@code press}, {@code reporter} (a string, or an array of strings; {@code reporters} is
 *       also read), {@code dateline}, {@code url}, {@code published_at} (ISO-8601; without a zone
 *       it is Korea time), {@code section} are optional;
 *   <li>any other field is kept as it is (its JSON text) and returned with the article.
 * </ul>
 */
public final class JsonLinesReader implements ArticleReader {
  // a second value on the same line (a lost newline) is an error, not silently dropped
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> KNOWN =
      Set.of("title", "body", "text", "press", "reporter", "reporters", "dateline", "url", "published_at", "section");

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    TextLines.forEach(in, (lineNo, line) -> {
      try {
        sink.article(parse(line), lineNo);
      } catch (BadRecord e) {
        sink.reject(lineNo, e.getMessage());
      }
    });
  }

  /** Parses one line; throws {@link BadRecord} naming the field and the problem. */
  public static ArticleDraft parse(String line) throws BadRecord {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadRecord("not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode obj)) {
      throw new BadRecord("expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    return fromObject(obj);
  }

  public static ArticleDraft fromObject(ObjectNode obj) throws BadRecord {
    String title = string(obj, "title");
    String body = obj.has("body") ? string(obj, "body") : string(obj, "text");
    if (title == null) {
      throw new BadRecord("field 'title' is missing");
    }
    if (body == null) {
      throw new BadRecord("field 'body' is missing");
    }
    List<String> reporters = new ArrayList<>();
    for (String field : List.of("reporter", "reporters")) {
      JsonNode r = obj.get(field);
      if (r == null || r.isNull()) {
        continue;
      }
      if (r.isTextual()) {
        reporters.add(r.asText());
      } else if (r.isArray()) {
        for (JsonNode e : r) {
          if (!e.isTextual()) {
            throw new BadRecord("field '" + field + "' must hold strings, found " + e.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
          }
          reporters.add(e.asText());
        }
      } else {
        throw new BadRecord("field '" + field + "' must be a string or an array of strings");
      }
    }
    Map<String, String> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
        extra.put(e.getKey(), e.getValue().toString());
      }
    }
    return new ArticleDraft(
        title,
        body,
        string(obj, "press"),
        reporters,
        string(obj, "dateline"),
        string(obj, "published_at"),
        string(obj, "url"),
        string(obj, "section"),
        extra);
  }

  private static String string(ObjectNode obj, String field) throws BadRecord {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new BadRecord("field '" + field + "' must be a string, found " + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return n.asText();
  }

  /** A line that is not a valid article record. */
  public static final class BadRecord extends Exception {
    public BadRecord(String message) {
      super(message);
    }
  }
}
