package sosik.group;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import sosik.analysis.NewsDictionary;
import sosik.analysis.NumberJoinFilter;
import sosik.article.Article;
import sosik.article.KoreaTime;

/**
 * What an article reports, for the event rule of {@link GroupPolicy}: the salient terms of its
 * headline and lead (the first {@value #LEAD_SENTENCES} sentences, at most {@value #LEAD_CHARS}
 * characters) — nouns of two letters or more, Latin words and telling numbers — as hashed codes.
 *
 * <p>Each code is a 30-bit hash of the term, shifted left by two, with {@link #HEADLINE} set when
 * the term is in the headline and {@link #NAME} when it names something (a proper noun, a Latin
 * word, a number). Generic news words ({@code 기자}, {@code 오늘}, {@code 올해} …), years, small
 * numbers, the press's name and the reporters' names are left out: they say nothing of the event.
 *
 * <p>The headline terms are also the article's event keys ({@link #keys}): one keyword per term and
 * Korea-time day, so an index finds the articles of nearby days that share headline terms with two
 * term queries' worth of work and no date filter.
 *
 * <p>The terms come from Nori's tokenizer (the bundled news dictionary, compounds kept whole) and
 * not from the index's analysis chain: a user's dictionary must not change which articles group.
 */
public final class EventTerms {
  public static final int HEADLINE = 1;
  public static final int NAME = 2;
  static final int LEAD_SENTENCES = 3;
  static final int LEAD_CHARS = 400;
  /** At most this many terms are kept (headline terms first, then the lead's in order). */
  public static final int MAX_TERMS = 40;

  private static final Set<String> GENERIC = Set.of(
      "기자", "특파원", "뉴스", "사진", "제공", "무단", "전재", "재배포", "금지", "저작권", "오늘", "어제", "내일", "이날",
      "올해", "지난해", "내년", "작년", "이번", "지난달", "이달", "다음달", "당시", "최근", "현재", "오전", "오후", "주말",
      "관계자", "회사", "업계", "시장", "사업", "계획", "발표", "예정", "대표", "국내", "해외", "기업", "전년", "동기",
      "대비", "정도", "경우", "가운데", "이후", "이전", "이상", "이하", "수준", "상황", "관련", "예상", "전망", "증가",
      "감소", "규모", "진행", "개최", "이유", "방침", "설명", "강조", "부문", "분야", "기존", "처음", "때문", "우리",
      "그룹", "사장", "회장", "부회장", "이사", "전무", "상무", "주식", "종목", "기록", "확대", "추진", "지원", "운영",
      "서울", "한국", "국내외", "속보", "단독", "종합", "포토", "영상", "인터뷰", "헤드라인", "일보", "신문", "방송");
  /** A bracketed dateline or label at the start of a body, e.g. {@code [서울=통신 ○○○ 기자]}. */
  private static final Pattern LEADING_LABELS = Pattern.compile("^(\\s*[\\[(【<][^\\])】>]{0,60}[\\])】>])+");
  private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");

