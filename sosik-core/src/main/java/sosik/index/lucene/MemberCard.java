package sosik.index.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.index.CorruptIndexException;

/**
 * What a group's summary lists of each member and the doc values do not already hold: its id and
 * headline, as one binary doc value ({@link Fields#MEMBER_CARD_DV}), so that a grouped page reads
 * its groups' members without decompressing a stored document for each (press, date, group and
 * signature are doc values of their own). The id's UTF-8 length as a variable-length int, the id,
 * then the headline as {@link PackedText}.
 */
public final class MemberCard {
  private MemberCard() {}

  record Read(String id, String title) {}

  public static byte[] encode(String id, String title) {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] t = PackedText.encode(title);
    int head = varIntLength(idBytes.length);
    byte[] out = new byte[head + idBytes.length + t.length];
    int o = 0;
    for (int v = idBytes.length; ; v >>>= 7) {
      if ((v & ~0x7F) == 0) {
        out[o++] = (byte) v;
        break;
      }
      out[o++] = (byte) ((v & 0x7F) | 0x80);
    }
    System.arraycopy(idBytes, 0, out, o, idBytes.length);
    System.arraycopy(t, 0, out, o + idBytes.length, t.length);
    return out;
  }

  static Read decode(byte[] bytes, int offset, int length, String what) throws IOException {
    int end = offset + length;
    int i = offset;
    int n = 0;
    for (int shift = 0; ; shift += 7) {
      if (i >= end || shift > 28) {
        throw new CorruptIndexException(what + ": member card ends inside the id's length", what);
      }
      int b = bytes[i++];
      n |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (n < 0 || n > end - i) {
      throw new CorruptIndexException(what + ": member card's id of " + n + " bytes runs past its " + length, what);
    }
    String id = new String(bytes, i, n, StandardCharsets.UTF_8);
    return new Read(id, PackedText.decode(bytes, i + n, end - i - n, what));
  }

  private static int varIntLength(int v) {
    int n = 1;
    while ((v & ~0x7F) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }
}
