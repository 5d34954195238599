package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sosik dict}. 솔빛나노텍 is an invented company in listing.txt; Nori alone cuts it into
 * 솔 + 빛나 + 텍 and drops 노.
 */
class DictCommandTest {
  static final String WORD = "솔빛나노텍";

  @TempDir Path index;

  @BeforeEach
  void indexListing() {
    Cli.Result r = Cli.index(index, Cli.fixture("listing.txt").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
  }

  Cli.Result dict(String... args) {
    return Cli.run(Cli.prepend(args, "dict"));
  }

  /** {@code SUBCOMMAND --index DIR rest…}. */
  String[] at(String sub, String... rest) {
    return Cli.prepend(rest, sub, "--index", index.toString());
  }

  long articles() {
    return Cli.run("stats", "--index", index.toString(), "--json").json().get("articles").asLong();
  }

  @Test
  void addWritesTheUserDictionaryAndReanalysesTheIndex() throws Exception {
    assertThat(Cli.search(index, WORD).firstLine()).isEqualTo("뉴스 검색결과 2건");

    Cli.Result r = dict(at("add", WORD));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    Path file = index.resolve("userdict.txt");
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(WORD);
    assertThat(r.out()).contains(WORD).contains(file.toString());
    assertThat(r.err()).contains("re-analysed 3 articles");
    assertThat(articles()).isEqualTo(3);
    Cli.Result after = Cli.search(index, WORD);
    assertThat(after.firstLine()).isEqualTo("뉴스 검색결과 2건");
    assertThat(after.out()).contains("**" + WORD + "**이 대전에");
    assertThat(after.err()).as("no stale-index warning after the reindex").isEmpty();
  }

  @Test
  void addBesideAServerLeavesTheReanalysisToTheServerWhichTakesItUp() throws Exception {
    try (sosik.index.lucene.LuceneNewsIndex server =
        sosik.index.lucene.LuceneNewsIndex.open(index, sosik.index.lucene.LuceneNewsIndex.Mode.WRITE)) {
      Cli.Result r = dict(at("add", WORD));
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
      assertThat(r.err()).contains("open in another Sosik process").contains("in the background");
      Thread.sleep(1100);
      server.search(sosik.search.SearchRequest.of(WORD)); // a search looks at the file
      long deadline = System.nanoTime() + 30_000_000_000L;
      while ((server.reanalysis().running() || server.reanalysis().total() == 0) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.reanalysis().done()).isEqualTo(3);
      assertThat(server.search(sosik.search.SearchRequest.of(WORD)).total()).isEqualTo(2);
      assertThat(server.staleWarning()).isNull();
    }
  }

  @Test
  void addWithPartsThatSpellTheWordIsAccepted() throws Exception {
    Cli.Result r = dict(at("add", WORD, "솔빛", "나노텍"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(index.resolve("userdict.txt"), StandardCharsets.UTF_8)).containsExactly(WORD + " 솔빛 나노텍");
    assertThat(Cli.search(index, WORD).firstLine()).isEqualTo("뉴스 검색결과 2건");
    assertThat(Cli.search(index, "나노텍").firstLine()).isEqualTo("뉴스 검색결과 2건");
  }

  @Test
  void addingTheSameWordAgainKeepsOneEntry() throws Exception {
    dict(at("add", WORD, "--no-reindex"));
    dict(at("add", WORD, "솔빛", "나노텍", "--no-reindex"));

    assertThat(Files.readAllLines(index.resolve("userdict.txt"), StandardCharsets.UTF_8)).containsExactly(WORD + " 솔빛 나노텍");
  }

  @Test
  void addWithoutReindexWarnsThatTheIndexIsStaleUntilReindexRuns() {
    assertThat(dict(at("add", WORD, "--no-reindex")).code()).isEqualTo(ExitCodes.OK);

    Cli.Result stale = Cli.search(index, WORD);
    assertThat(stale.code()).isEqualTo(ExitCodes.OK);
    assertThat(stale.err()).contains("warning").contains("sosik reindex --index " + index);

    Cli.Result reindex = Cli.run("reindex", "--index", index.toString());
    assertThat(reindex.code()).as(reindex.toString()).isEqualTo(ExitCodes.OK);
    assertThat(reindex.out()).contains("reindexed 3 articles");
    Cli.Result fresh = Cli.search(index, WORD);
    assertThat(fresh.err()).isEmpty();
    assertThat(fresh.firstLine()).isEqualTo("뉴스 검색결과 2건");
    assertThat(articles()).isEqualTo(3);
  }

  @Test
  void addWhosePartsDoNotSpellTheWordIsRefusedWithTheReason() {
    Cli.Result r = dict(at("add", "a b c"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("must spell it exactly").contains("'bc'").doesNotContain("Exception");
    assertThat(index.resolve("userdict.txt")).doesNotExist();
  }

  @Test
  void addWithPunctuationIsRefusedWithTheReason() {
    Cli.Result r = dict(at("add", "솔빛!"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'솔빛!'").contains("is not a dictionary word").contains("Hangul");
    assertThat(index.resolve("userdict.txt")).doesNotExist();
  }

  @Test
  void listAsJsonHasTheUsersWordsAndWithAllTheBundledOnes() {
    dict(at("add", WORD, "--no-reindex"));

    Cli.Result r = dict(at("list", "--json"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    JsonNode words = r.json();
    assertThat(words.get("user")).hasSize(1);
    assertThat(words.get("user").get(0).asText()).isEqualTo(WORD);
    assertThat(words.has("bundled")).isFalse();
    JsonNode all = dict(at("list", "--all", "--json")).json();
    assertThat(all.get("bundled").toString()).contains("\"이데일리\"").contains("\"과기부\"");
  }

  @Test
  void listWithoutUserWordsSaysHowToAddOne() {
    Cli.Result r = dict(at("list"));

    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("sosik dict add");
    assertThat(dict(at("list", "--json")).json().get("user")).isEmpty();
  }

  @Test
  void removeTakesTheWordOutAndReanalyses() throws Exception {
    dict(at("add", WORD));

    Cli.Result r = dict(at("remove", WORD));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(index.resolve("userdict.txt"), StandardCharsets.UTF_8)).isEmpty();
    assertThat(r.err()).contains("re-analysed 3 articles");
    assertThat(articles()).isEqualTo(3);
    assertThat(Cli.search(index, WORD).firstLine()).isEqualTo("뉴스 검색결과 2건");
  }

  @Test
  void removeOfAnUnknownWordIsRefused() {
    Cli.Result r = dict(at("remove", "없는낱말"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'없는낱말' is not in the user dictionary");
  }

  @Test
  void removeOfABundledWordSaysItCannotBeChanged() {
    Cli.Result r = dict(at("remove", "이데일리"));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("bundled dictionary");
  }
}
