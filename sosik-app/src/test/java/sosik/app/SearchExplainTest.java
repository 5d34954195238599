package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik search --explain}, on the terminal and as JSON. */
class SearchExplainTest {
  @TempDir Path index;

  @BeforeEach
  void indexListing() {
    Cli.Result r = Cli.index(index, Cli.fixture("listing.txt").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theTerminalShowsEachHitsScoreAndWhatMatchedWhere() {
    Cli.Result r = Cli.search(index, "한파", "--explain");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("뉴스 검색결과 1건");
    assertThat(r.out()).containsPattern("    score \\d+\\.\\d{3}\\n");
    assertThat(r.out()).containsPattern("\\+ \\d+\\.\\d{3}  title \"한파\"  = boost 2\\.0 × idf \\d+\\.\\d{3} × tf \\d+\\.\\d{3} \\(freq 1, length \\d+, avg");
    assertThat(r.out()).containsPattern("\\+ \\d+\\.\\d{3}  body \"한파\"  = boost 1\\.0");
    assertThat(Cli.search(index, "한파").out()).doesNotContain("score");
  }

  @Test
  void jsonHasAnExplainObjectPerHit() {
    JsonNode hit = Cli.search(index, "한파", "--explain", "--json").json().get("hits").get(0);
    JsonNode e = hit.get("explain");
    assertThat(e.get("score").floatValue()).isEqualTo(hit.get("score").floatValue());
    assertThat(e.get("relaxed").asBoolean()).isFalse();
    assertThat(e.get("matches")).isNotEmpty();
    JsonNode m = e.get("matches").get(0);
    for (String key : new String[] {"field", "terms", "phrase", "score", "boost", "idf", "tf", "freq", "length", "avg_length"}) {
      assertThat(m.has(key)).as(key).isTrue();
    }
    // not relaxed: the only bonus is the lead's, for the word in the body's first words
    for (JsonNode b : e.get("bonuses")) {
      assertThat(b.get("kind").asText()).isEqualTo("lead");
      assertThat(b.get("terms").asText()).isEqualTo("body:한파");
    }
    assertThat(Cli.search(index, "한파", "--json").json().get("hits").get(0).has("explain")).isFalse();
  }
}
