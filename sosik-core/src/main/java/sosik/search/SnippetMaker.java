package sosik.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the best passage of a text around the query words and marks them. Backends hand it the
 * whole text and the matched offsets; it chooses the window with the most distinct query words,
 * cuts it at word boundaries, folds whitespace, and merges touching marks (Nori splits 반도체
 * into 반 + 도체; the reader sees one mark).
 */
public final class SnippetMaker {
  /** A matched range of the original text and the query term it matched. */
  public record Match(int start, int end, String term) {}

  public static final int DEFAULT_WIDTH = 160;
  private static final int LEAD = 24;
  private static final int SLACK = 16;

  private SnippetMaker() {}

  /** The whole text with its matches marked (for headlines). */
  public static Snippet whole(String text, List<Match> matches) {
    return cut(text, 0, text.length(), matches);
  }

  /** The best window of about {@code width} characters. */
  public static Snippet best(String text, List<Match> matches, int width) {
    if (text.length() <= width + SLACK) {
      return cut(text, 0, text.length(), matches);
    }
    List<Match> sorted = new ArrayList<>(matches);
    sorted.removeIf(m -> m.start() < 0 || m.end() > text.length() || m.start() >= m.end());
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    int anchor = 0;
    if (!sorted.isEmpty()) {
      int bestDistinct = -1;
      int bestCount = -1;
      for (int i = 0; i < sorted.size(); i++) {
        int s = sorted.get(i).start();
        Set<String> distinct = new HashSet<>();
        int count = 0;
        for (int j = i; j < sorted.size() && sorted.get(j).end() <= s + width - LEAD; j++) {
          distinct.add(sorted.get(j).term());
          count++;
        }
        if (distinct.size() > bestDistinct || (distinct.size() == bestDistinct && count > bestCount)) {
          bestDistinct = distinct.size();
          bestCount = count;
          anchor = s;
        }
      }
      anchor = Math.max(0, anchor - LEAD);
    }
    // a window that would cut only the first few words starts at the beginning instead
    int start = anchor <= 2 * LEAD ? 0 : boundaryBefore(text, anchor);
    int end = boundaryAfter(text, Math.min(text.length(), start + width));
    return cut(text, start, end, sorted);
  }

  private static int boundaryBefore(String text, int at) {
    if (at <= 0) {
      return 0;
    }
    for (int i = at; i > Math.max(0, at - SLACK); i--) {
      char p = text.charAt(i - 1);
      if (Character.isWhitespace(p) || p == '.' || p == '。' || p == '!' || p == '?') {
        return i;
      }
    }
    return at;
  }

  private static int boundaryAfter(String text, int at) {
    if (at >= text.length()) {
      return text.length();
    }
    for (int i = at; i < Math.min(text.length(), at + SLACK); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return at;
  }

  /** text[start,end) with whitespace folded, "…" where cut, and the matches inside it marked. */
  private static Snippet cut(String text, int start, int end, List<Match> matches) {
    StringBuilder out = new StringBuilder(end - start + 2);
    Map<Integer, Integer> map = new HashMap<>(); // original offset -> output offset
    if (start > 0) {
      out.append('…');
    }
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        map.put(i, out.length());
        space = true;
        continue;
      }
      if (space && out.length() > 0 && out.charAt(out.length() - 1) != '…') {
        out.append(' ');
      }
      space = false;
      map.put(i, out.length());
      out.append(c);
    }
    map.put(end, out.length());
    if (end < text.length()) {
      out.append('…');
    }
    List<Snippet.Mark> marks = new ArrayList<>();
    List<Match> sorted = new ArrayList<>(matches);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    for (Match m : sorted) {
      int s = Math.max(m.start(), start);
      int e = Math.min(m.end(), end);
      if (s >= e || !map.containsKey(s) || !map.containsKey(e)) {
        continue;
      }
      int os = map.get(s);
      int oe = map.get(e);
      // trim whitespace folded into the mark's ends
      while (os < oe && out.charAt(os) == ' ') {
        os++;
      }
      while (oe > os && out.charAt(oe - 1) == ' ') {
        oe--;
      }
      if (os >= oe) {
        continue;
      }
      if (!marks.isEmpty() && marks.get(marks.size() - 1).end() >= os) {
        Snippet.Mark last = marks.remove(marks.size() - 1);
        marks.add(new Snippet.Mark(last.start(), Math.max(last.end(), oe)));
      } else {
        marks.add(new Snippet.Mark(os, oe));
      }
    }
    return new Snippet(out.toString(), marks);
  }
}
