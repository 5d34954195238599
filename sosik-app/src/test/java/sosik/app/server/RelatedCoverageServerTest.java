package sosik.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.Ingestor;

/**
 * Related coverage over HTTP on related.jsonl (a wire story and three reprints; another story on
 * the same subject): the grouped API, a group's members, the trend, the export and the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedCoverageServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  LuceneNewsIndex index;
  SosikServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    Path fixture = Path.of(RelatedCoverageServerTest.class.getResource("/fixtures/related.jsonl").toURI());
    new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(fixture), null);
    server = new SosikServer(index, new SosikServer.Config("127.0.0.1", 0, null, 1 << 20)).start();
    assertThat(server.awaitSuggestions(java.time.Duration.ofSeconds(30))).isTrue();
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    index.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  String wireGroup() throws Exception {
    for (JsonNode g : json(get("/api/search?q=" + q("바다로지스"))).get("groups")) {
      if (g.get("size").asInt() == 4) {
        return g.get("id").asText();
      }
    }
    throw new AssertionError("no group of four");
  }

  @Test
  void search_groups_by_default_and_group_false_lists_every_article() throws Exception {
    JsonNode page = json(get("/api/search?q=" + q("바다로지스")));
    assertThat(page.get("total").asInt()).isEqualTo(5);
    assertThat(page.get("group_count").asInt()).isEqualTo(2);
    assertThat(page.get("hits")).hasSize(2);
    assertThat(page.get("groups")).hasSize(2);
    JsonNode flat = json(get("/api/search?q=" + q("바다로지스") + "&group=false"));
    assertThat(flat.get("hits")).hasSize(5);
    assertThat(flat.has("group_count")).isFalse();
    HttpResponse<String> bad = get("/api/search?q=" + q("바다로지스") + "&group=maybe");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").get("field").asText()).isEqualTo("group");
  }

  @Test
  void a_group_lists_every_member_with_first_report_wire_original_and_reprints() throws Exception {
    String id = wireGroup();
    JsonNode g = json(get("/api/groups/" + id));
    assertThat(g.get("size").asInt()).isEqualTo(4);
    assertThat(g.get("outlets").asInt()).isEqualTo(4);
    assertThat(g.get("members").get(0).get("press").asText()).isEqualTo("연합뉴스");
    assertThat(g.get("members").get(0).get("first_report").asBoolean()).isTrue();
    assertThat(g.get("members").get(0).get("wire_original").asBoolean()).isTrue();
    assertThat(g.get("members")).filteredOn(m -> m.get("reprint").asBoolean()).hasSize(3);
    JsonNode members = json(get("/api/search?q=" + q("물류센터") + "&group_id=" + id + "&press=" + q("새날경제")));
    assertThat(members.get("total").asInt()).isEqualTo(1);
    assertThat(get("/api/groups/nothing-like-this").statusCode()).isEqualTo(404);
  }

  @Test
  void trend_counts_per_period_and_press_and_names_a_bad_period() throws Exception {
    JsonNode t = json(get("/api/trend?q=" + q("바다로지스") + "&by=day&split=press"));
    assertThat(t.get("total").asInt()).isEqualTo(5);
    assertThat(t.get("rows")).hasSize(2);
    assertThat(t.get("rows").get(0).get("period").asText()).isEqualTo("2026-11-12");
    assertThat(t.get("rows").get(0).get("count").asInt()).isEqualTo(4);
    assertThat(t.get("rows").get(1).get("press").get("누리뉴스").asInt()).isEqualTo(1);
    HttpResponse<String> bad = get("/api/trend?q=x&by=year");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").get("message").asText()).isEqualTo("by 'year' is not one of day, week, month");
  }

  @Test
  void export_streams_every_match_as_csv_or_json_lines() throws Exception {
    HttpResponse<String> csv = get("/api/export?q=" + q("바다로지스") + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body().lines()).hasSize(6).first().asString().startsWith("id,group,published_at");
    HttpResponse<String> jsonl = get("/api/export?q=" + q("바다로지스"));
    assertThat(jsonl.body().lines()).hasSize(5).allSatisfy(l -> assertThat(JSON.readTree(l).get("group").asText()).isNotBlank());
    assertThat(get("/api/export?q=x&format=xml").statusCode()).isEqualTo(400);
  }

  @Test
  void the_page_shows_related_count_expansion_and_a_chart() throws Exception {
    String html = get("/search?q=" + q("바다로지스") + "&sort=oldest").body();
    assertThat(html).contains("<span id=\"count\">뉴스 검색결과 5건</span>").contains("관련뉴스 묶음 2개")
        .contains("관련뉴스 3건").contains("4개 언론사").contains("<span class=\"label\">통신 원문</span>")
        .contains("<figure class=\"trend\" id=\"trend\"><svg").contains("2026-11-12: 4건");
    String id = wireGroup();
    String expanded = get("/search?q=" + q("바다로지스") + "&group_id=" + id).body();
    assertThat(expanded).contains("뉴스 검색결과 4건").contains("묶음 전체 4건, 4개 언론사 · 최초 보도 연합뉴스")
        .contains("<span class=\"label\">전재</span>").contains("묶음 목록으로 돌아가기");
  }
}
