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

/** The real server on loopback with a real index on disk, spoken to over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SosikServerTest {
  static final String TOKEN = "test-token-7f3a9c";
  static final ObjectMapper JSON = new ObjectMapper();

  LuceneNewsIndex index;
  SosikServer server;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    Path fixtures = Path.of(SosikServerTest.class.getResource("/fixtures/news.jsonl").toURI());
    new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(fixtures), null);
    server = new SosikServer(index, new SosikServer.Config("127.0.0.1", 0, TOKEN, 64 * 1024)).start();
    assertThat(server.awaitSuggestions(java.time.Duration.ofSeconds(30))).isTrue();
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    index.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body, String token, String type) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  void search_answers_exact_total_hits_and_press_facets() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + q("반도체"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode page = json(r);
    long total = page.get("total").asLong();
    assertThat(total).isPositive();
    assertThat(page.get("hits")).hasSize((int) Math.min(total, 10));
    JsonNode hit = page.get("hits").get(0);
    for (String f : List.of("id", "title", "press", "reporter", "dateline", "published_at", "url", "snippet")) {
      assertThat(hit.has(f)).as(f).isTrue();
    }
    assertThat(hit.get("snippet").asText()).contains("<mark>");
    long facetSum = 0;
    for (JsonNode f : page.get("facets").get("press")) {
      facetSum += f.get("count").asLong();
    }
    assertThat(facetSum).isLessThanOrEqualTo(total).isPositive();
  }

  @Test
  void search_parameters_match_the_command_line() throws Exception {
    JsonNode latest = json(get("/api/search?q=" + q("반도체") + "&sort=latest&size=2&page=1"));
    assertThat(latest.get("size").asInt()).isEqualTo(2);
    JsonNode title = json(get("/api/search?q=" + q("반도체") + "&in=title"));
    assertThat(title.get("total").asLong()).isLessThanOrEqualTo(json(get("/api/search?q=" + q("반도체"))).get("total").asLong());
    JsonNode press = json(get("/api/search?q=" + q("반도체") + "&press=" + q("한빛일보")));
    press.get("hits").forEach(h -> assertThat(h.get("press").asText()).isEqualTo("한빛일보"));
  }

  @Test
  void bad_parameters_get_400_json_naming_the_parameter_and_the_server_stays_up() throws Exception {
    for (String bad : List.of("size=1000", "size=abc", "page=0", "sort=best", "period=2d", "from=yesterday",
        "q=" + "x".repeat(1_500), "page=5000&size=100")) {
      HttpResponse<String> r = get("/api/search?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      JsonNode e = json(r).get("error");
      assertThat(e.get("code").asText()).isEqualTo("bad_parameter");
      assertThat(e.get("message").asText()).as(bad).isNotBlank().doesNotContain("Exception");
    }
    assertThat(json(get("/api/search?size=abc")).get("error").get("field").asText()).isEqualTo("size");
    assertThat(json(get("/api/search?sort=best")).get("error").get("message").asText()).contains("sort");
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(json(get("/health")).get("suggestions_ready").asBoolean()).isTrue();
  }

  @Test
  void writes_need_the_token_compared_exactly() throws Exception {
    String article = "{\"title\":\"토큰 시험 기사\",\"body\":\"토큰 없이 쓰면 거절된다.\"}";
    assertThat(send("POST", "/api/articles", article, null, "application/json").statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = send("POST", "/api/articles", article, TOKEN + "x", "application/json");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(json(wrong).get("error").get("code").asText()).isEqualTo("forbidden");
    assertThat(send("DELETE", "/api/articles/abc", null, "nope", null).statusCode()).isEqualTo(403);
    assertThat(json(get("/api/search?q=" + q("토큰 시험"))).get("total").asLong()).isZero();
  }

  @Test
  void posted_articles_are_searchable_when_the_call_returns_and_can_be_deleted() throws Exception {
    String article = "{\"title\":\"서버 시험 특종\",\"body\":\"한결바이오 신약이 임상을 통과했다.\",\"press\":\"소식일보\","
        + "\"url\":\"https://sosik.example/post/1\",\"published_at\":\"2026-11-20T10:00:00\"}";
    HttpResponse<String> r = send("POST", "/api/articles", article, TOKEN, "application/json");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(json(r).get("added").asInt()).isEqualTo(1);
    JsonNode found = json(get("/api/search?q=" + q("서버 시험 특종")));
    assertThat(found.get("total").asInt()).isEqualTo(1);
    String id = found.get("hits").get(0).get("id").asText();
    JsonNode a = json(get("/api/articles/" + id));
    assertThat(a.get("published_at").asText()).isEqualTo("2026-11-20T10:00:00+09:00");
    assertThat(a.get("press").asText()).isEqualTo("소식일보");

    assertThat(send("POST", "/api/articles", article, TOKEN, "application/json").statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/api/articles/" + id, null, TOKEN, null).statusCode()).isEqualTo(200);
    assertThat(get("/api/articles/" + id).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/api/articles/" + id, null, TOKEN, null).statusCode()).isEqualTo(404);
  }

  @Test
  void json_lines_bodies_index_the_good_lines_and_name_the_bad_ones() throws Exception {
    String lines = "{\"title\":\"여러 줄 첫째\",\"body\":\"첫째 줄 본문이다.\"}\n"
        + "{\"title\": 42, \"body\":\"제목이 숫자다\"}\n"
        + "not json\n"
        + "{\"title\":\"여러 줄 넷째\",\"body\":\"넷째 줄 본문이다.\"}\n";
    HttpResponse<String> r = send("POST", "/api/articles", lines, TOKEN, "application/x-ndjson");
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode res = json(r);
    assertThat(res.get("added").asInt()).isEqualTo(2);
    assertThat(res.get("rejected").asInt()).isEqualTo(2);
    assertThat(res.get("rejections").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(res.get("rejections").get(0).get("problem").asText()).contains("title");
    assertThat(res.get("rejections").get(1).get("line").asInt()).isEqualTo(3);
  }

  @Test
  void a_pretty_printed_article_is_one_article() throws Exception {
    String pretty = "{\n  \"title\": \"들여쓴 기사\",\n  \"body\": \"여러 줄로 쓴 JSON 하나다.\"\n}\n";
    HttpResponse<String> r = send("POST", "/api/articles", pretty, TOKEN, "application/json");
    assertThat(json(r).get("added").asInt()).as(r.body()).isEqualTo(1);
  }

  @Test
  void oversized_and_empty_bodies_are_refused() throws Exception {
    String big = "{\"title\":\"큰 기사\",\"body\":\"" + "가".repeat(70_000) + "\"}";
    HttpResponse<String> r = send("POST", "/api/articles", big, TOKEN, "application/json");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(json(r).get("error").get("code").asText()).isEqualTo("too_large");
    HttpResponse<String> empty = send("POST", "/api/articles", "", TOKEN, "application/json");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void unknown_paths_and_articles_are_json_404() throws Exception {
    HttpResponse<String> r = get("/api/nothing");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").get("code").asText()).isEqualTo("not_found");
    assertThat(json(get("/api/articles/0000")).get("error").get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void explain_true_adds_why_each_hit_matched_and_a_bad_value_is_named() throws Exception {
    JsonNode page = json(get("/api/search?explain=true&q=" + q("반도체")));
    assertThat(page.get("hits")).isNotEmpty();
    for (JsonNode hit : page.get("hits")) {
      assertThat(hit.get("explain").get("score").floatValue()).isEqualTo(hit.get("score").floatValue());
      assertThat(hit.get("explain").get("matches")).isNotEmpty();
    }
    assertThat(json(get("/api/search?q=" + q("반도체"))).get("hits").get(0).has("explain")).isFalse();
    HttpResponse<String> bad = get("/api/search?explain=maybe&q=" + q("반도체"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("explain").contains("'maybe'");
  }

  @Test
  void health_and_metrics_report_the_index() throws Exception {
    assertThat(json(get("/health")).get("status").asText()).isEqualTo("ok");
    assertThat(json(get("/health")).get("reanalysis").get("running").asBoolean()).isFalse();
    get("/api/search?q=" + q("반도체"));
    String m = get("/metrics").body();
    assertThat(m).contains("sosik_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"200\"}");
    assertThat(m).contains("sosik_http_request_duration_seconds_bucket{le=\"+Inf\"}");
    assertThat(m).containsPattern("sosik_index_articles \\d+");
    assertThat(m).containsPattern("sosik_index_size_bytes [1-9]\\d*");
  }

  @Test
  void pages_carry_security_headers() throws Exception {
    HttpResponse<String> r = get("/search?q=" + q("반도체"));
    assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void the_page_shows_the_count_and_marked_hits_and_escapes_article_markup() throws Exception {
    HttpResponse<String> r = get("/search?q=" + q("누리칩스"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    long total = json(get("/api/search?q=" + q("누리칩스"))).get("total").asLong();
    assertThat(r.body()).contains("뉴스 검색결과 " + total + "건").contains("<mark>누리칩스</mark>");
    assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void a_relaxed_question_says_so_in_the_api_and_on_the_page() throws Exception {
    String question = q("누리칩스가 공개한 반도체 설계 기술의 이름은?");
    assertThat(json(get("/api/search?q=" + question)).get("relaxed").asBoolean()).isTrue();
    assertThat(json(get("/api/search?q=" + q("누리칩스"))).get("relaxed").asBoolean()).isFalse();
    assertThat(get("/search?q=" + question).body())
        .contains("<p class=\"relaxed\" id=\"relaxed\">모든 단어를 포함한 결과가 적어 일부 단어만 일치하는 결과도 보여 줍니다</p>");
    assertThat(get("/search?q=" + q("누리칩스")).body()).doesNotContain("id=\"relaxed\"");
  }

  @Test
  void an_empty_result_offers_hangul_for_english_mode_typing_and_fewer_words() throws Exception {
    String body = get("/search?q=" + q("qksehcp")).body();
    assertThat(body).contains("뉴스 검색결과 0건").contains("반도체").contains("한/영 전환");
    // qkseocp reads 반대체; the page offers the known word one jamo off
    assertThat(get("/search?q=" + q("qkseocp")).body()).contains(">반도체</a>");
    String fewer = get("/search?q=" + q("반도체 없는단어조합")).body();
    assertThat(fewer).contains("단어를 줄여 검색");
  }

  @Test
  void the_api_offers_a_correction_built_from_the_headlines() throws Exception {
    JsonNode keys = json(get("/api/search?q=" + q("qksehcp")));
    assertThat(keys.get("total").asLong()).isZero();
    assertThat(keys.get("did_you_mean").get("query").asText()).isEqualTo("반도체");
    assertThat(keys.get("did_you_mean").get("reason").asText()).isEqualTo("keyboard");
    long chips = json(get("/api/search?q=" + q("반도체"))).get("total").asLong();
    assertThat(keys.get("did_you_mean").get("total").asLong()).isEqualTo(chips);
    JsonNode typo = json(get("/api/search?q=" + q("반도초")));
    assertThat(typo.get("did_you_mean").get("query").asText()).isEqualTo("반도체");
    assertThat(typo.get("did_you_mean").get("reason").asText()).isEqualTo("spelling");
    assertThat(json(get("/api/search?q=" + q("반도체"))).has("did_you_mean")).isFalse();
    assertThat(json(get("/api/search?q=" + q("전혀없는낱말조합"))).has("did_you_mean")).isFalse();
  }

  @Test
  void the_api_is_described_by_openapi() throws Exception {
    JsonNode spec = json(get("/openapi.json"));
    assertThat(spec.get("openapi").asText()).startsWith("3.");
    assertThat(spec.get("paths").has("/api/search")).isTrue();
  }

  @Test
  void suggestions_complete_prefixes_and_initial_consonants() throws Exception {
    JsonNode r = json(get("/api/suggest?q=" + q("누리")));
    List<String> texts = new java.util.ArrayList<>();
    r.get("suggestions").forEach(s -> texts.add(s.get("text").asText()));
    assertThat(texts).contains("누리칩스");
    JsonNode initials = json(get("/api/suggest?q=" + q("ㄴㄹㅊㅅ")));
    assertThat(initials.get("suggestions").get(0).get("text").asText()).isEqualTo("누리칩스");
    assertThat(get("/api/suggest?size=99&q=x").statusCode()).isEqualTo(400);
    assertThat(json(get("/api/suggest")).get("suggestions")).isEmpty();
  }

  @Test
  void freshness_parameter_turns_the_preference_off_or_sets_its_half_life_and_explain_shows_it() throws Exception {
    JsonNode on = json(get("/api/search?group=false&explain=true&q=" + q("반도체")));
    JsonNode off = json(get("/api/search?group=false&explain=true&freshness=off&q=" + q("반도체")));
    JsonNode half = json(get("/api/search?group=false&explain=true&freshness=12h&q=" + q("반도체")));
    assertThat(on.get("total").asLong()).isEqualTo(off.get("total").asLong()).isEqualTo(half.get("total").asLong());
    assertThat(on.get("hits").get(0).get("explain").get("freshness").get("half_life_days").asDouble()).isEqualTo(3.0);
    assertThat(half.get("hits").get(0).get("explain").get("freshness").get("half_life_days").asDouble()).isEqualTo(0.5);
    assertThat(off.get("hits").get(0).get("explain").get("freshness").isNull()).isTrue();
    HttpResponse<String> bad = get("/api/search?freshness=soon&q=" + q("반도체"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").get("message").asText()).startsWith("freshness 'soon'");
    // the published API description lists it
    assertThat(get("/openapi.json").body()).contains("\"name\": \"freshness\"");
  }
}
