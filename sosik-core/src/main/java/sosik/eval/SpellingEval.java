package sosik.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import sosik.analysis.KeyboardHangul;
import sosik.search.Suggester;

/**
 * How well the "did you mean" corrections recover words: headline words of a corpus, each given a
 * typo of the kind people make on a Korean keyboard (a vowel or consonant one key or one stroke off,
 * a final consonant dropped or added) or typed with the keyboard in English mode, and the
 * correction compared with the word meant.
 *
 * <p>Words are drawn (seeded) from the headline words found in at least {@code minCount} headlines,
 * two to six Hangul syllables long; a typo that is itself a headline word is drawn again, since no
 * vocabulary-based correction can know it was meant otherwise.
 */
public final class SpellingEval {
  /**
   * @param words            words tried
   * @param corrected        typos whose correction is the word meant
   * @param wrong            typos corrected to another word
   * @param none             typos left without a correction
   * @param keyboard         words typed in English mode read back as the word meant
   * @param keyboardTypo     English-mode words with a typo corrected to the word meant (read as
   *     Hangul, then corrected)
   * @param examples         some typos and what they became, for reading
   */
  public record Result(int words, int corrected, int wrong, int none, int keyboard, int keyboardTypo, List<String> examples) {
    public double accuracy() {
      return words == 0 ? 0 : (double) corrected / words;
    }
  }

  /** Keys of the two-set layout: initials, medials, finals (compound finals as two keys). */
  private static final String[] INITIAL_KEYS = {"r", "R", "s", "e", "E", "f", "a", "q", "Q", "t", "T", "d", "w", "W", "c", "z", "x", "v", "g"};
  private static final String[] MEDIAL_KEYS = {
    "k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n", "nj", "np", "nl", "b", "m", "ml", "l"
  };
  private static final String[] FINAL_KEYS = {
    "", "r", "R", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg", "a", "q", "qt", "t", "T", "d",
    "w", "c", "z", "x", "v", "g"
  };
  /** Medials (index into the 21) confused with each other: one key or one stroke apart. */
  private static final int[][] MEDIAL_CONFUSIONS = {
    {1, 5}, {0, 2}, {4, 6}, {8, 12}, {13, 17}, {18, 13}, {20, 18}, {11, 10}, {10, 15}, {1, 3}, {5, 7}, {4, 8}, {16, 13}
  };
  /** Initials confused with each other: plain, tense and aspirated forms, one shift apart. */
  private static final int[][] INITIAL_CONFUSIONS = {
    {0, 1}, {0, 15}, {3, 4}, {3, 16}, {7, 8}, {7, 17}, {12, 13}, {12, 14}, {9, 10}, {2, 5}, {11, 18}
  };
  /** Finals swapped for each other: ㅇ/ㄴ/ㅁ, ㄱ/ㅂ/ㄷ, ㅅ/ㅆ. */
  private static final int[][] FINAL_CONFUSIONS = {{21, 4}, {4, 16}, {21, 16}, {1, 17}, {7, 19}, {19, 20}, {8, 4}};

  private SpellingEval() {}

  /** Runs the evaluation over {@code n} words of the headlines' vocabulary. */
  public static Result run(List<String> titles, Analyzer analyzer, int n, int minCount, long seed) {
    Suggester s = Suggester.ofTitles(titles, analyzer);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : titles) {
      for (String w : Suggester.words(analyzer, t)) {
        counts.merge(w, 1L, Long::sum);
      }
    }
    Set<String> vocabulary = new HashSet<>(counts.keySet());
    List<String> pool = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() >= minCount && isHangul(e.getKey()) && e.getKey().length() >= 2 && e.getKey().length() <= 6) {
        pool.add(e.getKey());
      }
    }
    Collections.sort(pool);
    Random r = new Random(seed);
    Collections.shuffle(pool, r);
    int words = 0, corrected = 0, wrong = 0, none = 0, keyboard = 0, keyboardTypo = 0;
    List<String> examples = new ArrayList<>();
    for (String w : pool) {
      if (words == n) {
        break;
      }
      String typo = null;
      for (int tries = 0; tries < 20 && typo == null; tries++) {
        String t = typo(w, r);
        if (t != null && !vocabulary.contains(t)) {
          typo = t;
        }
      }
      if (typo == null) {
        continue;
      }
      words++;
      Suggester.Suggestion c = s.closest(typo);
      String got = c == null ? null : c.text();
      if (w.equals(got)) {
        corrected++;
      } else if (got == null) {
        none++;
      } else {
        wrong++;
      }
      if (examples.size() < 12) {
        examples.add(typo + " → " + (got == null ? "–" : got) + " (" + w + ")");
      }
      String keys = keys(w);
      if (KeyboardHangul.looksMistyped(keys) && w.equals(KeyboardHangul.toHangul(keys))) {
        keyboard++;
      }
      String typoKeys = keys(typo);
      if (KeyboardHangul.looksMistyped(typoKeys)) {
        Suggester.Suggestion k = s.closest(KeyboardHangul.toHangul(typoKeys));
        if (k != null && w.equals(k.text())) {
          keyboardTypo++;
        }
      }
    }
    return new Result(words, corrected, wrong, none, keyboard, keyboardTypo, examples);
  }

  /** One typo in one syllable of {@code w}; null when the drawn edit does not apply. */
  static String typo(String w, Random r) {
    int i = r.nextInt(w.length());
    int x = w.charAt(i) - 0xAC00;
    int ini = x / (21 * 28);
    int med = (x % (21 * 28)) / 28;
    int fin = x % 28;
    switch (r.nextInt(4)) {
      case 0 -> med = swap(MEDIAL_CONFUSIONS, med, r);
      case 1 -> ini = swap(INITIAL_CONFUSIONS, ini, r);
      case 2 -> fin = fin == 0 ? new int[] {4, 8, 16, 21}[r.nextInt(4)] : (r.nextBoolean() ? 0 : swap(FINAL_CONFUSIONS, fin, r));
      default -> fin = fin == 0 ? 21 : 0;
    }
    if (ini < 0 || med < 0 || fin < 0) {
      return null;
    }
    char c = (char) (0xAC00 + (ini * 21 + med) * 28 + fin);
    return c == w.charAt(i) ? null : w.substring(0, i) + c + w.substring(i + 1);
  }

  private static int swap(int[][] pairs, int v, Random r) {
    List<Integer> options = new ArrayList<>();
    for (int[] p : pairs) {
      if (p[0] == v) {
        options.add(p[1]);
      } else if (p[1] == v) {
        options.add(p[0]);
      }
    }
    return options.isEmpty() ? -1 : options.get(r.nextInt(options.size()));
  }

  /** The keys that type {@code hangul} on the two-set layout in English mode. */
  static String keys(String hangul) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < hangul.length(); i++) {
      int x = hangul.charAt(i) - 0xAC00;
      b.append(INITIAL_KEYS[x / (21 * 28)]).append(MEDIAL_KEYS[(x % (21 * 28)) / 28]).append(FINAL_KEYS[x % 28]);
    }
    return b.toString();
  }

  private static boolean isHangul(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0xAC00 || c > 0xD7A3) {
        return false;
      }
    }
    return true;
  }
}
