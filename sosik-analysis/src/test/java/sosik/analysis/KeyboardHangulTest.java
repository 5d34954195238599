package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardHangulTest {
  @Test
  void english_mode_keys_become_hangul() {
    assertThat(KeyboardHangul.toHangul("qksehcp")).isEqualTo("반도체");
    assertThat(KeyboardHangul.toHangul("dkssudgktpdy")).isEqualTo("안녕하세요");
    assertThat(KeyboardHangul.toHangul("tkatjdwjswk")).isEqualTo("삼성전자");
    assertThat(KeyboardHangul.toHangul("rjsdlq")).isEqualTo("건입");
  }

  @Test
  void compound_vowels_double_consonants_and_split_finals() {
    assertThat(KeyboardHangul.toHangul("ghkdgkd")).isEqualTo("황항");
    assertThat(KeyboardHangul.toHangul("Tkddjd")).isEqualTo("쌍엉");
    assertThat(KeyboardHangul.toHangul("dlfrdj")).isEqualTo("읽어"); // ㄺ splits: 읽 + 어
    assertThat(KeyboardHangul.toHangul("rmfja")).isEqualTo("그럼");
    assertThat(KeyboardHangul.toHangul("dnjs")).isEqualTo("원");
  }

  @Test
  void spaces_and_other_characters_pass_through() {
    assertThat(KeyboardHangul.toHangul("qksehcp rmawk")).isEqualTo("반도체 금자");
    assertThat(KeyboardHangul.toHangul("AI 2024")).isEqualTo("AI 2024".replace("AI", KeyboardHangul.toHangul("AI")));
  }

  @Test
  void real_english_words_are_not_taken_for_mistyped_korean_when_they_do_not_compose() {
    assertThat(KeyboardHangul.looksMistyped("qksehcp")).isTrue();
    assertThat(KeyboardHangul.looksMistyped("반도체")).isFalse();
    assertThat(KeyboardHangul.looksMistyped("2024")).isFalse();
  }
}
