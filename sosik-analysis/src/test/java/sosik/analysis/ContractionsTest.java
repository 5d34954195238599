package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractionsTest {
  @ParameterizedTest(name = "{0} ↔ {1}")
  @CsvSource({
    "성균관대학교, 성균관대",
    "현대자동차, 현대차",
    "기아자동차, 기아차",
    "한빛과학고등학교, 한빛과학고",
    "금융위원회, 금융위",
  })
  void the_long_and_the_short_form_give_each_other(String longForm, String shortForm) {
    assertThat(Contractions.variants(longForm)).containsExactly(shortForm);
    assertThat(Contractions.variants(shortForm)).containsExactly(longForm);
  }

  @ParameterizedTest
  @ValueSource(strings = {"확대", "최고", "순위", "자동차", "대학교", "차", "", "  ", "K대", "3차", "AI자동차"})
  void words_without_a_name_of_two_syllables_before_the_suffix_are_left_alone(String word) {
    assertThat(Contractions.variants(word)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"반도체", "카카오", "삼성전자", "네이버"})
  void other_words_have_no_variant(String word) {
    assertThat(Contractions.variants(word)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void surrounding_spaces_and_null_are_tolerated() {
    assertThat(Contractions.variants(" 현대차 ")).containsExactly("현대자동차");
    assertThat(Contractions.variants(null)).isEmpty();
  }
}
