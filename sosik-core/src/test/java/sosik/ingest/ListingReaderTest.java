package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import sosik.testing.Fixtures;

class ListingReaderTest {
  private final ListingReader reader = new ListingReader();

  private CollectingSink read(String fixture) throws IOException {
    return CollectingSink.read(reader, Fixtures.path("listing/" + fixture));
  }

  @Test
  void name_is_listing() {
    assertThat(reader.name()).isEqualTo("listing");
  }

  @Test
  void headline_and_body_lines_pair_into_articles() throws IOException {
    CollectingSink s = read("basic.txt");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles())
        .containsExactly(
            "한빛전자, 차세대 전력반도체 양산 돌입",
            "[미리보는 한빛일보 신문]금리 동결 장기화…가계 이자 부담 여전",
            "대전시, 도심 하천 정비에 1200억 투입",
            "중소 조선사 수주 회복세…\"인력 확보가 관건\"");
  }

  @Test
  void each_article_is_reported_at_its_headline_line_with_blank_lines_counted() throws IOException {
    assertThat(read("basic.txt").articleLines()).containsExactly(2, 5, 7, 11);
  }

  @Test
  void header_line_is_optional() throws IOException {
    CollectingSink s = read("no_header.txt");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles()).containsExactly("서울 아침 영하 10도…출근길 한파 주의", "워싱턴 정가, 반도체 보조금 재검토 움직임");
    assertThat(s.articleLines()).containsExactly(1, 3);
  }

  @Test
  void headline_prefix_in_brackets_stays_in_the_headline() throws IOException {
    ArticleDraft d = read("basic.txt").drafts().get(1);

    assertThat(d.title()).startsWith("[미리보는 한빛일보 신문]");
    assertThat(d.press()).isEqualTo("한빛일보");
    assertThat(d.reporters()).containsExactly("박준호");
  }

  @Test
  void byline_is_split_off_the_body_into_press_reporters_and_dateline() throws IOException {
    CollectingSink s = read("basic.txt");
    ArticleDraft first = s.drafts().get(0);
    ArticleDraft withDateline = s.drafts().get(2);
    ArticleDraft twoReporters = s.drafts().get(3);

    assertThat(first.press()).isEqualTo("한빛일보");
    assertThat(first.reporters()).containsExactly("김서연");
    assertThat(first.dateline()).isNull();
    assertThat(first.body()).startsWith("한빛전자가 경기 평택 공장에서").doesNotContain("기자]");
    assertThat(withDateline.dateline()).isEqualTo("대전");
    assertThat(withDateline.reporters()).containsExactly("이도윤");
    assertThat(withDateline.body()).startsWith("대전시가 갑천과");
    assertThat(twoReporters.reporters()).containsExactly("정하늘", "최민재");
  }

  @Test
  void press_only_and_correspondent_bylines_are_read() throws IOException {
    CollectingSink s = read("no_header.txt");

    assertThat(s.drafts().get(0).press()).isEqualTo("새벽뉴스");
    assertThat(s.drafts().get(0).dateline()).isEqualTo("서울");
    assertThat(s.drafts().get(0).reporters()).isEmpty();
    assertThat(s.drafts().get(1).press()).isEqualTo("한빛일보");
    assertThat(s.drafts().get(1).dateline()).isEqualTo("워싱턴");
    assertThat(s.drafts().get(1).reporters()).containsExactly("이정우");
  }

  @Test
  void byte_order_mark_at_the_start_is_not_part_of_the_headline() throws IOException {
    byte[] raw = Files.readAllBytes(Fixtures.path("listing/bom.txt"));
    assertThat(raw).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF); // the fixture must keep its BOM

    CollectingSink s = read("bom.txt");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles()).containsExactly("부산항 물동량 석 달 연속 증가");
    assertThat(s.drafts().get(0).dateline()).isEqualTo("부산");
  }

  @Test
  void byte_order_mark_before_the_header_does_not_hide_the_header() throws IOException {
    CollectingSink s = read("bom_header.txt");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles()).containsExactly("광주 첫 수소버스 노선 개통");
  }

  @Test
  void line_not_starting_with_a_dash_is_rejected_at_its_line_and_the_rest_is_read() throws IOException {
    CollectingSink s = read("stray_line.txt");

    assertThat(s.rejections).hasSize(1);
    assertThat(s.rejections.get(0).line()).isEqualTo(3);
    assertThat(s.rejections.get(0).problem()).contains("관련 기사 더 보기");
    assertThat(s.titles()).containsExactly("한빛전자, 차세대 전력반도체 양산 돌입", "대전시, 도심 하천 정비에 1200억 투입");
  }

  @Test
  void stray_line_between_headline_and_body_does_not_shift_the_pairs_after_it() throws IOException {
    CollectingSink s = read("stray_between.txt");

    assertThat(s.rejections).extracting(CollectingSink.Problem::line).contains(2);
    // no article may take a body line (opening with a byline) as its headline
    assertThat(s.titles()).noneMatch(t -> t.startsWith("[한빛일보") || t.startsWith("[대전="));
    assertThat(s.titles()).containsExactly("대전시, 도심 하천 정비에 1200억 투입", "중소 조선사 수주 회복세");
    assertThat(s.articleLines()).containsExactly(4, 6);
    assertThat(s.drafts()).allSatisfy(d -> assertThat(d.press()).isEqualTo("한빛일보"));
  }

  @Test
  void headline_without_a_body_at_the_end_is_rejected_at_the_headline_line() throws IOException {
    CollectingSink s = read("trailing_headline.txt");

    assertThat(s.titles()).containsExactly("한빛전자, 차세대 전력반도체 양산 돌입");
    assertThat(s.rejections).hasSize(1);
    assertThat(s.rejections.get(0).line()).isEqualTo(5);
    assertThat(s.rejections.get(0).problem()).contains("끝에 본문 없이 남은 제목").contains("no body");
  }

  @Test
  void body_without_a_byline_is_accepted_with_no_press() throws IOException {
    CollectingSink s = read("no_byline.txt");

    assertThat(s.rejections).isEmpty();
    assertThat(s.drafts()).hasSize(2);
    ArticleDraft plain = s.drafts().get(0);
    assertThat(plain.press()).isNull();
    assertThat(plain.reporters()).isEmpty();
    assertThat(plain.dateline()).isNull();
    assertThat(plain.body()).isEqualTo("기상청은 내일 아침 수도권 기온이 영하 12도까지 떨어질 것으로 내다봤다.");
  }

  @Test
  void headline_like_bracket_opening_a_body_stays_in_the_body() throws IOException {
    ArticleDraft editorial = read("no_byline.txt").drafts().get(1);

    assertThat(editorial.title()).isEqualTo("[사설] 저출생 대책, 숫자보다 체감이 먼저다");
    assertThat(editorial.press()).isNull();
    assertThat(editorial.body()).startsWith("[사설] 정부가 또");
  }

  @Test
  void header_later_in_the_file_is_not_a_header() throws IOException {
    CollectingSink s =
        CollectingSink.read(reader, "- 제목 하나\n- [한빛일보 김서연 기자] 본문 하나\n뉴스 검색결과 2건\n- 제목 둘\n- 본문 둘\n");

    assertThat(s.rejections).extracting(CollectingSink.Problem::line).containsExactly(3);
    assertThat(s.titles()).containsExactly("제목 하나", "제목 둘");
  }

  @Test
  void empty_headline_is_rejected() throws IOException {
    CollectingSink s = CollectingSink.read(reader, "-   \n- 제목\n- 본문\n");

    assertThat(s.rejections).extracting(CollectingSink.Problem::line).containsExactly(1);
    assertThat(s.rejections.get(0).problem()).contains("empty headline");
    assertThat(s.titles()).containsExactly("제목");
  }

  @Test
  void windows_line_endings_are_read_like_unix_ones() throws IOException {
    CollectingSink s = CollectingSink.read(reader, "뉴스 검색결과 1건\r\n- 제목\r\n- [한빛일보 김서연 기자] 본문\r\n");

    assertThat(s.rejections).isEmpty();
    assertThat(s.titles()).containsExactly("제목");
    assertThat(s.drafts().get(0).body()).isEqualTo("본문");
  }
}
