package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik eval} end to end: the JSON key contract, the per-query file, reuse and errors. */
class EvalCommandTest {
  static final List<String> KEYS = List.of("ndcg@10", "mrr@10", "recall@10", "recall@100", "queries");

  @TempDir static Path dir;
  static Path corpus;
  static Path queries;

  @BeforeAll
  static void files() throws IOException {
    corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, String.join("\n",
        "{\"id\": \"a\", \"title\": \"산골 마을에 첫눈\", \"text\": \"산골 마을에 올겨울 첫눈이 내렸다. 아이들은 눈사람을 만들었다.\"}",
        "{\"id\": \"b\", \"title\": \"마을 버스 노선 늘어\", \"text\": \"군은 마을 버스 노선을 두 개 늘렸다. 장날에는 버스가 더 자주 다닌다.\"}",
        "{\"id\": \"c\", \"title\": \"장터 국밥집 오십 년\", \"text\": \"장터 국밥집이 문을 연 지 오십 년이 됐다. 주인 할머니는 새벽마다 국물을 끓인다.\"}",
        ""), StandardCharsets.UTF_8);
    queries = dir.resolve("queries.jsonl");
    Files.writeString(queries, String.join("\n",
        "{\"qid\": \"1\", \"query\": \"첫눈\", \"relevant\": [\"a\"]}",
        "{\"qid\": \"2\", \"query\": \"마을 버스\", \"relevant\": [\"b\"]}",
        "{\"qid\": \"3\", \"query\": \"국밥집 할머니가 만드는 음식은?\", \"relevant\": [\"c\"]}",
        ""), StandardCharsets.UTF_8);
  }

  static Cli.Result eval(String... args) {
    return Cli.run(Cli.prepend(args, "eval", "--corpus", corpus.toString(), "--queries", queries.toString()));
  }

  static List<String> keys(JsonNode o) {
    List<String> k = new ArrayList<>();
    o.fieldNames().forEachRemaining(k::add);
    return k;
  }

  @Test
  void json_is_exactly_one_object_with_exactly_the_five_keys() {
    Cli.Result r = eval("--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    JsonNode o = r.json();
    assertThat(o.isObject()).isTrue();
    assertThat(keys(o)).containsExactlyElementsOf(KEYS);
    assertThat(o.get("queries").asInt()).isEqualTo(3);
    for (String k : KEYS.subList(0, 4)) {
      assertThat(o.get(k).isNumber()).as(k).isTrue();
      assertThat(o.get(k).asDouble()).as(k).isBetween(0.0, 1.0);
    }
    // every question has its answer first here
    assertThat(o.get("ndcg@10").asDouble()).isEqualTo(1.0);
    assertThat(o.get("mrr@10").asDouble()).isEqualTo(1.0);
  }

  @Test
  void all_backends_print_one_such_object_each_keyed_by_backend_name() {
    Cli.Result r = eval("--backend", "all", "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    JsonNode all = r.json();
    assertThat(keys(all)).containsExactly("sosik", "nori", "standard");
    for (String b : keys(all)) {
      assertThat(keys(all.get(b))).as(b).containsExactlyElementsOf(KEYS);
      assertThat(all.get(b).get("queries").asInt()).as(b).isEqualTo(3);
    }
  }

  @Test
  void one_baseline_alone_prints_its_object() {
    Cli.Result r = eval("--backend", "nori", "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(keys(r.json())).containsExactlyElementsOf(KEYS);
  }

  @Test
  void the_text_table_has_a_row_per_backend_and_the_out_file_a_line_per_query() throws IOException {
    Path out = dir.resolve("per-query.jsonl");
    Cli.Result r = eval("--backend", "all", "--out", out.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.lines().get(0)).startsWith("backend").contains("nDCG@10", "MRR@10", "Recall@10", "Recall@100");
    assertThat(r.lines()).anyMatch(l -> l.startsWith("sosik ")).anyMatch(l -> l.startsWith("nori "))
        .anyMatch(l -> l.startsWith("standard "));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(9);
    JsonNode first = Cli.JSON.readTree(lines.get(0));
    assertThat(first.get("backend").asText()).isEqualTo("sosik");
    assertThat(first.get("qid").asText()).isEqualTo("1");
    assertThat(first.get("first_relevant_rank").asInt()).isEqualTo(1);
    assertThat(first.get("ids").get(0).asText()).isEqualTo("a");
    JsonNode question = Cli.JSON.readTree(lines.get(2));
    assertThat(question.get("relaxed").asBoolean()).isTrue();
  }

  @Test
  void an_index_given_is_built_once_and_then_searched_as_it_is() {
    Path idx = dir.resolve("kept-index");
    Cli.Result built = eval("--index", idx.toString(), "--json");
    assertThat(built.code()).as(built.toString()).isEqualTo(ExitCodes.OK);
    Cli.Result reused = Cli.run("eval", "--queries", queries.toString(), "--index", idx.toString(), "--json");
    assertThat(reused.code()).as(reused.toString()).isEqualTo(ExitCodes.OK);
    assertThat(reused.json()).isEqualTo(built.json());
    assertThat(reused.err()).contains("opened " + idx);
  }

  @Test
  void long_query_settings_change_the_run_and_strict_finds_no_answer_to_the_question() {
    Cli.Result r = eval("--long-queries", "enabled=false", "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.json().get("recall@100").asDouble()).isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void wrong_command_lines_exit_2_and_missing_files_exit_1() {
    assertThat(Cli.run("eval", "--corpus", corpus.toString()).code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("eval", "--queries", queries.toString()).code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("eval", "--company-news", dir.toString(), "--corpus", corpus.toString(), "--queries", queries.toString()).code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(eval("--backend", "elastic").code()).isEqualTo(ExitCodes.USAGE);
    Cli.Result bad = eval("--long-queries", "speed=9");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("speed");
    Cli.Result missing = Cli.run("eval", "--corpus", dir.resolve("nothing.jsonl").toString(), "--queries", queries.toString());
    assertThat(missing.code()).as(missing.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).startsWith("sosik: ").contains("nothing.jsonl");
  }

  @Test
  void freshness_is_off_unless_asked_and_measured_from_a_fixed_now(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    // the judged answer says 갯벌 more often but is a month old; the other is a day old
    Path docs = tmp.resolve("dated.jsonl");
    Files.writeString(docs, String.join("\n",
        "{\"id\": \"old\", \"title\": \"갯벌 복원 사업 시작\", \"text\": \"갯벌 복원 사업이 시작됐다. 갯벌 생물이 돌아오길 기대한다.\", \"published_at\": \"2026-09-01T09:00:00+09:00\"}",
        "{\"id\": \"new\", \"title\": \"갯벌 복원 사업 시작\", \"text\": \"갯벌 복원 사업이 시작됐다. 생물이 돌아오길 기대한다.\", \"published_at\": \"2026-10-01T09:00:00+09:00\"}",
        "{\"id\": \"other\", \"title\": \"산림 보호 구역 확대\", \"text\": \"산림 보호 구역이 늘어난다.\", \"published_at\": \"2026-10-02T09:00:00+09:00\"}",
        ""), StandardCharsets.UTF_8);
    Path qs = tmp.resolve("q.jsonl");
    Files.writeString(qs, "{\"qid\": \"1\", \"query\": \"갯벌 복원\", \"relevant\": [\"old\"]}\n", StandardCharsets.UTF_8);
    String[] base = {"eval", "--corpus", docs.toString(), "--queries", qs.toString()};
    Cli.Result off = Cli.run(base);
    assertThat(off.code()).as(off.toString()).isEqualTo(ExitCodes.OK);
    assertThat(off.out()).contains("sosik      1.0000   1.0000").contains("(freshness off)")
        .contains("days before 2026-10-02T00:01:00Z"); // a minute after the newest article
    Cli.Result on = Cli.run(Cli.prepend(new String[] {"--freshness", "3d"}, base));
    assertThat(on.code()).as(on.toString()).isEqualTo(ExitCodes.OK);
    assertThat(on.out()).contains("sosik      0.6309   0.5000").contains("(freshness W=1.0, half-life 3d)");
    // measured from long after both articles, the preference no longer separates them
    Cli.Result late = Cli.run(Cli.prepend(new String[] {"--freshness", "3d", "--freshness-now", "2027-06-01T00:00:00Z"}, base));
    assertThat(late.out()).contains("sosik      1.0000   1.0000");
    Cli.Result weightless = Cli.run(Cli.prepend(new String[] {"--freshness", "3d", "--freshness-weight", "0"}, base));
    assertThat(weightless.out()).contains("sosik      1.0000   1.0000").contains("(freshness off)");
    Cli.Result bad = Cli.run(Cli.prepend(new String[] {"--freshness", "soon"}, base));
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
  }
}
