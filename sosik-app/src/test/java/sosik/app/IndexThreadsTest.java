package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik index --threads N}: the same summary as one thread; a count out of range is a usage error. */
class IndexThreadsTest {
  @TempDir Path tmp;

  @Test
  void two_threads_index_the_same_articles_and_zero_threads_is_refused() {
    String corpus = Cli.fixture("news.jsonl").toString();

    Cli.Result one = Cli.index(tmp.resolve("one"), corpus, "--json");
    Cli.Result two = Cli.index(tmp.resolve("two"), corpus, "--json", "--threads", "2", "--commit-every", "1");
    Cli.Result zero = Cli.index(tmp.resolve("zero"), corpus, "--threads", "0");

    assertThat(two.code()).as(two.toString()).isEqualTo(ExitCodes.OK);
    for (String field : new String[] {"read", "added", "updated", "unchanged", "rejected"}) {
      assertThat(two.json().get(field).asLong()).as(field).isEqualTo(one.json().get(field).asLong());
    }
    assertThat(two.err()).contains("committed so far: 1");
    assertThat(zero.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err()).startsWith("sosik: --threads must be between 1 and 64, was 0");
  }
}
