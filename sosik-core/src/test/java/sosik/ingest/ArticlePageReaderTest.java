package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sosik.testing.Fixtures;

class ArticlePageReaderTest {
  private final ArticlePageReader reader = new ArticlePageReader();

  private CollectingSink read(String fixture) throws IOException {
    return CollectingSink.readBytes(reader, Fixtures.path("html/" + fixture));
  }

  private CollectingSink page(String html) throws IOException {
    return CollectingSink.readBytes(reader, html.getBytes(StandardCharsets.UTF_8), null, null);
  }

  private ArticleDraft only(CollectingSink s) {
    assertThat(s.rejections).isEmpty();
    assertThat(s.articles).hasSize(1);
    return s.drafts().get(0);
  }

  @Test
  void name_is_html_and_it_takes_html_and_htm_files() {
    assertThat(reader.name()).isEqualTo("html");
    assertThat(reader.reads(Path.of("a/page.html"))).isTrue();
    assertThat(reader.reads(Path.of("a/page.HTM"))).isTrue();
    assertThat(reader.reads(Path.of("a/page.xml"))).isFalse();
    assertThat(Formats.forFile(Path.of("x.html"))).isInstanceOf(ArticlePageReader.class);
    assertThat(Formats.forFile(Path.of("x.htm"))).isInstanceOf(ArticlePageReader.class);
    assertThat(Formats.byName("html")).isInstanceOf(ArticlePageReader.class);
  }

  // ---- a page with Open Graph and JSON-LD

  @Test
  void page_gives_headline_press_date_reporters_url_and_section_from_its_metadata() throws IOException {
    CollectingSink s = read("article_full.html");
    ArticleDraft d = only(s);

    assertThat(s.articleLines()).containsExactly(0);
    assertThat(d.title()).as("og:title").isEqualTo("한빛전자, 차세대 전력반도체 양산 돌입");
    assertThat(d.press()).as("og:site_name").isEqualTo("한빛일보");
    assertThat(d.publishedAt()).isEqualTo("2024-12-20T09:30:00+09:00");
    assertThat(d.reporters()).as("JSON-LD author").containsExactly("김서연", "박준호");
    assertThat(d.url()).as("canonical, before og:url").isEqualTo("https://news.hanbit.example/article/2024122001");
    assertThat(d.section()).isEqualTo("경제");
  }

  @Test
  void body_is_the_article_text_one_paragraph_a_line() throws IOException {
    ArticleDraft d = only(read("article_full.html"));

    assertThat(d.body()).isEqualTo("""
        한빛전자가 경기 평택 공장에서 차세대 전력반도체 양산을 시작했다고 20일 밝혔다.
        회사는 이번 제품이 기존 실리콘 소자보다 전력 손실을 30% 줄였다고 설명했다.
        업계는 전기차와 데이터센터 수요가 내년에도 이어질 것으로 본다.
        한빛전자는 내년 상반기 2공장 가동도 검토하고 있다.""");
  }

  @Test
  void body_leaves_out_navigation_ads_captions_related_and_most_read_blocks_forms_scripts_and_footer() throws IOException {
    ArticleDraft d = only(read("article_full.html"));

    assertThat(d.body()).doesNotContain(
        "정치", "광고", "가입하면", "사진=", "양산 라인", "관련기사", "전력반도체 시장", "많이 본 뉴스", "연예인",
        "뉴스레터", "구독", "공유하기", "Copyright", "대표전화", "추적 스크립트", "dataLayer", "kicker", "산업", "입력");
  }

  @Test
  void normalized_page_keeps_the_canonical_url_as_its_identity() throws IOException {
    ArticleDraft d = only(read("article_full.html"));

    var article = new ArticleNormalizer().normalize(d);

    assertThat(article.url()).isEqualTo("https://news.hanbit.example/article/2024122001");
    assertThat(article.reporters()).containsExactly("김서연", "박준호");
    assertThat(article.body()).startsWith("한빛전자가");
  }

  // ---- a page without metadata

  @Test
  void plain_page_takes_the_h1_the_time_element_and_the_author_meta() throws IOException {
    ArticleDraft d = only(read("article_plain.html"));

    assertThat(d.title()).isEqualTo("대전시, 도심 하천 정비에 1200억 투입");
    assertThat(d.publishedAt()).as("<time datetime> without a zone is Korea time").isEqualTo("2024-12-19T14:20:00+09:00");
    assertThat(d.reporters()).containsExactly("이도윤");
    assertThat(d.press()).isNull();
    assertThat(d.url()).as("a file has no address").isNull();
  }

