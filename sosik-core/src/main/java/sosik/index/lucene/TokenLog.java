package sosik.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of one text as its field's analysis produced them (each token's characters and
 * position), written down while the index writer inverts that field, so that the fields derived
 * from the same tokens ({@link Fields#LEAD}, the pair fields) are fed without analysing the text
 * again. The writer inverts a document's fields in the order they were added, so a derived field
 * added after its source reads a complete log.
 */
final class TokenLog {
  /** Between the two tokens of a pair term: never inside a token (the analysis drops control characters). */
  static final char PAIR_SEPARATOR = '\u001f';

  /**
   * Whether two tokens of these lengths (in chars) make a pair term: one that can never exceed the
   * writer's longest term in UTF-8, whatever its characters. Longer pairs are not written, and a
   * phrase of such tokens is checked on positions.
   */
  static boolean pairable(int firstChars, int secondChars) {
    return (long) (firstChars + secondChars + 1) * 3 <= org.apache.lucene.index.IndexWriter.MAX_TERM_LENGTH;
  }

  private char[] chars = new char[1024];
  private int[] starts = new int[129];
  private int[] positions = new int[128];
  private int size;
  private int used;

  int size() {
    return size;
  }

  /** The 0-based position of token {@code i}. */
  int position(int i) {
    return positions[i];
  }

  void clear() {
    size = 0;
    used = 0;
  }

  void add(char[] buffer, int length, int position) {
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      starts = Arrays.copyOf(starts, size * 2 + 1);
    }
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
    }
    System.arraycopy(buffer, 0, chars, used, length);
    starts[size] = used;
    positions[size] = position;
    used += length;
    size++;
    starts[size] = used;
  }

  private int length(int i) {
    return starts[i + 1] - starts[i];
  }

  private boolean sameToken(int i, int j) {
    return Arrays.equals(chars, starts[i], starts[i + 1], chars, starts[j], starts[j + 1]);
  }

  /** {@code in} with every token it passes written to this log (cleared when the stream is reset). */
  TokenStream recording(TokenStream in) {
    return new Recorder(in, this);
  }

  /** The logged tokens whose 1-based position is at most {@code maxPosition}, in order. */
  TokenStream upTo(int maxPosition) {
    return new Replay(this, maxPosition);
  }

  /**
   * One term for each token followed by a token at the next position: {@code first}, {@link
   * #PAIR_SEPARATOR}, {@code second}. A pair term's count in a text is then exactly the count of a
   * two-token exact phrase of those tokens in it, as a phrase query counts it: each occurrence of
   * the first token with the second at the next position (a token stacked twice at the next position
   * counts once).
   */
  TokenStream pairs() {
    return new Pairs(this, Integer.MAX_VALUE);
  }

  /** The {@link #pairs()} whose second token's 1-based position is at most {@code maxPosition}. */
  TokenStream pairs(int maxPosition) {
    return new Pairs(this, maxPosition);
  }

  private static final class Recorder extends TokenFilter {
    private final TokenLog log;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private int position;

    Recorder(TokenStream in, TokenLog log) {
      super(in);
      this.log = log;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      log.clear();
      position = -1;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      position += inc.getPositionIncrement();
      log.add(term.buffer(), term.length(), position);
      return true;
    }
  }

  private static final class Replay extends TokenStream {
    private final TokenLog log;
    private final int maxPosition;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private int next;

    Replay(TokenLog log, int maxPosition) {
      this.log = log;
      this.maxPosition = maxPosition;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next >= log.size || log.positions[next] + 1 > maxPosition) {
        return false;
      }
      clearAttributes();
      int i = next++;
      term.copyBuffer(log.chars, log.starts[i], log.length(i));
      inc.setPositionIncrement(i == 0 ? log.positions[i] + 1 : log.positions[i] - log.positions[i - 1]);
      return true;
    }
  }

  private static final class Pairs extends TokenStream {
    private final TokenLog log;
    private final int maxPosition;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int first;
    private int second;

    Pairs(TokenLog log, int maxPosition) {
      this.log = log;
      this.maxPosition = maxPosition;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      first = 0;
      second = -1;
    }

    @Override
    public boolean incrementToken() {
      while (first < log.size && (long) log.positions[first] + 2 <= maxPosition) {
        second = nextSecond(first, second);
        if (second >= 0 && !pairable(log.length(first), log.length(second))) {
          continue;
        }
        if (second >= 0) {
          clearAttributes();
          int a = log.length(first);
          int b = log.length(second);
          char[] buf = term.resizeBuffer(a + b + 1);
          System.arraycopy(log.chars, log.starts[first], buf, 0, a);
          buf[a] = PAIR_SEPARATOR;
          System.arraycopy(log.chars, log.starts[second], buf, a + 1, b);
          term.setLength(a + b + 1);
          return true;
        }
        first++;
        second = -1;
      }
      return false;
    }

    /**
     * The next token after {@code after} (or the first when -1) at the position following {@code
     * i}'s that is not the same token as an earlier one at that position; -1 when there is none.
     */
    private int nextSecond(int i, int after) {
      int want = log.positions[i] + 1;
      int j = after < 0 ? i + 1 : after + 1;
      while (j < log.size && log.positions[j] < want) {
        j++;
      }
      for (; j < log.size && log.positions[j] == want; j++) {
        boolean repeated = false;
        for (int k = j - 1; k > i && log.positions[k] == want; k--) {
          if (log.sameToken(k, j)) {
            repeated = true;
            break;
          }
        }
        if (!repeated) {
          return j;
        }
      }
      return -1;
    }
  }
}
