package sosik.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.JsonLinesReader;
import sosik.ingest.TextLines;

/**
 * Reads an evaluation's files.
 *
 * <ul>
 *   <li>The corpus: JSON Lines, one document a line, {@code {"id", "title", "text"}} (any other
 *       article field, {@code body} for {@code text}, {@code press}, {@code url}…, is read as
 *       {@code sosik index} reads it). {@code id} is required, a string or a number. Each line goes
 *       through Sosik's {@link ArticleNormalizer}, so every backend indexes the same title and body.
 *   <li>The queries: JSON Lines, {@code {"qid", "query", "relevant": [ids]}}.
 * </ul>
 *
 * A line that cannot be read is an {@link IOException} naming the file, the line and the problem;
 * a document the normaliser rejects (an empty text) or a repeated id is skipped with a warning.
 */
public final class EvalFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalFiles() {}

  /** The corpus and the queries. */
  public static EvalSet read(Path corpus, Path queries) throws IOException {
    List<String> warnings = new ArrayList<>();
    List<EvalDoc> docs = readCorpus(corpus, warnings);
    return new EvalSet(docs, readQueries(queries), warnings);
  }

  /** The corpus's documents, first one per id; skipped lines are added to {@code warnings}. */
  public static List<EvalDoc> readCorpus(Path file, List<String> warnings) throws IOException {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    Map<String, EvalDoc> docs = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      TextLines.forEach(in, (lineNo, line) -> {
        ArticleDraft draft;
        try {
          draft = JsonLinesReader.parse(line);
        } catch (JsonLinesReader.BadRecord e) {
          throw new IOException(file + ":" + lineNo + ": " + e.getMessage());
        }
        String idJson = draft.extra().get(ArticleNormalizer.SOURCE_ID);
        if (idJson == null) {
          throw new IOException(file + ":" + lineNo + ": field 'id' is missing (an evaluation corpus needs the ids its queries name)");
        }
        String id = idText(idJson);
        if (id == null) {
          throw new IOException(file + ":" + lineNo + ": field 'id' must be a string or a number");
        }
        Article a;
        try {
          a = normalizer.normalize(draft);
        } catch (IllegalArgumentException e) {
          warnings.add(file + ":" + lineNo + ": document " + id + " skipped: " + e.getMessage());
          return;
        }
        if (docs.containsKey(id)) {
          warnings.add(file + ":" + lineNo + ": document id " + id + " repeated; the first is kept");
          return;
        }
        docs.put(id, new EvalDoc(id, a));
      });
    }
    return new ArrayList<>(docs.values());
  }

  /** The queries, in file order. */
  public static List<EvalQuery> readQueries(Path file) throws IOException {
    List<EvalQuery> out = new ArrayList<>();
    Set<String> qids = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      TextLines.forEach(in, (lineNo, line) -> {
        String where = file + ":" + lineNo + ": ";
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IOException(where + "not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
          throw new IOException(where + "expected a JSON object {\"qid\", \"query\", \"relevant\"}");
        }
        String qid = scalar(n.get("qid"));
        if (qid == null) {
          throw new IOException(where + "field 'qid' must be a string or a number");
        }
        if (!qids.add(qid)) {
          throw new IOException(where + "qid " + qid + " is repeated");
        }
        JsonNode q = n.get("query");
        if (q == null || !q.isTextual()) {
          throw new IOException(where + "field 'query' must be a string");
        }
        JsonNode rel = n.get("relevant");
        JsonNode graded = n.get("grades");
        if (graded != null && !graded.isObject()) {
          throw new IOException(where + "field 'grades' must be an object {\"document id\": grade 0 to 3}");
        }
        if (graded == null && (rel == null || !rel.isArray())) {
          throw new IOException(where + "field 'relevant' must be an array of document ids");
        }
        Set<String> relevant = new LinkedHashSet<>();
        if (rel != null) {
          if (!rel.isArray()) {
            throw new IOException(where + "field 'relevant' must be an array of document ids");
          }
          for (JsonNode r : rel) {
            String id = scalar(r);
            if (id == null) {
              throw new IOException(where + "field 'relevant' must hold strings or numbers");
            }
            relevant.add(id);
          }
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        if (graded != null) {
          for (var e : (Iterable<Map.Entry<String, JsonNode>>) graded::fields) {
            JsonNode g = e.getValue();
            if (!g.isInt() || g.asInt() < 0 || g.asInt() > 3) {
              throw new IOException(where + "grade of '" + e.getKey() + "' must be 0, 1, 2 or 3, found " + g);
            }
            grades.put(e.getKey(), g.asInt());
            if (g.asInt() > 0) {
              relevant.add(e.getKey());
            }
          }
        }
        out.add(new EvalQuery(qid, q.asText(), relevant, grades));
      });
    }
    return out;
  }

  /** The text of an id kept as JSON text ({@code "kq-1"} or {@code 17}), or null when it is neither. */
  public static String idText(String json) {
    try {
      return scalar(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * The evaluation id of an indexed article: the source's {@code id} when it gave one, else its URL,
   * else Sosik's own id.
   */
  public static String evalId(Article a) {
    String json = a.extra().get(ArticleNormalizer.SOURCE_ID);
    if (json != null) {
      String id = idText(json);
      if (id != null) {
        return id;
      }
    }
    return a.url() != null ? a.url() : a.id();
  }

  private static String scalar(JsonNode n) {
    if (n == null || !(n.isTextual() || n.isIntegralNumber())) {
      return null;
    }
    return n.asText();
  }
}
