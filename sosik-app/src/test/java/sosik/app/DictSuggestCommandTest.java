package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik dict suggest}: 솔빛나노텍, an invented company, in four articles of its own. */
class DictSuggestCommandTest {
  @TempDir Path dir;

  Path index() throws Exception {
    Path corpus = dir.resolve("news.jsonl");
    Files.write(corpus, List.of(
        "{\"title\":\"공장 착공\",\"body\":\"솔빛나노텍이 대전에 새 공장을 지었다고 밝혔다.\",\"press\":\"한빛일보\"}",
        "{\"title\":\"소재 주목\",\"body\":\"솔빛나노텍의 이차전지 소재가 주목을 받고 있다고 밝혔다.\",\"press\":\"한빛일보\"}",
        "{\"title\":\"후보 거론\",\"body\":\"업계는 솔빛나노텍을 유력한 후보로 꼽았다고 밝혔다.\",\"press\":\"새날경제\"}",
        "{\"title\":\"양산 계획\",\"body\":\"솔빛나노텍은 내년 양산에 들어간다고 밝혔다.\",\"press\":\"새날경제\"}"), StandardCharsets.UTF_8);
    Path index = dir.resolve("index");
    Cli.Result r = Cli.index(index, corpus.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    return index;
  }

  @Test
  void suggestsTheWordWithItsCountsAndExampleAsJson() throws Exception {
    Path index = index();
    JsonNode s = Cli.run("dict", "suggest", "--index", index.toString(), "--min-count", "3", "--json").json().get("suggestions");
    assertThat(s).hasSize(1);
    assertThat(s.get(0).get("word").asText()).isEqualTo("솔빛나노텍");
    assertThat(s.get(0).get("articles").asInt()).isEqualTo(4);
    assertThat(s.get(0).get("analysed_now").size()).isGreaterThan(1);
    assertThat(s.get(0).get("example").asText()).contains("솔빛나노텍");

    Cli.run("dict", "add", "--index", index.toString(), "솔빛나노텍");
    Cli.Result after = Cli.run("dict", "suggest", "--index", index.toString(), "--min-count", "3");
    assertThat(after.out()).doesNotContain("솔빛나노텍");
    assertThat(after.err()).contains("no suggestions");
  }

  @Test
  void aMinimumCountBelowOneIsAnError() throws Exception {
    Cli.Result r = Cli.run("dict", "suggest", "--index", index().toString(), "--min-count", "0");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--min-count must be 1 or more, got 0");
  }
}
