package sosik.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Finds the abbreviations an article defines itself: a long form followed by its short form in
 * parentheses ({@code 과학기술정보통신부(과기부)}, {@code 마이크로소프트(MS)}, {@code High Bandwidth
 * Memory(HBM)}), or the other way round ({@code 과기부(과학기술정보통신부)}).
 *
 * <p>A pair is kept only when it looks like an abbreviation:
 *
 * <ul>
 *   <li>a Hangul short form is 2 to 6 syllables, starts with the long form's first syllable and
 *       spells a subsequence of it (과·기·부 in 과학기술정보통신부), and is not a common word of Nori's
 *       dictionary on its own (은행 in 중앙은행(은행));
 *   <li>a Latin short form is 2 to 8 letters or digits, at least two of them capitals, not a number
 *       or a unit; its long form is a Hangul word of 2 syllables or more that is not one common
 *       word (the last word of a longer name: 기업간 거래(B2B)), or Latin words whose initials
 *       spell it;
 *   <li>neither form is a caption or wire label ({@code (사진)}, {@code (종합)}, {@code (1보)},
 *       {@code 워싱턴(AP)}), a number, a date or a name with an age ({@code 홍길동(45)}): anything
 *       with digits, spaces, {@code =} or other punctuation inside the parentheses is skipped.
 * </ul>
 *
 * One pair is one sighting; whether it is trusted is up to {@link Aliases}.
 */
public final class AbbreviationFinder {
  /** A pair seen in a text. */
  public record Pair(String shortForm, String longForm) {}

