package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sosik index --now}: the time a listing's relative dates are read against. */
class IndexNowTest {
  @TempDir Path tmp;

  @Test
  void relative_dates_are_read_against_now_given_in_korea_time() throws Exception {
    Path f = Files.writeString(tmp.resolve("busan.txt"), """
        - 광안리 불꽃축제 인파
        - [부산=남해신문 송파도 기자] (3시간 전) 광안리 불꽃축제에 인파가 몰렸다.
        """);

    Cli.Result r = Cli.index(tmp.resolve("i"), f.toString(), "--now", "2025-01-01T02:00");
    Cli.Result hit = Cli.search(tmp.resolve("i"), "불꽃축제", "--json");
    Cli.Result bad = Cli.index(tmp.resolve("i"), f.toString(), "--now", "어제");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(hit.hits("published_at")).containsExactly("2024-12-31T23:00:00+09:00");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).startsWith("sosik: --now: '어제' is not an ISO-8601 date");
  }
}
