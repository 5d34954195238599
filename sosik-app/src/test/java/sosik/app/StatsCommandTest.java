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
  void layoutIsShownAndAnOlderOneNamesTheReindexThatMovesIt(@TempDir Path dir) throws Exception {
    Path idx = dir.resolve("index");
    Cli.Result made = Cli.index(idx, Cli.fixture("news.jsonl").toString());
    assertThat(made.code()).as(made.toString()).isEqualTo(ExitCodes.OK);
    JsonNode now = Cli.run("stats", "--index", idx.toString(), "--json").json();
    int current = now.get("layout_current").asInt();
    assertThat(now.get("layout").asInt()).isEqualTo(current).isGreaterThanOrEqualTo(6);
    assertThat(Cli.run("stats", "--index", idx.toString()).lines()).contains("layout:   " + current + " (current)");

    // as an index written by an earlier release would say (its articles are read as before)
    Path meta = idx.resolve("sosik.json");
    String json = java.nio.file.Files.readString(meta);
    java.nio.file.Files.writeString(meta, json.replaceFirst("\"formatVersion\" ?: ?" + current, "\"formatVersion\" : 4"));
    Cli.Result old = Cli.run("stats", "--index", idx.toString());
    assertThat(old.code()).as(old.toString()).isEqualTo(ExitCodes.OK);
    assertThat(old.lines()).contains(
        "layout:   4 (this release writes " + current + "; sosik reindex --index " + idx + " moves every article to it)");
    assertThat(Cli.run("stats", "--index", idx.toString(), "--json").json().get("layout").asInt()).isEqualTo(4);

    Cli.Result re = Cli.run("reindex", "--index", idx.toString());
    assertThat(re.code()).as(re.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("stats", "--index", idx.toString()).lines()).contains("layout:   " + current + " (current)");
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
