package sosik.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;

/**
 * Counts over time: the embedded index's count from the dates alone gives the same rows as the
 * count that reads every match (the one with presses), on Korean days, weeks and months.
 */
class TrendTest {
  @TempDir Path dir;

  static Article article(int n, String published) {
    return new ArticleNormalizer().normalize(new ArticleDraft(
        "항만 예산 소식 " + n, "항만 예산이 늘었다. 어민들은 반겼다. " + n, n % 2 == 0 ? "솔섬일보" : "바다신문",
        List.of(), null, published, "https://trend.example/" + n, null, Map.of()));
  }

  @Test
  void the_count_from_dates_alone_matches_the_count_over_every_match() throws IOException {
    List<Article> all = new ArrayList<>();
    // around Korean midnight (15:00 UTC), month and year ends, a week's Monday, and undated ones
    String[] at = {
      "2026-01-31T14:59:59Z", "2026-01-31T15:00:00Z", "2026-01-31T15:29:59Z", "2025-12-31T14:30:00Z",
      "2025-12-31T15:00:01Z", "2026-03-01T23:59:00+09:00", "2026-03-02T00:00:00+09:00", "2026-02-15T09:00:00+09:00",
      "2026-02-15T09:10:00+09:00", "2026-02-16T12:00:00+09:00", "2026-04-10T08:00:00Z"
    };
    for (int i = 0; i < at.length; i++) {
      all.add(article(i, at[i]));
    }
    all.add(article(100, null));
    all.add(article(101, null));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(all);
      index.commit();
      for (Trend.By by : Trend.By.values()) {
        SearchRequest r = SearchRequest.of("항만 예산");
        Trend fast = Trend.of(index, r, by, false);
        Trend full = Trend.of(index, r, by, true);
        assertThat(fast.total()).as(by.name()).isEqualTo(all.size()).isEqualTo(full.total());
        assertThat(fast.undated()).as(by.name()).isEqualTo(2).isEqualTo(full.undated());
        assertThat(counts(fast)).as(by.name()).isEqualTo(counts(full));
      }
      Trend days = Trend.of(index, SearchRequest.of("항만 예산"), Trend.By.DAY, false);
      // 14:59:59 UTC is the 31st in Seoul, 15:00:00 already the 1st
      assertThat(countOn(days, LocalDate.of(2026, 1, 31))).isEqualTo(1);
      assertThat(countOn(days, LocalDate.of(2026, 2, 1))).isEqualTo(2);
      assertThat(countOn(days, LocalDate.of(2026, 2, 15))).isEqualTo(2);

      // the default, through every match, agrees with the embedded count from the dates
      List<Long> seen = new ArrayList<>();
      // the interface's own scanDates (through scan), on a view of the same index
      NewsIndex generic = (NewsIndex) java.lang.reflect.Proxy.newProxyInstance(
          NewsIndex.class.getClassLoader(), new Class<?>[] {NewsIndex.class},
          (proxy, m, args) -> m.getName().equals("scanDates")
              ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args)
              : m.invoke(index, args));
      generic.scanDates(SearchRequest.of("항만 예산"), seen::add);
      List<Long> direct = new ArrayList<>();
      index.scanDates(SearchRequest.of("항만 예산"), direct::add);
      assertThat(direct).containsExactlyInAnyOrderElementsOf(seen).hasSize(all.size()).contains(NewsIndex.UNDATED);
    }
  }

  static Map<LocalDate, Long> counts(Trend t) {
    Map<LocalDate, Long> m = new java.util.TreeMap<>();
    for (Trend.Row r : t.rows()) {
      m.put(r.start(), r.count());
    }
    return m;
  }

  static long countOn(Trend t, LocalDate d) {
    return t.rows().stream().filter(r -> r.start().equals(d)).mapToLong(Trend.Row::count).sum();
  }
}
