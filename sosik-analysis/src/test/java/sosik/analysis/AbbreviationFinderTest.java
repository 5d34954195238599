package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pairs an article defines for itself, and the parentheses that are not pairs. */
class AbbreviationFinderTest {
  final AbbreviationFinder finder = new AbbreviationFinder();

  List<AbbreviationFinder.Pair> find(String text) {
    return finder.find(text);
  }

  static AbbreviationFinder.Pair pair(String s, String l) {
    return new AbbreviationFinder.Pair(s, l);
  }

  @Test
  void hangulLongFormFollowedByItsShortForm() {
    assertThat(find("과학기술정보통신부(과기부)는 어제 새 사업을 공고했다."))
        .containsExactly(pair("과기부", "과학기술정보통신부"));
    assertThat(find("국민의힘(국힘) 지도부가 모였다.")).containsExactly(pair("국힘", "국민의힘"));
  }

  @Test
  void shortFormFollowedByItsLongForm() {
    assertThat(find("과기부(과학기술정보통신부)가 밝혔다.")).containsExactly(pair("과기부", "과학기술정보통신부"));
    assertThat(find("올해 MS(마이크로소프트)는 새 제품을 내놓았다.")).containsExactly(pair("MS", "마이크로소프트"));
  }

  @Test
  void latinShortFormOfAHangulOrLatinName() {
    assertThat(find("마이크로소프트(MS)와 손잡았다.")).containsExactly(pair("MS", "마이크로소프트"));
    assertThat(find("새 규격 High Bandwidth Memory(HBM)를 지원한다."))
        .containsExactly(pair("HBM", "High Bandwidth Memory"));
    assertThat(find("인공지능（AI） 반도체")).as("full-width parentheses").containsExactly(pair("AI", "인공지능"));
  }

  @Test
  void captionsLabelsNumbersAndUnitsAreNotPairs() {
    assertThat(find("김하늘 대표(사진)는 말했다. 한빛전자(종합) 실적 발표(1보)")).isEmpty();
    assertThat(find("주민 박솔비(45)씨와 면적 84(㎡) 아파트, 2026년(올해) 계획")).isEmpty();
    assertThat(find("워싱턴(AP) 현지시간(EST) 뉴스(YTN)")).isEmpty();
    assertThat(find("(서울=한빛통신) 김하늘 기자 = 시작")).isEmpty();
    assertThat(find("면적 30(KM) 무게 5(KG)")).isEmpty();
  }

  @Test
  void aShortFormMustSpellTheLongOneInOrderFromItsFirstSyllable() {
    assertThat(find("한빛전자(삼성) 소식")).as("not a subsequence").isEmpty();
    assertThat(find("과학기술정보통신부(기부)")).as("does not start alike").isEmpty();
    assertThat(find("중앙은행(중앙)")).as("a common word on its own").isEmpty();
  }

  @Test
  void aLatinShortFormAfterTheTailOfALongerNameIsNotAPair() {
    assertThat(find("기업간 거래(B2B) 시장")).as("거래 alone is a common word").isEmpty();
    assertThat(find("IT·모바일(IM) 부문과 홈가전&에어솔루션(H&A) 부문")).isEmpty();
  }

  @Test
  void severalPairsInOneText() {
    assertThat(find("인공지능(AI)과 사물인터넷(IoT)을 잇는 과학기술정보통신부(과기부) 사업"))
        .containsExactly(pair("AI", "인공지능"), pair("IoT", "사물인터넷"), pair("과기부", "과학기술정보통신부"));
  }
}
