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

/**
 * Counts over time: the embedded index's count from the dates alone gives the same rows as the
 * count that reads every match (the one with presses), on Korean days, weeks and months.
 */
class TrendTest {
  @TempDir Path dir;

  @Test
  void the_count_from_dates_alone_matches_the_count_over_every_match() throws IOException {
    List<Article> all = TrendFixtures.articles(TrendFixtures.EDGES);
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
