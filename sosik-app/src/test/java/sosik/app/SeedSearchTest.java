package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance checks on the real seed listing (14 lines of an 이데일리 portal page), read at run
 * time from the shared data directory, never copied into the repository.
 */
class SeedSearchTest {
  static final String SEED = "data/seed/000_ba129f0fc67865b7.txt";

  @TempDir static Path index;
  static Path seed;

  @BeforeAll
  static void indexSeed() {
    seed = sharedDir().resolve(SEED);
    if (!Files.isRegularFile(seed)) {
      String why = "seed file " + seed + " is missing (set -Dsosik.shared=DIR to the shared data directory)";
      if (System.getenv("CI") != null) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Cli.Result r = Cli.index(index, seed.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("7 added", "0 rejected");
  }

  /** {@code -Dsosik.shared} (set by surefire), else {@code ../shared} beside the repository root. */
  static Path sharedDir() {
    String prop = System.getProperty("sosik.shared");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String repo = System.getProperty("sosik.repo");
    Path root = repo != null && !repo.isBlank() ? Path.of(repo) : findRepoRoot();
    return root.toAbsolutePath().normalize().resolveSibling("shared");
  }

  private static Path findRepoRoot() {
    Path p = Path.of("").toAbsolutePath();
    for (Path q = p; q != null; q = q.getParent()) {
      if (Files.isDirectory(q.resolve("sosik-core")) && Files.isRegularFile(q.resolve("pom.xml"))) {
        return q;
      }
    }
    return p;
  }

  @Test
  void aiSemiconductorFindsAllSevenArticlesWithThePortalHeader() {
    Cli.Result r = Cli.search(index, "AI 반도체");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.firstLine()).isEqualTo("뉴스 검색결과 7건");
  }

  @Test
  void aiSemiconductorJsonHasSevenEdailyHitsBySevenReportersWithTheSuwonDateline() {
    Cli.Result r = Cli.search(index, "AI 반도체", "--json");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    JsonNode page = r.json();
    assertThat(page.get("total").asLong()).isEqualTo(7);
    assertThat(r.hits("press")).hasSize(7).containsOnly("이데일리");
    assertThat(r.hits("reporter")).doesNotContainNull().doesNotHaveDuplicates().hasSize(7);
    List<String> hwangDatelines = new ArrayList<>();
    page.get("hits").forEach(h -> {
      if (h.get("reporter").asText().equals("황영민")) {
        hwangDatelines.add(h.get("dateline").asText());
      }
    });
    assertThat(hwangDatelines).containsExactly("수원");
  }

  @Test
  void theSeedKeywordQueriesKeepTheEveryWordRule() {
    for (String q : List.of("AI 반도체", "파네시아", "반도체 -배터리", "과기부")) {
      Cli.Result r = Cli.search(index, q, "--json");
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
      assertThat(r.json().get("relaxed").asBoolean()).as(q).isFalse();
    }
  }

  @Test
  void companyNameFindsItsOneArticle() {
    assertThat(Cli.search(index, "파네시아").firstLine()).isEqualTo("뉴스 검색결과 1건");
  }

  @Test
  void excludingBatteryLeavesSixSemiconductorArticles() {
    assertThat(Cli.search(index, "반도체 -배터리").firstLine()).isEqualTo("뉴스 검색결과 6건");
  }

  @Test
  void ministryAbbreviationIsFoundWhateverItsContext() {
    // once in parentheses and once after a minister's name: Nori splits the two differently
    assertThat(Cli.search(index, "과기부").firstLine()).isEqualTo("뉴스 검색결과 2건");
  }

  @Test
  void latestSortAsJsonIsValidJsonWithTwoHits() {
    Cli.Result r = Cli.search(index, "엔비디아", "--sort", "latest", "--json");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    JsonNode page = r.json();
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("hits")).hasSize(2);
  }

  @Test
  void indexingTheSeedAgainChangesNothing() {
    Cli.Result again = Cli.index(index, seed.toString());

    assertThat(again.code()).as(again.toString()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("0 added", "0 updated", "7 unchanged", "0 rejected");
    assertThat(Cli.search(index, "AI 반도체").firstLine()).isEqualTo("뉴스 검색결과 7건");
  }
}
