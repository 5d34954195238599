package sosik.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import sosik.article.Article;
import sosik.article.ArticleJson;
import sosik.article.KoreaTime;
import sosik.index.NewsIndex;

/**
 * Writes every article matching a request (no cap on the count; paging and grouping ignored) with
 * its metadata and group, one at a time as the index finds them: nothing is held but the article
 * being written.
 */
public final class Export {
  /** The output format. */
  public enum Format {
    /** RFC 4180: a header line, fields quoted when they hold a comma, quote or line break. */
    CSV,
    /** One JSON object a line: the fields of {@code GET /api/articles/{id}} and {@code group}. */
    JSONL;

    public static Format parse(String option, String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException(option + " '" + s + "' is not one of csv, jsonl");
      }
    }
  }

  /** The CSV columns. */
  public static final List<String> CSV_COLUMNS =
      List.of("id", "group", "published_at", "press", "reporters", "dateline", "section", "url", "title", "body");

  private Export() {}

  /** Writes the matches; returns how many were written. */
  public static long write(NewsIndex index, SearchRequest request, Format format, Writer out) throws IOException {
    ObjectMapper json = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    long[] n = {0};
    if (format == Format.CSV) {
      out.write(String.join(",", CSV_COLUMNS));
      out.write("\r\n");
    }
    try {
      index.scan(request, true, m -> {
        try {
          if (format == Format.CSV) {
            csv(out, m.article(), m.groupId());
          } else {
            var o = ArticleJson.of(json, m.article());
            o.put("group", m.groupId());
            out.write(json.writeValueAsString(o));
            out.write('\n');
          }
          n[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
    return n[0];
  }

  private static void csv(Writer out, Article a, String group) throws IOException {
    String[] cells = {
      a.id(), group, a.publishedAt() == null ? "" : KoreaTime.iso(a.publishedAt()), a.press(),
      String.join(";", a.reporters()), a.dateline(), a.section(), a.url(), a.title(), a.body()
    };
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells[i]));
    }
    out.write("\r\n");
  }

  static String quote(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
