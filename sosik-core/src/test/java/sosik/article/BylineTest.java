package sosik.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BylineTest {

  @Test
  void press_and_reporter_without_dateline() {
    Byline.Parsed p = Byline.parseLeading("[이데일리 김현아 기자] 국내 팹리스 업계가 올해 수출 실적을 공개했다.");

    assertThat(p).isNotNull();
    assertThat(p.byline().press()).isEqualTo("이데일리");
    assertThat(p.byline().reporters()).containsExactly("김현아");
    assertThat(p.byline().dateline()).isNull();
    assertThat(p.rest()).isEqualTo("국내 팹리스 업계가 올해 수출 실적을 공개했다.");
  }

  @Test
  void byline_with_dateline_gives_press_reporter_and_place() {
    Byline.Parsed p = Byline.parseLeading("[수원=이데일리 황영민 기자] 경기도가 내년 예산안을 발표했다.");

    assertThat(p).isNotNull();
    assertThat(p.byline().dateline()).isEqualTo("수원");
    assertThat(p.byline().press()).isEqualTo("이데일리");
    assertThat(p.byline().reporters()).containsExactly("황영민");
    assertThat(p.rest()).isEqualTo("경기도가 내년 예산안을 발표했다.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"한빛일보 김서연·박준호 기자", "한빛일보 김서연ㆍ박준호 기자", "한빛일보 김서연, 박준호 기자", "한빛일보 김서연 · 박준호 기자"})
  void several_reporters_are_split_on_the_usual_separators(String inner) {
    Byline b = Byline.parseInner(inner);

    assertThat(b).isNotNull();
    assertThat(b.press()).isEqualTo("한빛일보");
    assertThat(b.reporters()).containsExactly("김서연", "박준호");
  }

  @Test
  void three_reporters_keep_their_order() {
    Byline b = Byline.parseInner("세종=한빛일보 김서연·박준호·이도윤 기자");

    assertThat(b.dateline()).isEqualTo("세종");
    assertThat(b.reporters()).containsExactly("김서연", "박준호", "이도윤");
  }

  @Test
  void press_with_dateline_and_no_reporter_is_a_byline() {
    Byline.Parsed p = Byline.parseLeading("[서울=뉴스1] 서울 아침 기온이 영하 10도까지 떨어졌다.");

    assertThat(p).isNotNull();
    assertThat(p.byline().press()).isEqualTo("뉴스1");
    assertThat(p.byline().dateline()).isEqualTo("서울");
    assertThat(p.byline().reporters()).isEmpty();
    assertThat(p.rest()).startsWith("서울 아침 기온이");
  }

  @Test
  void correspondent_role_is_read_and_not_taken_as_part_of_the_name() {
    Byline b = Byline.parseInner("워싱턴=한빛일보 이정우 특파원");

    assertThat(b.dateline()).isEqualTo("워싱턴");
    assertThat(b.press()).isEqualTo("한빛일보");
    assertThat(b.reporters()).containsExactly("이정우");
    assertThat(b.role()).isEqualTo("특파원");
  }

  @Test
  void senior_reporter_role_is_read_and_not_taken_as_part_of_the_name() {
    Byline b = Byline.parseInner("한빛일보 최민재 선임기자");

    assertThat(b.press()).isEqualTo("한빛일보");
    assertThat(b.reporters()).containsExactly("최민재");
    assertThat(b.role()).isEqualTo("선임기자");
  }

  @Test
  void plain_reporter_role_is_기자() {
    assertThat(Byline.parseInner("이데일리 김현아 기자").role()).isEqualTo("기자");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[미리보는 이데일리 신문]통상임금 확대 쇼크…기업 부담 늘어",
        "[사설] 저출생 대책, 숫자보다 체감이 먼저다",
        "[단독] 한빛전자, 북미 공장 증설 검토",
        "[포토] 첫눈 내린 광화문 광장",
        "[기자수첩] 공공요금 인상의 속도",
        "[2024 국감] 과방위, 통신비 인하 공방",
        "한빛전자가 3일 신제품을 공개했다.",
        "한빛전자가 [이데일리 김현아 기자] 신제품을 공개했다.",
        ""
      })
  void headline_like_brackets_and_plain_text_are_not_bylines(String text) {
    assertThat(Byline.parseLeading(text)).isNull();
  }

  @Test
  void leading_whitespace_before_the_byline_is_allowed() {
    Byline.Parsed p = Byline.parseLeading("  [이데일리 김현아 기자]국내 증시가 반등했다.");

    assertThat(p).isNotNull();
    assertThat(p.byline().reporters()).containsExactly("김현아");
    assertThat(p.rest()).isEqualTo("국내 증시가 반등했다.");
  }

  @Test
  void display_shows_the_portal_form() {
    assertThat(Byline.of("이데일리", List.of("황영민"), "수원").display()).isEqualTo("[수원=이데일리 황영민 기자]");
    assertThat(Byline.of("이데일리", List.of("김현아"), null).display()).isEqualTo("[이데일리 김현아 기자]");
    assertThat(Byline.of("한빛일보", List.of("김서연", "박준호"), null).display()).isEqualTo("[한빛일보 김서연·박준호 기자]");
    assertThat(Byline.of("뉴스1", List.of(), "서울").display()).isEqualTo("[서울=뉴스1]");
    assertThat(new Byline("한빛일보", List.of("이정우"), "워싱턴", "특파원").display()).isEqualTo("[워싱턴=한빛일보 이정우 특파원]");
  }

  @Test
  void display_of_nothing_known_is_null() {
    assertThat(Byline.of(null, List.of(), null).display()).isNull();
    assertThat(Byline.of(null, null, null).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[이데일리 김현아 기자]",
        "[수원=이데일리 황영민 기자]",
        "[한빛일보 김서연·박준호 기자]",
        "[서울=뉴스1]",
        "[워싱턴=한빛일보 이정우 특파원]",
        "[한빛일보 최민재 선임기자]"
      })
  void display_round_trips_through_parse(String byline) {
    Byline.Parsed p = Byline.parseLeading(byline + " 본문");

    assertThat(p).isNotNull();
    assertThat(p.byline().display()).isEqualTo(byline);
    assertThat(Byline.parseLeading(p.byline().display())).isNotNull().extracting(Byline.Parsed::byline).isEqualTo(p.byline());
  }
}
