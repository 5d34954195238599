package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosik.article.PressNames;

/**
 * {@code soynlp-lines}: one article a line, with no headline and no metadata, sentences separated by
 * two spaces and punctuation stripped (the soynlp Naver news sample). The headline is the first
 * sentence, cut at a word boundary to at most {@value #MAX_TITLE_CHARS} characters (with {@code …}
 * when cut); the body is the whole line. There is no press, date or URL, except what a byline at the
 * start of the line gives (see {@link #leadingByline}); it then leaves the body and the headline is
 * the first sentence after it. Blank lines are skipped.
 */
public final class SoynlpLinesReader implements ArticleReader {
  /** Longest headline taken from the first sentence, before the {@code …}. */
  public static final int MAX_TITLE_CHARS = 60;

  @Override
  public String name() {
    return "soynlp-lines";
  }

  @Override
  public boolean reads(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    TextLines.forEach(in, (lineNo, line) -> sink.article(draft(line), lineNo));
  }

  /** One line as an article: its leading byline, when it has one, fills press, reporter and dateline. */
  static ArticleDraft draft(String line) {
    String body = line.strip();
    Leading b = leadingByline(body);
    if (b == null) {
      return ArticleDraft.of(title(body), body);
    }
    return new ArticleDraft(title(b.rest()), b.rest(), b.press(), List.of(b.reporter()), b.dateline(), null, null, null, Map.of());
  }

  /** A byline without its brackets at the start of a line, and the text after it. */
  record Leading(String press, String reporter, String dateline, String rest) {}

  private static final Pattern LEADING = Pattern.compile(
      "^(?:(\\S+) +)?(?:(\\S+) +)?([가-힣]{2,4}) ?(기자|특파원|인턴기자|선임기자|수습기자|객원기자|전문기자)(?: +|$)");
  private static final Set<String> CREDITS = Set.of("사진", "제공", "그래픽", "영상", "글");

  /**
   * The corpus stripped the brackets and punctuation of bylines: {@code [서울=연합뉴스] 홍길동 기자 =}
   * became {@code 서울 연합뉴스 홍길동 기자}. At the start of a line this reads, before a name of two
   * to four Hangul letters and a role: nothing (the reporter alone); one word, a known press ({@code
   * 엑스포츠뉴스}, also with a desk glued on: {@code 뉴스1스타}) or, when Sosik does not know it, a
   * press name the stripping cut short ({@code 헤럴드}, kept as no press); or two words, a dateline
   * and a known press ({@code 서울 연합뉴스}) or a known press and its desk ({@code 매일경제
   * 스타투데이}). Photo credits ({@code 사진 홍길동 기자}) and anything else are not bylines; a
   * first sentence of at most 40 characters (a photo caption) may come before the byline, and
   * leaves the body with it.
   */
  static Leading leadingByline(String line) {
    Leading b = leadingByline(line, 0);
    if (b == null) {
      // a photo caption often comes first: 사진 홍길동 기자  한빛일보 김서연 기자 …
      int sentence = line.indexOf("  ");
      if (sentence > 0 && sentence <= MAX_CAPTION_CHARS) {
        b = leadingByline(line, sentence + 2);
      }
    }
    return b;
  }

  /** Longest first sentence taken for a photo caption before the byline. */
  private static final int MAX_CAPTION_CHARS = 40;

  private static Leading leadingByline(String line, int from) {
    Matcher m = LEADING.matcher(line).region(from, line.length());
    if (!m.lookingAt()) {
      return null;
    }
    String first = m.group(1);
    String second = m.group(2);
    String press = null;
    String dateline = null;
    if (first != null && second != null) {
      String p2 = press(second);
      String p1 = press(first);
      if (p2 != null && first.matches("[가-힣]{1,5}") && p1 == null) {
        dateline = first;
        press = p2;
      } else if (p1 != null) {
        press = p1; // the second word is the press's desk or dateline
      } else {
        return null;
      }
    } else if (first != null) {
      if (CREDITS.contains(first)) {
        return null;
      }
      press = press(first); // may be null: a press name cut short by the stripping
    }
    return new Leading(press, m.group(3), dateline, line.substring(m.end()).strip());
  }

  /** The known press a word names, alone or with a desk glued after it ({@code 뉴스1스타}); else null. */
  private static String press(String word) {
    if (PressNames.isKnown(word)) {
      return PressNames.canonical(word);
    }
    PressNames.Found f = PressNames.find(word, 0, word.length());
    return f != null && f.start() == 0 && f.end() >= 2 ? f.name() : null;
  }

  /** The first sentence (up to two spaces), at most {@value #MAX_TITLE_CHARS} characters cut at a space. */
  static String title(String line) {
    String t = line.strip();
    int sentenceEnd = t.indexOf("  ");
    String first = sentenceEnd < 0 ? t : t.substring(0, sentenceEnd);
    first = first.strip().replaceAll("\\s+", " ");
    if (first.length() <= MAX_TITLE_CHARS) {
      return first;
    }
    int cut = first.lastIndexOf(' ', MAX_TITLE_CHARS);
    if (cut <= 0) {
      cut = MAX_TITLE_CHARS; // one long word: cut inside it
    }
    return first.substring(0, cut).strip() + "…";
  }
}
