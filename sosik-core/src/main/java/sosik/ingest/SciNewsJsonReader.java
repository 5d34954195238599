package sosik.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sosik.article.PressNames;

/**
 * {@code sci-news-json}: one article a file, a JSON object (the sci-news-sum-kr-50 set's {@code
 * data/NN.json}): {@code title}, {@code sentences} (an array of strings), {@code source} (the
 * article's Naver URL, with {@code oid} and {@code sid1}), and the set's own {@code slug}, {@code
 * length} and {@code summaries}.
 *
 * <ul>
 *   <li>the body is the sentences joined by line breaks (they carry no final punctuation, so the
 *       line break keeps where one ends);
 *   <li>the URL is {@code source}; the press comes from its {@code oid} when Sosik knows the code,
 *       the section from its {@code sid1};
 *   <li>{@code slug}, {@code summaries} and any other field are kept in {@code extra} as JSON text;
 *       {@code length} (the number of sentences) is dropped;
 *   <li>there is no date or reporter.
 * </ul>
 *
 * A file that is not such an object is rejected naming its line. The file is read whole: these
 * are small files, one article each.
 */
public final class SciNewsJsonReader implements ArticleReader {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> USED = Set.of("title", "sentences", "source", "length");

  @Override
  public String name() {
    return "sci-news-json";
  }

  @Override
  public boolean reads(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      sink.reject(at == null || at.getLineNr() < 1 ? 1 : at.getLineNr(), "not valid JSON: " + e.getOriginalMessage());
      return;
    }
    if (node == null || node.isMissingNode()) {
      return; // empty: the ingest says the file held no articles
    }
    if (!(node instanceof ObjectNode obj)) {
      sink.reject(1, "expected a JSON object, found " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
      return;
    }
    try {
      sink.article(draft(obj), 1);
    } catch (JsonLinesReader.BadRecord e) {
      sink.reject(1, e.getMessage());
    }
  }

  static ArticleDraft draft(ObjectNode obj) throws JsonLinesReader.BadRecord {
    JsonNode title = obj.get("title");
    if (title == null || title.isNull()) {
      throw new JsonLinesReader.BadRecord("field 'title' is missing");
    }
    if (!title.isTextual()) {
      throw new JsonLinesReader.BadRecord("field 'title' must be a string");
    }
    JsonNode sentences = obj.get("sentences");
    if (sentences == null || sentences.isNull()) {
      throw new JsonLinesReader.BadRecord("field 'sentences' is missing");
    }
    if (!sentences.isArray()) {
      throw new JsonLinesReader.BadRecord("field 'sentences' must be an array of strings");
    }
    StringBuilder body = new StringBuilder();
    for (JsonNode s : sentences) {
      if (!s.isTextual()) {
        throw new JsonLinesReader.BadRecord("field 'sentences' must hold strings, found " + s.getNodeType().toString().toLowerCase(Locale.ROOT));
      }
      String t = s.asText().strip();
      if (!t.isEmpty()) {
        if (body.length() > 0) {
          body.append('\n');
        }
        body.append(t);
      }
    }
    JsonNode src = obj.get("source");
    String url = null;
    if (src != null && !src.isNull()) {
      if (!src.isTextual()) {
        throw new JsonLinesReader.BadRecord("field 'source' must be a string");
      }
      url = src.asText();
    }
    Map<String, String> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!USED.contains(e.getKey()) && !e.getValue().isNull()) {
        extra.put(e.getKey(), e.getValue().toString());
      }
    }
    return new ArticleDraft(
        title.asText(), body.toString(), PressNames.byNaverOid(NaverNews.oid(url)), List.of(), null, null, url,
        NaverNews.section(url), extra);
  }
}
