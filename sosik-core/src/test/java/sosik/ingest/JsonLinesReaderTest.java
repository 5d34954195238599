package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sosik.testing.Fixtures;

class JsonLinesReaderTest {
  private final JsonLinesReader reader = new JsonLinesReader();

  private CollectingSink read(String fixture) throws IOException {
    return CollectingSink.read(reader, Fixtures.path("jsonl/" + fixture));
  }

  @Test
  void name_is_jsonl() {
    assertThat(reader.name()).isEqualTo("jsonl");
  }

  @Test
  void every_field_is_read_as_given() throws IOException {
    CollectingSink s = read("good.jsonl");

    assertThat(s.rejections).isEmpty();
    ArticleDraft d = s.drafts().get(0);
    assertThat(d.title()).isEqualTo("한빛전자, 차세대 전력반도체 양산 돌입");
    assertThat(d.body()).isEqualTo("한빛전자가 평택 공장에서 차세대 전력반도체 양산을 시작했다고 3일 밝혔다.");
    assertThat(d.press()).isEqualTo("한빛일보");
    assertThat(d.reporters()).containsExactly("김서연");
    assertThat(d.dateline()).isEqualTo("평택");
    assertThat(d.url()).isEqualTo("https://news.hanbit.example/article/0001");
    assertThat(d.publishedAt()).isEqualTo("2024-12-03T10:15:00+09:00");
    assertThat(d.section()).isEqualTo("경제");
    assertThat(d.extra()).isEmpty();
  }

  @Test
  void blank_lines_are_skipped_and_lines_are_numbered_in_the_file() throws IOException {
    CollectingSink s = read("good.jsonl");

    assertThat(s.articles).hasSize(4);
    assertThat(s.articleLines()).containsExactly(1, 2, 4, 5);
  }

  @Test
  void reporter_may_be_a_string_or_an_array_and_reporters_is_also_read() throws IOException {
    CollectingSink s = read("good.jsonl");

    assertThat(s.drafts().get(0).reporters()).containsExactly("김서연");
    assertThat(s.drafts().get(1).reporters()).containsExactly("정하늘", "최민재");
    assertThat(s.drafts().get(3).reporters()).containsExactly("오세린");
  }

  @Test
  void text_is_accepted_as_the_body() throws IOException {
    ArticleDraft d = read("good.jsonl").drafts().get(1);

    assertThat(d.body()).isEqualTo("중소 조선사들의 수주가 2년 연속 늘었지만 현장 인력 부족이 발목을 잡고 있다.");
  }

  @Test
  void unknown_fields_are_kept_in_extra_as_json_text() throws Exception {
    ArticleDraft d = read("good.jsonl").drafts().get(1);

    assertThat(d.extra()).containsOnlyKeys("id", "tags", "views", "meta");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(d.extra().get("id")).asText()).isEqualTo("hb-2024-0002");
    assertThat(json.readTree(d.extra().get("tags"))).isEqualTo(json.readTree("[\"조선\",\"일자리\"]"));
    assertThat(json.readTree(d.extra().get("views")).asLong()).isEqualTo(1520);
    assertThat(json.readTree(d.extra().get("meta"))).isEqualTo(json.readTree("{\"source\":\"wire\",\"rank\":3}"));
  }

  @Test
  void null_unknown_field_is_dropped() throws IOException {
    assertThat(read("good.jsonl").drafts().get(1).extra()).doesNotContainKey("note");
  }

  @Test
  void reader_leaves_the_byline_and_date_to_the_normalizer() throws IOException {
    ArticleDraft d = read("good.jsonl").drafts().get(2);

    assertThat(d.body()).startsWith("[대전=한빛일보 이도윤 기자]");
    assertThat(d.publishedAt()).isEqualTo("2024-12-04");
  }

  @Test
  void byte_order_mark_at_the_start_is_skipped() throws IOException {
    CollectingSink s = read("bom.jsonl");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles()).containsExactly("한빛전자, 차세대 전력반도체 양산 돌입");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing_title.jsonl            | 'title'        | missing",
        "missing_body.jsonl             | 'body'         | missing",
        "not_json.jsonl                 | not valid JSON | ",
        "title_not_string.jsonl         | 'title'        | must be a string, found number",
        "array_line.jsonl               | JSON object    | array",
        "reporter_not_strings.jsonl     | 'reporter'     | must hold strings, found number",
        "reporter_object.jsonl          | 'reporter'     | string or an array of strings",
        "published_at_not_string.jsonl  | 'published_at' | must be a string",
        "two_objects_one_line.jsonl     | not valid JSON | "
      })
  void broken_line_is_rejected_at_its_line_naming_the_problem_and_other_lines_are_read(
      String fixture, String names, String problem) throws IOException {
    CollectingSink s = read(fixture);

    assertThat(s.rejections).hasSize(1);
    CollectingSink.Problem p = s.rejections.get(0);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.problem()).contains(names);
    if (problem != null) {
      assertThat(p.problem()).contains(problem);
    }
    assertThat(s.titles()).containsExactly("한빛전자, 차세대 전력반도체 양산 돌입", "중소 조선사 수주 회복세");
    assertThat(s.articleLines()).containsExactly(1, 3);
  }

  @Test
  void body_wins_over_text_when_both_are_given() throws Exception {
    ArticleDraft d = JsonLinesReader.parse("{\"title\":\"제목\",\"body\":\"본문\",\"text\":\"다른 본문\"}");

    assertThat(d.body()).isEqualTo("본문");
  }

  @Test
  void missing_body_and_text_is_rejected_naming_body() {
    assertThatThrownBy(() -> JsonLinesReader.parse("{\"title\":\"제목\"}"))
        .isInstanceOf(JsonLinesReader.BadRecord.class)
        .hasMessageContaining("'body'");
  }

  @Test
  void a_json_scalar_line_is_rejected() {
    assertThatThrownBy(() -> JsonLinesReader.parse("\"그냥 문자열\""))
        .isInstanceOf(JsonLinesReader.BadRecord.class)
        .hasMessageContaining("expected a JSON object");
  }
}
