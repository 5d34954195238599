package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.opensearch.testing.OpenSearchCluster;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * Three nodes, one replica: a node killed outright (SIGKILL) loses no acknowledged article,
 * searches still count every one, writes go on, and the node rejoins to a green cluster. An index
 * without a replica on that node goes red and gets a clear error instead of a short count.
 */
class ClusterFaultTest {
  static final String[] PRESS = {"한빛일보", "새날경제", "동녘신문"};
  static final String[] TOPIC = {"반도체 수출", "기준금리 동결", "전기차 배터리", "양자컴퓨터 연구", "스마트팜 확대"};

  /** n articles of my own, numbered from {@code first}. */
  static List<Article> articles(int first, int n) {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<Article> out = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      String topic = TOPIC[i % TOPIC.length];
      out.add(normalizer.normalize(new ArticleDraft(
          topic + " 소식 " + i + "호", topic + " 관련 기사 본문이다. 기사 번호는 " + i + "이며 현장 취재 내용을 담았다.",
          PRESS[i % PRESS.length], List.of("기자" + (i % 7)), null, "2026-10-0" + (1 + i % 5) + "T09:00:00+09:00",
          "https://fault.example/news/" + i, null, java.util.Map.of())));
    }
    return out;
  }

  @Test
  void a_killed_node_loses_no_acknowledged_article_and_rejoins_green() throws Exception {
    try (OpenSearchCluster cluster = OpenSearchCluster.start(3)) {
      OpenSearchClient client = new OpenSearchClient(cluster.urls(), Duration.ofSeconds(30));
      List<Article> written = articles(0, 600);
      try (OpenSearchNewsIndex idx = OpenSearchNewsIndex.open(client, "fault", true, List.of())) {
        idx.upsert(written);
        idx.commit();
        JsonNode health = client.call("GET", "/_cluster/health/fault?wait_for_status=green&timeout=60s", null);
        assertThat(health.path("status").asText()).isEqualTo("green");
        assertThat(health.path("active_shards").asInt()).isEqualTo(2); // one primary, one replica

        // kill the node that holds the primary
        String primaryNode = null;
        for (JsonNode s : client.call("GET", "/_cat/shards/fault?format=json&h=prirep,node", null)) {
          if (s.path("prirep").asText().equals("p")) {
            primaryNode = s.path("node").asText();
          }
        }
        String victimName = primaryNode;
        OpenSearchCluster.Node victim = cluster.nodes().stream().filter(n -> n.name().equals(victimName)).findFirst().orElseThrow();
        OpenSearchNewsIndex.open(client, "fragile", true, List.of()).close();
        client.call("PUT", "/fragile/_settings", "{\"index\": {\"auto_expand_replicas\": false, \"number_of_replicas\": 0,"
            + " \"routing.allocation.require._name\": \"" + victimName + "\"}}");
        client.call("GET", "/_cluster/health/fragile?wait_for_status=green&wait_for_no_relocating_shards=true&timeout=60s", null);
        OpenSearchNewsIndex fragile = OpenSearchNewsIndex.open(client, "fragile", false, List.of());

        cluster.kill(victim);
        assertThat(victim.running()).isFalse();

        // searches answer with every acknowledged article, from the promoted replica
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        SearchPage all = null;
        while (all == null) {
          try {
            all = idx.search(SearchRequest.of(""));
          } catch (IOException e) {
            if (System.nanoTime() > deadline) {
              throw e;
            }
            Thread.sleep(500);
          }
        }
        assertThat(all.total()).isEqualTo(written.size());
        assertThat(idx.search(SearchRequest.of("반도체")).total()).isEqualTo(written.size() / TOPIC.length);
        for (Article a : List.of(written.get(0), written.get(299), written.get(599))) {
          assertThat(idx.get(a.id())).get().isEqualTo(a);
        }
        // writes go on with a node down
        List<Article> more = articles(600, 100);
        idx.upsert(more);
        idx.commit();
        assertThat(idx.search(SearchRequest.of("")).total()).isEqualTo(written.size() + more.size());

        // the index that lost its only copy: a clear error, not an inexact count
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String red = null;
        while (red == null && System.nanoTime() < until) {
          String status = client.send("GET", "/_cluster/health/fragile", null).body().path("status").asText();
          if (status.equals("red")) {
            red = status;
          } else {
            Thread.sleep(500);
          }
        }
        assertThat(red).isEqualTo("red");
        assertThatThrownBy(() -> OpenSearchNewsIndex.open(client, "fragile", false, List.of()))
            .isInstanceOf(OpenSearchClient.ClusterException.class)
            .hasMessageContaining("index fragile").hasMessageContaining("is red").hasMessageContaining("unassigned");
        assertThatThrownBy(() -> fragile.search(SearchRequest.of("반도체")))
            .isInstanceOf(OpenSearchClient.ClusterException.class).hasMessageContaining("fragile");

        cluster.restart(victim, "green");
        JsonNode after = client.call("GET", "/_cluster/health/fault?wait_for_status=green&timeout=120s", null);
        assertThat(after.path("status").asText()).isEqualTo("green");
        assertThat(after.path("number_of_nodes").asInt()).isEqualTo(3);
        assertThat(idx.stats().articles()).isEqualTo(written.size() + more.size());
      }
    }
  }
}
