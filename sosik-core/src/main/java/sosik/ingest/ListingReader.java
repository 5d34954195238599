package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import sosik.article.Byline;

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
 * later headline onto the wrong body.
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
        draft =
            new ArticleDraft(
                headline, parsed.rest().strip(), b.press(), b.reporters(), b.dateline(), null, null, null, Map.of());
      } else {
        draft = new ArticleDraft(headline, text, null, List.of(), null, null, null, null, Map.of());
      }
      sink.article(draft, headlineLine);
      headline = null;
    }
    if (headline != null) {
      sink.reject(headlineLine, "headline '" + preview(headline) + "' has no body line after it");
    }
  }

  static String preview(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
