package sosik.analysis;

/**
 * Korean typed with the keyboard left in English mode ({@code qksehcp}) turned back into Hangul
 * ({@code 반도체}), for the standard two-set (두벌식) layout.
 */
public final class KeyboardHangul {
  private static final String LOWER = "qwertyuiopasdfghjklzxcvbnm";
  private static final String LOWER_JAMO = "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡ";
  private static final String SHIFT = "QWERTOP";
  private static final String SHIFT_JAMO = "ㅃㅉㄸㄲㅆㅒㅖ";

  private static final String INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  private static final String MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  private static final String[] FINALS = {
    "", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
    "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"
  };
  private static final String[][] VOWEL_PAIRS = {
    {"ㅗㅏ", "ㅘ"}, {"ㅗㅐ", "ㅙ"}, {"ㅗㅣ", "ㅚ"}, {"ㅜㅓ", "ㅝ"}, {"ㅜㅔ", "ㅞ"}, {"ㅜㅣ", "ㅟ"}, {"ㅡㅣ", "ㅢ"}
  };
  private static final String[][] FINAL_PAIRS = {
    {"ㄱㅅ", "ㄳ"}, {"ㄴㅈ", "ㄵ"}, {"ㄴㅎ", "ㄶ"}, {"ㄹㄱ", "ㄺ"}, {"ㄹㅁ", "ㄻ"}, {"ㄹㅂ", "ㄼ"}, {"ㄹㅅ", "ㄽ"},
    {"ㄹㅌ", "ㄾ"}, {"ㄹㅍ", "ㄿ"}, {"ㄹㅎ", "ㅀ"}, {"ㅂㅅ", "ㅄ"}
  };

  private KeyboardHangul() {}

  /** Whether {@code text} looks like Korean typed in English mode: Latin letters only, and it composes. */
  public static boolean looksMistyped(String text) {
    if (text == null || text.isBlank() || !text.matches("[A-Za-z\\s]+")) {
      return false;
    }
    String h = toHangul(text);
    return !h.equals(text) && h.chars().filter(c -> c >= 0xAC00 && c <= 0xD7A3).count() * 2 >= text.replace(" ", "").length() / 2;
  }

  /** Converts keys to Hangul syllables; characters that are not letter keys pass through. */
  public static String toHangul(String keys) {
    StringBuilder out = new StringBuilder();
    String cho = null;
    String jung = null;
    String jong = "";
    for (int i = 0; i < keys.length(); i++) {
      char k = keys.charAt(i);
      String jamo = jamoFor(k);
      if (jamo == null) {
        flush(out, cho, jung, jong);
        cho = null;
        jung = null;
        jong = "";
        out.append(k);
        continue;
      }
      boolean vowel = MEDIALS.contains(jamo);
      if (!vowel) {
        if (cho == null && jung == null) {
          cho = jamo;
        } else if (jung == null) {
          // two consonants without a vowel: the first stands alone
          out.append(cho);
          cho = jamo;
        } else if (jong.isEmpty() && finalIndex(jamo) > 0) {
          jong = jamo;
        } else if (!jong.isEmpty() && pair(FINAL_PAIRS, jong + jamo) != null) {
          jong = pair(FINAL_PAIRS, jong + jamo);
        } else {
          flush(out, cho, jung, jong);
          cho = jamo;
          jung = null;
          jong = "";
        }
      } else {
        if (jung == null) {
          jung = jamo;
        } else if (jong.isEmpty() && pair(VOWEL_PAIRS, jung + jamo) != null) {
          jung = pair(VOWEL_PAIRS, jung + jamo);
        } else if (!jong.isEmpty()) {
          // the final consonant moves to the next syllable (반도 + ㅔ…)
          String keep = "";
          String move = jong;
          for (String[] p : FINAL_PAIRS) {
            if (p[1].equals(jong)) {
              keep = p[0].substring(0, 1);
              move = p[0].substring(1);
            }
          }
          flush(out, cho, jung, keep);
          cho = move;
          jung = jamo;
          jong = "";
        } else {
          flush(out, cho, jung, jong);
          cho = null;
          jung = jamo;
          jong = "";
        }
      }
    }
    flush(out, cho, jung, jong);
    return out.toString();
  }

  private static String jamoFor(char k) {
    int s = SHIFT.indexOf(k);
    if (s >= 0) {
      return String.valueOf(SHIFT_JAMO.charAt(s));
    }
    int l = LOWER.indexOf(Character.toLowerCase(k));
    return l >= 0 ? String.valueOf(LOWER_JAMO.charAt(l)) : null;
  }

  private static int finalIndex(String jamo) {
    for (int i = 1; i < FINALS.length; i++) {
      if (FINALS[i].equals(jamo)) {
        return i;
      }
    }
    return -1;
  }

  private static String pair(String[][] pairs, String two) {
    for (String[] p : pairs) {
      if (p[0].equals(two)) {
        return p[1];
      }
    }
    return null;
  }

  private static void flush(StringBuilder out, String cho, String jung, String jong) {
    if (cho != null && jung != null) {
      int c = INITIALS.indexOf(cho);
      int v = MEDIALS.indexOf(jung);
      int f = jong.isEmpty() ? 0 : finalIndex(jong);
      out.append((char) (0xAC00 + (c * 21 + v) * 28 + f));
    } else {
      if (cho != null) {
        out.append(cho);
      }
      if (jung != null) {
        out.append(jung);
      }
      if (!jong.isEmpty()) {
        out.append(jong);
      }
    }
  }
}
