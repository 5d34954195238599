package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosik.article.ArticleId;
import sosik.index.NewsIndex;
import sosik.index.NewsIndexContractTest;
import sosik.opensearch.testing.OpenSearchCluster;

/** The NewsIndex contract on a real OpenSearch node with Sosik's plugin. */
class OpenSearchNewsIndexTest extends NewsIndexContractTest {
  /** One OpenSearch index per test, named after the test's own directory. */
  static String indexName(Path dir) {
    return "contract-" + ArticleId.sha256Hex(dir.toString()).substring(0, 16);
  }

  @Override
  protected NewsIndex create(Path dir) throws IOException {
    return OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), indexName(dir), true, List.of());
  }

  @Override
  protected NewsIndex reopen(Path dir) throws IOException {
    return OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), indexName(dir), false, List.of());
  }

  @Test
  void a_missing_index_is_named_with_how_to_create_it() {
    assertThatThrownBy(() -> OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), "no-such-index", false, List.of()))
        .isInstanceOf(OpenSearchNewsIndex.NoSuchIndexException.class)
        .hasMessageContaining("no-such-index").hasMessageContaining("sosik index --backend opensearch");
  }

  @Test
  void a_cluster_that_is_down_gets_an_error_naming_the_url() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> OpenSearchNewsIndex.open(url, "sosik", false, List.of()))
        .isInstanceOf(OpenSearchClient.ClusterException.class)
        .hasMessageContaining(url).hasMessageContaining("cannot be reached");
  }

  @Test
  void a_bad_user_dictionary_entry_is_refused_before_the_cluster_sees_it() {
    assertThatThrownBy(() -> OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), indexName(dir.resolve("bad")), true, List.of("한울-칩")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'한울-칩'");
  }

  @Test
  void the_group_count_stays_exact_when_it_takes_several_pages_of_groups() throws IOException {
    indexAll();
    index.upsert(sosik.index.GroupFixtures.SAME_DAY);
    index.commit();
    sosik.search.SearchRequest r = sosik.search.SearchRequest.of("").withGrouped(true).withPage(1, 3);
    long oneRequest = index.search(r).groupCount();
    ((OpenSearchNewsIndex) index).groupPage(3); // 10 groups: four requests of the composite aggregation
    sosik.search.SearchPage paged = index.search(r);
    assertThat(oneRequest).isEqualTo(ALL.size() + 2);
    assertThat(paged.groupCount()).isEqualTo(oneRequest);
    assertThat(paged.total()).isEqualTo(ALL.size() + 5);
    ((OpenSearchNewsIndex) index).groupPage(5); // a last page exactly full: one more request finds nothing
    assertThat(index.search(r).groupCount()).isEqualTo(oneRequest);
    assertThatThrownBy(() -> ((OpenSearchNewsIndex) index).groupPage(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_user_dictionary_in_the_index_settings_is_used_on_both_sides() throws IOException {
    String name = indexName(dir.resolve("dict"));
    try (OpenSearchNewsIndex idx = OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), name, true, List.of("연구단"))) {
      idx.upsert(ALL);
      idx.commit();
    }
    try (OpenSearchNewsIndex idx = OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), name, false, List.of())) {
      assertThat(idx.dictionary().userEntries()).containsExactly("연구단");
      assertThat(idx.search(sosik.search.SearchRequest.of("연구단")).total()).isEqualTo(1);
    }
  }
}
