package sosik.analysis;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Width and compatibility normalisation before Nori sees the text, with offsets corrected so that
 * highlights land on the original characters.
 *
 * <ul>
 *   <li>Middle dots that join list items ({@code ·}, {@code ㆍ}, {@code ・}, {@code •}, {@code ‧})
 *       become spaces. This runs before NFKC on purpose: NFKC turns {@code ㆍ} (U+318D) into a
 *       conjoining vowel that glues the list into one token.
 *   <li>Every other character that is not already in NFKC form is replaced by its NFKC form, one
 *       code point at a time: full-width {@code ＡＩ} becomes {@code AI}, {@code ㈜} becomes
 *       {@code (주)}, compatibility Hanja become unified ones. Hangul syllables and compatibility
 *       jamo ({@code ㅂㄷㅊ}) are left as they are.
 *   <li>Zero-width characters and soft hyphens are removed.
 * </ul>
 */
public final class KoreanNormalizingCharFilter extends BaseCharFilter {
  private String output;
  private int pos;

  public KoreanNormalizingCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (output == null) {
      output = normalize(readAll());
    }
    if (pos >= output.length()) {
      return -1;
    }
    int n = Math.min(len, output.length() - pos);
    output.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }

  private String readAll() throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = input.read(buf)) != -1) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  private String normalize(String in) {
    StringBuilder out = new StringBuilder(in.length());
    int diff = 0; // input offset minus output offset, after what was written so far
    for (int i = 0; i < in.length(); ) {
      int cp = in.codePointAt(i);
      int inLen = Character.charCount(cp);
      String replacement = replacement(cp);
      if (replacement == null) {
        out.appendCodePoint(cp);
      } else {
        int outStart = out.length();
        out.append(replacement);
        int outLen = replacement.length();
        if (outLen > inLen) {
          // characters inside an expansion point back at the start of the original character
          for (int k = 1; k <= outLen - inLen; k++) {
            addOffCorrectMap(outStart + k, diff - k);
          }
          diff -= outLen - inLen;
        } else if (outLen < inLen) {
          diff += inLen - outLen;
          addOffCorrectMap(outStart + outLen, diff);
        }
      }
      i += inLen;
    }
    return out.toString();
  }

  /** The replacement for one code point, or null to keep it. */
  static String replacement(int cp) {
    if (cp < 0x80 || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3130 && cp <= 0x318C)) {
      return null;
    }
    switch (cp) {
      case 0x00B7, 0x318D, 0x30FB, 0xFF65, 0x2022, 0x2027, 0x2219, 0x22C5, 0x119E, 0x11A2 -> {
        return " ";
      }
      case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD -> {
        return "";
      }
      default -> {
        // half-width Hangul letters stay: NFKC would turn them into conjoining jamo
        if (cp >= 0xFFA0 && cp <= 0xFFDC) {
          return null;
        }
        String s = new String(Character.toChars(cp));
        if (Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
          return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        // parenthesised forms (㈜, ⑴) keep only what is inside: one character for one, so
        // offsets stay exact and 주 in ㈜누리칩스 is highlighted on ㈜
        if (n.length() > 2 && n.charAt(0) == '(' && n.charAt(n.length() - 1) == ')') {
          n = n.substring(1, n.length() - 1);
        }
        return n.equals(s) ? null : n;
      }
    }
  }
}