  private static final Pattern PAREN = Pattern.compile("[(（]([^()（）]{1,40})[)）]");
  private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}+");
  private static final Pattern LATIN_SHORT = Pattern.compile("[A-Za-z][A-Za-z0-9&]{1,7}");
  private static final Pattern HANGUL_WORD_END = Pattern.compile("(\\p{IsHangul}{2,25}) ?$");
  private static final Pattern LATIN_WORDS_END = Pattern.compile("((?:[A-Za-z][A-Za-z-]* ){0,7}[A-Za-z][A-Za-z-]*) ?$");

  /** Captions, wire labels and words that stand in parentheses without being abbreviations. */
  static final Set<String> NOT_FORMS = Set.of(
      "사진", "종합", "속보", "상보", "단독", "영상", "그래픽", "자료", "제공", "출처", "표", "가칭", "주",
      "기자", "특파원", "편집자주", "뉴스", "캡처", "인터뷰", "현지시간", "이하", "예정", "계획", "포토",
      "AP", "AFP", "UPI", "EPA", "AFPBBNEWS", "REUTERS", "XINHUA", "NEWSIS", "YONHAP", "NEWS1",
      "KM", "CM", "MM", "KG", "MG", "ML", "KWH", "MWH", "GWH", "PPM", "PCT", "USD", "KRW", "EUR", "JPY", "CNY");

  /** Long forms that are labels, not names: {@code 사진(AP)}, {@code 기자(CBS)}. */
  static final Set<String> NOT_LONG = Set.of(
      "사진", "자료", "그래픽", "제공", "출처", "기자", "특파원", "뉴스", "영상", "캡처", "이미지", "로고", "현지시간");

  /** Whether a Hangul word is a common word of Nori's dictionary, cached. */
  private final Map<String, Boolean> commonWord = new ConcurrentHashMap<>();

  /** Every abbreviation pair {@code text} defines, in order of appearance. */
  public List<Pair> find(String text) {
    List<Pair> out = new ArrayList<>();
    if (text == null || text.indexOf('(') < 0 && text.indexOf('（') < 0) {
      return out;
    }
    Matcher m = PAREN.matcher(text);
    while (m.find()) {
      String inner = Normalizer.normalize(m.group(1).strip(), Normalizer.Form.NFKC);
      String before = Normalizer.normalize(text.substring(Math.max(0, m.start() - 120), m.start()), Normalizer.Form.NFKC);
      Pair p = pair(before, inner);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** The pair made by {@code inner} in parentheses after {@code before}, or null. */
  Pair pair(String before, String inner) {
    if (inner.isEmpty() || NOT_FORMS.contains(inner.toUpperCase(Locale.ROOT))) {
      return null;
    }
    boolean innerHangul = HANGUL.matcher(inner).matches();
    boolean innerLatin = LATIN_SHORT.matcher(inner).matches() && capitals(inner) >= 2 && !inner.matches(".*\\d.*\\d.*\\d.*");
    if (!innerHangul && !innerLatin) {
      return null;
    }
    Matcher hw = HANGUL_WORD_END.matcher(before);
    String hangulBefore = hw.find() ? hw.group(1) : null;
    if (hangulBefore != null && NOT_LONG.contains(hangulBefore)) {
      return null;
    }
    if (innerHangul && hangulBefore != null) {
      // 과학기술정보통신부(과기부) or 과기부(과학기술정보통신부)
      if (inner.length() < hangulBefore.length() && isHangulShortOf(inner, hangulBefore)) {
        return new Pair(inner, hangulBefore);
      }
      if (hangulBefore.length() < inner.length() && isHangulShortOf(hangulBefore, inner)) {
        return new Pair(hangulBefore, inner);
      }
      return null;
    }
    if (innerLatin) {
      if (hangulBefore != null && hangulBefore.length() >= 2) {
        // 마이크로소프트(MS); but not 기업간 거래(B2B), whose last word alone is a common word, nor
        // IT·모바일(IM) or 홈어플라이언스&에어솔루션(H&A), whose long form starts further left
        int at = before.length() - hw.group().length() - 1;
        char left = at >= 0 ? before.charAt(at) : ' ';
        boolean joined = left == '·' || left == '&' || left == '-' || left == '/' || Character.isLetterOrDigit(left);
        return isCommonWord(hangulBefore) || joined ? null : new Pair(inner, hangulBefore);
      }
      Matcher lw = LATIN_WORDS_END.matcher(before);
      if (lw.find()) {
        String longForm = initialsMatch(lw.group(1), inner);
        if (longForm != null) {
          return new Pair(inner, longForm); // High Bandwidth Memory(HBM)
        }
      }
      return null;
    }
    // a Hangul long form after a Latin short one: MS(마이크로소프트)
    Matcher ls = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9&]{1,7}) ?$").matcher(before);
    if (innerHangul && inner.length() >= 2 && !NOT_LONG.contains(inner) && ls.find()) {
      String s = ls.group(1);
      if (capitals(s) >= 2 && !NOT_FORMS.contains(s.toUpperCase(Locale.ROOT))) {
        return new Pair(s, inner);
      }
    }
    return null;
  }

  private static int capitals(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether {@code s} (2 to 6 syllables) abbreviates {@code l}: same first syllable, its syllables
   * found in {@code l} in order, and not a common word on its own.
   */
  boolean isHangulShortOf(String s, String l) {
    if (s.length() < 2 || s.length() > 6 || s.charAt(0) != l.charAt(0) || NOT_FORMS.contains(s) || NOT_LONG.contains(l)) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < l.length() && j < s.length(); i++) {
      if (l.charAt(i) == s.charAt(j)) {
        j++;
      }
    }
    return j == s.length() && !isCommonWord(s);
  }

  /** The last Latin words of {@code words} whose initials spell {@code acronym}, or null. */
  static String initialsMatch(String words, String acronym) {
    String[] w = words.strip().split(" ");
    String target = acronym.toUpperCase(Locale.ROOT);
    StringBuilder initials = new StringBuilder();
    for (int start = w.length - 1; start >= 0; start--) {
      String word = w[start];
      if (Set.of("of", "and", "the", "for", "in", "on").contains(word)) {
        continue;
      }
      initials.insert(0, Character.toUpperCase(word.charAt(0)));
      if (initials.toString().equals(target)) {
        return String.join(" ", java.util.Arrays.copyOfRange(w, start, w.length));
      }
      if (initials.length() >= target.length()) {
        break;
      }
    }
    return null;
  }

  /**
   * Whether Nori's own dictionary knows {@code word} as one common noun (은행, 정부): with unknown
   * words cut into single syllables, a word it does not know never comes out whole.
   */
  boolean isCommonWord(String word) {
    return commonWord.computeIfAbsent(word, AbbreviationFinder::lookUpCommonWord);
  }

  private static boolean lookUpCommonWord(String word) {
    try (KoreanTokenizer t = new KoreanTokenizer(
        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, KoreanTokenizer.DecompoundMode.NONE, true, true)) {
      CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
      PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
      t.setReader(new StringReader(word));
      t.reset();
      int n = 0;
      boolean common = false;
      while (t.incrementToken()) {
        n++;
        common = term.toString().equals(word) && pos.getLeftPOS() == POS.Tag.NNG && pos.getPOSType() == POS.Type.MORPHEME;
      }
      t.end();
      return n == 1 && common;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
