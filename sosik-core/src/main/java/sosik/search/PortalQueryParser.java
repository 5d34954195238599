package sosik.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the portal query syntax. Users never reach Lucene's syntax: anything that is not one of
 * these operators is plain text.
 *
 * <ul>
 *   <li>words separated by spaces: every word must match;
 *   <li>{@code "exact phrase"} (straight or curly quotes);
 *   <li>{@code -word} or {@code -"phrase"}: exclude; {@code +word}: must (the default; it also
 *       stays required when a long query is relaxed, see {@link PortalQuery.Clause#plain()});
 *   <li>{@code a | b}: either (binds tighter than the spaces: {@code 반도체 삼성 | 하이닉스} means
 *       반도체 and (삼성 or 하이닉스));
 *   <li>{@code 언론사:이데일리}, {@code 기자:김현아}, {@code 제목:반도체}: field scope.
 * </ul>
 */
public final class PortalQueryParser {
  public static final int MAX_CHARS = 1_000;
  public static final int MAX_TERMS = 64;

  private static final Map<String, PortalQuery.Field> FIELDS =
      Map.of(
          "언론사", PortalQuery.Field.PRESS,
          "press", PortalQuery.Field.PRESS,
          "기자", PortalQuery.Field.REPORTER,
          "reporter", PortalQuery.Field.REPORTER,
          "제목", PortalQuery.Field.TITLE,
          "title", PortalQuery.Field.TITLE);

  private PortalQueryParser() {}

  /** Parses {@code text}; an {@link InvalidQueryException} says what is wrong with it. */
  public static PortalQuery parse(String text) {
    if (text == null) {
      text = "";
    }
    if (text.length() > MAX_CHARS) {
      long words = wordCount(text);
      if (words > MAX_TERMS) {
        throw new InvalidQueryException(
            String.format("query has %,d words and is %,d characters long; the limits are %,d words and %,d characters",
                words, text.length(), MAX_TERMS, MAX_CHARS));
      }
      throw new InvalidQueryException(
          String.format("query is %,d characters long; the limit is %,d", text.length(), MAX_CHARS));
    }
    List<Item> items = tokenize(text);
    List<PortalQuery.Clause> clauses = new ArrayList<>();
    int terms = 0;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.bar) {
        continue; // a stray '|' at the start, end, or doubled
      }
      List<PortalQuery.Term> alts = new ArrayList<>();
      alts.add(it.term);
      boolean exclude = it.exclude;
      boolean forced = it.forced;
      while (i + 2 < items.size() && items.get(i + 1).bar && !items.get(i + 2).bar) {
        alts.add(items.get(i + 2).term);
        forced |= items.get(i + 2).forced;
        i += 2;
      }
      terms += alts.size();
      clauses.add(new PortalQuery.Clause(exclude, forced && !exclude, alts));
    }
    if (terms > MAX_TERMS) {
      throw new InvalidQueryException(
          String.format("query has %,d words; the limit is %,d", terms, MAX_TERMS));
    }
    return new PortalQuery(text, clauses);
  }

  /** Whitespace-separated words: a cheap count for a query too long to parse. */
  private static long wordCount(String s) {
    long n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }

  private record Item(PortalQuery.Term term, boolean exclude, boolean forced, boolean bar) {}

  private static boolean isQuote(char c) {
    return c == '"' || c == '“' || c == '”' || c == '„' || c == '＂';
  }

  private static List<Item> tokenize(String s) {
    List<Item> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '|' || c == '｜') {
        out.add(new Item(null, false, false, true));
        i++;
        continue;
      }
      boolean exclude = false;
      boolean forced = false;
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        exclude = c == '-';
        forced = c == '+';
        i++;
        c = s.charAt(i);
      }
      PortalQuery.Field field = PortalQuery.Field.TEXT;
      // field prefix: 언론사:값
      int colon = -1;
      for (int j = i; j < n && !Character.isWhitespace(s.charAt(j)) && !isQuote(s.charAt(j)); j++) {
        if (s.charAt(j) == ':' || s.charAt(j) == '：') {
          colon = j;
          break;
        }
      }
      if (colon > i) {
        PortalQuery.Field f = FIELDS.get(s.substring(i, colon).toLowerCase(Locale.ROOT));
        if (f != null && colon + 1 < n && !Character.isWhitespace(s.charAt(colon + 1))) {
          field = f;
          i = colon + 1;
          c = s.charAt(i);
        }
      }
      String value;
      boolean phrase = false;
      if (isQuote(c)) {
        int j = i + 1;
        while (j < n && !isQuote(s.charAt(j))) {
          j++;
        }
        value = s.substring(i + 1, j);
        phrase = true;
        i = Math.min(n, j + 1);
      } else {
        int j = i;
        while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '|' && s.charAt(j) != '｜') {
          j++;
        }
        value = s.substring(i, j);
        i = j;
      }
      value = value.strip();
      if (value.isEmpty()) {
        continue;
      }
      out.add(new Item(new PortalQuery.Term(field, value, phrase), exclude, forced, false));
    }
    return out;
  }
}
