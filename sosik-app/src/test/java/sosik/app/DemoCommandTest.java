package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sosik demo --no-serve} indexes the demo corpus and answers its search; run again over a
 * demo index an earlier release wrote, it first moves that index to the current layout (indexing
 * the same articles again would leave them as they were).
 */
class DemoCommandTest {
  @TempDir Path dir;

  static final Path CORPUS = Path.of(System.getProperty("sosik.repo", ".."), "demo", "corpus");

  Cli.Result demo(Path index) {
    return Cli.run("demo", "--no-serve", "--index", index.toString(), "--corpus", CORPUS.toString());
  }

  @Test
  void a_demo_index_from_an_earlier_release_is_moved_to_the_current_layout() throws Exception {
    Path index = dir.resolve("index");
    Cli.Result first = demo(index);
    assertThat(first.code()).as(first.toString()).isEqualTo(ExitCodes.OK);
    assertThat(first.out()).contains("뉴스 검색결과").doesNotContain("sosik reindex");
    int current = Cli.run("stats", "--index", index.toString(), "--json").json().get("layout_current").asInt();

    Cli.Result again = demo(index);
    assertThat(again.code()).as(again.toString()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).doesNotContain("sosik reindex"); // current already: nothing to move

    long total = Cli.run("search", "--index", index.toString(), "--json", "반도체").json().get("total").asLong();
    assertThat(total).isPositive();
    Path meta = index.resolve("sosik.json");
    Files.writeString(meta, Files.readString(meta).replaceFirst("\"formatVersion\" ?: ?" + current, "\"formatVersion\" : 4"));
    assertThat(Cli.run("stats", "--index", index.toString(), "--json").json().get("layout").asInt()).isEqualTo(4);

    Cli.Result old = demo(index);
    assertThat(old.code()).as(old.toString()).isEqualTo(ExitCodes.OK);
    assertThat(old.out()).contains("$ sosik reindex --index " + index, "reindexed ", "뉴스 검색결과");
    assertThat(Cli.run("stats", "--index", index.toString(), "--json").json().get("layout").asInt()).isEqualTo(current);
    assertThat(Cli.run("search", "--index", index.toString(), "--json", "반도체").json().get("total").asLong())
        .as("the same articles, rewritten").isEqualTo(total);
  }
}
