package sosik.search;

import java.util.List;

/**
 * Text with marked ranges: the query words as they appear (inflected forms included). Renderers
 * decide how a mark looks; the text itself is never markup.
 *
 * @param text  plain text, possibly with a leading/trailing "…" where the passage was cut
 * @param marks half-open [start, end) character ranges into {@code text}, sorted, not overlapping
 */
public record Snippet(String text, List<Mark> marks) {
  public record Mark(int start, int end) {}

  public Snippet {
    marks = List.copyOf(marks);
  }

  /** The marked words, in order. */
  public List<String> markedWords() {
    return marks.stream().map(m -> text.substring(m.start(), m.end())).toList();
  }

  /** HTML: text escaped, marks as {@code <mark>}. */
  public String toHtml() {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Mark m : marks) {
      escape(text, at, m.start(), sb);
      sb.append("<mark>");
      escape(text, m.start(), m.end(), sb);
      sb.append("</mark>");
      at = m.end();
    }
    escape(text, at, text.length(), sb);
    return sb.toString();
  }

  /** Plain text with each mark wrapped in {@code open} and {@code close}. */
  public String render(String open, String close) {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Mark m : marks) {
      sb.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
      at = m.end();
    }
    return sb.append(text, at, text.length()).toString();
  }

  static void escape(String s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
  }
}
