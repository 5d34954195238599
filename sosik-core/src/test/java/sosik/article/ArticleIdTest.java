package sosik.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdTest {
  private static final String URL = "https://news.hanbit.example/article/2024/12/20/0001";
  private static final Instant T = Instant.parse("2024-12-20T00:30:00Z");

  private static String idOfUrl(String url) {
    return ArticleId.of(ArticleId.canonicalUrl(url), "한빛일보", "제목", T, "본문");
  }

  @Test
  void same_url_gives_same_id() {
    assertThat(idOfUrl(URL)).isEqualTo(idOfUrl(URL));
  }

  @Test
  void with_a_url_the_id_ignores_the_text() {
    String a = ArticleId.of(ArticleId.canonicalUrl(URL), "한빛일보", "처음 제목", T, "처음 본문");
    String b = ArticleId.of(ArticleId.canonicalUrl(URL), "다른일보", "고친 제목", null, "고친 본문");

    assertThat(a).isEqualTo(b);
  }

  @Test
  void different_urls_give_different_ids() {
    assertThat(idOfUrl(URL)).isNotEqualTo(idOfUrl(URL.replace("0001", "0002")));
  }

  @Test
  void id_is_32_lower_case_hex_digits() {
    assertThat(idOfUrl(URL)).matches("[0-9a-f]{32}");
    assertThat(ArticleId.of(null, null, "제목", null, "본문")).matches("[0-9a-f]{32}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://News.Hanbit.EXAMPLE/article/1         | https://news.hanbit.example/article/1",
        "https://news.hanbit.example:443/article/1     | https://news.hanbit.example/article/1",
        "http://news.hanbit.example:80/article/1       | http://news.hanbit.example/article/1",
        "http://news.hanbit.example:8080/article/1     | http://news.hanbit.example:8080/article/1",
        "https://news.hanbit.example:80/article/1      | https://news.hanbit.example:80/article/1",
        "https://news.hanbit.example/article/1#comments | https://news.hanbit.example/article/1",
        "https://news.hanbit.example                   | https://news.hanbit.example/",
        "https://news.hanbit.example/view?id=7&utm_source=naver&utm_medium=news&fbclid=abc | https://news.hanbit.example/view?id=7",
        "https://news.hanbit.example/view?UTM_Campaign=x&id=7&gclid=q&page=2 | https://news.hanbit.example/view?id=7&page=2",
        "https://news.hanbit.example/view?utm_source=naver | https://news.hanbit.example/view",
        "https://news.hanbit.example/Article/View?ID=7  | https://news.hanbit.example/Article/View?ID=7",
        "'  https://news.hanbit.example/article/1  '    | https://news.hanbit.example/article/1"
      })
  void canonical_url_normalises_scheme_host_port_fragment_and_tracking(String url, String canonical) {
    assertThat(ArticleId.canonicalUrl(url)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.hanbit.example/news/1             | https://hanbit.example/news/1",
        "HTTP://WWW.Hanbit.example:80/news/1           | http://hanbit.example/news/1",
        "https://www.news.hanbit.example/news/1        | https://news.hanbit.example/news/1",
        "https://wwwhanbit.example/news/1              | https://wwwhanbit.example/news/1",
        "https://news.hanbit.example/www.html          | https://news.hanbit.example/www.html"
      })
  void www_is_dropped_from_the_host_and_only_there(String url, String canonical) {
    assertThat(ArticleId.canonicalUrl(url)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://news.naver.com/main/read.nhn?mode=LSD&mid=sec&sid1=105&oid=003&aid=0009292935",
        "https://n.news.naver.com/mnews/article/003/0009292935?sid=105",
        "https://n.news.naver.com/mnews/article/003/0009292935",
        "https://n.news.naver.com/article/003/0009292935",
        "http://news.naver.com/main/read.nhn?mode=LS2D&mid=shm&sid1=101&sid2=259&oid=003&aid=0009292935",
        "https://news.naver.com/main/read.naver?oid=003&aid=0009292935&sid1=105",
        "https://news.naver.com/main/ranking/read.nhn?rankingType=popular_day&oid=003&aid=0009292935&date=20190625",
        "https://m.news.naver.com/read.nhn?oid=003&aid=0009292935&sid1=105",
        "https://www.news.naver.com/main/read.nhn?oid=003&aid=0009292935",
        "HTTPS://N.NEWS.NAVER.COM/mnews/article/003/0009292935/?sid=105&utm_source=x#comment"
      })
  void every_form_of_a_naver_news_article_gives_one_canonical_url(String url) {
    assertThat(ArticleId.canonicalUrl(url)).isEqualTo("https://n.news.naver.com/mnews/article/003/0009292935");
  }

  @Test
  void other_naver_pages_and_other_articles_stay_apart() {
    assertThat(ArticleId.canonicalUrl("https://news.naver.com/main/read.nhn?oid=003&aid=0009292936"))
        .isEqualTo("https://n.news.naver.com/mnews/article/003/0009292936");
    assertThat(ArticleId.canonicalUrl("https://news.naver.com/main/read.nhn?oid=018&aid=0009292935"))
        .isEqualTo("https://n.news.naver.com/mnews/article/018/0009292935");
    // not an article: the section page and a comment page keep their own form
    assertThat(ArticleId.canonicalUrl("https://news.naver.com/main/main.naver?mode=LSD&sid1=105"))
        .isEqualTo("https://news.naver.com/main/main.naver?mode=LSD&sid1=105");
    assertThat(ArticleId.canonicalUrl("https://n.news.naver.com/mnews/article/comment/003/0009292935"))
        .isEqualTo("https://n.news.naver.com/mnews/article/comment/003/0009292935");
    assertThat(ArticleId.canonicalUrl("https://news.naver.com/main/read.nhn?oid=003"))
        .isEqualTo("https://news.naver.com/main/read.nhn?oid=003");
  }

  @Test
  void naver_article_forms_give_one_id() {
    assertThat(idOfUrl("https://news.naver.com/main/read.nhn?mode=LSD&mid=sec&sid1=105&oid=003&aid=0009292935"))
        .isEqualTo(idOfUrl("https://n.news.naver.com/mnews/article/003/0009292935?sid=105"));
  }

  @Test
  void url_variants_of_one_article_give_one_id() {
    String id = idOfUrl("https://news.hanbit.example/view?id=7");

    assertThat(idOfUrl("HTTPS://NEWS.hanbit.example:443/view?id=7&utm_source=daum#top")).isEqualTo(id);
    assertThat(idOfUrl("https://news.hanbit.example/view?fbclid=xyz&id=7")).isEqualTo(id);
    assertThat(idOfUrl("https://news.hanbit.example/view?id=8")).isNotEqualTo(id);
  }

  @Test
  void no_url_gives_null_canonical_url() {
    assertThat(ArticleId.canonicalUrl(null)).isNull();
    assertThat(ArticleId.canonicalUrl("  ")).isNull();
  }

  @Test
  void without_url_the_id_is_stable_for_the_same_text() {
    assertThat(ArticleId.of(null, "한빛일보", "제목", T, "본문")).isEqualTo(ArticleId.of(null, "한빛일보", "제목", T, "본문"));
  }

  @Test
  void without_url_the_id_changes_when_press_title_date_or_body_changes() {
    String base = ArticleId.of(null, "한빛일보", "금리 동결", T, "한국은행이 기준금리를 동결했다.");

    assertThat(ArticleId.of(null, "다른일보", "금리 동결", T, "한국은행이 기준금리를 동결했다.")).isNotEqualTo(base);
    assertThat(ArticleId.of(null, null, "금리 동결", T, "한국은행이 기준금리를 동결했다.")).isNotEqualTo(base);
    assertThat(ArticleId.of(null, "한빛일보", "금리 인하", T, "한국은행이 기준금리를 동결했다.")).isNotEqualTo(base);
    assertThat(ArticleId.of(null, "한빛일보", "금리 동결", T.plusSeconds(60), "한국은행이 기준금리를 동결했다.")).isNotEqualTo(base);
    assertThat(ArticleId.of(null, "한빛일보", "금리 동결", null, "한국은행이 기준금리를 동결했다.")).isNotEqualTo(base);
    assertThat(ArticleId.of(null, "한빛일보", "금리 동결", T, "한국은행이 기준금리를 인하했다.")).isNotEqualTo(base);
  }

  @Test
  void without_url_parts_do_not_run_into_each_other() {
    // press "한빛" + title "일보 제목" must not collide with press "한빛일보" + title "제목"
    assertThat(ArticleId.of(null, "한빛", "일보 제목", T, "본문")).isNotEqualTo(ArticleId.of(null, "한빛일보", " 제목", T, "본문"));
    assertThat(ArticleId.of(null, null, "제목", null, "본문")).isNotEqualTo(ArticleId.of(null, null, "제목본문", null, ""));
  }

  @Test
  void a_url_and_no_url_never_share_an_id() {
    assertThat(ArticleId.of(ArticleId.canonicalUrl(URL), "한빛일보", "제목", T, "본문"))
        .isNotEqualTo(ArticleId.of(null, "한빛일보", "제목", T, "본문"));
  }

  @Test
  void without_url_a_source_id_tells_identical_records_apart() {
    String a = ArticleId.of(null, "kq-1", null, "제목", null, "같은 본문");
    String b = ArticleId.of(null, "kq-2", null, "제목", null, "같은 본문");

    assertThat(a).isNotEqualTo(b);
    assertThat(a).isEqualTo(ArticleId.of(null, "kq-1", null, "제목", null, "같은 본문"));
    assertThat(ArticleId.of(null, null, null, "제목", null, "같은 본문")).isEqualTo(ArticleId.of(null, null, "제목", null, "같은 본문"));
  }

  @Test
  void with_a_url_the_source_id_does_not_matter() {
    String canonical = ArticleId.canonicalUrl(URL);

    assertThat(ArticleId.of(canonical, "kq-1", null, "제목", null, "본문")).isEqualTo(ArticleId.of(canonical, null, "제목", null, "본문"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://x", "not a url", "news.hanbit.example/article/1", "mailto:desk@hanbit.example", "https://", "http:///path-only"})
  void invalid_url_is_rejected_naming_the_url(String url) {
    assertThatThrownBy(() -> ArticleId.canonicalUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + url + "'");
  }

  @Test
  void the_stored_link_keeps_www_while_the_identity_drops_it() {
    String u = "https://WWW.Hanbit.example/news/1?utm_source=x#top";
    assertThat(ArticleId.linkUrl(u)).isEqualTo("https://www.hanbit.example/news/1");
    assertThat(ArticleId.canonicalUrl(u)).isEqualTo("https://hanbit.example/news/1");
    assertThat(ArticleId.canonicalUrl(ArticleId.linkUrl(u))).isEqualTo(ArticleId.canonicalUrl(u));
  }
}
