package sosik.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes a line-based source one line at a time: each line is UTF-8 when it is valid UTF-8, else
 * CP949 when it decodes cleanly into mostly Hangul (see {@link TextEncoding}). A line that is
 * neither is passed on with U+FFFD where its bytes break, and its line number and byte offset are
 * kept, so that the article holding it is rejected saying where. Lines end at a line feed byte,
 * which neither encoding uses inside a character.
 */
final class LineDecoder extends Reader {
  /** Undecodable lines remembered at most; later ones are still replaced and rejected. */
  private static final int MAX_BAD_LINES = 10_000;

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;
  private byte[] line = new byte[1 << 12];
  private long offset; // of the next line's first byte
  private int lineNo;
  private String text = "";
  private int textPos;
  private final TreeMap<Integer, String> bad = new TreeMap<>();

  LineDecoder(InputStream in) {
    this.in = in;
  }

  /** What was wrong with the first undecodable line at or after {@code line}, or null. */
  String problemFrom(int line) {
    Map.Entry<Integer, String> e = bad.ceilingEntry(line);
    return e == null ? null : e.getValue();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (textPos >= text.length()) {
      if (!nextLine()) {
        return -1;
      }
    }
    int n = Math.min(len, text.length() - textPos);
    text.getChars(textPos, textPos + n, cbuf, off);
    textPos += n;
    return n;
  }

  private boolean nextLine() throws IOException {
    int len = 0;
    boolean ended = false;
    while (!ended) {
      if (pos >= lim) {
        if (eof || !fill()) {
          break;
        }
      }
      int start = pos;
      while (pos < lim && buf[pos] != '\n') {
        pos++;
      }
      if (pos < lim) {
        pos++; // the line feed is part of the line
        ended = true;
      }
      int n = pos - start;
      if (len + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
      }
      System.arraycopy(buf, start, line, len, n);
      len += n;
    }
    if (len == 0) {
      return false;
    }
    lineNo++;
    String s = TextEncoding.decodeLine(line, 0, len, true);
    if (s == null) {
      int at = TextEncoding.firstBadUtf8(line, 0, len, true);
      if (bad.size() < MAX_BAD_LINES) {
        bad.put(lineNo, TextEncoding.neither(line, Math.max(at, 0), offset + Math.max(at, 0)));
      }
      s = new String(line, 0, len, StandardCharsets.UTF_8);
    }
    offset += len;
    text = s;
    textPos = 0;
    return true;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      pos = lim = 0;
      return false;
    }
    pos = 0;
    lim = n;
    return true;
  }

  @Override
  public void close() {
    // the caller closes the stream
  }
}
