package sosik.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bytes of a source become text when nothing forces an encoding. In this order: a byte
 * order mark; the encoding the transport declares (an HTTP {@code charset}); for XML and HTML the
 * one the document declares ({@code <?xml … encoding="EUC-KR"?>}, {@code <meta charset>}); else
 * valid UTF-8 is UTF-8, and bytes that are not UTF-8 but decode cleanly as CP949 ({@code
 * x-windows-949}, a superset of EUC-KR) into mostly Hangul are CP949. Line-based formats decide
 * line by line (see {@link LineDecoder}), so a crawl that mixes the two loses nothing; a source
 * that is neither is rejected naming the byte offset where decoding fails.
 */
public final class TextEncoding {
  /** CP949 (Unified Hangul Code), the Windows superset of EUC-KR. */
  public static final Charset CP949 = Charset.forName("x-windows-949");
  /** How much of a source is looked at before deciding. */
  static final int HEAD = 1 << 16;

  private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*?\\bencoding\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern META_CHARSET = Pattern.compile("<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");

  private TextEncoding() {}

  /** The charset named {@code name} (as {@code --encoding} takes it), or an error naming it. */
  public static Charset forName(String name) {
    String n = name.strip();
    if (n.equalsIgnoreCase("cp949") || n.equalsIgnoreCase("ms949") || n.equalsIgnoreCase("uhc")) {
      return CP949;
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("unknown encoding '" + name + "' (e.g. UTF-8, CP949, EUC-KR, UTF-16)");
    }
  }

  /** The encoding a byte order mark at the start names (UTF-8, UTF-16), or null. */
  static Charset bom(byte[] b, int n) {
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (n >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
      return StandardCharsets.UTF_16; // reads the mark and takes its byte order
    }
    return null;
  }

  /** The encoding an XML prolog or an HTML {@code meta} in the first bytes declares, or null. */
  static String declared(byte[] b, int n) {
    String head = new String(b, 0, Math.min(n, 4096), StandardCharsets.ISO_8859_1);
    Matcher x = XML_ENCODING.matcher(head.stripLeading());
    if (x.find()) {
      return x.group(1);
    }
    Matcher m = META_CHARSET.matcher(head.toLowerCase(Locale.ROOT));
    return m.find() ? m.group(1) : null;
  }

  /**
   * For a format that reads its own encoding (XML, HTML) when neither the transport nor the
   * document declares one: null to let the reader read UTF-8, {@link #CP949} when the bytes are
   * CP949; an {@link IllegalArgumentException} saying where decoding fails when they are neither.
   */
  static Charset forMarkup(byte[] b, int n, boolean complete) {
    if (bom(b, n) != null || declared(b, n) != null || utf8(b, 0, n, complete) != null) {
      return null;
    }
    if (cp949Hangul(b, 0, n, complete) != null) {
      return CP949;
    }
    int bad = firstBadUtf8(b, 0, n, complete);
    if (bad >= 0 && validUtf8Sequences(b, 0, n) > errors(b, 0, n)) {
      return null; // mostly UTF-8: the reader rejects what breaks, where it breaks
    }
    throw new IllegalArgumentException(neither(b, bad < 0 ? 0 : bad, bad < 0 ? 0 : bad) + " and the document declares no encoding");
  }

  /**
   * For a line-based format: a problem naming the byte offset when the first {@code n} bytes hold
   * lines that are not ASCII and not one of them decodes as UTF-8 or CP949; else null.
   */
  static String undecodableHead(byte[] b, int n, boolean complete) {
    int start = 0;
    int firstBad = -1;
    int line = 1;
    int firstBadLine = 0;
    while (start < n) {
      int end = start;
      while (end < n && b[end] != '\n') {
        end++;
      }
      boolean whole = end < n || complete;
      if (!whole && firstBad >= 0) {
        break; // a cut last line says nothing more
      }
      if (!ascii(b, start, end - start)) {
        if (decodeLine(b, start, end - start, whole) != null) {
          return null;
        }
        if (firstBad < 0) {
          int at = firstBadUtf8(b, start, end - start, whole);
          firstBad = at < 0 ? start : at;
          firstBadLine = line;
        }
      }
      start = end + 1;
      line++;
    }
    return firstBad < 0 ? null : neither(b, firstBad, firstBad) + " (line " + firstBadLine + ")";
  }

  static String neither(byte[] b, int at, long offset) {
    StringBuilder bytes = new StringBuilder();
    for (int i = at; i < Math.min(b.length, at + 3); i++) {
      bytes.append(bytes.length() == 0 ? "" : " ").append(String.format("0x%02X", b[i] & 0xFF));
    }
    return "neither UTF-8 nor CP949/EUC-KR: the bytes at offset " + offset + " (" + bytes + ") do not decode";
  }

  /** The line as UTF-8, else as CP949 when it decodes cleanly into mostly Hangul; null when neither. */
  static String decodeLine(byte[] b, int off, int len, boolean complete) {
    if (ascii(b, off, len)) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    String s = utf8(b, off, len, complete);
    return s != null ? s : cp949Hangul(b, off, len, complete);
  }

  static boolean ascii(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The bytes as UTF-8, or null when they are not valid UTF-8 (a cut last character is allowed unless {@code complete}). */
  static String utf8(byte[] b, int off, int len, boolean complete) {
    return strict(StandardCharsets.UTF_8, b, off, len, complete);
  }

  /** The bytes as CP949 when they decode cleanly and at least half of what is not ASCII is Hangul; else null. */
  static String cp949Hangul(byte[] b, int off, int len, boolean complete) {
    String s = strict(CP949, b, off, len, complete);
    return s != null && mostlyHangul(s) ? s : null;
  }

  static boolean mostlyHangul(String s) {
    int other = 0;
    int hangul = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80 || Character.isWhitespace(c)) {
        continue;
      }
      if (c >= 0xAC00 && c <= 0xD7A3 || c >= 0x1100 && c <= 0x11FF || c >= 0x3130 && c <= 0x318F) {
        hangul++;
      } else {
        other++;
      }
    }
    return hangul > 0 && hangul >= other;
  }

  private static String strict(Charset cs, byte[] b, int off, int len, boolean complete) {
    CharsetDecoder d = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len + 1);
    CoderResult r = d.decode(in, out, complete);
    if (r.isError()) {
      return null;
    }
    if (complete) {
      r = d.flush(out);
      if (r.isError()) {
        return null;
      }
    } else if (in.remaining() > 3) {
      return null;
    }
    out.flip();
    return out.toString();
  }

  /** The offset of the first byte that is not valid UTF-8, or -1. */
  static int firstBadUtf8(byte[] b, int off, int len, boolean complete) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len + 1);
    CoderResult r = d.decode(in, out, complete);
    return r.isError() ? in.position() : -1;
  }

  private static int validUtf8Sequences(byte[] b, int off, int len) {
    int n = 0;
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xFF;
      int trail = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : -1;
      if (trail > 0 && i + trail < off + len) {
        boolean ok = true;
        for (int k = 1; k <= trail; k++) {
          ok &= (b[i + k] & 0xC0) == 0x80;
        }
        if (ok) {
          n++;
          i += trail;
        }
      }
    }
    return n;
  }

  private static int errors(byte[] b, int off, int len) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, off, len));
      return 0;
    } catch (CharacterCodingException e) {
      int n = 0;
      String s = new String(b, off, len, StandardCharsets.UTF_8);
      for (int i = 0; i < s.length(); i++) {
        n += s.charAt(i) == '\uFFFD' ? 1 : 0;
      }
      return n;
    }
  }
}