  @Test
  void plain_page_body_is_the_densest_block_with_br_lines_and_without_related_or_most_read() throws IOException {
    ArticleDraft d = only(read("article_plain.html"));

    assertThat(d.body()).isEqualTo("""
        대전시가 갑천과 유등천, 대전천 등 도심 하천 정비 사업에 1200억원을 투입한다.
        시는 19일 이 같은 내용을 담은 '3대 하천 명품화 계획'을 발표했다.
        계획에 따르면 시는 2027년까지 하천 산책로 40㎞를 새로 놓고 수변 공원 다섯 곳을 조성한다.
        시 관계자는 "시민이 일상에서 물길을 누리도록 하겠다"고 말했다.""");
  }

  @Test
  void fetched_page_without_canonical_link_takes_the_address_it_came_from() throws IOException {
    byte[] html = Files.readAllBytes(Fixtures.path("html/article_plain.html"));

    CollectingSink s = CollectingSink.readBytes(reader, html, null, "https://news.saebyeok.example/n/1219?utm_medium=feed");

    assertThat(only(s).url()).isEqualTo("https://news.saebyeok.example/n/1219?utm_medium=feed");
  }

  @Test
  void relative_canonical_link_resolves_against_the_page_address() throws IOException {
    String html = "<html><head><link rel=\"canonical\" href=\"/article/55\"></head><body><h1>제목</h1><p>본문이다.</p></body></html>";

    CollectingSink s = CollectingSink.readBytes(reader, html.getBytes(StandardCharsets.UTF_8), null,
        "https://news.hanbit.example/m/article/55?ref=main");

    assertThat(only(s).url()).isEqualTo("https://news.hanbit.example/article/55");
  }

  @Test
  void json_ld_gives_headline_and_publisher_when_open_graph_is_absent() throws IOException {
    ArticleDraft d = only(page("""
        <html><head><title>무시될 제목</title>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"남도일보 누리집"},
          {"@type":["NewsArticle"],"headline":"순천만 흑두루미 역대 최다 월동","datePublished":"2024-12-16T14:00:00+09:00",
           "author":{"@type":"Person","name":"정하늘 기자"},"publisher":{"@type":"Organization","name":"남도일보"},
           "articleSection":["지역","환경"],"url":"https://news.namdo.example/a/501"}]}
        </script></head>
        <body><article><p>순천만에서 겨울을 나는 흑두루미가 역대 가장 많은 것으로 집계됐다.</p></article></body></html>"""));

    assertThat(d.title()).isEqualTo("순천만 흑두루미 역대 최다 월동");
    assertThat(d.press()).isEqualTo("남도일보");
    assertThat(d.reporters()).containsExactly("정하늘");
    assertThat(d.publishedAt()).isEqualTo("2024-12-16T14:00:00+09:00");
    assertThat(d.section()).isEqualTo("지역");
    assertThat(d.url()).isEqualTo("https://news.namdo.example/a/501");
  }

  @Test
  void title_element_is_the_last_resort_and_loses_the_press_it_repeats() throws IOException {
    ArticleDraft d = only(page("""
        <html><head><title>여수 밤바다 관광객 늘어 - 남도일보</title><meta property="og:site_name" content="남도일보"></head>
        <body><div><p>여수를 찾은 관광객이 지난해보다 늘었다.</p></div></body></html>"""));

    assertThat(d.title()).isEqualTo("여수 밤바다 관광객 늘어");
  }

  @Test
  void broken_json_ld_is_ignored() throws IOException {
    ArticleDraft d = only(page("""
        <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head>
        <body><h1>깨진 JSON-LD</h1><p>본문은 그대로 읽힌다.</p></body></html>"""));

    assertThat(d.title()).isEqualTo("깨진 JSON-LD");
    assertThat(d.body()).isEqualTo("본문은 그대로 읽힌다.");
  }

  @Test
  void json_ld_article_body_stands_in_when_the_page_shows_no_text() throws IOException {
    ArticleDraft d = only(page("""
        <html><head><script type="application/ld+json">
        {"@type":"NewsArticle","headline":"앱에서만 보이는 기사","articleBody":"본문은 스크립트가 그린다. 검색에는 JSON-LD가 쓰인다."}
        </script></head><body><div id="app"></div><script>render()</script></body></html>"""));

    assertThat(d.body()).isEqualTo("본문은 스크립트가 그린다. 검색에는 JSON-LD가 쓰인다.");
  }

