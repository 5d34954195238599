package sosik.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The short forms Korean news gives institutional names by cutting a suffix to its first syllable:
 * {@code 성균관대학교} is {@code 성균관대}, {@code 현대자동차} is {@code 현대차}, {@code 서울과학고등학교}
 * is {@code 서울과학고}, {@code 금융위원회} is {@code 금융위}. Articles rarely define these
 * ({@code 현대자동차(현대차)} is almost never written), so {@link AbbreviationFinder} cannot learn
 * them; they follow one rule instead, applied at query time in both directions.
 *
 * <p>The name before the suffix must be at least two Hangul syllables, so that ordinary words
 * ending in the short syllable ({@code 확대}, {@code 최고}, {@code 순위}) are left alone; a long form
 * built from a word that is no short form ({@code 최상위} → {@code 최상위원회}) costs a phrase that
 * matches nothing.
 */
public final class Contractions {
  /** Long suffix and its one-syllable short form. */
  private static final String[][] SUFFIXES = {
    {"대학교", "대"}, {"자동차", "차"}, {"고등학교", "고"}, {"위원회", "위"},
  };
  private static final int MIN_NAME = 2;

  private Contractions() {}

  /**
   * The other forms of {@code word} by the suffix rule: the short form of a long one, the long
   * form of a short one; empty when the rule does not apply.
   */
  public static List<String> variants(String word) {
    String w = word == null ? "" : word.strip();
    List<String> out = new ArrayList<>(2);
    for (String[] s : SUFFIXES) {
      String name;
      if (w.endsWith(s[0])) {
        name = w.substring(0, w.length() - s[0].length());
        if (isName(name)) {
          out.add(name + s[1]);
        }
      } else if (w.endsWith(s[1])) {
        name = w.substring(0, w.length() - s[1].length());
        if (isName(name)) {
          out.add(name + s[0]);
        }
      }
    }
    return out;
  }

  /** At least {@link #MIN_NAME} characters, all Hangul syllables. */
  private static boolean isName(String s) {
    if (s.length() < MIN_NAME) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0xAC00 || c > 0xD7A3) {
        return false;
      }
    }
    return true;
  }
}
