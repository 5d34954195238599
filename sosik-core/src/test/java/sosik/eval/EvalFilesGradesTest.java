package sosik.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graded judgments in a queries file: {@code "grades": {"id": 0..3}}. */
class EvalFilesGradesTest {
  @TempDir Path dir;

  Path file(String... lines) throws Exception {
    Path f = dir.resolve("q.jsonl");
    Files.write(f, List.of(lines), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void grades_make_the_relevant_set_and_zero_is_judged_not_relevant() throws Exception {
    List<EvalQuery> q = EvalFiles.readQueries(file("{\"qid\":\"n1\",\"query\":\"카뱅\",\"grades\":{\"a\":2,\"b\":0,\"c\":1}}"));
    assertThat(q.get(0).relevant()).containsExactlyInAnyOrder("a", "c");
    assertThat(q.get(0).grades()).isEqualTo(Map.of("a", 2, "b", 0, "c", 1));
  }

  @Test
  void a_grade_out_of_range_is_named_with_its_line() throws Exception {
    Path f = file("{\"qid\":\"n1\",\"query\":\"카뱅\",\"grades\":{\"a\":5}}");
    assertThatThrownBy(() -> EvalFiles.readQueries(f)).hasMessageContaining(f + ":1").hasMessageContaining("grade of 'a' must be 0, 1, 2 or 3, found 5");
    Path g = file("{\"qid\":\"n1\",\"query\":\"카뱅\",\"grades\":[\"a\"]}");
    assertThatThrownBy(() -> EvalFiles.readQueries(g)).hasMessageContaining("field 'grades' must be an object");
  }
}
