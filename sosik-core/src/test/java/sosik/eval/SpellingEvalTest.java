package sosik.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sosik.analysis.KeyboardHangul;
import sosik.analysis.KoreanNewsAnalyzer;

class SpellingEvalTest {
  @Test
  void keys_are_those_of_the_two_set_layout_and_read_back() {
    assertThat(SpellingEval.keys("반도체")).isEqualTo("qksehcp");
    assertThat(SpellingEval.keys("괜찮다")).isEqualTo("rhoscksgek");
    for (String w : List.of("삼성전자", "읽었다", "뷁", "의원", "값")) {
      assertThat(KeyboardHangul.toHangul(SpellingEval.keys(w))).as(w).isEqualTo(w);
    }
  }

  @Test
  void a_typo_changes_exactly_one_syllable() {
    Random r = new Random(7);
    int made = 0;
    for (int i = 0; i < 500; i++) {
      String t = SpellingEval.typo("반도체산업", r);
      if (t == null) {
        continue;
      }
      made++;
      assertThat(t).hasSize(5).isNotEqualTo("반도체산업");
      int diff = 0;
      for (int k = 0; k < 5; k++) {
        diff += t.charAt(k) == "반도체산업".charAt(k) ? 0 : 1;
      }
      assertThat(diff).as(t).isEqualTo(1);
    }
    assertThat(made).isGreaterThan(250);
  }

  @Test
  void distinct_words_are_all_recovered_and_the_counts_add_up() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      titles.add("반도체 수출 회복");
      titles.add("배터리 공장 착공");
      titles.add("기준금리 동결 결정");
      titles.add("양자컴퓨터 연구단 출범");
    }
    SpellingEval.Result r = SpellingEval.run(titles, KoreanNewsAnalyzer.withDefaultDictionary(), 100, 3, 1L);
    assertThat(r.words()).isBetween(8, 12);
    assertThat(r.corrected() + r.wrong() + r.none()).isEqualTo(r.words());
    assertThat(r.corrected()).isEqualTo(r.words());
    assertThat(r.keyboard()).isEqualTo(r.words());
  }
}