  private static final Analyzer NOUNS = new Analyzer() {
    private final NewsDictionary dictionary = NewsDictionary.load(null);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      KoreanTokenizer t = new KoreanTokenizer(
          TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary.userDictionary(), KoreanTokenizer.DecompoundMode.NONE, false, false);
      return new TokenStreamComponents(t, new NumberJoinFilter(t));
    }
  };

  private EventTerms() {}

  /** The article's term codes, sorted, one per term; empty when the article has too little text. */
  public static int[] of(Article a) {
    Set<String> own = new HashSet<>();
    if (a.press() != null) {
      own.add(norm(a.press()));
    }
    for (String r : a.reporters()) {
      own.add(norm(r));
    }
    Map<Integer, Integer> codes = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    add(a.title(), HEADLINE, own, codes, order);
    add(lead(a.body()), 0, own, codes, order);
    int n = Math.min(order.size(), MAX_TERMS);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int h = order.get(i);
      out[i] = (h << 2) | codes.get(h);
    }
    Arrays.sort(out);
    return out;
  }

  /** The body's first sentences, without a leading dateline and e-mail addresses. */
  static String lead(String body) {
    String b = LEADING_LABELS.matcher(body).replaceFirst("");
    int end = Math.min(b.length(), LEAD_CHARS);
    int sentences = 0;
    for (int i = 1; i < end; i++) {
      char c = b.charAt(i);
      if ((c == '.' || c == '?' || c == '!') && (i + 1 == b.length() || Character.isWhitespace(b.charAt(i + 1)))
          && ++sentences == LEAD_SENTENCES) {
        end = i + 1;
        break;
      }
    }
    return EMAIL.matcher(b.substring(0, end)).replaceAll(" ");
  }

  private static void add(String text, int flags, Set<String> own, Map<Integer, Integer> codes, List<Integer> order) {
    try (TokenStream ts = NOUNS.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PartOfSpeechAttribute pos = ts.addAttribute(PartOfSpeechAttribute.class);
      ts.reset();
      String previous = null;
      while (ts.incrementToken()) {
        String t = norm(term.toString());
        POS.Tag tag = pos.getLeftPOS();
        int kind = kind(t, tag);
        if ("기자".equals(t) && previous != null) {
          // the reporter's name before 기자, when the byline did not give it
          Integer h = hash(previous);
          Integer f = codes.get(h);
          if (f != null && (f & HEADLINE) == 0) {
            codes.remove(h);
            order.remove(h);
          }
        }
        previous = t;
        if (kind < 0 || own.contains(t)) {
          continue;
        }
        int h = hash(t);
        Integer f = codes.get(h);
        if (f == null) {
          codes.put(h, flags | kind);
          order.add(h);
        } else {
          codes.put(h, f | flags | kind);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #NAME}, 0 for a plain noun, or -1 when the token is not salient. */
  static int kind(String t, POS.Tag tag) {
    if (tag == null) {
      return -1;
    }
    switch (tag) {
      case NNP:
        return t.length() >= 2 && !GENERIC.contains(t) ? NAME : -1;
      case NNG:
        return t.length() >= 2 && !GENERIC.contains(t) ? 0 : -1;
      case SL:
        return t.length() >= 2 ? NAME : -1;
      case SN:
        return tellingNumber(t) ? NAME : -1;
      default:
        return -1;
    }
  }

  /** Numbers that tell events apart: not years, not small whole numbers (dates, counts, ranks). */
  static boolean tellingNumber(String t) {
    String digits = t.replace(",", "");
    if (digits.contains(".")) {
      return true;
    }
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    if (digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"))) {
      return false;
    }
    return digits.length() >= 3;
  }

  static String norm(String s) {
    String n = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = null;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      char l = Character.isWhitespace(c) ? 0 : Character.toLowerCase(c);
      if (l != c && sb == null) {
        sb = new StringBuilder(n.length()).append(n, 0, i);
      }
      if (sb != null && l != 0) {
        sb.append(l);
      }
    }
    return sb == null ? n : sb.toString();
  }

  /** A 30-bit hash of a term. */
  static int hash(String t) {
    long h = 0;
    for (int i = 0; i < t.length(); i++) {
      h = h * 0x100000001B3L + t.charAt(i);
    }
    return (int) (Signature.mix(h) >>> 34);
  }

  /** The term of a code, without its flags. */
  public static int term(int code) {
    return code >>> 2;
  }

  /**
   * The event keys of headline terms on one Korea-time day: what an index stores for an article
   * ({@code day} its own), and what a lookup asks (every day the time window reaches).
   */
  public static List<String> keys(int[] codes, LocalDate day) {
    List<String> out = new ArrayList<>();
    String prefix = "e" + Long.toString(day.toEpochDay(), 36) + ":";
    for (int c : codes) {
      if ((c & HEADLINE) != 0) {
        out.add(prefix + Integer.toString(term(c), 36));
      }
    }
    return out;
  }

  /** The event keys an article of that time and those codes is stored with (none when undated). */
  public static List<String> ownKeys(int[] codes, Instant at) {
    return at == null ? List.of() : keys(codes, at.atZone(KoreaTime.ZONE).toLocalDate());
  }

  /** The keys of every Korea-time day within {@code window} of {@code at}: the lookup's keys. */
  public static List<String> lookupKeys(int[] codes, Instant at, Duration window) {
    if (at == null) {
      return List.of();
    }
    LocalDate from = at.minus(window).atZone(KoreaTime.ZONE).toLocalDate();
    LocalDate to = at.plus(window).atZone(KoreaTime.ZONE).toLocalDate();
    List<String> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.addAll(keys(codes, d));
    }
    return out;
  }
}
