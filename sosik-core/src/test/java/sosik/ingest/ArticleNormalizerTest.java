package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import sosik.article.Article;
import sosik.article.ArticleId;

class ArticleNormalizerTest {
  private final ArticleNormalizer normalizer = new ArticleNormalizer();

  private static ArticleDraft draft(String title, String body, String press, List<String> reporters, String dateline) {
    return new ArticleDraft(title, body, press, reporters, dateline, null, null, null, Map.of());
  }

  private static ArticleDraft withDate(String publishedAt) {
    return new ArticleDraft("제목", "본문", null, List.of(), null, publishedAt, null, null, Map.of());
  }

  private static ArticleDraft withUrl(String url) {
    return new ArticleDraft("제목", "본문", null, List.of(), null, null, url, null, Map.of());
  }

  /** Digits of a message with thousands separators of any locale removed. */
  private static String ungrouped(String message) {
    return message.replaceAll("(?<=\\d)[,.\\u00a0\\u202f' ](?=\\d{3})", "");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t"})
  void empty_title_is_rejected_naming_the_field(String title) {
    assertThatThrownBy(() -> normalizer.normalize(draft(title, "본문이 있다.", null, List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'title'")
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  \n  "})
  void empty_body_is_rejected_naming_the_field(String body) {
    assertThatThrownBy(() -> normalizer.normalize(draft("제목", body, null, List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'body'")
        .hasMessageContaining("empty");
  }

  @Test
  void body_that_is_only_a_byline_is_empty() {
    assertThatThrownBy(() -> normalizer.normalize(draft("제목", "[이데일리 김현아 기자]  ", null, List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'body'")
        .hasMessageContaining("empty");
  }

  @Test
  void body_over_the_limit_is_rejected_with_its_size_and_the_limit() {
    String tenMegabytes = "가".repeat(10 * 1024 * 1024);

    assertThatThrownBy(() -> normalizer.normalize(draft("큰 기사", tenMegabytes, null, List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'body'")
        .satisfies(e -> assertThat(ungrouped(e.getMessage()))
            .contains(String.valueOf(10 * 1024 * 1024))
            .contains(String.valueOf(ArticleNormalizer.DEFAULT_MAX_BODY_CHARS)));
  }

  @Test
  void body_at_the_limit_is_accepted_and_one_more_is_not() {
    ArticleNormalizer small = new ArticleNormalizer(100);

    assertThat(small.normalize(draft("제목", "나".repeat(100), null, List.of(), null)).body()).hasSize(100);
    assertThatThrownBy(() -> small.normalize(draft("제목", "나".repeat(101), null, List.of(), null)))
        .hasMessageContaining("101")
        .hasMessageContaining("100");
  }

  @Test
  void title_over_its_limit_is_rejected_naming_the_field() {
    String title = "제".repeat(ArticleNormalizer.MAX_TITLE_CHARS + 1);

    assertThatThrownBy(() -> normalizer.normalize(draft(title, "본문", null, List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'title'");
  }

  @Test
  void overlong_press_is_rejected_naming_the_field() {
    String press = "언".repeat(ArticleNormalizer.MAX_FIELD_CHARS + 1);

    assertThatThrownBy(() -> normalizer.normalize(draft("제목", "본문", press, List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'press'");
  }

  @Test
  void byline_opening_the_body_fills_press_reporter_and_dateline_when_absent() {
    Article a = normalizer.normalize(draft("대전시, 하천 정비", "[대전=한빛일보 이도윤 기자] 대전시가 하천 정비에 나선다.", null, List.of(), null));

    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("이도윤");
    assertThat(a.dateline()).isEqualTo("대전");
    assertThat(a.body()).isEqualTo("대전시가 하천 정비에 나선다.");
  }

  @Test
  void fields_given_in_the_record_win_over_the_byline_but_the_byline_leaves_the_body() {
    Article a = normalizer.normalize(draft("제목", "[대전=한빛일보 이도윤 기자] 본문이다.", "새벽뉴스", List.of("오세린"), "세종"));

    assertThat(a.press()).isEqualTo("새벽뉴스");
    assertThat(a.reporters()).containsExactly("오세린");
    assertThat(a.dateline()).isEqualTo("세종");
    assertThat(a.body()).isEqualTo("본문이다.");
  }

  @Test
  void byline_fills_only_the_missing_parts() {
    Article a = normalizer.normalize(draft("제목", "[대전=한빛일보 이도윤 기자] 본문이다.", "한빛일보", List.of(), null));

    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("이도윤");
    assertThat(a.dateline()).isEqualTo("대전");
  }

  @Test
  void headline_like_bracket_opening_the_body_stays_in_the_body() {
    Article a = normalizer.normalize(draft("제목", "[사설] 정부가 또 대책을 내놓았다.", null, List.of(), null));

    assertThat(a.body()).isEqualTo("[사설] 정부가 또 대책을 내놓았다.");
    assertThat(a.press()).isNull();
  }

  @Test
  void wire_byline_opening_the_body_fills_the_missing_fields() {
    Article a = normalizer.normalize(draft("제목", "(세종=연합뉴스) 오세린 기자 = 정부가 내년 예산안을 확정했다.", null, List.of(), null));

    assertThat(a.press()).isEqualTo("연합뉴스");
    assertThat(a.reporters()).containsExactly("오세린");
    assertThat(a.dateline()).isEqualTo("세종");
    assertThat(a.body()).isEqualTo("정부가 내년 예산안을 확정했다.");
  }

  @Test
  void trailing_signature_and_portal_links_leave_the_body_and_fill_the_reporter() {
    Article a = normalizer.normalize(draft("제목", "정부가 내년 예산안을 확정했다.오세린 기자 oh@hanbit.example▶ 한빛일보 구독하기", "한빛일보", List.of(), null));

    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("오세린");
    assertThat(a.body()).isEqualTo("정부가 내년 예산안을 확정했다.");
    assertThat(a.extra()).isEmpty(); // the e-mail is not kept
  }

  @Test
  void signature_fills_only_what_the_record_lacks() {
    Article a = normalizer.normalize(draft("제목", "[서울=뉴스1] 정부가 내년 예산안을 확정했다. 오세린 기자 oh@hanbit.example", "한빛일보", List.of("김서연"), null));

    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("김서연");
    assertThat(a.dateline()).isEqualTo("서울");
    assertThat(a.body()).isEqualTo("정부가 내년 예산안을 확정했다.");
  }

  @Test
  void photo_credit_opening_the_body_is_not_a_byline() {
    Article a = normalizer.normalize(draft("제목", "(사진=공지유 기자) 정부가 내년 예산안을 확정했다.", null, List.of(), null));

    assertThat(a.reporters()).isEmpty();
    assertThat(a.body()).isEqualTo("(사진=공지유 기자) 정부가 내년 예산안을 확정했다.");
  }

  @Test
  void headline_prefix_stays_in_the_headline() {
    Article a = normalizer.normalize(draft("[미리보는 이데일리 신문]통상임금 확대 쇼크", "[이데일리 김현아 기자] 통상임금 범위가 넓어진다.", null, List.of(), null));

    assertThat(a.title()).isEqualTo("[미리보는 이데일리 신문]통상임금 확대 쇼크");
    assertThat(a.press()).isEqualTo("이데일리");
    assertThat(a.body()).isEqualTo("통상임금 범위가 넓어진다.");
  }

  @Test
  void reporter_suffix_기자_is_dropped() {
    Article a = normalizer.normalize(draft("제목", "본문", "한빛일보", List.of("김서연 기자", "박준호기자", " 이도윤 "), null));

    assertThat(a.reporters()).containsExactly("김서연", "박준호", "이도윤");
  }

  @Test
  void whitespace_is_trimmed_and_runs_in_short_fields_collapse() {
    Article a =
        normalizer.normalize(
            new ArticleDraft(
                "  한빛전자,\n 전력반도체   양산  ",
                "\n  한빛전자가 양산을 시작했다.\n\n둘째 문단이다.  \n",
                " 한빛일보 ",
                List.of("  김서연  ", "   "),
                "  평택 ",
                " 2024-12-03T10:15:00+09:00 ",
                " https://news.hanbit.example/article/0001 ",
                "  경제 ",
                Map.of()));

    assertThat(a.title()).isEqualTo("한빛전자, 전력반도체 양산");
    assertThat(a.body()).isEqualTo("한빛전자가 양산을 시작했다.\n\n둘째 문단이다.");
    assertThat(a.press()).isEqualTo("한빛일보");
    assertThat(a.reporters()).containsExactly("김서연");
    assertThat(a.dateline()).isEqualTo("평택");
    assertThat(a.section()).isEqualTo("경제");
    assertThat(a.url()).isEqualTo("https://news.hanbit.example/article/0001");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-12-03T01:15:00Z"));
  }

  @Test
  void blank_optional_fields_become_null() {
    Article a = normalizer.normalize(new ArticleDraft("제목", "본문", "  ", List.of(), "", " ", " ", "\t", Map.of()));

    assertThat(a.press()).isNull();
    assertThat(a.dateline()).isNull();
    assertThat(a.publishedAt()).isNull();
    assertThat(a.url()).isNull();
    assertThat(a.section()).isNull();
  }

  @Test
  void published_at_without_zone_is_korea_time() {
    assertThat(normalizer.normalize(withDate("2024-12-20T09:30")).publishedAt()).isEqualTo(Instant.parse("2024-12-20T00:30:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"어제 오후", "2024/12/20", "2024-12-32"})
  void bad_published_at_is_rejected_naming_the_field_and_the_text(String text) {
    assertThatThrownBy(() -> normalizer.normalize(withDate(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'published_at'")
        .hasMessageContaining(text);
  }

  @Test
  void bad_url_is_rejected_naming_the_field_and_the_url() {
    assertThatThrownBy(() -> normalizer.normalize(withUrl("ftp://files.hanbit.example/a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'url'")
        .hasMessageContaining("ftp://files.hanbit.example/a");
  }

  @Test
  void url_is_canonicalised_and_gives_the_id() {
    Article a = normalizer.normalize(withUrl("HTTPS://News.Hanbit.example:443/view?id=7&utm_source=naver#top"));

    assertThat(a.url()).isEqualTo("https://news.hanbit.example/view?id=7");
    assertThat(a.id()).isEqualTo(ArticleId.of("https://news.hanbit.example/view?id=7", null, "다른 제목", null, "다른 본문"));
  }

  @Test
  void same_url_with_other_text_gives_the_same_id() {
    Article first = normalizer.normalize(new ArticleDraft("제목", "처음 본문", null, List.of(), null, null, "https://news.hanbit.example/a/1", null, Map.of()));
    Article edited = normalizer.normalize(new ArticleDraft("고친 제목", "고친 본문", null, List.of(), null, null, "https://news.hanbit.example/a/1?utm_medium=x", null, Map.of()));

    assertThat(edited.id()).isEqualTo(first.id());
  }

  @Test
  void without_url_the_same_text_gives_the_same_id_and_other_text_another() {
    Article a = normalizer.normalize(draft("제목", "[한빛일보 김서연 기자] 본문", null, List.of(), null));
    Article again = normalizer.normalize(draft(" 제목 ", "[한빛일보 김서연 기자]   본문 ", null, List.of(), null));
    Article other = normalizer.normalize(draft("제목", "[한빛일보 김서연 기자] 다른 본문", null, List.of(), null));

    assertThat(again.id()).isEqualTo(a.id());
    assertThat(other.id()).isNotEqualTo(a.id());
  }

  @Test
  void without_url_records_with_the_same_text_but_different_source_ids_are_different_articles() {
    ArticleDraft first = new ArticleDraft("같은 제목", "같은 본문", null, List.of(), null, null, null, null, Map.of("id", "\"kq-1\""));
    ArticleDraft second = new ArticleDraft("같은 제목", "같은 본문", null, List.of(), null, null, null, null, Map.of("id", "\"kq-2\""));

    assertThat(normalizer.normalize(first).id()).isNotEqualTo(normalizer.normalize(second).id());
    assertThat(normalizer.normalize(first).id()).isEqualTo(normalizer.normalize(first).id());
  }

  @Test
  void extra_fields_are_kept() {
    Article a = normalizer.normalize(new ArticleDraft("제목", "본문", null, List.of(), null, null, null, null, Map.of("tags", "[\"조선\"]")));

    assertThat(a.extra()).containsEntry("tags", "[\"조선\"]");
  }
}
