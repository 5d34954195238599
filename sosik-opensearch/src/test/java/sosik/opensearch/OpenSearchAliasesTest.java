package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.analysis.Aliases;
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.opensearch.testing.OpenSearchCluster;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * Abbreviation pairs on OpenSearch: learned at upsert as the embedded index learns them, kept on
 * the cluster beside the index (they survive a reopen), used by the queries, and a pair stored by
 * another process is taken up by an open index.
 */
class OpenSearchAliasesTest {
  @TempDir Path dir;

  static Article article(String press, String title, String body, String url) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, press, List.of(), null, "2026-10-01", url, null, Map.of()));
  }

  static final Article DEFINES_1 = article("한빛일보", "연구비 늘린다",
      "과학기술정보통신부(과기부)는 내년 연구비를 늘린다고 밝혔다.", "https://a.example/1");
  static final Article DEFINES_2 = article("새날경제", "새 사업 공고",
      "과학기술정보통신부(과기부)가 새 사업을 공고했다.", "https://b.example/2");
  static final Article LONG_ONLY = article("솔섬일보", "과학기술정보통신부 장관 취임",
      "과학기술정보통신부 장관이 오늘 취임했다.", "https://c.example/3");
  static final Article SHORT_ONLY = article("솔섬일보", "과기부, 예산안 발표",
      "과기부는 예산안을 발표했다.", "https://c.example/4");
  static final Article OTHER = article("솔섬일보", "고등어 풍어", "솔섬 앞바다에 고등어가 많다.", "https://c.example/5");

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchPage.Hit::id).toList();
  }

  static SearchRequest q(String text) {
    return SearchRequest.of(text).withPage(1, 100);
  }

  @Test
  void pairs_learned_at_upsert_are_kept_on_the_cluster_and_searched_both_ways_as_embedded() throws IOException {
    String name = "aliases-" + System.nanoTime();
    String url = OpenSearchCluster.shared().url();
    try (OpenSearchNewsIndex os = OpenSearchNewsIndex.open(url, name, true, List.of());
        LuceneNewsIndex embedded = LuceneNewsIndex.open(dir.resolve("embedded"), LuceneNewsIndex.Mode.WRITE)) {
      for (var idx : List.of(os, embedded)) {
        idx.upsert(List.of(DEFINES_1, LONG_ONLY, SHORT_ONLY, OTHER));
        idx.commit();
      }
      // seen in one article only: a candidate, not used
      assertThat(ids(os.search(q("과기부")))).containsExactlyInAnyOrder(DEFINES_1.id(), SHORT_ONLY.id());
      for (var idx : List.of(os, embedded)) {
        idx.upsert(List.of(DEFINES_2));
        idx.commit();
      }
      assertThat(os.aliases().lines()).isEqualTo(embedded.aliases().lines());
      for (String text : List.of("과기부", "과학기술정보통신부가", "\"과기부\"", "과기부 장관", "과기부 -취임")) {
        SearchPage a = embedded.search(q(text));
        SearchPage b = os.search(q(text));
        assertThat(b.total()).as(text).isEqualTo(a.total());
        assertThat(ids(b)).as(text).containsExactlyInAnyOrderElementsOf(ids(a));
      }
      assertThat(ids(os.search(q("과기부")))).containsExactlyInAnyOrder(DEFINES_1.id(), DEFINES_2.id(), LONG_ONLY.id(), SHORT_ONLY.id());
      SearchPage.Hit longOnly = os.search(q("과기부")).hits().stream().filter(h -> h.id().equals(LONG_ONLY.id())).findFirst().orElseThrow();
      assertThat(longOnly.titleMarked().markedWords()).contains("과학기술정보통신부");
    }
    try (OpenSearchNewsIndex reopened = OpenSearchNewsIndex.open(url, name, false, List.of())) {
      assertThat(reopened.aliases().inUse()).extracting(Aliases.Entry::shortForm).containsExactly("과기부");
      assertThat(reopened.search(q("과기부")).total()).isEqualTo(4);
      OpenSearchNewsIndex.drop(reopened.client(), name);
    }
    OpenSearchClient.Response gone = new OpenSearchClient(url, OpenSearchClient.DEFAULT_TIMEOUT)
        .send("HEAD", "/" + OpenSearchNewsIndex.aliasesIndex(name), null);
    assertThat(gone.status()).as("the pairs go with the index").isEqualTo(404);
  }

  @Test
  void a_pair_stored_by_another_process_is_used_by_an_open_index_and_a_removed_one_is_not() throws Exception {
    String name = "aliases-" + System.nanoTime();
    String url = OpenSearchCluster.shared().url();
    try (OpenSearchNewsIndex server = OpenSearchNewsIndex.open(url, name, true, List.of())) {
      server.upsert(List.of(LONG_ONLY, SHORT_ONLY, OTHER));
      server.commit();
      assertThat(ids(server.search(q("과기부")))).containsExactly(SHORT_ONLY.id());
      try (OpenSearchNewsIndex cli = OpenSearchNewsIndex.open(url, name, false, List.of())) {
        cli.aliases().add("과기부", "과학기술정보통신부");
        cli.saveAliases();
      }
      Thread.sleep(1100); // the stored table is looked at again at most once a second
      assertThat(ids(server.search(q("과기부")))).containsExactlyInAnyOrder(SHORT_ONLY.id(), LONG_ONLY.id());
      try (OpenSearchNewsIndex cli = OpenSearchNewsIndex.open(url, name, false, List.of())) {
        assertThat(cli.aliases().remove("과기부", "과학기술정보통신부")).isTrue();
        cli.saveAliases();
      }
      Thread.sleep(1100);
      assertThat(ids(server.search(q("과기부")))).containsExactly(SHORT_ONLY.id());
    }
  }
}
