package sosik.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final String TEXT =
      "해운 물류 기업 바다로지스가 부산 신항에 스마트 물류센터를 짓는다고 12일 밝혔다. 총사업비는 4200억원으로, "
          + "내년 3월 착공해 2029년 하반기 문을 열 예정이다. 센터에는 자율주행 운반 로봇 300대가 들어선다.";

  @Test
  void spacing_punctuation_and_width_do_not_change_the_signature() {
    String edited = TEXT.replace(" ", "  ").replace(",", "").replace("300", "３００");
    assertThat(Signature.of(edited)).isEqualTo(Signature.of(TEXT));
    assertThat(Signature.of(edited).similarity(Signature.of(TEXT))).isEqualTo(1.0);
  }

  @Test
  void a_small_edit_stays_similar_and_other_text_does_not() {
    Signature a = Signature.of(TEXT);
    Signature edited = Signature.of(TEXT.replace("12일 밝혔다", "12일 발표했다"));
    Signature other = Signature.of("한국은행이 기준금리를 연 2.25%로 0.25%포인트 내렸다. 내수 회복을 뒷받침하기 위해서라고 "
        + "금융통화위원회는 설명했다. 시장은 연내 추가 인하 가능성에 주목하고 있다. 환율 변동성은 부담이다.");
    assertThat(a.similarity(edited)).isGreaterThan(0.7);
    assertThat(a.similarity(other)).isLessThan(0.1);
    // a near copy shares band keys; an unrelated text almost surely none
    assertThat(a.bandKeys()).hasSize(Signature.BANDS).containsAnyElementsOf(edited.bandKeys());
    assertThat(a.bandKeys()).doesNotContainAnyElementsOf(other.bandKeys());
  }

  @Test
  void a_headline_alone_is_too_short_to_compare() {
    Signature s = Signature.of("바다로지스 부산 신항 물류센터 착공");
    assertThat(s.comparable()).isFalse();
    assertThat(s.bandKeys()).isEmpty();
    assertThat(s.similarity(s)).isZero();
  }

  @Test
  void bytes_round_trip() {
    Signature s = Signature.of(TEXT);
    assertThat(Signature.fromBytes(s.toBytes())).isEqualTo(s);
    Signature shortOne = Signature.of("짧은 글");
    assertThat(Signature.fromBytes(shortOne.toBytes())).isEqualTo(shortOne);
  }
}
