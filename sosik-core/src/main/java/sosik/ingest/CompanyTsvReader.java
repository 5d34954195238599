package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosik.article.PressNames;

/**
 * {@code company-tsv}: the tab-separated news files of the company-news-2019 set, one article a
 * line: {@code date \t press \t title \t body \t url}, e.g. {@code 2019.06.25.\t edaily\t 제목\t 본문\t
 * https://news.naver.com/main/read.nhn?…&oid=018&aid=…}.
 *
 * <ul>
 *   <li>A record ends at a line feed only: a lone carriage return inside a body (an old Mac line
 *       break) is a line break of the body, not a new record; a CR before the LF is dropped. Lines
 *       are numbered by line feeds, as editors number them.
 *   <li>The date {@code 2019.06.25.} is that day in Korea time (no time of day is given).
 *   <li>The press column is given by the press's own name when Sosik knows the label ({@code
 *       edaily} → 이데일리, see {@link PressNames}); the label as written is kept in {@code extra} as
 *       {@code press_label} when it differs.
 *   <li>A body holding tabs spreads over several columns: when there are more than five columns and
 *       the last is a URL, the columns between the title and the URL are the body, joined by spaces.
 *   <li>The section comes from the URL's {@code sid1} (100 정치 … 105 IT과학).
 *   <li>A line with fewer than five columns, or more without a URL last, or a date that is not one,
 *       is rejected naming its line; the next lines are still read.
 * </ul>
 */
public final class CompanyTsvReader implements ArticleReader {
  private static final Pattern DOTTED_DATE = Pattern.compile("^(\\d{4})\\.\\s*(\\d{1,2})\\.\\s*(\\d{1,2})\\.?$");
  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  @Override
  public String name() {
    return "company-tsv";
  }

  @Override
  public boolean reads(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    StringBuilder record = new StringBuilder();
    char[] buf = new char[1 << 14];
    int lineNo = 1;
    int n;
    while ((n = in.read(buf)) != -1) {
      for (int i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '\n') {
          record(record, lineNo, sink);
          record.setLength(0);
          lineNo++;
        } else {
          record.append(c);
        }
      }
    }
    if (record.length() > 0) {
      record(record, lineNo, sink);
    }
  }

  private static void record(StringBuilder raw, int lineNo, ReadSink sink) {
    String line = raw.toString();
    if (lineNo == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isBlank()) {
      return;
    }
    line = line.replace('\r', '\n');
    String[] cols = line.split("\t", -1);
    if (cols.length < 5) {
      sink.reject(lineNo, "expected 5 tab-separated columns (date, press, title, body, url), found " + cols.length);
      return;
    }
    String url = cols[cols.length - 1].strip();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      sink.reject(lineNo, "expected a URL in the last of " + cols.length + " columns (date, press, title, body, url), found '"
          + ListingReader.preview(url) + "'");
      return;
    }
    String date = isoDate(cols[0].strip());
    if (date == null) {
      sink.reject(lineNo, "column 1 (date) '" + ListingReader.preview(cols[0].strip()) + "' is not a date like 2019.06.25.");
      return;
    }
    StringBuilder body = new StringBuilder(cols[3]);
    for (int i = 4; i < cols.length - 1; i++) {
      if (!cols[i].isBlank()) {
        body.append(' ').append(cols[i]);
      }
    }
    String label = cols[1].strip();
    String press = label.isEmpty() ? null : PressNames.canonical(label);
    Map<String, String> extra = new LinkedHashMap<>();
    if (press != null && !press.equals(label)) {
      extra.put("press_label", JsonText.string(label));
    }
    sink.article(
        new ArticleDraft(cols[2], body.toString(), press, List.of(), null, date, url, NaverNews.section(url), extra),
        lineNo);
  }

  /** {@code 2019.06.25.} → {@code 2019-06-25}; an ISO date as it is; null otherwise. */
  static String isoDate(String s) {
    Matcher m = DOTTED_DATE.matcher(s);
    if (m.matches()) {
      try {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toString();
      } catch (DateTimeException e) {
        return null;
      }
    }
    return ISO_DATE.matcher(s).matches() ? s : null;
  }
}
