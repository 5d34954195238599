package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik aliases list|add|remove|learn}. */
class AliasesCommandTest {
  @TempDir Path index;

  Cli.Result aliases(String sub, String... rest) {
    return Cli.run(Cli.prepend(rest, "aliases", sub, "--index", index.toString()));
  }

  @Test
  void addListAndRemoveAPair() throws Exception {
    Cli.Result add = aliases("add", "과기부", "과학기술정보통신부");
    assertThat(add.code()).as(add.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(index.resolve("aliases.tsv"))).contains("과기부\t과학기술정보통신부\tmanual");

    JsonNode list = aliases("list", "--json").json();
    assertThat(list.get("in_use").asInt()).isEqualTo(1);
    JsonNode pair = list.get("pairs").get(0);
    assertThat(pair.get("short").asText()).isEqualTo("과기부");
    assertThat(pair.get("long").asText()).isEqualTo("과학기술정보통신부");
    assertThat(pair.get("state").asText()).isEqualTo("manual");
    assertThat(pair.get("in_use").asBoolean()).isTrue();
    assertThat(aliases("list").out()).contains("과기부\t과학기술정보통신부\tmanual");

    Cli.Result remove = aliases("remove", "과기부", "과학기술정보통신부");
    assertThat(remove.code()).as(remove.toString()).isEqualTo(ExitCodes.OK);
    assertThat(aliases("list", "--json").json().get("pairs")).isEmpty();
  }

  @Test
  void anEmptyOrIdenticalPairIsRefusedNamingIt() {
    Cli.Result same = aliases("add", "AI", "ai");
    assertThat(same.code()).isNotEqualTo(ExitCodes.OK);
    assertThat(same.err()).contains("'AI' = 'ai'").contains("the same");
    Cli.Result empty = aliases("add", "", "인공지능");
    assertThat(empty.code()).isNotEqualTo(ExitCodes.OK);
    assertThat(empty.err()).contains("short form is empty");
    Cli.Result unknown = aliases("remove", "국힘", "국민의힘");
    assertThat(unknown.code()).isNotEqualTo(ExitCodes.OK);
    assertThat(unknown.err()).contains("'국힘' = '국민의힘' is not a known pair");
    assertThat(Files.exists(index.resolve("aliases.tsv"))).isFalse();
  }

  @Test
  void aManualPairMakesASearchFindBothForms() throws Exception {
    Cli.Result indexed = Cli.index(index, Cli.fixture("listing.txt").toString());
    assertThat(indexed.code()).as(indexed.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.search(index, "솔빛", "--json").json().get("total").asLong()).isZero();
    aliases("add", "솔빛", "솔빛나노텍");
    Cli.Result found = Cli.search(index, "솔빛");
    assertThat(found.firstLine()).isEqualTo("뉴스 검색결과 2건");
    assertThat(found.out()).contains("**솔빛나노텍**");
  }
}
