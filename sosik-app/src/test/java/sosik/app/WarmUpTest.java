package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.search.SearchRequest;
import sosik.search.SortOrder;

/**
 * The server's warm-up searches the index until the compiler settles or its time runs out, only
 * reads, and its option refuses what is not a number of seconds.
 */
class WarmUpTest {
  @TempDir static Path index;

  @BeforeAll
  static void indexFixtures() {
    Cli.Result r = Cli.index(index, Cli.fixture("news.jsonl").toString(), Cli.fixture("listing.txt").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void it_searches_until_the_compiler_settles_or_the_time_is_up_and_changes_nothing() throws Exception {
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index, LuceneNewsIndex.Mode.WRITE)) {
      long articles = idx.stats().articles();
      long hits = idx.search(SearchRequest.of("반도체")).total();
      WarmUp.Result w = WarmUp.run(idx, Duration.ofSeconds(20));
      int perPass = WarmUp.requests().size();
      assertThat(w.passes()).isGreaterThanOrEqualTo(w.settled() ? WarmUp.SETTLED_PASSES : 1);
      assertThat(w.searches()).isGreaterThan((w.passes() - 1) * perPass).isLessThanOrEqualTo(w.passes() * perPass);
      // settled early, or ran until the limit (a machine too busy for the compiler to settle)
      assertThat(w.settled() || w.took().compareTo(Duration.ofSeconds(20)) >= 0).as(w.toString()).isTrue();
      assertThat(w.took()).isLessThan(Duration.ofSeconds(30));
      assertThat(idx.stats().articles()).isEqualTo(articles);
      assertThat(idx.search(SearchRequest.of("반도체")).total()).isEqualTo(hits);

      // a short limit is kept: it stops inside a pass
      WarmUp.Result brief = WarmUp.run(idx, Duration.ofMillis(1));
      assertThat(brief.searches()).isBetween(1, perPass);
      assertThat(brief.settled()).isFalse();
      assertThat(WarmUp.run(idx, Duration.ZERO).searches()).isZero();
      assertThatThrownBy(() -> WarmUp.run(idx, Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    }
  }

  @Test
  void a_pass_asks_as_the_page_the_api_and_the_newest_first_order_do() {
    var pass = WarmUp.requests();
    assertThat(pass).anyMatch(SearchRequest::grouped);
    assertThat(pass).anyMatch(r -> !r.grouped() && r.sort() == SortOrder.RELEVANCE);
    assertThat(pass).anyMatch(r -> r.sort() == SortOrder.LATEST);
    assertThat(pass).anyMatch(r -> r.from() != null);
    assertThat(pass).anyMatch(r -> r.query().text().startsWith("\""));
  }

  @Test
  void the_option_refuses_what_is_not_seconds() {
    for (String bad : new String[] {"-1", "NaN", "3601"}) {
      Cli.Result r = Cli.run("serve", "--index", index.toString(), "--port", "0", "--warmup", bad);
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("--warmup");
    }
    Cli.Result words = Cli.run("serve", "--index", index.toString(), "--port", "0", "--warmup", "lots");
    assertThat(words.code()).as(words.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(words.err()).contains("--warmup").contains("lots");
  }
}
