package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related coverage end to end on related.jsonl: one wire story (연합뉴스, 11.12. 09:00) reprinted by
 * 한빛일보, 새날경제 and (a day later) 누리뉴스, and a different story on the same subject
 * (코리아데일리) that stays apart.
 */
class RelatedCoverageCommandTest {
  static final String WIRE = "바다로지스, 부산 신항에 4200억원 스마트 물류센터 건립";
  static final String OTHER = "부산 신항 물류센터 경쟁 심화…바다로지스 투자에 업계 촉각";

  @TempDir static Path index;

  @BeforeAll
  static void indexFixture() {
    Cli.Result r = Cli.index(index, Cli.fixture("related.jsonl").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
  }

  static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    return r;
  }

  static Cli.Result run(String command, String... args) {
    return Cli.run(Cli.prepend(args, command, "--index", index.toString()));
  }

  @Test
  void search_groups_by_default_and_shows_related_count_outlets_and_the_first_report() {
    Cli.Result r = ok(Cli.search(index, "바다로지스", "--sort", "oldest"));
    assertThat(r.lines().subList(0, 2)).containsExactly("뉴스 검색결과 5건", "관련뉴스 묶음 2개");
    assertThat(r.out()).contains("- [최초 보도] [통신 원문] " + WIRE).contains("관련뉴스 3건 · 4개 언론사")
        .contains("[전재] 한빛일보").contains("- " + OTHER);
    assertThat(r.lines()).filteredOn(l -> l.startsWith("- ") && !l.startsWith("- [")).hasSize(1);
    Cli.Result flat = ok(Cli.search(index, "바다로지스", "--no-group"));
    assertThat(flat.firstLine()).isEqualTo("뉴스 검색결과 5건");
    assertThat(flat.out()).doesNotContain("관련뉴스");
  }

  @Test
  void json_lists_groups_with_member_ids_and_expansion_lists_the_matching_members() {
    JsonNode page = ok(Cli.search(index, "바다로지스", "--json")).json();
    assertThat(page.get("total").asLong()).isEqualTo(5);
    assertThat(page.get("group_count").asLong()).isEqualTo(2);
    assertThat(page.get("hits")).hasSize(2);
    JsonNode wire = null;
    for (JsonNode g : page.get("groups")) {
      if (g.get("size").asInt() == 4) {
        wire = g;
      }
    }
    assertThat(wire).isNotNull();
    assertThat(wire.get("related").asInt()).isEqualTo(3);
    assertThat(wire.get("outlets").asInt()).isEqualTo(4);
    assertThat(wire.get("members")).hasSize(4);
    assertThat(wire.get("first_report").asText()).isEqualTo(wire.get("wire_original").asText());
    List<String> reprints = new ArrayList<>();
    wire.get("members").forEach(m -> {
      if (m.get("reprint").asBoolean()) {
        reprints.add(m.get("press").asText());
      }
    });
    assertThat(reprints).containsExactlyInAnyOrder("한빛일보", "새날경제", "누리뉴스");
    String id = wire.get("id").asText();
    JsonNode members = ok(Cli.search(index, "물류센터", "--in-group", id, "--press", "한빛일보,연합뉴스", "--json")).json();
    assertThat(members.get("total").asLong()).isEqualTo(2);
    assertThat(members.get("hits")).allSatisfy(h -> assertThat(h.get("group").asText()).isEqualTo(id));
  }

  @Test
  void trend_counts_per_day_week_month_and_press() {
    Cli.Result day = ok(run("trend", "바다로지스"));
    assertThat(day.lines()).contains("뉴스 검색결과 5건").anySatisfy(l -> assertThat(l).startsWith("2026-11-12").contains(" 4 "))
        .anySatisfy(l -> assertThat(l).startsWith("2026-11-13").contains(" 1 "));
    JsonNode week = ok(run("trend", "바다로지스", "--by", "week", "--press", "--json")).json();
    assertThat(week.get("by").asText()).isEqualTo("week");
    assertThat(week.get("rows")).hasSize(1);
    assertThat(week.get("rows").get(0).get("period").asText()).isEqualTo("2026-11-09");
    assertThat(week.get("rows").get(0).get("count").asInt()).isEqualTo(5);
    assertThat(week.get("rows").get(0).get("press").get("연합뉴스").asInt()).isEqualTo(1);
    assertThat(week.get("presses")).hasSize(5);
    JsonNode month = ok(run("trend", "", "--by", "month", "--json")).json();
    assertThat(month.get("rows").get(0).get("period").asText()).isEqualTo("2026-11");
  }

  @Test
  void trend_by_an_unknown_period_names_the_option_and_the_choices() {
    Cli.Result r = run("trend", "바다로지스", "--by", "year");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--by 'year' is not one of day, week, month");
    Cli.Result f = run("export", "바다로지스", "--format", "xml");
    assertThat(f.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(f.err()).contains("--format 'xml' is not one of csv, jsonl");
  }

  @Test
  void export_writes_every_match_with_its_group(@TempDir Path tmp) throws IOException {
    Cli.Result csv = ok(run("export", "바다로지스", "--format", "csv"));
    List<String> lines = csv.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,group,published_at,press,reporters,dateline,section,url,title,body");
    assertThat(lines).hasSize(6);
    assertThat(csv.err()).contains("exported 5 articles");
    Path out = tmp.resolve("out.jsonl");
    ok(run("export", "", "--press", "연합뉴스,한빛일보", "--format", "jsonl", "--out", out.toString()));
    List<String> json = Files.readAllLines(out);
    assertThat(json).hasSize(2);
    JsonNode a = Cli.JSON.readTree(json.get(0));
    JsonNode b = Cli.JSON.readTree(json.get(1));
    assertThat(a.get("group").asText()).isEqualTo(b.get("group").asText());
    assertThat(a.get("title").asText()).isNotBlank();
  }

  @Test
  void export_has_no_result_cap(@TempDir Path tmp) throws IOException {
    Path many = tmp.resolve("many.jsonl");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1_200; i++) {
      sb.append("{\"title\": \"소식 점검 기사 ").append(i).append("\", \"body\": \"점검용 본문 ").append(i)
          .append("번\", \"press\": \"점검일보\", \"url\": \"https://check.example/a/").append(i).append("\"}\n");
    }
    Files.writeString(many, sb);
    Path idx = tmp.resolve("idx");
    ok(Cli.index(idx, many.toString()));
    Cli.Result r = ok(Cli.run("export", "--index", idx.toString(), "점검", "--format", "jsonl"));
    assertThat(r.out().lines().count()).isEqualTo(1_200);
  }

  @Test
  void groups_reports_counts_sizes_and_a_sample() {
    JsonNode r = ok(run("groups", "--sample", "5", "--json")).json();
    assertThat(r.get("articles").asInt()).isEqualTo(5);
    assertThat(r.get("groups").asInt()).isEqualTo(2);
    assertThat(r.get("sizes").get("1").asInt()).isEqualTo(1);
    assertThat(r.get("sizes").get("4").asInt()).isEqualTo(1);
    assertThat(r.get("sample")).hasSize(1);
    Cli.Result text = ok(run("groups", "--sample", "1"));
    assertThat(text.out()).contains("groups:   2 (1 of two or more articles, holding 4 articles)").contains("4건, 4개 언론사");
  }
}
