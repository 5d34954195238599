package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sosik stats} on both fixtures: nine articles, seven press names, four undated; the
 * earliest (2024-12-14T15:30Z) is already 12.15. 00:30 in Korea.
 */
class StatsCommandTest {
  @TempDir static Path index;

  @BeforeAll
  static void indexFixtures() {
    Cli.Result r = Cli.index(index, Cli.fixture("news.jsonl").toString(), Cli.fixture("listing.txt").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void textShowsArticlesPressNamesKoreaTimeDateRangeAndSize() {
    Cli.Result r = Cli.run("stats", "--index", index.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.lines())
        .contains("index:    " + index)
        .contains("articles: 9")
        .contains("dates:    2024.12.15. 00:30 – 2024.12.20. 09:30 (Korea time); 4 undated");
    assertThat(r.out()).contains("press:    7 names (새날경제 2, 한빛일보 2, ");
    String size = r.lines().stream().filter(l -> l.startsWith("size:")).findFirst().orElseThrow();
    assertThat(size).matches("size: +[0-9.]+ (B|KiB|MiB)( \\([0-9,]+ bytes\\))?").doesNotContain(" 0 B");
  }

  @Test
  void jsonHasCountsKoreaTimeRangeAndSize() {
    Cli.Result r = Cli.run("stats", "--index", index.toString(), "--json");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    JsonNode s = r.json();
    assertThat(s.get("articles").asLong()).isEqualTo(9);
    assertThat(s.get("press_names").asInt()).isEqualTo(7);
    assertThat(s.get("press").get("한빛일보").asLong()).isEqualTo(2);
    assertThat(s.get("earliest").asText()).isEqualTo("2024-12-15T00:30:00+09:00");
    assertThat(s.get("latest").asText()).isEqualTo("2024-12-20T09:30:00+09:00");
    assertThat(s.get("undated").asLong()).isEqualTo(4);
    assertThat(s.get("size_bytes").asLong()).isPositive();
  }

  @Test
  void emptyIndexHasNoArticlesAndNoDates(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("index");
    Path nothing = java.nio.file.Files.createFile(dir.resolve("nothing.jsonl"));
    Cli.index(empty, nothing.toString()); // creates the index, takes in nothing

    Cli.Result r = Cli.run("stats", "--index", empty.toString(), "--json");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.json().get("articles").asLong()).isZero();
    assertThat(r.json().get("earliest").isNull()).isTrue();
    assertThat(Cli.run("stats", "--index", empty.toString()).out()).contains("articles: 0", "dates:    none known");
  }
}