  @Test
  void related_heading_inside_the_body_drops_itself_and_what_follows() throws IOException {
    ArticleDraft d = only(page("""
        <html><body><div itemprop="articleBody">
        <p>광주시가 첫 수소버스 노선을 개통했다.</p>
        <p>버스는 하루 40회 운행한다.</p>
        <p><strong>관련기사</strong></p>
        <ul><li><a href="/1">수소충전소 확충 계획</a></li></ul>
        <p>▶ 다른 기사 더 보기</p>
        </div></body></html>"""));

    assertThat(d.body()).isEqualTo("광주시가 첫 수소버스 노선을 개통했다.\n버스는 하루 40회 운행한다.");
  }

  @Test
  void related_heading_in_a_block_of_article_text_takes_only_itself_and_what_follows() throws IOException {
    ArticleDraft d = only(page("""
        <html><body><div id="wrap"><div id="newsText">
        대전시가 도심 하천 정비 사업에 1200억원을 투입한다.<br><br>
        시는 2027년까지 산책로 40㎞를 새로 놓는다.<br><br>
        <b>관련 뉴스</b><br><a href="/n/1">갑천 생태 탐방로 개방</a><br><a href="/n/2">대전천 복개 구조물 철거</a>
        </div></div></body></html>"""));

    assertThat(d.body()).isEqualTo("대전시가 도심 하천 정비 사업에 1200억원을 투입한다.\n시는 2027년까지 산책로 40㎞를 새로 놓는다.");
  }

  @Test
  void deeply_nested_page_is_read_in_linear_time() {
    int depth = 30_000;
    String html = "<html><body>" + "<div><span>가나다 </span>".repeat(depth) + "<b>관련기사</b>" + "</div>".repeat(depth) + "</body></html>";

    ArticleDraft d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> only(page(html)));

