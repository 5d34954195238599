package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user who gets something wrong sees: one clear line on standard error and the right exit code. */
class BadInputTest {
  @TempDir static Path index;

  @BeforeAll
  static void indexFixtures() {
    Cli.Result r = Cli.index(index, Cli.fixture("news.jsonl").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
  }

  /** Exit code {@code code}, nothing on standard output, one line on standard error without a stack trace. */
  static String refused(Cli.Result r, int code) {
    assertThat(r.code()).as(r.toString()).isEqualTo(code);
    assertThat(r.out()).as(r.toString()).isEmpty();
    assertThat(r.err()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ").startsWith("sosik: ");
    return r.err();
  }

  static void oneLine(String err) {
    assertThat(err.strip().lines()).as(err).hasSize(1);
  }

  // ---- queries ----

  @Test
  void queryOfTenThousandCharactersIsRefusedNamingTheCharacterLimit() {
    String err = refused(Cli.search(index, "반".repeat(10_000)), ExitCodes.USAGE);

    oneLine(err);
    assertThat(err).contains("characters").contains("10,000").contains("1,000");
  }

  @Test
  void queryOfAThousandWordsIsRefusedNamingTheWordLimit() {
    String query = IntStream.rangeClosed(1, 1_000).mapToObj(i -> "단어" + i).collect(Collectors.joining(" "));

    String err = refused(Cli.search(index, query), ExitCodes.USAGE);

    oneLine(err);
    assertThat(err).contains("words").contains("1,000").contains("64");
  }

  @Test
  void queryOfAThousandWordsAsSeparateArgumentsIsRefusedToo() {
    String[] words = IntStream.rangeClosed(1, 1_000).mapToObj(i -> "w" + i).toArray(String[]::new);

    assertThat(refused(Cli.search(index, words), ExitCodes.USAGE)).contains("words");
  }

  @Test
  void queryOfSeventyShortWordsIsRefusedForItsWordsAlone() {
    String query = IntStream.rangeClosed(1, 70).mapToObj(i -> "어" + i).collect(Collectors.joining(" "));

    String err = refused(Cli.search(index, query), ExitCodes.USAGE);

    assertThat(err).contains("70 words").doesNotContain("characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"?!.,", "…", "은 는 이 가", "을 를 에서", "\"", "\"\"", "-", "+", "|", "| |", "언론사:", "기자:", "ㅋㅋㅋ", "((()))", "*", "~!@#$%^&*()"})
  void queryOfOnlyPunctuationOrParticlesDoesNotCrash(String query) {
    Cli.Result r = Cli.search(index, query);

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.firstLine()).startsWith("뉴스 검색결과 ");
    assertThat(r.err()).isEmpty();
    Cli.Result json = Cli.search(index, query, "--json");
    assertThat(json.code()).as(json.toString()).isEqualTo(ExitCodes.OK);
    assertThat(json.json().get("total").asLong()).isNotNegative();
  }

  // ---- options ----

  @ParameterizedTest
  @ValueSource(strings = {"0", "1000", "-1"})
  void sizeOutsideOneToHundredIsRefused(String size) {
    assertThat(refused(Cli.search(index, "반도체", "--size", size), ExitCodes.USAGE)).contains("size").contains("1..100");
  }

  @Test
  void pageZeroIsRefused() {
    assertThat(refused(Cli.search(index, "반도체", "--page", "0"), ExitCodes.USAGE)).contains("page");
  }

  @Test
  void badSortIsRefusedNamingTheOptionAndItsValues() {
    String err = refused(Cli.search(index, "반도체", "--sort", "newest"), ExitCodes.USAGE);

    oneLine(err);
    assertThat(err).contains("--sort").contains("newest").contains("relevance, latest, oldest");
  }

  @Test
  void badPeriodIsRefusedNamingTheOptionAndItsValues() {
    String err = refused(Cli.search(index, "반도체", "--period", "2d"), ExitCodes.USAGE);

    oneLine(err);
    assertThat(err).contains("--period").contains("2d").contains("1h, 1d, 1w, 1m, 6m, 1y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2024-13-01", "2024/12/20", "20241220"})
  void badFromIsRefusedNamingTheOption(String from) {
    String err = refused(Cli.search(index, "반도체", "--from", from), ExitCodes.USAGE);

    oneLine(err);
    assertThat(err).contains("--from").contains(from);
  }

  @Test
  void badToIsRefusedNamingTheOption() {
    assertThat(refused(Cli.search(index, "반도체", "--to", "tomorrow"), ExitCodes.USAGE)).contains("--to");
  }

  @Test
  void fromAfterToIsRefusedInTheTermsTheUserTyped() {
    String err = refused(Cli.search(index, "반도체", "--from", "2024-12-20", "--to", "2024-12-19"), ExitCodes.USAGE);

    oneLine(err);
    assertThat(err).contains("--from 2024-12-20").contains("--to 2024-12-19").doesNotContain("Z ");
  }

  @Test
  void periodWithFromIsRefused() {
    assertThat(refused(Cli.search(index, "반도체", "--period", "1w", "--from", "2024-12-20"), ExitCodes.USAGE))
        .contains("--period").contains("--from");
  }

  @Test
  void badScopeIsRefusedNamingTheOption() {
    assertThat(Cli.search(index, "반도체", "--in", "body").err()).contains("--in");
    assertThat(Cli.search(index, "반도체", "--in", "body").code()).isEqualTo(ExitCodes.USAGE);
  }

  // ---- missing or broken input ----

  @Test
  void searchWhereThereIsNoIndexFailsTellingHowToCreateOne(@TempDir Path empty) {
    String err = refused(Cli.search(empty, "반도체"), ExitCodes.FAILURE);

    oneLine(err);
    assertThat(err).contains("no Sosik index at " + empty).contains("sosik index --index " + empty);
  }

  @Test
  void searchOfADirectoryThatDoesNotExistFailsWithoutCreatingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");

    refused(Cli.search(missing, "반도체"), ExitCodes.FAILURE);
    assertThat(missing).doesNotExist();
  }

