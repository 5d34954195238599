package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;

/** The line loop every line-based format shares: 1-based numbers, a leading BOM dropped, blank lines skipped. */
public final class TextLines {
  /** Called for each non-blank line. */
  public interface Handler {
    void line(int lineNo, String line) throws IOException;
  }

  private TextLines() {}

  public static void forEach(BufferedReader in, Handler handler) throws IOException {
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        handler.line(lineNo, line);
      }
    }
  }
}
