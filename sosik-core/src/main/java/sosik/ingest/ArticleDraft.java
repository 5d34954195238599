package sosik.ingest;

import java.util.List;
import java.util.Map;

/**
 * An article as a reader found it, before validation: strings as given, the date unparsed.
 * {@link ArticleNormalizer} turns it into an {@link sosik.article.Article} or says what is wrong.
 */
public record ArticleDraft(
    String title,
    String body,
    String press,
    List<String> reporters,
    String dateline,
    String publishedAt,
    String url,
    String section,
    Map<String, String> extra) {

  public ArticleDraft {
    reporters = reporters == null ? List.of() : List.copyOf(reporters);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public static ArticleDraft of(String title, String body) {
    return new ArticleDraft(title, body, null, List.of(), null, null, null, null, Map.of());
  }
}
