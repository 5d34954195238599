package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Token-level tests: each case pins terms, offsets and position increments. */
class KoreanNewsAnalyzerTest {
  private static final Analyzer ANALYZER = KoreanNewsAnalyzer.withDefaultDictionary();

  record Tok(String term, int start, int end, int posInc) {
    @Override
    public String toString() {
      return term + "[" + start + "," + end + ",+" + posInc + "]";
    }
  }

  static List<Tok> analyze(Analyzer a, String text) throws IOException {
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Tok(t.toString(), o.startOffset(), o.endOffset(), p.getPositionIncrement()));
      }
      ts.end();
    }
    return out;
  }

  static List<Tok> analyze(String text) throws IOException {
    return analyze(ANALYZER, text);
  }

  static List<String> terms(String text) throws IOException {
    return analyze(text).stream().map(Tok::term).toList();
  }

  @Test
  void mixed_script_word_splits_by_script_so_AI_반도체_matches_AI반도체() throws IOException {
    assertThat(analyze("AI반도체"))
        .containsExactly(new Tok("ai", 0, 2, 1), new Tok("반", 2, 3, 1), new Tok("도체", 3, 5, 1));
    assertThat(terms("AI 반도체")).isEqualTo(terms("AI반도체"));
  }

  @Test
  void particles_are_dropped_without_position_gaps() throws IOException {
    assertThat(analyze("반도체가 산업"))
        .containsExactly(new Tok("반", 0, 1, 1), new Tok("도체", 1, 3, 1), new Tok("산업", 5, 7, 1));
  }

  @Test
  void decompounding_lets_a_compound_be_found_by_its_part() throws IOException {
    List<String> system = terms("시스템반도체");
    List<String> chip = terms("반도체");
    assertThat(system).containsSequence(chip);
  }

  @Test
  void decimals_stay_one_token() throws IOException {
    assertThat(analyze("10.1%")).containsExactly(new Tok("10.1", 0, 4, 1));
    assertThat(analyze("1.6~1.9%로")).containsExactly(new Tok("1.6", 0, 3, 1), new Tok("1.9", 4, 7, 1));
    assertThat(analyze("CXL 3.1 스위치"))
        .containsExactly(new Tok("cxl", 0, 3, 1), new Tok("3.1", 4, 7, 1), new Tok("스위치", 8, 11, 1));
  }

  @Test
  void thousands_separators_are_removed_but_offsets_cover_the_written_number() throws IOException {
    assertThat(analyze("2,646조원"))
        .containsExactly(new Tok("2646", 0, 5, 1), new Tok("조", 5, 6, 1), new Tok("원", 6, 7, 1));
    // a comma followed by other than three digits is a list, not a thousands separator
    assertThat(terms("1,2위")).startsWith("1", "2");
  }

  @Test
  void numbers_with_units_are_searchable_by_their_stem() throws IOException {
    List<String> full = terms("3400억원대의 기업가치");
    assertThat(full).containsSequence(terms("3400억"));
    assertThat(full).containsSequence(terms("3400억원"));
  }

  @Test
  void middle_dots_separate_list_items() throws IOException {
    assertThat(analyze("반도체ㆍ배터리ㆍ바이오"))
        .containsExactly(
            new Tok("반", 0, 1, 1), new Tok("도체", 1, 3, 1), new Tok("배터리", 4, 7, 1), new Tok("바이오", 8, 11, 1));
    assertThat(terms("삼성ㆍLG")).containsExactly("삼성", "lg");
    assertThat(terms("반도체·배터리")).isEqualTo(terms("반도체ㆍ배터리"));
  }

  @Test
  void full_width_latin_folds_to_ascii_lower_case_with_offsets_on_the_original() throws IOException {
    assertThat(analyze("ＡＩ반도체"))
        .containsExactly(new Tok("ai", 0, 2, 1), new Tok("반", 2, 3, 1), new Tok("도체", 3, 5, 1));
    assertThat(terms("ＭＳ")).containsExactly("ms");
  }

  @Test
  void compatibility_characters_expand_and_offsets_map_back() throws IOException {
    // ㎏ (one character) becomes kg (two); the next token's offsets still point at the original
    List<Tok> toks = analyze("㎏당 3,000원");
    assertThat(toks.get(0)).isEqualTo(new Tok("kg", 0, 1, 1));
    assertThat(toks).contains(new Tok("3000", 3, 8, 1), new Tok("원", 8, 9, 1));
  }

  @Test
  void zero_width_space_does_not_split_a_word() throws IOException {
    assertThat(terms("반도\u200B체")).isEqualTo(terms("반도체"));
  }

  @Test
  void hanja_headline_abbreviations_read_as_hangul() throws IOException {
    assertThat(terms("韓 잠재성장률")).startsWith("한");
    assertThat(terms("美 국방부")).startsWith("미");
  }

  @Test
  void user_dictionary_words_stay_whole_whatever_follows() throws IOException {
    for (String s : List.of("파네시아", "파네시아는", "파네시아가", "파네시아의", "파네시아(대표")) {
      assertThat(terms(s)).as(s).startsWith("파네시아");
    }
    assertThat(analyze("엔비디아칩")).containsExactly(new Tok("엔비디아", 0, 4, 1), new Tok("칩", 4, 5, 1));
    assertThat(terms("챗GPT를")).containsExactly("챗gpt");
  }

  @Test
  void no_junk_token_after_a_user_dictionary_word() throws IOException {
    // Nori alone reads the 의 of 엔비디아의 as a noun; it must not become a search term here
    assertThat(analyze("엔비디아의 칩"))
        .containsExactly(new Tok("엔비디아", 0, 4, 1), new Tok("칩", 6, 7, 1));
    assertThat(terms("누리칩스와")).containsExactly("누리칩스");
    // but a real word after a user word is kept
    assertThat(terms("엔비디아 의장")).contains("의장");
  }

  @Test
  void an_abbreviation_reads_the_same_inside_parentheses_and_alone() throws IOException {
    List<String> defined = terms("과학기술정보통신부(과기부)");
    assertThat(defined).containsSequence(terms("과기부"));
    assertThat(terms("과기부는")).isEqualTo(terms("과기부"));
  }

  @Test
  void press_names_are_whole_words() throws IOException {
    // without the dictionary Nori reads 이 of 이데일리 as a determiner and drops it
    assertThat(terms("이데일리")).containsExactly("이데일리");
  }

  @Test
  void parenthesised_compatibility_characters_keep_exact_offsets() throws IOException {
    String text = "㈜누리칩스 발표";
    for (Tok t : analyze(text)) {
      assertThat(t.start()).isBetween(0, text.length());
      assertThat(t.end()).isBetween(t.start(), text.length());
    }
    assertThat(terms(text)).contains("누리칩스");
  }

  @Test
  void random_text_keeps_offsets_in_bounds_and_ordered() throws IOException {
    String[] pieces = {
      "반도체", "가", "AI", "ＡＩ", "ㆍ", "·", "10.1%", "2,646", "㈜", "㎏", "\u200B", "韓", "ㅂㄷㅊ", "파네시아", "의",
      " ", "  ", "\n", "(", ")", "“", "”", "…", "🙂", "é", "ｶﾞ", "ﾟ", "-", ".", ",", "3.0/3.1", "\uFEFF", "엔비디아", "x"
    };
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      int lastStart = 0;
      for (Tok t : analyze(text)) {
        assertThat(t.start()).as("seed %d text '%s' token %s", seed, text, t).isBetween(lastStart, text.length());
        assertThat(t.end()).as("seed %d text '%s' token %s", seed, text, t).isBetween(t.start(), text.length());
        assertThat(t.posInc()).as("seed %d token %s", seed, t).isPositive();
        assertThat(t.term()).isNotBlank();
        lastStart = t.start();
      }
    }
  }

  @Test
  void highlight_offsets_cut_the_original_text_at_the_word() throws IOException {
    String text = "국내 팹리스 파네시아가 “AI반도체” 상을, 10.1% 성장";
    for (Tok t : analyze(text)) {
      String original = text.substring(t.start(), t.end());
      assertThat(original.toLowerCase()).as("token %s", t).isEqualTo(t.term());
    }
  }

  @Test
  void huge_input_is_analysed_without_error() throws IOException {
    String para = "정부가 반도체ㆍ배터리 산업에 3,400억원을 투자한다고 밝혔다. ";
    String text = para.repeat(1_000_000 / para.length());
    long count = analyze(text).size();
    assertThat(count).isGreaterThan(100_000);
  }
}