  @Test
  void statsWhereThereIsNoIndexFails(@TempDir Path empty) {
    assertThat(refused(Cli.run("stats", "--index", empty.toString()), ExitCodes.FAILURE)).contains("sosik index");
  }

  @Test
  void indexOfAMissingFileFailsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("없는파일.jsonl");

    Cli.Result r = Cli.index(dir.resolve("index"), missing.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains(missing.toString()).contains("no such file").doesNotContain("Exception");
    assertThat(r.out()).contains("indexed 0 files").contains("1 file(s) rejected").doesNotContain("-1");
  }

  @Test
  void oneMalformedLineIsReportedByFileAndLineAndTheRestIsIndexed(@TempDir Path dir) {
    Path idx = dir.resolve("index");
    Path file = Cli.fixture("malformed.jsonl");

    Cli.Result r = Cli.index(idx, file.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(r.err()).contains(file + ":2: ").contains("not valid JSON").doesNotContain("Exception:").doesNotContain("\tat ");
    assertThat(r.out()).contains("2 added").contains("1 rejected");
    Cli.Result found = Cli.search(idx, "해상풍력");
    assertThat(found.firstLine()).isEqualTo("뉴스 검색결과 2건");
  }

  @Test
  void malformedLineIsListedInJsonSummaryToo(@TempDir Path dir) {
    Path file = Cli.fixture("malformed.jsonl");

    Cli.Result r = Cli.index(dir.resolve("index"), "--json", file.toString());

    assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
    var summary = r.json();
    assertThat(summary.get("added").asLong()).isEqualTo(2);
    assertThat(summary.get("rejected").asLong()).isEqualTo(1);
    assertThat(summary.get("rejections").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(summary.get("rejections").get(0).get("source").asText()).isEqualTo(file.toString());
  }

  @Test
  void indexOfAnEmptyFileSaysTheFileIsEmpty(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));

    Cli.Result r = Cli.index(dir.resolve("index"), empty.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains(empty.toString()).contains("file is empty");
  }

  @Test
  void unknownFormatIsRefusedListingTheKnownOnes(@TempDir Path dir) {
    String err = refused(Cli.index(dir.resolve("index"), "--format", "xml", Cli.fixture("news.jsonl").toString()), ExitCodes.USAGE);

    assertThat(err).contains("xml").contains("listing").contains("jsonl");
  }
}
