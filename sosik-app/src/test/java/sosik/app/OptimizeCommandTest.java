package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik optimize}: the index in one segment, every article still found; bad input refused with a reason. */
class OptimizeCommandTest {
  @TempDir Path dir;

  @Test
  void mergesTheSegmentsAndKeepsEveryArticle() {
    Path index = dir.resolve("index");
    // two runs, two commits: two segments at least
    assertThat(Cli.index(index, Cli.fixture("news.jsonl").toString()).code()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.index(index, Cli.fixture("listing.txt").toString()).code()).isEqualTo(ExitCodes.OK);
    Cli.Result stats = Cli.run("stats", "--index", index.toString(), "--json");
    int before = stats.json().get("segments").asInt();
    assertThat(before).isGreaterThanOrEqualTo(2);
    long total = Cli.run("search", "--index", index.toString(), "--json", "반도체").json().get("total").asLong();
    assertThat(total).isPositive();

    Cli.Result r = Cli.run("optimize", "--index", index.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).matches("(?s)optimized " + java.util.regex.Pattern.quote(index.toString())
        + ": 9 articles, " + before + " -> 1 segments, .* -> .*, in [0-9.]+ s\\R");
    assertThat(Cli.run("stats", "--index", index.toString(), "--json").json().get("segments").asInt()).isEqualTo(1);
    assertThat(Cli.run("stats", "--index", index.toString()).lines()).contains("segments: 1");
    assertThat(Cli.run("search", "--index", index.toString(), "--json", "반도체").json().get("total").asLong()).isEqualTo(total);
  }

  @Test
  void aSegmentCountBelowOneAndAMissingIndexAreRefused() {
    Path index = dir.resolve("index");
    assertThat(Cli.index(index, Cli.fixture("news.jsonl").toString()).code()).isEqualTo(ExitCodes.OK);

    Cli.Result zero = Cli.run("optimize", "--index", index.toString(), "--segments", "0");
    assertThat(zero.code()).as(zero.toString()).isNotEqualTo(ExitCodes.OK);
    assertThat(zero.err()).contains("segments 0", "at least 1");

    Cli.Result missing = Cli.run("optimize", "--index", dir.resolve("nowhere").toString());
    assertThat(missing.code()).as(missing.toString()).isNotEqualTo(ExitCodes.OK);
    assertThat(missing.err()).contains("nowhere");
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }
}
