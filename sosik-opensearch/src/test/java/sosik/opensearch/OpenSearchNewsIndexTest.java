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

  @Override
  protected void addPair(String shortForm, String longForm) throws IOException {
    OpenSearchNewsIndex x = (OpenSearchNewsIndex) index;
    x.aliases().add(shortForm, longForm);
    x.saveAliases();
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
  void an_index_made_before_grouping_gets_the_group_fields_and_its_old_articles_count_alone() throws IOException {
    String name = indexName(dir.resolve("before-grouping"));
    OpenSearchClient client = new OpenSearchClient(OpenSearchCluster.shared().url(), OpenSearchClient.DEFAULT_TIMEOUT);
    // the mapping as Sosik made it before grouping, and one article written then
    String mapping = """
        {"settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1",
          "analysis": {"analyzer": {"sosik": {"type": "sosik_korean", "user_dictionary": []},
                                    "sosik_terms": {"type": "sosik_terms"}}}},
         "mappings": {"dynamic": "strict", "properties": {
           "title": {"type": "text", "analyzer": "sosik", "index_options": "offsets"},
           "body": {"type": "text", "analyzer": "sosik", "index_options": "offsets"},
           "id": {"type": "keyword"}, "press": {"type": "keyword"}, "press_key": {"type": "keyword"},
           "reporter_key": {"type": "keyword"}, "published": {"type": "date", "format": "epoch_millis"},
           "reporter": {"type": "keyword", "index": false, "doc_values": false},
           "dateline": {"type": "keyword", "index": false, "doc_values": false},
           "url": {"type": "keyword", "index": false, "doc_values": false},
           "section": {"type": "keyword", "index": false, "doc_values": false},
           "extra": {"type": "keyword", "index": false, "doc_values": false},
           "hash": {"type": "keyword", "index": false, "doc_values": false}}}}""";
    assertThat(client.send("PUT", "/" + name, mapping).ok()).isTrue();
    String old = "{\"id\": \"old-1\", \"title\": \"바다로지스 옛 기사\", \"body\": \"바다로지스가 예전에 낸 보도자료.\", \"hash\": \"x\"}";
    assertThat(client.send("PUT", "/" + name + "/_doc/old-1?refresh=true", old).ok()).isTrue();
    try (OpenSearchNewsIndex idx = OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), name, false, List.of())) {
      idx.upsert(sosik.index.GroupFixtures.SAME_DAY);
      idx.commit();
      sosik.search.SearchPage p = idx.search(sosik.search.SearchRequest.of("바다로지스").withPage(1, 100).withGrouped(true));
      assertThat(p.total()).isEqualTo(6);
      assertThat(p.groupCount()).isEqualTo(3); // the wire story, the other story, the old article alone
      assertThat(p.groups()).anySatisfy(g -> assertThat(g.related()).isEqualTo(3));
      assertThat(p.hits()).hasSize(3).anySatisfy(h -> assertThat(h.id()).isEqualTo("old-1"));
      List<NewsIndex.Match> all = new java.util.ArrayList<>();
      idx.scan(sosik.search.SearchRequest.of(""), false, all::add);
      assertThat(all).hasSize(6).filteredOn(m -> m.id().equals("old-1"))
          .singleElement().satisfies(m -> assertThat(m.groupId()).isEqualTo("old-1"));
    }
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
