package sosik.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;

/** Articles for counts over time: around Korean midnight, month and year ends, a week's Monday, and two undated. */
public final class TrendFixtures {
  private TrendFixtures() {}

  /** Publication instants at the edges of Korean days (15:00 UTC), months and years. */
  public static final List<String> EDGES = List.of(
      "2026-01-31T14:59:59Z", "2026-01-31T15:00:00Z", "2026-01-31T15:29:59Z", "2025-12-31T14:30:00Z",
      "2025-12-31T15:00:01Z", "2026-03-01T23:59:00+09:00", "2026-03-02T00:00:00+09:00", "2026-02-15T09:00:00+09:00",
      "2026-02-15T09:10:00+09:00", "2026-02-16T12:00:00+09:00", "2026-04-10T08:00:00Z");

  /** Article {@code n}, matching 항만 예산, of one of two presses by parity. */
  public static Article article(int n, String published) {
    return new ArticleNormalizer().normalize(new ArticleDraft(
        "항만 예산 소식 " + n, "항만 예산이 늘었다. 어민들은 반겼다. " + n, n % 2 == 0 ? "솔섬일보" : "바다신문",
        List.of(), null, published, "https://trend.example/" + n, null, Map.of()));
  }

  /** One article at each of {@code at}, then two undated ones. */
  public static List<Article> articles(List<String> at) {
    List<Article> all = new ArrayList<>();
    for (int i = 0; i < at.size(); i++) {
      all.add(article(i, at.get(i)));
    }
    all.add(article(100, null));
    all.add(article(101, null));
    return all;
  }
}
