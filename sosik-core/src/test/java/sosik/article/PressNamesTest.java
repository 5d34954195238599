package sosik.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PressNamesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "edaily                 | 이데일리",
        "MoneyToday             | 머니투데이",
        "financial news         | 파이낸셜뉴스",
        "한경닷컴                 | 한국경제",
        "매경닷컴                 | 매일경제",
        "Joins.com              | 중앙일보",
        "media KHAN             | 경향신문",
        "The Internet Hankyoreh | 한겨레",
        "eTimesinternet Co      | 전자신문",
        "'SBS & SBSi '          | SBS",
        "CBS 노컷뉴스             | 노컷뉴스",
        "채널 A                  | 채널A",
        "EDAILY                 | 이데일리",
        "이데일리                 | 이데일리"
      })
  void known_spellings_give_the_press_own_name(String spelling, String name) {
    assertThat(PressNames.isKnown(spelling)).isTrue();
    assertThat(PressNames.canonical(spelling)).isEqualTo(name);
  }

  @Test
  void unknown_names_come_back_tidied() {
    assertThat(PressNames.isKnown("한빛일보")).isFalse();
    assertThat(PressNames.canonical("  한빛   일보 ")).isEqualTo("한빛 일보");
    assertThat(PressNames.canonical(null)).isNull();
  }

  @Test
  void same_compares_by_the_press() {
    assertThat(PressNames.same("edaily", "이데일리")).isTrue();
    assertThat(PressNames.same("CBS노컷뉴스", "노컷뉴스")).isTrue();
    assertThat(PressNames.same("한빛일보", "한빛 일보")).isTrue();
    assertThat(PressNames.same("이데일리", "머니투데이")).isFalse();
    assertThat(PressNames.same(null, "이데일리")).isFalse();
  }

  @Test
  void naver_press_codes() {
    assertThat(PressNames.byNaverOid("001")).isEqualTo("연합뉴스");
    assertThat(PressNames.byNaverOid("018")).isEqualTo("이데일리");
    assertThat(PressNames.byNaverOid("421")).isEqualTo("뉴스1");
    assertThat(PressNames.byNaverOid("999")).isNull();
    assertThat(PressNames.byNaverOid(null)).isNull();
  }

  @Test
  void find_gives_the_earliest_then_the_longest_name() {
    String text = "저작권자 ⓒ 연합뉴스TV, 연합뉴스 무단 전재";

    PressNames.Found f = PressNames.find(text, 0, text.length());

    assertThat(f.name()).isEqualTo("연합뉴스TV");
    assertThat(text.substring(f.start(), f.end())).isEqualTo("연합뉴스TV");
  }

  @Test
  void find_reads_a_longer_corporate_name_and_spaces_inside_a_name() {
    assertThat(PressNames.find("제공 뉴시스통신사 사진", 0, 12).name()).isEqualTo("뉴시스");
    assertThat(PressNames.find("ⓒ CBS 노컷뉴스 무단", 0, 13).name()).isEqualTo("노컷뉴스");
  }

  @Test
  void find_does_not_take_latin_names_inside_words() {
    assertThat(PressNames.find("KBSN sports", 0, 11)).isNull();
    assertThat(PressNames.find("the MBC news", 0, 12).name()).isEqualTo("MBC");
  }

  @Test
  void find_respects_the_range() {
    String text = "한빛일보 기사, 이데일리 제공";

    assertThat(PressNames.find(text, 0, 8)).isNull();
    assertThat(PressNames.find(text, 0, text.length()).name()).isEqualTo("이데일리");
  }
}
