package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.index.lucene.LuceneNewsIndex;

/** {@code --threads N}: the same index, the same counts and the same commits as one thread. */
class IngestThreadsTest {
  private static final int ARTICLES = 1_500;

  @TempDir Path tmp;

  /**
   * Articles 0..n-1 at their own URLs; every tenth URL comes again later in the file with a new
   * body, so the later version must win whatever thread writes it.
   */
  private Path corpus() throws IOException {
    Path f = tmp.resolve("corpus.jsonl");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        w.write(line(i, "첫 판"));
      }
      for (int i = 0; i < ARTICLES; i += 10) {
        w.write(line(i, "고친 판"));
      }
    }
    return f;
  }

  private static String line(int i, String edition) {
    return "{\"title\":\"마을 소식 " + i + "호\",\"body\":\"마을 회관에서 " + (i % 30 + 1) + "일 주민 회의가 열렸다. " + edition
        + "이다. 안건은 " + i + "번이다.\",\"press\":\"마을신문\",\"url\":\"https://news.maeul.example/n/" + i + "\"}\n";
  }

  private record Run(IngestReport report, Map<String, String> bodies, List<Long> committed) {}

  private Run ingest(Path corpus, Path dir, int threads) throws IOException {
    List<Long> committed = new ArrayList<>();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      Ingestor ingestor = new Ingestor(index, new ArticleNormalizer(), new Ingestor.Listener() {
        @Override
        public void committed(IngestReport r, long n) {
          committed.add(n);
          try {
            // what a commit reports is searchable (so on disk) at once
            assertThat(index.stats().articles()).isGreaterThanOrEqualTo(Math.min(n, ARTICLES));
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        }
      }).threads(threads).commitEvery(300);
      IngestReport r = ingestor.ingestPaths(List.of(corpus), null);
      Map<String, String> bodies = new TreeMap<>();
      index.forEach(a -> bodies.put(a.id(), a.body()));
      return new Run(r, bodies, committed);
    }
  }

  @Test
  void four_threads_build_the_same_index_with_the_same_counts_and_the_last_version_wins() throws IOException {
    Path corpus = corpus();

    Run one = ingest(corpus, tmp.resolve("one"), 1);
    Run four = ingest(corpus, tmp.resolve("four"), 4);

    assertThat(four.bodies()).isEqualTo(one.bodies()).hasSize(ARTICLES);
    assertThat(four.bodies().values()).filteredOn(b -> b.contains("고친 판")).hasSize(ARTICLES / 10);
    for (Run r : List.of(one, four)) {
      assertThat(r.report().read()).isEqualTo(ARTICLES + ARTICLES / 10);
      assertThat(r.report().added()).isEqualTo(ARTICLES);
      assertThat(r.report().updated()).isEqualTo(ARTICLES / 10);
      assertThat(r.report().unchanged()).isZero();
      assertThat(r.committed()).isSorted().isNotEmpty();
      assertThat(r.committed().get(0)).isGreaterThanOrEqualTo(300);
      assertThat(r.committed()).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isLessThan(ARTICLES + ARTICLES / 10));
    }
  }

  @Test
  void a_second_run_on_three_threads_finds_everything_unchanged() throws IOException {
    Path corpus = corpus();
    ingest(corpus, tmp.resolve("index"), 2);

    Run again = ingest(corpus, tmp.resolve("index"), 3);

    assertThat(again.report().added()).isZero();
    // each tenth article is written twice again: its first version differs from the stored last
    // one, and its last from the first
    assertThat(again.report().updated()).isEqualTo(2 * (ARTICLES / 10));
    assertThat(again.report().unchanged()).isEqualTo(ARTICLES - ARTICLES / 10);
    assertThat(again.bodies()).hasSize(ARTICLES);
    assertThat(again.bodies().values()).filteredOn(b -> b.contains("고친 판")).hasSize(ARTICLES / 10);
  }
}
