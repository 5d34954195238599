package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.opensearch.testing.OpenSearchCluster;
import sosik.search.DayCounts;
import sosik.search.SearchRequest;
import sosik.search.Trend;
import sosik.search.TrendFixtures;

/**
 * The chart's counts on OpenSearch come from one aggregation per Korea-time day: the same days as
 * the embedded index's, around Korean midnight, month and year ends, for undated articles and under
 * press and period filters.
 */
class OpenSearchTrendTest {
  @TempDir Path dir;

  @Test
  void days_weeks_and_months_are_counted_as_the_embedded_index_counts_them() throws IOException {
    // the edges of Korean days, months and years; and 1988, when Korea kept summer time (+10:00)
    List<String> at = new ArrayList<>(TrendFixtures.EDGES);
    at.add("1988-05-08T02:30:00+10:00");
    List<Article> all = TrendFixtures.articles(at);
    String name = "trend-" + System.nanoTime();
    OpenSearchClient client = new OpenSearchClient(OpenSearchCluster.shared().url(), OpenSearchClient.DEFAULT_TIMEOUT);
    try (OpenSearchNewsIndex os = OpenSearchNewsIndex.open(client, name, true, List.of());
        LuceneNewsIndex embedded = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      for (var idx : List.of(os, embedded)) {
        idx.upsert(all);
        idx.commit();
      }
      DayCounts days = os.countByDay(SearchRequest.of("항만 예산"));
      assertThat(days.total()).isEqualTo(all.size());
      assertThat(days.undated()).isEqualTo(2);
      // 14:59:59 UTC is the 31st in Seoul, 15:00:00 already the 1st
      assertThat(days.days()).containsEntry(LocalDate.of(2026, 1, 31), 1L).containsEntry(LocalDate.of(2026, 2, 1), 2L)
          .containsEntry(LocalDate.of(2026, 2, 15), 2L).containsEntry(LocalDate.of(2026, 1, 1), 1L);
      assertThat(days).isEqualTo(embedded.countByDay(SearchRequest.of("항만 예산")));
      List<SearchRequest> requests = List.of(
          SearchRequest.of("항만 예산"),
          SearchRequest.of("항만").withPress(List.of("솔섬일보")),
          SearchRequest.of("예산").withRange(Instant.parse("2026-01-31T15:00:00Z"), Instant.parse("2026-03-01T15:00:00Z")),
          SearchRequest.of("없는낱말"));
      for (SearchRequest r : requests) {
        assertThat(os.countByDay(r)).as(r.query().text()).isEqualTo(embedded.countByDay(r));
        // days from 1988 on would be more rows than a trend lists: months then, every period in the range
        List<Trend.By> periods = r.from() != null ? List.of(Trend.By.values()) : List.of(Trend.By.MONTH);
        for (Trend.By by : periods) {
          Trend a = Trend.of(embedded, r, by, false);
          Trend b = Trend.of(os, r, by, false);
          assertThat(b.rows()).as(r.query().text() + " " + by).isEqualTo(a.rows());
          assertThat(b.total()).isEqualTo(a.total());
          assertThat(b.undated()).isEqualTo(a.undated());
        }
      }
      assertThat(os.countByDay(requests.get(3)).total()).isZero();
    } finally {
      OpenSearchNewsIndex.drop(client, name);
    }
  }
}
