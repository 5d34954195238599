package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik index --encoding}: found by default, forced when asked, refused when unknown. */
class IndexEncodingTest {
  private static final String LISTING = """
      - 태백 눈꽃축제 개막
      - [태백=강원새소식 한겨울 기자] 태백산 눈꽃축제가 열흘 일정으로 막을 올렸다.
      """;

  @TempDir Path tmp;

  @Test
  void euc_kr_file_is_indexed_without_options_and_with_encoding_given() throws Exception {
    Path f = Files.write(tmp.resolve("taebaek.txt"), LISTING.getBytes(Charset.forName("EUC-KR")));

    Cli.Result found = Cli.index(tmp.resolve("a"), f.toString(), "--json");
    Cli.Result forced = Cli.index(tmp.resolve("b"), f.toString(), "--encoding", "EUC-KR", "--json");

    assertThat(found.code()).as(found.toString()).isEqualTo(ExitCodes.OK);
    assertThat(found.json().get("added").asInt()).isEqualTo(1);
    assertThat(forced.code()).as(forced.toString()).isEqualTo(ExitCodes.OK);
    Cli.Result hit = Cli.search(tmp.resolve("b"), "눈꽃축제");
    assertThat(hit.out()).contains("뉴스 검색결과 1건");
  }

  @Test
  void wrong_forced_encoding_rejects_the_articles_and_an_unknown_one_is_a_usage_error() throws Exception {
    Path f = Files.write(tmp.resolve("taebaek.txt"), LISTING.getBytes(Charset.forName("EUC-KR")));

    Cli.Result wrong = Cli.index(tmp.resolve("c"), f.toString(), "--encoding", "UTF-8");
    Cli.Result unknown = Cli.index(tmp.resolve("d"), f.toString(), "--encoding", "x-no-such");

    assertThat(wrong.code()).as(wrong.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(wrong.err()).contains("taebaek.txt:1: text does not decode as UTF-8");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).startsWith("sosik: unknown encoding 'x-no-such'");
  }
}
