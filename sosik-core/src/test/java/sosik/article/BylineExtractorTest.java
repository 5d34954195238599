package sosik.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylineExtractorTest {
  private static final String TEXT = "시청 앞 광장에 올해 첫 성탄 트리가 불을 밝혔다.";

  private static BylineExtractor.Result extract(String text) {
    return BylineExtractor.extract(text);
  }

  // --- bylines at the start -------------------------------------------------------------------

  @Test
  void newsis_form_gives_dateline_press_and_reporter() {
    BylineExtractor.Result r = extract("【서울=뉴시스】하종민 기자 = " + TEXT);

    assertThat(r.press()).isEqualTo("뉴시스");
    assertThat(r.pressSource()).isEqualTo(BylineExtractor.Source.BYLINE);
    assertThat(r.reporters()).containsExactly("하종민");
    assertThat(r.dateline()).isEqualTo("서울");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void yonhap_form_gives_dateline_press_and_reporter() {
    BylineExtractor.Result r = extract("(서울=연합뉴스) 홍길동 기자 = " + TEXT);

    assertThat(r.press()).isEqualTo("연합뉴스");
    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.dateline()).isEqualTo("서울");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void wire_bracket_without_a_reporter_still_leaves_the_body() {
    BylineExtractor.Result r = extract("【세종=뉴시스】 = " + TEXT);

    assertThat(r.press()).isEqualTo("뉴시스");
    assertThat(r.reporters()).isEmpty();
    assertThat(r.dateline()).isEqualTo("세종");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void paper_bracket_with_dateline() {
    BylineExtractor.Result r = extract("[수원=이데일리 황영민 기자] " + TEXT);

    assertThat(r.press()).isEqualTo("이데일리");
    assertThat(r.reporters()).containsExactly("황영민");
    assertThat(r.dateline()).isEqualTo("수원");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_name_that_ends_in_기자_is_still_a_name() {
    BylineExtractor.Result r = extract("[아이뉴스24 김기자 기자] " + TEXT);

    assertThat(r.press()).isEqualTo("아이뉴스24");
    assertThat(r.reporters()).containsExactly("김기자");
    assertThat(r.role()).isEqualTo("기자");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(서울=뉴스1) 남궁별 기자,오태민 기자 = | 뉴스1",
        "[한빛일보 남궁별·오태민 기자]         | 한빛일보",
        "[한빛일보 남궁별ㆍ오태민 기자]         | 한빛일보",
        "[한빛일보 남궁별, 오태민 기자]        | 한빛일보"
      })
  void several_reporters_keep_their_order(String byline, String press) {
    BylineExtractor.Result r = extract(byline + " " + TEXT);

    assertThat(r.press()).isEqualTo(press);
    assertThat(r.reporters()).containsExactly("남궁별", "오태민");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void correspondent_and_senior_reporter_roles_are_read_and_not_part_of_the_name() {
    BylineExtractor.Result correspondent = extract("(워싱턴=연합뉴스) 이정우 특파원 = " + TEXT);
    BylineExtractor.Result senior = extract("[한빛일보 최민재 선임기자] " + TEXT);

    assertThat(correspondent.reporters()).containsExactly("이정우");
    assertThat(correspondent.role()).isEqualTo("특파원");
    assertThat(correspondent.dateline()).isEqualTo("워싱턴");
    assertThat(senior.reporters()).containsExactly("최민재");
    assertThat(senior.role()).isEqualTo("선임기자");
    assertThat(senior.body()).isEqualTo(TEXT);
  }

  @Test
  void a_desk_between_press_and_name_is_dropped_from_the_press() {
    assertThat(extract("[머니투데이 산업1부 김하늘 기자] " + TEXT).press()).isEqualTo("머니투데이");
    assertThat(extract("[한빛일보 산업부 김하늘 기자] " + TEXT).press()).isEqualTo("한빛일보");
  }

  @Test
  void a_known_press_is_given_by_its_own_name() {
    assertThat(extract("[CBS노컷뉴스 김하늘 기자] " + TEXT).press()).isEqualTo("노컷뉴스");
    assertThat(extract("[edaily 김하늘 기자] " + TEXT).press()).isEqualTo("이데일리");
  }

  @Test
  void press_equals_reporter_names_the_press_but_place_equals_reporter_names_the_place() {
    BylineExtractor.Result press = extract("[OSEN=한도윤 기자] " + TEXT);
    BylineExtractor.Result zdnet = extract("(지디넷코리아=서하람 기자)" + TEXT);
    BylineExtractor.Result place = extract("[제주=문태오 기자] " + TEXT);

    assertThat(press.press()).isEqualTo("OSEN");
    assertThat(press.dateline()).isNull();
    assertThat(zdnet.press()).isEqualTo("지디넷코리아");
    assertThat(zdnet.body()).isEqualTo(TEXT);
    assertThat(place.press()).isNull();
    assertThat(place.dateline()).isEqualTo("제주");
    assertThat(place.reporters()).containsExactly("문태오");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[ 강예린 기자 ]", "[강예린기자]", "〔강예린 기자〕"})
  void reporter_alone_in_brackets_has_no_press(String byline) {
    BylineExtractor.Result r = extract(byline + " " + TEXT);

    assertThat(r.press()).isNull();
    assertThat(r.reporters()).containsExactly("강예린");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void reporter_with_a_dateline_after_the_role() {
    BylineExtractor.Result r = extract("[노은채 기자(=전주)] " + TEXT);

    assertThat(r.reporters()).containsExactly("노은채");
    assertThat(r.dateline()).isEqualTo("전주");
  }

  @Test
  void pipe_between_press_and_reporter() {
    BylineExtractor.Result r = extract("[더팩트 | 변지후 기자] " + TEXT);

    assertThat(r.press()).isEqualTo("더팩트");
    assertThat(r.reporters()).containsExactly("변지후");
  }

  @Test
  void a_subtitle_before_the_byline_stays_and_the_byline_leaves() {
    BylineExtractor.Result r = extract("광장 트리 점등식 열려…시민 2천명 몰려[아이뉴스24 윤서진 기자] " + TEXT);

    assertThat(r.press()).isEqualTo("아이뉴스24");
    assertThat(r.reporters()).containsExactly("윤서진");
    assertThat(r.body()).isEqualTo("광장 트리 점등식 열려…시민 2천명 몰려 " + TEXT);
  }

  @Test
  void a_photo_caption_wire_bracket_gives_way_to_the_byline_with_a_reporter() {
    BylineExtractor.Result r = extract("【서울=뉴시스】점등식 모습. (사진=시청 제공) 【서울=뉴시스】류시원 기자 = " + TEXT);

    assertThat(r.reporters()).containsExactly("류시원");
    assertThat(r.body()).isEqualTo("【서울=뉴시스】점등식 모습. (사진=시청 제공) " + TEXT);
  }

  @Test
  void a_known_press_alone_in_brackets_opens_the_body() {
    BylineExtractor.Result r = extract("[서울신문]" + TEXT);

    assertThat(r.press()).isEqualTo("서울신문");
    assertThat(r.reporters()).isEmpty();
    assertThat(r.body()).isEqualTo(TEXT);
  }

  // --- what is not a byline -------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(사진=공지유 기자) ",
        "[사진=공지유 기자] ",
        "[사진 = 연합뉴스] ",
        "(그래픽=연합뉴스) ",
        "(자료=한빛시청 제공) ",
        "[AP=연합뉴스] ",
        "[미리보는 이데일리 신문]",
        "[사설] ",
        "[단독] ",
        "[기자수첩] ",
        "[2024 국감] ",
        "[한빛일보] "
      })
  void photo_credits_and_headline_prefixes_are_not_bylines(String prefix) {
    BylineExtractor.Result r = extract(prefix + TEXT);

    assertThat(r.found()).isFalse();
    assertThat(r.body()).isEqualTo((prefix + TEXT).strip());
  }

  @Test
  void a_slash_photo_credit_at_the_end_is_not_a_signature() {
    String text = TEXT + " 트리는 내년 1월까지 불을 밝힌다. /사진=홍길동 기자";

    BylineExtractor.Result r = extract(text);

    assertThat(r.reporters()).isEmpty();
    assertThat(r.body()).isEqualTo(text);
  }

  @Test
  void a_reporter_quoted_in_the_text_is_not_a_signature() {
    String text = TEXT + " 현장을 지킨 홍길동 기자는 \"추위도 잊었다\"고 말했다.";

    assertThat(extract(text).reporters()).isEmpty();
    assertThat(extract(text).body()).isEqualTo(text);
  }

  @Test
  void an_e_mail_inside_a_sentence_is_not_a_signature() {
    String text = TEXT + " 참가 신청은 운영사무국(help@hanbit.example)으로 하면 된다.";

    BylineExtractor.Result r = extract(text);

    assertThat(r.email()).isNull();
    assertThat(r.body()).isEqualTo(text);
  }

  @Test
  void plain_text_comes_back_stripped_and_nothing_found() {
    BylineExtractor.Result r = extract("  " + TEXT + "\n");

    assertThat(r.found()).isFalse();
    assertThat(r.press()).isNull();
    assertThat(r.pressSource()).isNull();
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void only_a_byline_leaves_an_empty_body() {
    assertThat(extract("[이데일리 김현아 기자]  ").body()).isEmpty();
  }

  // --- signatures and trailers at the end -----------------------------------------------------

  @Test
  void trailing_reporter_and_e_mail_leave_the_body() {
    BylineExtractor.Result r = extract(TEXT + " 홍길동 기자 hong@example.com");

    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.email()).isEqualTo("hong@example.com");
    assertThat(r.press()).isNull();
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "홍길동 기자 (hong@example.com)",
        "홍길동기자 hong@example.com",
        "홍길동 기자(hong@example.com)",
        "hong@example.com 홍길동 기자",
        "[홍길동 기자 hong@example.com]",
        "<홍길동 기자>hong@example.com",
        "홍길동 (hong@example.com)",
        "/홍길동기자 hong@example.com"
      })
  void the_usual_signature_forms(String signature) {
    BylineExtractor.Result r = extract(TEXT + signature);

    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.email()).isEqualTo("hong@example.com");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_signature_in_brackets_without_an_e_mail() {
    BylineExtractor.Result r = extract(TEXT + " [홍길동 기자]");

    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_press_before_or_inside_the_signature_gives_the_press() {
    BylineExtractor.Result before = extract(TEXT + "데일리안 홍길동 기자 (hong@example.com)");
    BylineExtractor.Result inside = extract(TEXT + "홍길동 동아닷컴 기자 hong@example.com");
    BylineExtractor.Result bracket = extract(TEXT + "[이데일리 홍길동 기자]");

    assertThat(before.press()).isEqualTo("데일리안");
    assertThat(before.body()).isEqualTo(TEXT);
    assertThat(inside.press()).isEqualTo("동아일보");
    assertThat(inside.reporters()).containsExactly("홍길동");
    assertThat(bracket.press()).isEqualTo("이데일리");
    assertThat(bracket.body()).isEqualTo(TEXT);
  }

  @Test
  void several_reporters_in_a_signature_with_their_roles() {
    BylineExtractor.Result r = extract(TEXT + "   hong@example.com 홍길동 기자 , 김하늘 인턴기자   ");

    assertThat(r.reporters()).containsExactly("홍길동", "김하늘");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_dateline_before_the_signature_is_read_and_leaves() {
    BylineExtractor.Result r = extract(TEXT + " /울산=홍길동기자 hong@example.com");

    assertThat(r.dateline()).isEqualTo("울산");
    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void the_portal_links_and_the_copyright_after_the_signature_leave_too() {
    String text = TEXT + "홍길동 기자 hong@example.com▶ 한빛일보 구독 ▶ 오늘의 인기 기사ⓒ 한빛일보, 무단 전재 금지";

    BylineExtractor.Result r = extract(text);

    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void links_running_up_to_the_copyright_leave_with_it() {
    BylineExtractor.Result r = extract(TEXT + "▶ 한빛일보 구독 ▶ 많이 본 뉴스ⓒ 한빛일보, 무단 전재 금지");

    assertThat(r.body()).isEqualTo(TEXT);
    assertThat(r.press()).isNull(); // 한빛일보 is not a press Sosik knows
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ⓒ 한국경제, 무단 전재 금지                  | 한국경제",
        "<저작권자ⓒ 뉴시스통신사. 무단 전재 금지>               | 뉴시스",
        "※ 저작권자 ⓒ 파이낸셜뉴스. 전재 금지                     | 파이낸셜뉴스",
        "[저작권자(c) YTN 무단 복제 금지]                 | YTN",
        "Copyright by JTBC. All rights reserved.       | JTBC",
        "<ⓒ경제 전문 미디어 이데일리 - 무단 전재 금지>              | 이데일리"
      })
  void a_copyright_line_gives_a_known_press_and_leaves_the_body(String notice, String press) {
    BylineExtractor.Result r = extract(TEXT + notice);

    assertThat(r.press()).isEqualTo(press);
    assertThat(r.pressSource()).isEqualTo(BylineExtractor.Source.COPYRIGHT);
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void the_byline_at_the_start_wins_over_the_copyright_line() {
    BylineExtractor.Result r = extract("[아이뉴스24 윤서진 기자] " + TEXT + "ⓒ 한국경제, 무단 전재 금지");

    assertThat(r.press()).isEqualTo("아이뉴스24");
    assertThat(r.pressSource()).isEqualTo(BylineExtractor.Source.BYLINE);
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_photo_copyright_inside_the_text_stays() {
    String text = "점등식에는 시민 2천명이 몰렸다. 트리 앞에서 사진을 찍는 시민들 ⓒ한빛시청 " + TEXT + " 점등식은 매년 12월 첫 주에 열린다. 올해는 "
        + "시민 합창단의 공연도 함께 열렸고, 광장 주변 상인들은 늦게까지 문을 열었다고 한다. 시는 내년에도 행사를 이어간다.";

    BylineExtractor.Result r = extract(text);

    assertThat(r.body()).isEqualTo(text);
  }

  @Test
  void a_broadcast_sign_off_gives_press_and_reporter() {
    BylineExtractor.Result r = extract("시청 앞 광장에 첫 성탄 트리가 불을 밝혔습니다. KBS 뉴스 홍길동입니다.");

    assertThat(r.press()).isEqualTo("KBS");
    assertThat(r.pressSource()).isEqualTo(BylineExtractor.Source.SIGN_OFF);
    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.body()).isEqualTo("시청 앞 광장에 첫 성탄 트리가 불을 밝혔습니다.");
  }

  @Test
  void the_place_of_a_sign_off_leaves_with_it() {
    BylineExtractor.Result r = extract("시청 앞 광장에 첫 성탄 트리가 불을 밝혔습니다. 하노이에서 채널 A 뉴스 홍길동입니다.");

    assertThat(r.press()).isEqualTo("채널A");
    assertThat(r.body()).isEqualTo("시청 앞 광장에 첫 성탄 트리가 불을 밝혔습니다.");
  }

  @Test
  void an_e_mail_alone_after_the_last_sentence_leaves_with_what_follows() {
    BylineExtractor.Result r = extract(TEXT + "hong@example.com▶ [연합뉴스] 채널 구독");

    assertThat(r.email()).isEqualTo("hong@example.com");
    assertThat(r.reporters()).isEmpty();
    assertThat(r.press()).isEqualTo("연합뉴스");
    assertThat(r.pressSource()).isEqualTo(BylineExtractor.Source.TRAILER);
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_cut_off_e_mail_still_ends_the_article_but_is_not_given() {
    BylineExtractor.Result r = extract(TEXT + "홍길동 기자 hong@▶ 더 많은 기사 보러가기");

    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.email()).isNull();
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void a_signature_followed_by_a_long_text_is_not_the_end_and_stays() {
    String rest = " 트리 점등식은 올해로 스무 번째를 맞았다.".repeat(30);
    String text = TEXT + " 홍길동 기자 hong@example.com" + rest;

    BylineExtractor.Result r = extract(text);

    assertThat(r.reporters()).isEmpty();
    assertThat(r.body()).isEqualTo(text.strip());
  }

  @Test
  void leading_byline_and_trailing_signature_together() {
    BylineExtractor.Result r = extract("(서울=연합뉴스) 홍길동 기자 = " + TEXT + "    hong@example.com");

    assertThat(r.press()).isEqualTo("연합뉴스");
    assertThat(r.reporters()).containsExactly("홍길동");
    assertThat(r.dateline()).isEqualTo("서울");
    assertThat(r.email()).isEqualTo("hong@example.com");
    assertThat(r.body()).isEqualTo(TEXT);
  }

  @Test
  void null_text_gives_nothing() {
    assertThat(extract(null).found()).isFalse();
    assertThat(extract(null).body()).isNull();
  }
}