    assertThat(d.body()).startsWith("가나다\n가나다");
  }

  @ParameterizedTest
  @ValueSource(strings = {"article-shadow", "loading", "thread-view", "badge", "gradient", "headline-box", "download"})
  void class_names_that_only_contain_the_letters_ad_are_not_ads(String className) throws IOException {
    ArticleDraft d = only(page("<html><body><article><div class=\"" + className + "\"><p>이 문단은 기사다.</p></div></article></body></html>"));

    assertThat(d.body()).isEqualTo("이 문단은 기사다.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ad", "ad-box", "adArea", "ad_300x250", "banner-wrap", "recommendNews", "popular-list", "sns-share", "sponsored"})
  void ad_and_recommendation_blocks_are_dropped(String className) throws IOException {
    ArticleDraft d = only(page("<html><body><article><p>기사 문단이다.</p><div class=\"" + className
        + "\"><p>이 문단은 광고다.</p></div></article></body></html>"));

    assertThat(d.body()).isEqualTo("기사 문단이다.");
  }

  // ---- hostile pages

  @Test
  void hostile_page_gives_plain_text_with_no_markup_and_no_script() throws IOException {
    ArticleDraft d = only(read("hostile.html"));

    assertThat(d.body()).isEqualTo("""
        첫 문단은 평범하다.
        둘째 문단에는 이미지 공격이 있다.
        링크 글자는 글자로만 남는다.
        <script>alert('escaped')</script> 이것은 기사가 쓴 글자다.
        셋째 문단 속성 안의 공격도 글자만 남는다.""");
    for (String field : new String[] {d.title(), d.body(), d.press(), String.join(" ", d.reporters())}) {
      assertThat(field).doesNotContain("onerror", "onload", "onclick", "onmouseover", "alert('og')", "alert('img')",
          "alert('link')", "alert('svg')", "alert('body')", "alert('title')", "alert(1)", "alert(2)", "<img", "<b", "<p", "<svg", "<iframe",
          "주입된 문단", "document.write", "숨긴", "hidden 속성", "SVG 글자", "자바스크립트를", "플래시", "템플릿", "color: red");
    }
  }

  @Test
  void escaped_markup_the_article_writes_stays_as_its_characters() throws IOException {
    assertThat(only(read("hostile.html")).body()).contains("<script>alert('escaped')</script> 이것은 기사가 쓴 글자다.");
  }

  @Test
  void hostile_metadata_is_read_as_text_and_a_javascript_url_is_no_url() throws IOException {
    ArticleDraft d = only(read("hostile.html"));

    assertThat(d.title()).isEqualTo("스크립트가 든 제목");
    assertThat(d.press()).isEqualTo("해커일보");
    assertThat(d.reporters()).containsExactly("홍길동");
    assertThat(d.url()).isNull();
    assertThat(d.publishedAt()).isNull();
  }

  @Test
  void huge_attribute_values_are_never_text_and_do_not_slow_the_reader() {
    String huge = "A".repeat(3_000_000);
    String html = "<html><head><meta property=\"og:title\" content=\"" + huge + "\"><title>긴 속성 문서</title></head>"
        + "<body><article data-x=\"" + huge + "\"><p title=\"" + huge + "\" onclick=\"" + huge + "\">짧은 본문이다.</p>"
        + "<img src=\"data:image/png;base64," + huge + "\"></article></body></html>";

    ArticleDraft d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> only(page(html)));

    assertThat(d.title()).as("an og:title too long for a headline is skipped").isEqualTo("긴 속성 문서");
    assertThat(d.body()).isEqualTo("짧은 본문이다.");
  }

  // ---- encodings and what is not a page

  @Test
  void encoding_the_page_declares_is_used() throws IOException {
    assertThat(new String(Files.readAllBytes(Fixtures.path("html/euc-kr.html")), StandardCharsets.UTF_8)).doesNotContain("케이블카");

    ArticleDraft d = only(read("euc-kr.html"));

    assertThat(d.title()).isEqualTo("목포 해상 케이블카 흑자 전환");
    assertThat(d.body()).isEqualTo("목포 해상 케이블카가 개통 5년 만에 흑자로 돌아섰다.\n운영사는 관광객 증가를 이유로 꼽았다.");
  }

  @Test
  void charset_the_transport_declares_is_used() throws IOException {
    byte[] euckr = "<html><body><h1>부산항 물동량 증가</h1><p>환적 화물이 늘었다.</p></body></html>".getBytes(Charset.forName("EUC-KR"));

    ArticleDraft d = only(CollectingSink.readBytes(reader, euckr, Charset.forName("EUC-KR"), null));

    assertThat(d.title()).isEqualTo("부산항 물동량 증가");
  }

  @Test
  void png_named_html_is_rejected_as_binary() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    png.write(new byte[200]);

    CollectingSink s = CollectingSink.readBytes(reader, png.toByteArray(), null, null);

    assertThat(s.articles).isEmpty();
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isZero();
      assertThat(p.problem()).isEqualTo("not an HTML page: binary data (a PNG image)");
    });
  }

  @Test
  void bytes_with_nul_are_rejected_as_binary_also_when_read_as_text() throws IOException {
    byte[] bin = "<html>\0\0\0\u0001\u0002 본문</html>".getBytes(StandardCharsets.UTF_8);

    CollectingSink asBytes = CollectingSink.readBytes(reader, bin, null, null);
    CollectingSink asText = CollectingSink.read(reader, new String(bin, StandardCharsets.UTF_8));

    assertThat(asBytes.problems()).singleElement().asString().startsWith("not an HTML page: binary data (a NUL byte at offset 6)");
    assertThat(asText.problems()).singleElement().asString().startsWith("not an HTML page: binary data");
    assertThat(asBytes.articles).isEmpty();
    assertThat(asText.articles).isEmpty();
  }

  @Test
  void utf16_page_with_a_byte_order_mark_is_not_binary() throws IOException {
    byte[] utf16 = "\uFEFF<html><body><h1>제목</h1><p>UTF-16 본문이다.</p></body></html>".getBytes(StandardCharsets.UTF_16LE);

    assertThat(only(CollectingSink.readBytes(reader, utf16, null, null)).body()).isEqualTo("UTF-16 본문이다.");
  }

  @Test
  void page_without_article_text_is_rejected_naming_its_title() throws IOException {
    CollectingSink s = page("<html><head><title>빈 페이지</title></head><body><nav><a href=\"/\">홈</a></nav><script>x()</script></body></html>");

    assertThat(s.articles).isEmpty();
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isZero();
      assertThat(p.problem()).isEqualTo("no article text found in the page '빈 페이지'");
    });
  }
}
