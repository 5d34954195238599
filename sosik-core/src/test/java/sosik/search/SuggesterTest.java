package sosik.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sosik.analysis.KoreanNewsAnalyzer;

class SuggesterTest {
  static final List<String> TITLES = List.of(
      "반도체가 살아난다…수출 석 달째 증가",
      "AI반도체 스타트업 누리칩스, 시리즈B 유치",
      "반도체 장비 투자 확대",
      "반대 여론 커져…법안 처리 불투명",
      "반도체 클러스터 착공",
      "배터리 업계 반등");
  static final Suggester S = Suggester.ofTitles(TITLES, KoreanNewsAnalyzer.withDefaultDictionary());

  static List<String> texts(String prefix) {
    return S.suggest(prefix, 5).stream().map(Suggester.Suggestion::text).toList();
  }

  @Test
  void a_prefix_reaches_the_word_without_its_particle_and_the_most_frequent_comes_first() {
    assertThat(texts("반도")).first().isEqualTo("반도체");
    assertThat(texts("반도")).doesNotContain("반도체가");
    assertThat(S.suggest("반도", 1).get(0).count()).isEqualTo(3);
  }

  @Test
  void half_typed_syllables_and_initial_consonants_reach_the_word() {
    assertThat(texts("반돛")).contains("반도체");
    assertThat(texts("반도ㅊ")).contains("반도체");
    assertThat(texts("ㅂㄷㅊ")).containsExactly("반도체");
    assertThat(texts("ㅂ")).contains("반도체", "반대", "배터리");
  }

  @Test
  void keys_typed_in_english_mode_reach_the_hangul_word() {
    assertThat(texts("qksehc")).contains("반도체");
  }

  @Test
  void latin_and_mixed_words_complete_case_insensitively() {
    assertThat(texts("ai")).contains("AI반도체");
    assertThat(texts("누리")).contains("누리칩스");
  }

  @Test
  void nothing_for_an_empty_or_unknown_prefix() {
    assertThat(texts("")).isEmpty();
    assertThat(texts("없는말")).isEmpty();
  }

  @Test
  void a_word_one_jamo_off_is_corrected_to_the_known_word() {
    // qkseocp typed in English mode reads 반대체; the headlines know 반도체
    assertThat(S.closest(sosik.analysis.KeyboardHangul.toHangul("qkseocp")).text()).isEqualTo("반도체");
    assertThat(S.closest("배터래").text()).isEqualTo("배터리");
    assertThat(S.closest("반도체")).as("a known word needs no correction").isNull();
    assertThat(S.closest("국회의사당")).isNull();
  }
}
