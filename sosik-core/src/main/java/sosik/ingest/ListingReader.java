package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosik.article.Byline;
import sosik.article.PortalDates;

/**
 * The portal listing format Sosik was born from:
 *
 * <pre>
 * 뉴스 검색결과 6,578건          (optional header)
 * - headline
 * - [byline] body
 * - headline
 * - [수원=이데일리 황영민 기자] body
 * </pre>
 *
 * Blank lines are ignored. A bracket that opens a headline (e.g. {@code [미리보는 이데일리 신문]})
 * stays part of the headline; a byline opening a body line gives press, reporters and dateline. A
 * line opening with a byline is never taken as a headline, so one stray line does not shift every
 * later headline onto the wrong body. A date in parentheses after the byline, as a portal shows it
 * ({@code - [이데일리 김현아 기자] (3시간 전) 본문}), is the publication date: see {@link PortalDates};
 * relative dates are read against the file's time (see {@link Ingestor#now}).
 */
public final class ListingReader implements ArticleReader {
  private static final Pattern HEADER = Pattern.compile("^\\s*뉴스\\s*검색결과\\s*[\\d,]+\\s*건\\s*$");

  @Override
  public String name() {
    return "listing";
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    String line;
    int lineNo = 0;
    String headline = null;
    int headlineLine = 0;
    boolean seenContent = false;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      if (!seenContent && HEADER.matcher(line).matches()) {
        seenContent = true;
        continue;
      }
      seenContent = true;
      String stripped = line.strip();
      if (!stripped.startsWith("-")) {
        String what = headline == null ? "a headline line '- 제목'" : "a body line '- [언론사 기자] 본문'";
        sink.reject(lineNo, "expected " + what + ", found '" + preview(stripped) + "'");
        headline = null;
        continue;
      }
      String text = stripped.substring(1).strip();
      if (headline == null) {
        if (text.isEmpty()) {
          sink.reject(lineNo, "empty headline");
          continue;
        }
        if (Byline.parseLeading(text) != null) {
          // a body line where a headline should be (its headline was lost to a stray line):
          // taking it as a headline would pair every later headline with the wrong body
          sink.reject(lineNo, "body line '" + preview(text) + "' has no headline before it");
          continue;
        }
        headline = text;
        headlineLine = lineNo;
        continue;
      }
      Byline.Parsed parsed = Byline.parseLeading(text);
      ArticleDraft draft;
      if (parsed != null) {
        Byline b = parsed.byline();
        String[] dated = date(parsed.rest().strip());
        draft =
            new ArticleDraft(
                headline, dated[1], b.press(), b.reporters(), b.dateline(), dated[0], null, null, Map.of());
      } else {
        String[] dated = date(text);
        draft = new ArticleDraft(headline, dated[1], null, List.of(), null, dated[0], null, null, Map.of());
      }
      sink.article(draft, headlineLine);
      headline = null;
    }
    if (headline != null) {
      sink.reject(headlineLine, "headline '" + preview(headline) + "' has no body line after it");
    }
  }

  /**
   * A date in parentheses opening the body ({@code (3시간 전)}, {@code (2024.09.02. 오후 3:05)},
   * {@code (2024.12.20. 09:30)} as {@code sosik search} prints it) and the rest: {@code [date or
   * null, body]}. A parenthesis holding anything else stays in the body.
   */
  static String[] date(String body) {
    Matcher m = LEADING_PARENS.matcher(body);
    if (m.lookingAt() && PortalDates.looksLikeDate(m.group(1))) {
      return new String[] {m.group(1).strip(), body.substring(m.end()).strip()};
    }
    return new String[] {null, body};
  }

  private static final Pattern LEADING_PARENS = Pattern.compile("\\(([^()]{1,40})\\)\\s*");

  static String preview(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
