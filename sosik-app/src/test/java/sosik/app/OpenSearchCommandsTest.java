package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.opensearch.testing.OpenSearchCluster;
import sosik.testing.SharedData;

/** index, search, stats and reindex with --backend opensearch, on a real node. */
class OpenSearchCommandsTest {
  static final String SEED = "data/seed/000_ba129f0fc67865b7.txt";
  @TempDir Path dir;

  @Test
  void the_seed_indexed_into_opensearch_answers_as_the_embedded_index_and_copies_back() {
    String url = OpenSearchCluster.shared().url();
    String name = "cli-" + System.nanoTime();
    String seed = SharedData.file(SEED).toString();

    Cli.Result indexed = Cli.run("index", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name, seed);
    assertThat(indexed.code()).as(indexed.toString()).isEqualTo(ExitCodes.OK);
    assertThat(indexed.out()).contains("7 added", "0 rejected", url + "/" + name);

    Cli.Result again = Cli.run("index", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name, seed);
    assertThat(again.out()).contains("0 added", "7 unchanged");

    Cli.Result found = Cli.run("search", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name, "AI", "반도체");
    assertThat(found.code()).as(found.toString()).isEqualTo(ExitCodes.OK);
    assertThat(found.firstLine()).isEqualTo("뉴스 검색결과 7건");
    assertThat(found.out()).contains("**");

    Cli.Result stats = Cli.run("stats", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name, "--json");
    assertThat(stats.json().get("articles").asLong()).isEqualTo(7);

    Path embedded = dir.resolve("index");
    Cli.Result copied = Cli.run("reindex", "--from", "opensearch", "--to", "embedded", "--index", embedded.toString(),
        "--opensearch-url", url, "--opensearch-index", name);
    assertThat(copied.code()).as(copied.toString()).isEqualTo(ExitCodes.OK);
    assertThat(copied.out()).contains("copied 7 articles", "7 added");
    assertThat(Cli.search(embedded, "AI 반도체").firstLine()).isEqualTo("뉴스 검색결과 7건");

    String back = name + "-back";
    Cli.Result there = Cli.run("reindex", "--from", "embedded", "--to", "opensearch", "--index", embedded.toString(),
        "--opensearch-url", url, "--opensearch-index", back);
    assertThat(there.out()).contains("copied 7 articles", "7 added");
  }

  @Test
  void a_cluster_that_is_down_gets_one_line_naming_the_url() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Cli.Result r = Cli.run("search", "--backend", "opensearch", "--opensearch-url", url, "반도체");
    assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains(url).contains("cannot be reached").doesNotContain("Exception");
  }

  @Test
  void backend_options_that_do_not_go_together_are_refused() {
    Cli.Result r = Cli.run("search", "--backend", "opensearch", "--index", dir.toString(), "반도체");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--opensearch-index");
    Cli.Result same = Cli.run("reindex", "--from", "embedded", "--to", "embedded");
    assertThat(same.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(same.err()).contains("--from and --to are both embedded");
    Cli.Result dict = Cli.run("dict", "add", "--backend", "opensearch", "한울칩");
    assertThat(dict.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(dict.err()).contains("embedded index only");
  }
}
