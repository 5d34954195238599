package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sosik.testing.Fixtures;

class FeedReaderTest {
  private final FeedReader reader = new FeedReader();

  @TempDir Path tmp;

  private CollectingSink read(String fixture) throws IOException {
    return CollectingSink.readBytes(reader, Fixtures.path("feed/" + fixture));
  }

  private CollectingSink readText(String xml) throws IOException {
    return CollectingSink.readBytes(reader, xml.getBytes(StandardCharsets.UTF_8), null, null);
  }

  @Test
  void name_is_feed_and_it_takes_rss_atom_and_xml_files() {
    assertThat(reader.name()).isEqualTo("feed");
    assertThat(reader.reads(Path.of("a/news.rss"))).isTrue();
    assertThat(reader.reads(Path.of("a/news.ATOM"))).isTrue();
    assertThat(reader.reads(Path.of("a/news.xml"))).isTrue();
    assertThat(reader.reads(Path.of("a/news.html"))).isFalse();
    assertThat(Formats.forFile(Path.of("x.rss"))).isInstanceOf(FeedReader.class);
    assertThat(Formats.forFile(Path.of("x.atom"))).isInstanceOf(FeedReader.class);
    assertThat(Formats.forFile(Path.of("x.xml"))).isInstanceOf(FeedReader.class);
    assertThat(Formats.byName("feed")).isInstanceOf(FeedReader.class);
  }

  // ---- RSS 2.0

  @Test
  void rss_item_gives_title_link_text_date_reporter_section_and_the_channel_as_press() throws IOException {
    CollectingSink s = read("rss2.xml");
    ArticleDraft d = s.drafts().get(0);

    assertThat(d.title()).isEqualTo("한빛전자, 차세대 전력반도체 양산 돌입");
    assertThat(d.url()).isEqualTo("https://news.hanbit.example/article/2024122001");
    assertThat(d.body()).isEqualTo(
        "한빛전자가 평택 공장에서 차세대 전력반도체 양산을 시작했다고 20일 밝혔다.\n회사는 내년 매출 목표를 \"1조원\"으로 잡았다.");
    assertThat(d.publishedAt()).isEqualTo("2024-12-20T09:30:00+09:00");
    assertThat(d.reporters()).containsExactly("김서연");
    assertThat(d.press()).as("channel title up to its separator").isEqualTo("한빛일보");
    assertThat(d.section()).isEqualTo("경제");
    assertThat(d.extra()).containsEntry("id", "\"hanbit-2024122001\"");
  }

  @Test
  void photo_captions_and_markup_do_not_reach_the_body() throws IOException {
    ArticleDraft d = read("rss2.xml").drafts().get(0);

    assertThat(d.body()).doesNotContain("사진=", "양산 라인", "<", "img", "&quot;");
  }

  @Test
  void content_encoded_is_preferred_to_the_description_and_scripts_are_dropped() throws IOException {
    ArticleDraft d = read("rss2.xml").drafts().get(1);

    assertThat(d.body()).isEqualTo(
        "한국은행이 기준금리를 동결한 뒤 가계 대출이 석 달 만에 다시 늘어난 것으로 나타났다.\n"
            + "주택담보대출이 증가세를 이끌었다.\n신용대출은 소폭 줄었다.");
    assertThat(d.body()).doesNotContain("요약", "alert");
  }

  @Test
  void angle_brackets_the_headline_writes_stay_as_characters() throws IOException {
    assertThat(read("rss2.xml").drafts().get(1).title()).isEqualTo("금리 동결 이후 <가계 대출> 다시 늘어");
  }

  @Test
  void author_email_with_a_name_gives_the_name_and_gmt_dates_are_read_in_their_zone() throws IOException {
    ArticleDraft d = read("rss2.xml").drafts().get(1);

    assertThat(d.reporters()).containsExactly("박준호");
    assertThat(d.publishedAt()).isEqualTo("2024-12-20T10:05:00+09:00");
    assertThat(d.section()).as("the first category").isEqualTo("금융");
    assertThat(d.url()).isEqualTo("https://news.hanbit.example/article/2024122002?utm_source=rss");
  }

  @Test
  void item_source_is_its_press_and_an_email_alone_is_no_reporter() throws IOException {
    ArticleDraft d = read("rss2.xml").drafts().get(2);

    assertThat(d.press()).isEqualTo("새벽뉴스");
    assertThat(d.reporters()).isEmpty();
    assertThat(d.publishedAt()).isEqualTo("2024-12-21T08:05:00+09:00");
  }

