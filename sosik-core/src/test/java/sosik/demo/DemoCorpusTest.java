package sosik.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.KoreaTime;
import sosik.index.IndexStats;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.IngestReport;
import sosik.ingest.Ingestor;
import sosik.search.SearchRequest;

/** The demo corpus in the repository reads cleanly and holds what the README promises. */
class DemoCorpusTest {
  static Path corpus() {
    String repo = System.getProperty("sosik.repo", "..");
    return Path.of(repo, "demo", "corpus");
  }

  @Test
  void demo_corpus_indexes_without_rejections_and_meets_its_promises(@TempDir Path dir) throws IOException {
    assertThat(Files.isDirectory(corpus())).as("demo corpus at %s", corpus()).isTrue();
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      IngestReport r = new Ingestor(idx, new ArticleNormalizer(), null).ingestPaths(List.of(corpus()), null);
      assertThat(r.rejections()).isEmpty();
      assertThat(r.added()).isGreaterThanOrEqualTo(200);

      IndexStats s = idx.stats();
      assertThat(s.articles()).isEqualTo(r.added());
      assertThat(s.pressCounts()).hasSizeGreaterThanOrEqualTo(8);
      LocalDate first = s.earliest().atZone(KoreaTime.ZONE).toLocalDate();
      LocalDate last = s.latest().atZone(KoreaTime.ZONE).toLocalDate();
      assertThat(first.plusDays(30)).isBefore(last);

      // facts the corpus README states, which other tests and the docs rely on
      assertThat(idx.search(SearchRequest.of("누리칩스")).total()).isEqualTo(6);
      assertThat(idx.search(SearchRequest.of("양자컴퓨터")).total()).isEqualTo(4);

      // some stories are covered by several outlets: the presses of the 누리칩스 articles differ
      Set<String> presses = idx.search(SearchRequest.of("누리칩스")).hits().stream()
          .map(h -> h.press()).collect(Collectors.toSet());
      assertThat(presses).hasSizeGreaterThan(2);
    }
  }
}
