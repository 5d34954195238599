package sosik.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sosik.analysis.KeyboardHangul;
import sosik.index.NewsIndex;

/**
 * "혹시 이 검색어를 찾으셨나요?": a corrected query built from the index's own vocabulary, offered when
 * it finds what the query as typed does not.
 *
 * <p>Two corrections are tried: keys typed with the keyboard in English mode read as Hangul
 * ({@code qksehcp} → {@code 반도체}), then each plain word that is no headline word replaced by the
 * headline word at the smallest jamo distance ({@link Suggester#closest}: {@code 반대체} → {@code
 * 반도체}, {@code 삼송전자} → {@code 삼성전자}). Operators and quoted phrases are kept as typed.
 *
 * <p>A correction is offered when the query as typed finds nothing and the correction finds
 * something, or when the correction finds at least {@value #MORE} times as many articles (a typo
 * that happens to occur in a few articles still gets its correction).
 */
public final class DidYouMean {
  /** Why the correction is offered. */
  public enum Reason {
    /** Hangul typed with the keyboard in English mode. */
    KEYBOARD,
    /** A word that is not in the index, replaced by the closest one that is. */
    SPELLING
  }

  /**
   * A corrected query and the exact number of articles it finds.
   *
   * @param query  the corrected query text
   * @param reason keyboard or spelling
   * @param total  articles the corrected query finds
   */
  public record Correction(String query, Reason reason, long total) {
    /** The sentence a page shows above the corrected query (Korean, as the page is). */
    public String message() {
      return reason == Reason.KEYBOARD ? "한/영 전환 없이 입력하셨나요?" : "혹시 이 검색어를 찾으셨나요?";
    }
  }

  /** Queries finding this many articles or more are not corrected. */
  public static final long MAX_TOTAL = 50;

  /** A correction over a non-empty answer must find this many times as many articles. */
  public static final int MORE = 20;

  private DidYouMean() {}

  /**
   * The correction for {@code query}, whose answer holds {@code total} articles; empty when none
   * finds more. {@code words} is the headline vocabulary (null: spelling corrections are skipped).
   */
  public static Optional<Correction> of(NewsIndex index, Suggester words, String query, long total) throws IOException {
    String typed = query == null ? "" : query.strip();
    if (typed.isEmpty() || typed.length() > PortalQueryParser.MAX_CHARS || total >= MAX_TOTAL) {
      return Optional.empty();
    }
    List<Correction> candidates = new ArrayList<>(3);
    String base = typed;
    if (KeyboardHangul.looksMistyped(typed)) {
      base = KeyboardHangul.toHangul(typed);
      candidates.add(new Correction(base, Reason.KEYBOARD, -1));
    }
    if (words != null) {
      String spelled = respell(words, base);
      if (spelled != null) {
        candidates.add(new Correction(spelled, base.equals(typed) ? Reason.SPELLING : Reason.KEYBOARD, -1));
      }
    }
    for (Correction c : candidates) {
      long n = count(index, c.query());
      if (n > 0 && (total == 0 ? n > 0 : n >= (long) MORE * total)) {
        return Optional.of(new Correction(c.query(), c.reason(), n));
      }
    }
    return Optional.empty();
  }

  /**
   * The query with each plain word that is no headline word replaced by the closest headline
   * word; null when no word changes. Words with operators ({@code -x}, {@code +x}, {@code a|b},
   * {@code 언론사:x}) and quoted phrases stay as typed.
   */
  static String respell(Suggester words, String text) {
    String[] ws = text.split("\\s+");
    boolean changed = false;
    boolean quoted = false;
    for (int i = 0; i < ws.length; i++) {
      String w = ws[i];
      boolean plain = !quoted && !w.contains("\"") && !w.contains(":") && !w.contains("|")
          && !w.startsWith("-") && !w.startsWith("+");
      if (count(w, '"') % 2 == 1) {
        quoted = !quoted;
      }
      if (!plain) {
        continue;
      }
      Suggester.Suggestion c = words.closest(w);
      if (c != null && !c.text().equals(w)) {
        ws[i] = c.text();
        changed = true;
      }
    }
    return changed ? String.join(" ", ws) : null;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static long count(NewsIndex index, String q) throws IOException {
    try {
      return index.search(SearchRequest.of(q).withPage(1, 1)).total();
    } catch (InvalidQueryException e) {
      return 0;
    }
  }
}
