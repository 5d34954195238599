package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
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

    // an embedded index with a user dictionary entry, copied to OpenSearch: the word is found there too
    Path withDict = dir.resolve("with-dict");
    assertThat(Cli.index(withDict, seed).code()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("dict", "add", "--index", withDict.toString(), "한울칩").code()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("aliases", "add", "--index", withDict.toString(), "FBLS", "팹리스").code()).isEqualTo(ExitCodes.OK);
    String dictCopy = name + "-dict";
    Cli.Result toOs = Cli.run("reindex", "--from", "embedded", "--to", "opensearch", "--index", withDict.toString(),
        "--opensearch-url", url, "--opensearch-index", dictCopy);
    assertThat(toOs.code()).as(toOs.toString()).isEqualTo(ExitCodes.OK);
    try (var copy = sosik.opensearch.OpenSearchNewsIndex.open(url, dictCopy, false, java.util.List.of())) {
      assertThat(copy.dictionary().userEntries()).containsExactly("한울칩");
      // a pair added by hand goes with the articles
      assertThat(copy.aliases().inUse()).extracting(sosik.analysis.Aliases.Entry::shortForm).contains("FBLS");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

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
  void aliases_are_listed_added_and_removed_on_the_cluster_and_searches_use_them() {
    String url = OpenSearchCluster.shared().url();
    String name = "cli-aliases-" + System.nanoTime();
    String[] os = {"--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name};
    Cli.Result missing = Cli.run(cat(new String[] {"aliases", "list"}, os));
    assertThat(missing.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("no Sosik index '" + name + "'");
    String seed = SharedData.file(SEED).toString();
    assertThat(Cli.run(cat(new String[] {"index"}, os, new String[] {seed})).code()).isEqualTo(ExitCodes.OK);
    long fabless = Cli.run(cat(new String[] {"search", "--json"}, os, new String[] {"팹리스"})).json().get("total").asLong();
    assertThat(fabless).isPositive();
    assertThat(Cli.run(cat(new String[] {"search", "--json"}, os, new String[] {"FBLS"})).json().get("total").asLong()).isZero();

    Cli.Result added = Cli.run(cat(new String[] {"aliases", "add"}, os, new String[] {"FBLS", "팹리스"}));
    assertThat(added.code()).as(added.toString()).isEqualTo(ExitCodes.OK);
    assertThat(added.out()).contains(name + ".sosik-aliases");
    Cli.Result listed = Cli.run(cat(new String[] {"aliases", "list", "--json"}, os));
    assertThat(listed.code()).as(listed.toString()).isEqualTo(ExitCodes.OK);
    assertThat(listed.json().get("pairs").toString()).contains("\"short\":\"FBLS\"", "\"state\":\"manual\"");
    // an open index and the next command take it up: the short form finds the long form's articles
    assertThat(Cli.run(cat(new String[] {"search", "--json"}, os, new String[] {"FBLS"})).json().get("total").asLong()).isEqualTo(fabless);
    // the embedded index in its own directory knows nothing of it
    assertThat(Cli.run("aliases", "list", "--json", "--index", dir.resolve("none").toString()).json().get("in_use").asInt()).isZero();
    Cli.Result bad = Cli.run(cat(new String[] {"aliases", "add"}, os, new String[] {"FBLS", "fbls"}));
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);

    Cli.Result removed = Cli.run(cat(new String[] {"aliases", "remove"}, os, new String[] {"FBLS", "팹리스"}));
    assertThat(removed.code()).as(removed.toString()).isEqualTo(ExitCodes.OK);
    Cli.Result again = Cli.run(cat(new String[] {"aliases", "remove"}, os, new String[] {"FBLS", "없는말"}));
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains(name + ".sosik-aliases");
    assertThat(Cli.run(cat(new String[] {"search", "--json"}, os, new String[] {"FBLS"})).json().get("total").asLong()).isZero();
    Cli.Result learned = Cli.run(cat(new String[] {"aliases", "learn"}, os));
    assertThat(learned.code()).as(learned.toString()).isEqualTo(ExitCodes.OK);
    assertThat(learned.out()).contains("pairs in use");
  }

  @Test
  void related_coverage_trend_export_and_groups_answer_on_opensearch_as_on_the_embedded_index() {
    String url = OpenSearchCluster.shared().url();
    String name = "cli-related-" + System.nanoTime();
    String[] os = {"--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name};
    String fixture = Cli.fixture("related.jsonl").toString();
    Path embedded = dir.resolve("related");
    assertThat(Cli.index(embedded, fixture).code()).isEqualTo(ExitCodes.OK);
    Cli.Result indexed = Cli.run(cat(new String[] {"index"}, os, new String[] {fixture}));
    assertThat(indexed.code()).as(indexed.toString()).isEqualTo(ExitCodes.OK);
    String[] e = {"--index", embedded.toString()};
    for (String[] command : List.of(
        new String[] {"search", "바다로지스", "--sort", "oldest"},
        new String[] {"search", "바다로지스", "--json", "--sort", "oldest"},
        new String[] {"trend", "바다로지스", "--by", "week", "--press", "--json"},
        new String[] {"export", "", "--format", "csv"},
        new String[] {"groups", "--json"})) {
      Cli.Result a = Cli.run(cat(command, e));
      Cli.Result b = Cli.run(cat(command, os));
      assertThat(b.code()).as(String.join(" ", command) + " " + b).isEqualTo(ExitCodes.OK);
      assertThat(a.code()).as(String.join(" ", command) + " " + a).isEqualTo(ExitCodes.OK);
      if (List.of(command).contains("--json")) {
        JsonNode ja = withoutTimes(a.json());
        JsonNode jb = withoutTimes(b.json());
        assertThat(jb).as(String.join(" ", command)).isEqualTo(ja);
      } else if (command[0].equals("export")) {
        assertThat(b.out().lines().sorted().toList()).as("export").isEqualTo(a.out().lines().sorted().toList());
      } else {
        assertThat(b.lines().subList(0, 2)).containsExactly("뉴스 검색결과 5건", "관련뉴스 묶음 2개");
        assertThat(b.out()).as(String.join(" ", command)).isEqualTo(a.out());
      }
    }
    JsonNode expansion = Cli.run(cat(new String[] {"search", "바다로지스", "--json"}, os)).json();
    String wire = null;
    for (JsonNode g : expansion.get("groups")) {
      if (g.get("size").asInt() == 4) {
        wire = g.get("id").asText();
      }
    }
    assertThat(wire).isNotNull();
    JsonNode members = Cli.run(cat(new String[] {"search", "물류센터", "--in-group", wire, "--press", "한빛일보,연합뉴스", "--json"}, os)).json();
    assertThat(members.get("total").asLong()).isEqualTo(2);
  }

  /** A page or report without the figures that differ from run to run (time taken). */
  private static JsonNode withoutTimes(JsonNode n) {
    JsonNode copy = n.deepCopy();
    if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.remove(List.of("took_ms", "took", "index", "location"));
    }
    return copy;
  }

  private static String[] cat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  @Test
  void eval_on_opensearch_gives_the_embedded_figures() throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    java.nio.file.Files.writeString(corpus, String.join("\n",
        "{\"id\": \"a\", \"title\": \"항구 도시에 해무 짙어\", \"text\": \"항구 도시에 짙은 해무가 끼어 여객선 운항이 멈췄다.\"}",
        "{\"id\": \"b\", \"title\": \"여객선 운항 재개\", \"text\": \"해무가 걷히자 섬을 오가는 여객선이 다시 떠났다.\"}",
        "{\"id\": \"c\", \"title\": \"수산시장 새 단장\", \"text\": \"항구 수산시장이 새 단장을 마치고 손님을 맞았다.\"}",
        "{\"id\": \"d\", \"title\": \"등대 박물관 개관\", \"text\": \"오래된 등대를 고쳐 만든 박물관이 문을 열었다.\"}",
        ""));
    Path queries = dir.resolve("queries.jsonl");
    java.nio.file.Files.writeString(queries, String.join("\n",
        "{\"qid\": \"1\", \"query\": \"해무\", \"relevant\": [\"a\", \"b\"]}",
        "{\"qid\": \"2\", \"query\": \"여객선 운항\", \"relevant\": [\"b\"]}",
        "{\"qid\": \"3\", \"query\": \"항구 수산시장\", \"relevant\": [\"c\"]}",
        "{\"qid\": \"4\", \"query\": \"등대를 고쳐 만든 곳은 어디인가?\", \"relevant\": [\"d\"]}",
        ""));
    Cli.Result embedded = Cli.run("eval", "--corpus", corpus.toString(), "--queries", queries.toString(), "--json");
    Cli.Result os = Cli.run("eval", "--corpus", corpus.toString(), "--queries", queries.toString(), "--json",
        "--opensearch-url", OpenSearchCluster.shared().url(), "--opensearch-index", "eval-" + System.nanoTime());
    assertThat(os.code()).as(os.toString()).isEqualTo(ExitCodes.OK);
    assertThat(os.json()).isEqualTo(embedded.json());
    assertThat(os.json().get("queries").asInt()).isEqualTo(4);
  }

  @Test
  void the_server_answers_from_opensearch_and_says_503_when_the_cluster_is_gone() throws Exception {
    String name = "serve-" + System.nanoTime();
    try (sosik.opensearch.OpenSearchNewsIndex idx =
        sosik.opensearch.OpenSearchNewsIndex.open(OpenSearchCluster.shared().url(), name, true, java.util.List.of())) {
      new sosik.ingest.Ingestor(idx, new sosik.ingest.ArticleNormalizer(), new sosik.ingest.Ingestor.Listener() {})
          .ingestPaths(java.util.List.of(SharedData.file(SEED)), null);
      try (sosik.app.server.SosikServer server =
          new sosik.app.server.SosikServer(idx, new sosik.app.server.SosikServer.Config("127.0.0.1", 0, null, 1 << 20)).start()) {
        var http = java.net.http.HttpClient.newHttpClient();
        var res = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + "/api/search?q=" + java.net.URLEncoder.encode("AI 반도체", java.nio.charset.StandardCharsets.UTF_8))).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(Cli.JSON.readTree(res.body()).get("total").asLong()).isEqualTo(7);

        // the index deleted on the cluster under the running server: a 503 that says what happened
        sosik.opensearch.OpenSearchNewsIndex.drop(idx.client(), name);
        var gone = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + "/api/search?q=" + java.net.URLEncoder.encode("반도체", java.nio.charset.StandardCharsets.UTF_8))).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(503);
        assertThat(gone.body()).contains("backend_unavailable").contains(name).contains("index_not_found");
      }
    }
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
  void install_plugin_checks_the_installation_and_refuses_a_second_install() {
    OpenSearchCluster.shared(); // the test installation, with the plugin installed
    Path home = OpenSearchCluster.installation();
    String zip = System.getProperty("sosik.opensearch.plugin");
    Cli.Result printed = Cli.run("opensearch", "install-plugin", "--home", home.toString(), "--zip", zip, "--print-zip");
    assertThat(printed.out().strip()).isEqualTo(Path.of(zip).toAbsolutePath().toString());
    Cli.Result notHome = Cli.run("opensearch", "install-plugin", "--home", dir.toString(), "--zip", zip);
    assertThat(notHome.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(notHome.err()).contains("not an OpenSearch installation");
    Cli.Result twice = Cli.run("opensearch", "install-plugin", "--home", home.toString(), "--zip", zip);
    assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(twice.err()).contains("already installed").contains("remove sosik-analysis");
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
