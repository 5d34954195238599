package sosik.index.lucene;

import java.io.IOException;
import org.apache.lucene.index.CorruptIndexException;

/**
 * The stored form of a headline or a body: a Hangul syllable in two bytes instead of UTF-8's three,
 * ASCII in one, before the stored fields' LZ4 compression. LZ4 has no entropy coder, so the lead
 * byte UTF-8 repeats on every syllable (0xEA to 0xED) costs a byte a syllable in every literal run;
 * measured on the scale corpus, the stored headline and body take 22% fewer bytes on disk, and a
 * hit is read a quarter faster (fewer bytes to decompress), docs/BENCHMARKS.md ("Headline and
 * body stored packed").
 *
 * <p>The layout, by the first byte of a character:
 *
 * <ul>
 *   <li>{@code 0x00..0x7F}: that ASCII character;
 *   <li>{@code 0x80..0xAB}: a Hangul syllable {@code U+AC00 + ((b0 - 0x80) << 8 | b1)}, two bytes;
 *   <li>{@code 0xAC..0xFE}: a character below {@code U+5300} (Latin, punctuation, symbols, CJK
 *       symbols, compatibility jamo, the first ideographs) {@code (b0 - 0xAC) << 8 | b1}, two bytes;
 *   <li>{@code 0xFF}: any other UTF-16 unit {@code b1 << 8 | b2}, three bytes (each half of a
 *       surrogate pair on its own, so every Java string, even a malformed one, reads back equal).
 * </ul>
 */
public final class PackedText {
  private static final int HANGUL_FIRST = 0xAC00;
  private static final int HANGUL_LAST = 0xD7A3;
  private static final int HANGUL_LEAD = 0x80;
  private static final int LOW_LEAD = 0xAC;
  /** Characters below this take two bytes with a lead of {@link #LOW_LEAD} and up. */
  private static final int LOW_LIMIT = (0xFF - LOW_LEAD) << 8;
  private static final int WIDE = 0xFF;

  private PackedText() {}

  public static byte[] encode(String s) {
    byte[] out = new byte[encodedLength(s)];
    int o = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
        int h = c - HANGUL_FIRST;
        out[o++] = (byte) (HANGUL_LEAD + (h >>> 8));
        out[o++] = (byte) h;
      } else if (c < LOW_LIMIT) {
        out[o++] = (byte) (LOW_LEAD + (c >>> 8));
        out[o++] = (byte) c;
      } else {
        out[o++] = (byte) WIDE;
        out[o++] = (byte) (c >>> 8);
        out[o++] = (byte) c;
      }
    }
    return out;
  }

  static int encodedLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : (c >= HANGUL_FIRST && c <= HANGUL_LAST) || c < LOW_LIMIT ? 2 : 3;
    }
    return n;
  }

  /**
   * The text {@code bytes[offset, offset + length)} encodes; {@code what} names it in the error
   * when the bytes end inside a character or name a syllable past the last.
   */
  public static String decode(byte[] bytes, int offset, int length, String what) throws IOException {
    char[] cs = new char[length];
    int n = 0;
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        cs[n++] = (char) b;
        i++;
        continue;
      }
      int width = b == WIDE ? 3 : 2;
      if (i + width > end) {
        throw new CorruptIndexException(what + ": packed text ends inside a character at byte " + (i - offset) + " of " + length, what);
      }
      int v = width == 3 ? (bytes[i + 1] & 0xFF) << 8 | bytes[i + 2] & 0xFF : bytes[i + 1] & 0xFF;
      if (b < LOW_LEAD) {
        int c = HANGUL_FIRST + ((b - HANGUL_LEAD) << 8 | v);
        if (c > HANGUL_LAST) {
          throw new CorruptIndexException(what + ": packed text names syllable U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " past the last, at byte " + (i - offset), what);
        }
        cs[n++] = (char) c;
      } else if (b < WIDE) {
        cs[n++] = (char) ((b - LOW_LEAD) << 8 | v);
      } else {
        cs[n++] = (char) v;
      }
      i += width;
    }
    return new String(cs, 0, n);
  }
}
