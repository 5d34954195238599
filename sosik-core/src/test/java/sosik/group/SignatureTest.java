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
  void bytes_round_trip_keeps_16_bits_of_each_minimum_and_compares_as_the_original() {
    Signature s = Signature.of(TEXT);
    Signature edited = Signature.of(TEXT.replace("12일 밝혔다", "12일 발표했다"));
    byte[] bytes = s.toBytes();
    assertThat(bytes).hasSize(4 + 2 + 2 * Signature.HASHES);
    Signature back = Signature.fromBytes(bytes);
    assertThat(back.shingles()).isEqualTo(s.shingles());
    assertThat(back.comparable()).isTrue();
    for (int i = 0; i < Signature.HASHES; i++) {
      assertThat(back.hashes()[i]).isEqualTo(s.hashes()[i] & 0xFFFF);
    }
    // read back, it compares exactly as the signature computed from the text
    assertThat(back.similarity(s)).isEqualTo(1.0);
    assertThat(s.similarity(back)).isEqualTo(1.0);
    assertThat(back.similarity(edited)).isEqualTo(s.similarity(edited));
    assertThat(Signature.fromBytes(edited.toBytes()).similarity(back)).isEqualTo(s.similarity(edited));
    assertThat(Signature.fromBytes(back.toBytes())).isEqualTo(back);
    Signature shortOne = Signature.of("짧은 글");
    assertThat(shortOne.toBytes()).hasSize(4 + 2);
    assertThat(Signature.fromBytes(shortOne.toBytes())).isEqualTo(shortOne);
  }

  @Test
  void signatures_stored_with_full_ints_still_read() {
    Signature s = Signature.of(TEXT);
    java.nio.ByteBuffer old = java.nio.ByteBuffer.allocate(4 + 4 * Signature.HASHES);
    old.putInt(s.shingles());
    for (int h : s.hashes()) {
      old.putInt(h);
    }
    Signature back = Signature.fromBytes(old.array());
    assertThat(back).isEqualTo(s);
    assertThat(back.similarity(Signature.fromBytes(s.toBytes()))).isEqualTo(1.0);
    Signature shortOne = Signature.of("짧은 글");
    assertThat(Signature.fromBytes(java.nio.ByteBuffer.allocate(4).putInt(shortOne.shingles()).array())).isEqualTo(shortOne);
  }

  @Test
  void minima_equal_in_their_low_16_bits_count_as_equal() {
    // the accepted collision: 1 in 65,536 for two different minima
    int[] a = new int[Signature.HASHES];
    int[] b = new int[Signature.HASHES];
    for (int i = 0; i < a.length; i++) {
      a[i] = 1000 + i;
      b[i] = i < 64 ? a[i] + (1 << 16) : a[i] + 1;
    }
    assertThat(new Signature(a, 100).similarity(new Signature(b, 100))).isEqualTo(0.5);
  }
}
