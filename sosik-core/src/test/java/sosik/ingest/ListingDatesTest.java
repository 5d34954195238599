package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.KoreaTime;
import sosik.index.lucene.LuceneNewsIndex;

/** Dates in the listing format, as a portal's result page shows them, read against the file's time or --now. */
class ListingDatesTest {
  private static final String LISTING = """
      뉴스 검색결과 5건
      - 제주 감귤 첫 출하
      - [제주=탐라신문 고은별 기자] (3시간 전) 올해 첫 노지 감귤이 출하됐다.
      - 서귀포 올레길 새 코스
      - [탐라신문 문바람 기자] (20일) 올레길에 새 코스가 생겼다.
      - 한라산 첫눈
      - [탐라신문 강한라 기자] (2024.11.02. 오후 3:05) 한라산에 첫눈이 내렸다.
      - 성산 일출 축제 준비
      - (2024.12.20.) 성산 일출 축제 준비가 한창이다.
      - 우도 배편 증편
      - [탐라신문 부두리 기자] (우도 주민 제공) 우도 배편이 늘어난다.
      """;

  @TempDir Path tmp;
  private LuceneNewsIndex index;

  @BeforeEach
  void open() throws IOException {
    index = LuceneNewsIndex.open(tmp.resolve("index"), LuceneNewsIndex.Mode.WRITE);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private static Instant kst(String t) {
    return LocalDateTime.parse(t).atZone(KoreaTime.ZONE).toInstant();
  }

  private Map<String, Instant> datesByTitle() throws IOException {
    Map<String, Instant> m = new LinkedHashMap<>();
    index.forEach(a -> m.put(a.title(), a.publishedAt()));
    return m;
  }

  @Test
  void reader_takes_a_parenthesised_date_after_the_byline_and_leaves_other_parentheses_in_the_body() throws IOException {
    CollectingSink s = CollectingSink.read(new ListingReader(), LISTING);

    assertThat(s.rejections).isEmpty();
    assertThat(s.drafts()).extracting(ArticleDraft::publishedAt)
        .containsExactly("3시간 전", "20일", "2024.11.02. 오후 3:05", "2024.12.20.", null);
    assertThat(s.drafts().get(0).body()).isEqualTo("올해 첫 노지 감귤이 출하됐다.");
    assertThat(s.drafts().get(4).body()).isEqualTo("(우도 주민 제공) 우도 배편이 늘어난다.");
  }

  @Test
  void relative_dates_are_read_against_the_files_modification_time_at_a_year_boundary() throws IOException {
    Path f = Files.writeString(tmp.resolve("jeju.txt"), LISTING, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.from(kst("2025-01-02T01:00")));

    IngestReport r = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(f), null);

    assertThat(r.hasRejections()).as("%s", r.rejections()).isFalse();
    Map<String, Instant> d = datesByTitle();
    assertThat(d.get("제주 감귤 첫 출하")).isEqualTo(kst("2025-01-01T22:00"));
    assertThat(d.get("서귀포 올레길 새 코스")).isEqualTo(kst("2024-12-20T00:00"));
    assertThat(d.get("한라산 첫눈")).isEqualTo(kst("2024-11-02T15:05"));
    assertThat(d.get("성산 일출 축제 준비")).isEqualTo(kst("2024-12-20T00:00"));
    assertThat(d.get("우도 배편 증편")).isNull();
  }

  @Test
  void now_given_overrides_the_file_time_and_a_day_the_month_lacks_is_rejected_by_line() throws IOException {
    Path f = Files.writeString(tmp.resolve("jeju.txt"), LISTING, StandardCharsets.UTF_8);
    Path g = Files.writeString(tmp.resolve("feb.txt"), "- 2월 기사\n- [탐라신문 오름 기자] (30일) 날짜가 맞지 않는 기사.\n");

    IngestReport r = new Ingestor(index, new ArticleNormalizer(), null).now(kst("2025-03-10T12:00"))
        .ingestPaths(List.of(f, g), null);

    Map<String, Instant> d = datesByTitle();
    assertThat(d.get("제주 감귤 첫 출하")).isEqualTo(kst("2025-03-10T09:00"));
    assertThat(d.get("서귀포 올레길 새 코스")).isEqualTo(kst("2025-02-20T00:00"));
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(g.toString());
      assertThat(rej.line()).isEqualTo(1);
      assertThat(rej.problem()).isEqualTo("field 'published_at': '30일' is not a day of 2025-02 (read against 2025.03.10. 12:00 Korea time)");
    });
  }
}
