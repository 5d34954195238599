package sosik.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ynat-headlines}: Yonhap headlines labelled with a topic (the KLUE-YNAT / Dacon 뉴스 토픽 분류
 * {@code train_data.csv}): a CSV file whose header names the columns {@code index,title,topic_idx}.
 *
 * <ul>
 *   <li>these are headlines only: Sosik requires a body, so the body is the headline again;
 *   <li>the section is the topic: 0 IT과학, 1 경제, 2 사회, 3 생활문화, 4 세계, 5 스포츠, 6 정치;
 *   <li>{@code index} is kept in {@code extra}; there is no press, date, reporter or URL.
 * </ul>
 *
 * CSV quoting is read as CSV has it (quoted commas, doubled quotes, line breaks inside quotes). A
 * row without a headline or with a topic outside 0–6 is rejected naming its line; a quote left
 * open makes the rest of the file unreadable, which is said at the line where it opens.
 */
public final class YnatHeadlinesReader implements ArticleReader {
  /** The topics, by {@code topic_idx}. */
  public static final List<String> TOPICS = List.of("IT과학", "경제", "사회", "생활문화", "세계", "스포츠", "정치");

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  @Override
  public String name() {
    return "ynat-headlines";
  }

  @Override
  public boolean reads(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(in);
    int line = 1; // where the next row starts
    int titleCol = -1;
    int topicCol = -1;
    int indexCol = -1;
    while (true) {
      String[] row;
      try {
        if (!rows.hasNextValue()) {
          break;
        }
        row = rows.nextValue();
      } catch (IOException | RuntimeException e) {
        sink.reject(line, "not valid CSV from here on: " + firstLine(e.getMessage()));
        return;
      }
      int rowLine = line;
      line = Math.max(line + 1, rows.getParser().currentLocation().getLineNr());
      if (titleCol < 0) {
        if (row.length > 0 && row[0].startsWith("\uFEFF")) {
          row[0] = row[0].substring(1);
        }
        for (int i = 0; i < row.length; i++) {
          switch (row[i].strip()) {
            case "title" -> titleCol = i;
            case "topic_idx" -> topicCol = i;
            case "index" -> indexCol = i;
            default -> { }
          }
        }
        if (titleCol < 0 || topicCol < 0) {
          sink.reject(rowLine, "expected a header naming the columns index,title,topic_idx, found '"
              + ListingReader.preview(String.join(",", row)) + "'");
          return;
        }
        continue;
      }
      if (row.length == 1 && row[0].isBlank()) {
        continue;
      }
      if (row.length <= Math.max(titleCol, topicCol)) {
        sink.reject(rowLine, "expected the columns index,title,topic_idx, found " + row.length + " column" + (row.length == 1 ? "" : "s"));
        continue;
      }
      String title = row[titleCol].strip();
      if (title.isEmpty()) {
        sink.reject(rowLine, "column 'title' is empty");
        continue;
      }
      String topic = row[topicCol].strip();
      String section = topic.matches("\\d") && Integer.parseInt(topic) < TOPICS.size() ? TOPICS.get(Integer.parseInt(topic)) : null;
      if (section == null) {
        sink.reject(rowLine, "column 'topic_idx' '" + ListingReader.preview(topic) + "' is not a topic 0–6");
        continue;
      }
      Map<String, String> extra = new LinkedHashMap<>();
      if (indexCol >= 0 && indexCol < row.length && !row[indexCol].isBlank()) {
        extra.put("index", JsonText.string(row[indexCol].strip()));
      }
      sink.article(new ArticleDraft(title, title, null, List.of(), null, null, null, section, extra), rowLine);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