  @Test
  void unreadable_pubDate_rejects_that_item_at_its_line_naming_the_field_and_the_rest_is_read() throws IOException {
    CollectingSink s = read("rss2.xml");

    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(35);
      assertThat(p.problem()).contains("'pubDate'").contains("지난주 금요일 오전").contains("RFC 822");
    });
    assertThat(s.articleLines()).containsExactly(8, 17, 27, 41);
  }

  @Test
  void item_without_a_link_keeps_its_guid_as_the_source_id() throws IOException {
    ArticleDraft d = read("rss2.xml").drafts().get(3);

    assertThat(d.url()).isNull();
    assertThat(d.extra()).containsEntry("id", "\"hanbit-brief-77\"");
    assertThat(new ArticleNormalizer().normalize(d).id())
        .isNotEqualTo(new ArticleNormalizer().normalize(new ArticleDraft(d.title(), d.body(), d.press(), d.reporters(),
            null, null, null, null, java.util.Map.of())).id());
  }

  @Test
  void rss_1_0_rdf_items_are_read() throws IOException {
    CollectingSink s = readText("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://news.namdo.example/"><title>남도일보</title></channel>
          <item rdf:about="https://news.namdo.example/a/9">
            <title>여수 밤바다 관광객 늘어</title>
            <link>https://news.namdo.example/a/9</link>
            <description>여수를 찾은 관광객이 지난해보다 늘었다.</description>
            <dc:date>2024-12-18T20:00:00+09:00</dc:date>
            <dc:creator>오세린</dc:creator>
            <dc:subject>지역</dc:subject>
          </item>
        </rdf:RDF>
        """);

    assertThat(s.rejections).isEmpty();
    ArticleDraft d = s.drafts().get(0);
    assertThat(d.title()).isEqualTo("여수 밤바다 관광객 늘어");
    assertThat(d.press()).isEqualTo("남도일보");
    assertThat(d.reporters()).containsExactly("오세린");
    assertThat(d.publishedAt()).isEqualTo("2024-12-18T20:00:00+09:00");
    assertThat(d.section()).isEqualTo("지역");
  }

  // ---- Atom

  @Test
  void atom_entry_gives_title_link_content_date_authors_category_and_the_feed_as_press() throws IOException {
    CollectingSink s = read("atom.atom");

    assertThat(s.rejections).isEmpty();
    assertThat(s.articleLines()).containsExactly(8, 21, 29);
    ArticleDraft d = s.drafts().get(0);
    assertThat(d.title()).isEqualTo("서울 아침 영하 10도…출근길 한파 주의");
    assertThat(d.url()).as("relative, resolved against the feed's link").isEqualTo("https://news.saebyeok.example/n/2001");
    assertThat(d.body()).isEqualTo("기상청은 21일 아침 서울 기온이 영하 10도까지 떨어질 것으로 내다봤다.\n출근길 빙판길에 주의해야 한다.");
    assertThat(d.publishedAt()).as("published, not updated").isEqualTo("2024-12-21T06:10:00+09:00");
    assertThat(d.reporters()).containsExactly("이정우", "최민재");
    assertThat(d.section()).as("the category's label").isEqualTo("사회");
    assertThat(d.press()).isEqualTo("새벽뉴스");
    assertThat(d.extra()).containsEntry("id", "\"tag:saebyeok.example,2024:2001\"");
  }

  @Test
  void atom_xhtml_content_is_text_and_updated_stands_in_for_published() throws IOException {
    ArticleDraft d = read("atom.atom").drafts().get(1);

    assertThat(d.body()).isEqualTo("부산항의 컨테이너 물동량이 석 달 연속 늘었다.\n환적 화물이 증가세를 이끌었다.");
    assertThat(d.publishedAt()).isEqualTo("2024-12-21T03:00:00+09:00");
    assertThat(d.section()).isEqualTo("경제");
    assertThat(d.url()).isEqualTo("https://news.saebyeok.example/n/2002");
  }

  @Test
  void atom_source_title_is_the_press_and_out_of_line_content_falls_back_to_the_summary() throws IOException {
    ArticleDraft d = read("atom.atom").drafts().get(2);

    assertThat(d.press()).isEqualTo("빛고을신문");
    assertThat(d.body()).isEqualTo("광주시가 첫 수소버스 노선을 개통했다.");
    assertThat(d.publishedAt()).isEqualTo("2024-12-19T10:00:00+09:00");
  }

  @Test
  void relative_link_resolves_against_the_address_the_feed_came_from() throws IOException {
    String xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>새벽뉴스</title>
        <entry><title>제목</title><link href="../n/7"/><content>본문이다.</content></entry></feed>""";

    CollectingSink s = CollectingSink.readBytes(reader, xml.getBytes(StandardCharsets.UTF_8), null,
        "https://feeds.saebyeok.example/rss/all.xml");

    assertThat(s.drafts().get(0).url()).isEqualTo("https://feeds.saebyeok.example/n/7");
  }

  @Test
  void relative_link_without_any_base_is_dropped_and_a_javascript_link_too() throws IOException {
    CollectingSink s = readText("""
        <rss><channel><title>한빛일보</title>
        <item><title>상대 링크</title><link>/article/1</link><description>본문 하나.</description></item>
        <item><title>스크립트 링크</title><link>javascript:alert(1)</link><description>본문 둘.</description></item>
        </channel></rss>""");

    assertThat(s.rejections).isEmpty();
    assertThat(s.drafts()).extracting(ArticleDraft::url).containsExactly(null, null);
  }

  // ---- encodings

  @Test
  void encoding_declared_in_the_xml_prolog_is_used() throws IOException {
    byte[] raw = Files.readAllBytes(Fixtures.path("feed/euc-kr.xml"));
    assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("흑두루미"); // the fixture must stay EUC-KR

    CollectingSink s = read("euc-kr.xml");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles()).containsExactly("순천만 흑두루미 역대 최다 월동");
    assertThat(s.drafts().get(0).press()).isEqualTo("남도일보");
  }

  @Test
  void charset_the_transport_declares_is_used_when_the_prolog_declares_none() throws IOException {
    byte[] euckr = "<rss><channel><title>남도일보</title><item><title>목포 해상 케이블카 흑자</title><description>흑자를 냈다.</description></item></channel></rss>"
        .getBytes(Charset.forName("EUC-KR"));

    CollectingSink s = CollectingSink.readBytes(reader, euckr, Charset.forName("EUC-KR"), null);

    assertThat(s.titles()).containsExactly("목포 해상 케이블카 흑자");
  }

  // ---- safety

  @Test
  void billion_laughs_is_refused_at_once_and_nothing_is_expanded() {
    CollectingSink s = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read("billion_laughs.xml"));

    assertThat(s.articles).isEmpty();
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.problem()).contains("refused").contains("DTD");
      assertThat(p.problem()).doesNotContain("lol");
      assertThat(p.line()).isPositive();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxe.xml", "xxe_parameter.xml"})
  void external_entities_are_refused_and_nothing_of_the_file_is_read(String fixture) throws IOException {
    CollectingSink s = read(fixture);

    assertThat(s.articles).isEmpty();
    assertThat(s.rejections).singleElement().satisfies(p -> assertThat(p.problem()).contains("refused").contains("DTD"));
    assertThat(s.problems()).noneMatch(p -> p.contains("root:"));
  }

  @Test
  void external_entity_naming_a_local_file_never_brings_its_content_in() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SOSIK-SECRET-7f3a9\n");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<rss><channel><title>엿보기일보</title><item><title>&s;</title><description>&s; 본문</description></item></channel></rss>";

    for (CollectingSink s : new CollectingSink[] {readText(xml), CollectingSink.read(reader, xml)}) {
      assertThat(s.articles).isEmpty();
      assertThat(s.problems()).singleElement().asString().contains("DTD").doesNotContain("SOSIK-SECRET");
    }
  }

  @Test
  void entity_the_document_never_declared_is_not_well_formed() throws IOException {
    CollectingSink s = readText("<rss><channel><title>한빛일보</title>\n<item><title>공백&nbsp;엔티티</title><description>본문</description></item></channel></rss>");

    assertThat(s.articles).isEmpty();
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.problem()).contains("not well-formed XML at line 2, column").contains("nbsp");
    });
  }

  // ---- broken input

  @Test
  void not_well_formed_xml_is_rejected_at_its_line_and_column_after_the_items_before_it() throws IOException {
    CollectingSink s = read("not_well_formed.xml");

    assertThat(s.titles()).containsExactly("정상 기사는 읽힌다");
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(11);
      assertThat(p.problem()).startsWith("not well-formed XML at line 11, column ").contains("title");
    });
  }

  @Test
  void xml_that_is_not_a_feed_is_rejected_naming_its_root() throws IOException {
    CollectingSink s = read("sitemap.xml");

    assertThat(s.articles).isEmpty();
    assertThat(s.problems()).singleElement().asString().contains("not an RSS or Atom feed").contains("<urlset>");
  }

  @Test
  void html_is_not_a_feed() throws IOException {
    CollectingSink s = readText("<html><body><p>기사</p></body></html>");

    assertThat(s.problems()).singleElement().asString().contains("<html>");
  }

  @Test
  void text_that_is_not_xml_at_all_is_rejected_at_line_1() throws IOException {
    CollectingSink s = readText("- 제목\n- [한빛일보 김서연 기자] 본문\n");

    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.problem()).startsWith("not well-formed XML");
    });
  }

  @Test
  void item_over_the_size_limit_is_rejected_and_the_next_one_read() throws IOException {
    FeedReader small = new FeedReader(1_000);
    String xml = "<rss><channel><title>한빛일보</title>\n<item><title>큰 기사</title><description>" + "가".repeat(2_000)
        + "</description></item>\n<item><title>작은 기사</title><description>짧다.</description></item></channel></rss>";

    CollectingSink s = CollectingSink.readBytes(small, xml.getBytes(StandardCharsets.UTF_8), null, null);

    assertThat(s.titles()).containsExactly("작은 기사");
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.problem()).contains("1,000 characters");
    });
  }

  @Test
  void item_nested_too_deep_is_rejected() throws IOException {
    String deep = "<div>".repeat(FeedReader.MAX_DEPTH + 10) + "깊다" + "</div>".repeat(FeedReader.MAX_DEPTH + 10);
    String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>새벽뉴스</title><entry><title>깊은 기사</title>"
        + "<content type=\"xhtml\">" + deep + "</content></entry></feed>";

    CollectingSink s = readText(xml);

    assertThat(s.articles).isEmpty();
    assertThat(s.problems()).singleElement().asString().contains("nested deeper");
  }

  // ---- fields

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Fri, 20 Dec 2024 09:30:00 +0900 | 2024-12-20T09:30:00+09:00",
    "20 Dec 2024 00:30:00 GMT        | 2024-12-20T09:30:00+09:00",
    "Fri, 20 Dec 24 09:30 +09:00     | 2024-12-20T09:30:00+09:00",
    "Thu, 20 Dec 2024 09:30:00 +0900 | 2024-12-20T09:30:00+09:00",
    "Fri, 20 Dec 2024 09:30:00       | 2024-12-20T09:30:00+09:00",
    "Fri, 20 Dec 2024 09:30:00 KST   | 2024-12-20T09:30:00+09:00",
    "Thu, 19 Dec 2024 19:30:00 EST   | 2024-12-20T09:30:00+09:00",
    "Fri,  5 Dec 2024 09:30:00 UT    | 2024-12-05T18:30:00+09:00",
    "fri, 20 dec 2024 09:30:00 z     | 2024-12-20T18:30:00+09:00",
    "2024-12-20T09:30:00+09:00       | 2024-12-20T09:30:00+09:00",
    "2024-12-20 09:30:00             | 2024-12-20T09:30:00+09:00",
  })
  void rfc822_dates_in_their_common_forms(String text, String iso) throws FeedReader.BadItem {
    assertThat(FeedReader.rfc822(text, "pubDate")).isEqualTo(iso);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Fri, 32 Dec 2024 09:30:00 +0900", "Fri, 20 Foo 2024 09:30:00 +0900",
      "Fri, 20 Dec 2024 09:30:00 XYZ", "Fri, 20 Dec 2024 25:30:00 +0900", "2024.12.20 09:30", "어제"})
  void rfc822_nonsense_is_rejected_naming_the_field_and_the_text(String text) {
    assertThatThrownBy(() -> FeedReader.rfc822(text, "pubDate"))
        .isInstanceOf(FeedReader.BadItem.class)
        .hasMessageContaining("'pubDate'")
        .hasMessageContaining(text);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
    "한빛일보 - 경제       => 한빛일보",
    "새벽뉴스 | 사회       => 새벽뉴스",
    "남도일보 : 전체기사   => 남도일보",
    "남도일보              => 남도일보",
    "IT-조선 뉴스          => IT-조선 뉴스",
    "edaily                => 이데일리",
  })
  void press_is_the_channel_title_up_to_a_separator(String title, String press) {
    assertThat(FeedReader.pressOfChannel(title)).isEqualTo(press);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "kim@hanbit.example (김서연)       | 김서연",
    "김서연 <kim@hanbit.example>       | 김서연",
    "김서연 기자                       | 김서연",
    "김서연·박준호 기자                | 김서연,박준호",
    "한빛일보 김서연 기자              | 김서연",
    "김서연, 박준호                    | 김서연,박준호",
    "kim@hanbit.example                | ''",
  })
  void reporter_names_from_author_fields(String raw, String names) {
    assertThat(String.join(",", FeedReader.names(raw))).isEqualTo(names);
  }
}
