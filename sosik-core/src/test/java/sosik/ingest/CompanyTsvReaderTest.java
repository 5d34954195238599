package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sosik.article.Article;
import sosik.testing.Fixtures;

class CompanyTsvReaderTest {
  private final CompanyTsvReader reader = new CompanyTsvReader();
  private final ArticleNormalizer normalizer = new ArticleNormalizer();

  private CollectingSink read() throws IOException {
    return CollectingSink.read(reader, Fixtures.path("company-tsv/news.txt"));
  }

  private ArticleDraft at(CollectingSink s, int line) {
    return s.articles.stream().filter(r -> r.line() == line).findFirst().orElseThrow().draft();
  }

  @Test
  void name_is_company_tsv_and_formats_knows_it() {
    assertThat(reader.name()).isEqualTo("company-tsv");
    assertThat(Formats.byName("company-tsv")).isInstanceOf(CompanyTsvReader.class);
    assertThat(Formats.names()).contains("company-tsv");
  }

  @Test
  void good_rows_are_read_at_their_lines_and_broken_ones_rejected_at_theirs() throws IOException {
    CollectingSink s = read();

    assertThat(s.articleLines()).containsExactly(1, 2, 5, 6, 8, 10);
    assertThat(s.rejections).extracting(CollectingSink.Problem::line).containsExactly(3, 7, 9);
  }

  @Test
  void a_row_with_too_few_columns_is_rejected_saying_what_was_expected() throws IOException {
    CollectingSink.Problem p = read().rejections.get(0);

    assertThat(p.line()).isEqualTo(3);
    assertThat(p.problem()).contains("5 tab-separated columns").contains("found 3");
  }

  @Test
  void a_bad_date_is_rejected_naming_the_column_and_the_text() throws IOException {
    CollectingSink.Problem p = read().rejections.get(1);

    assertThat(p.line()).isEqualTo(7);
    assertThat(p.problem()).contains("date").contains("'어제'");
  }

  @Test
  void more_columns_without_a_url_last_are_rejected() throws IOException {
    CollectingSink.Problem p = read().rejections.get(2);

    assertThat(p.line()).isEqualTo(9);
    assertThat(p.problem()).contains("URL").contains("'주소 자리'");
  }

  @Test
  void columns_are_read_as_date_press_title_body_url() throws IOException {
    ArticleDraft d = at(read(), 1);

    assertThat(d.publishedAt()).isEqualTo("2019-06-25");
    assertThat(d.title()).isEqualTo("한빛전자, 2분기 영업이익 23% 늘어");
    assertThat(d.body()).startsWith("[이데일리 김하늘 기자] 한빛전자가");
    assertThat(d.url()).isEqualTo("https://news.naver.com/main/read.nhn?mode=LSD&mid=sec&sid1=101&oid=018&aid=0000000101");
    assertThat(d.section()).isEqualTo("경제");
  }

  @Test
  void a_known_press_label_gives_the_press_name_and_the_label_is_kept() throws IOException {
    CollectingSink s = read();

    assertThat(at(s, 1).press()).isEqualTo("이데일리");
    assertThat(at(s, 1).extra()).containsEntry("press_label", "\"edaily\"");
    assertThat(at(s, 2).press()).isEqualTo("새날경제");
    assertThat(at(s, 2).extra()).isEmpty();
  }

  @Test
  void the_date_is_the_day_in_korea_time() throws IOException {
    Article a = normalizer.normalize(at(read(), 1));

    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2019-06-24T15:00:00Z"));
  }

  @Test
  void normalized_the_byline_and_signature_leave_the_body_and_the_portal_url_is_canonical() throws IOException {
    Article a = normalizer.normalize(at(read(), 1));

    assertThat(a.press()).isEqualTo("이데일리");
    assertThat(a.reporters()).containsExactly("김하늘");
    assertThat(a.body()).isEqualTo("한빛전자가 2분기 영업이익이 지난해보다 23% 늘었다고 25일 밝혔다.");
    assertThat(a.url()).isEqualTo("https://n.news.naver.com/mnews/article/018/0000000101");
  }

  @Test
  void the_same_article_under_another_naver_url_form_has_the_same_id() throws IOException {
    CollectingSink s = read();

    assertThat(normalizer.normalize(at(s, 8)).id()).isEqualTo(normalizer.normalize(at(s, 1)).id());
  }

  @Test
  void a_carriage_return_before_the_line_feed_is_dropped() throws IOException {
    ArticleDraft d = at(read(), 2);

    assertThat(d.url()).endsWith("aid=0000000102");
    assertThat(d.section()).isEqualTo("IT과학");
  }

  @Test
  void tabs_inside_the_body_join_its_columns() throws IOException {
    ArticleDraft d = at(read(), 5);

    assertThat(d.body()).isEqualTo("첫 문단이다. 둘째 문단이다. 셋째 문단이다.");
    assertThat(d.press()).isEqualTo("머니투데이");
  }

  @Test
  void a_lone_carriage_return_inside_the_body_is_a_line_break_not_a_new_row() throws IOException {
    ArticleDraft d = at(read(), 6);

    assertThat(d.body()).isEqualTo("남부지방부터 장마가 시작됐다.\n중부지방은 주말부터 비가 온다.");
    assertThat(d.section()).isEqualTo("사회");
  }

  @Test
  void an_empty_body_is_read_and_then_rejected_by_the_normalizer() throws IOException {
    ArticleDraft d = at(read(), 10);

    assertThatThrownBy(() -> normalizer.normalize(d)).hasMessageContaining("'body'");
  }

  @Test
  void text_without_a_trailing_line_feed_ends_the_last_row() throws IOException {
    CollectingSink s = CollectingSink.read(reader, "2019.01.02.\t한빛일보\t제목\t본문\thttps://news.hanbit.example/1");

    assertThat(s.articleLines()).containsExactly(1);
    assertThat(s.drafts().get(0).section()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2019.06.25.  | 2019-06-25",
        "2019.6.5.    | 2019-06-05",
        "2019.06.25   | 2019-06-25",
        "2019. 06. 25.| 2019-06-25",
        "2019-06-25   | 2019-06-25"
      })
  void dates_are_read(String text, String iso) {
    assertThat(CompanyTsvReader.isoDate(text.strip())).isEqualTo(iso);
  }

  @ParameterizedTest
  @CsvSource({"2019.13.01.", "2019.02.30.", "어제", "20190625", "''"})
  void non_dates_are_not_read(String text) {
    assertThat(CompanyTsvReader.isoDate(text)).isNull();
  }

  @Test
  void walking_a_directory_takes_only_txt_files() {
    assertThat(reader.reads(Path.of("data", "contents.txt"))).isTrue();
    assertThat(reader.reads(Path.of("data", "crawling.xlsx"))).isFalse();
  }
}
