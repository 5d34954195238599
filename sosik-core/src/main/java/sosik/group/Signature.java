package sosik.group;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sosik.article.Article;

/**
 * The MinHash signature of an article's text: {@value #HASHES} minimum hashes over the set of its
 * character {@value #SHINGLE}-grams (headline and body, width-folded, lower-cased, letters and
 * digits only, so spacing and punctuation edits do not count). The share of equal positions in two
 * signatures estimates the Jaccard similarity of the two shingle sets.
 *
 * <p>The signature is cut into {@value #BANDS} bands of {@value #ROWS} rows; each band gives a key
 * (the locality-sensitive hash). Two articles share at least one band key with probability
 * {@code 1 - (1 - J^ROWS)^BANDS}: 0.92 at J = 0.2, above 0.99 from J = 0.3. An index stores the keys as
 * keywords and finds candidates with term queries; the similarity then decides.
 *
 * <p>Besides the text's hashes, the signature of an article carries its {@link EventTerms}: the
 * salient terms of its headline and lead, for the event rule.
 *
 * @param hashes   the minimum hashes, or an empty array when the text is too short to compare
 * @param shingles the number of distinct shingles of the text
 * @param event    the article's event term codes, sorted ({@link EventTerms}); empty for a bare text
 */
public record Signature(int[] hashes, int shingles, int[] event) {
  public static final int SHINGLE = 4;
  public static final int HASHES = 128;
  public static final int BANDS = 64;
  public static final int ROWS = HASHES / BANDS;
  /**
   * Candidates share at least this many band keys. Two texts at J = 0.3 share 5.8 keys on average
   * (at least two with probability 0.98), unrelated ones almost never one.
   */
  public static final int MIN_SHARED_BANDS = 2;
  /**
   * Texts with fewer distinct shingles are not grouped: a headline alone (ynat's sets, a photo
   * caption) shares too little text to say two articles report the same thing.
   */
  public static final int MIN_SHINGLES = 60;

  /** The bits of each minimum that are stored and compared. */
  private static final int STORED_MASK = 0xFFFF;
  /** Set in the first int of {@link #toBytes}: 16-bit minima follow. */
  private static final int SHORT_LAYOUT = 0x8000_0000;
  /** Set with {@link #SHORT_LAYOUT}: the number of minima, then event term codes, follow. */
  private static final int EVENT_LAYOUT = 0x4000_0000;

  /** The k-th hash of a shingle is {@code (shingle * MUL[k] + ADD[k]) >>> 33}: multiply-shift hashing. */
  private static final long[] MUL = new long[HASHES];
  private static final long[] ADD = new long[HASHES];

  static {
    long s = 0x5EED_50_51_4BL;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x9E3779B97F4A7C15L);
      MUL[i] = s | 1;
      s = mix(s + 0x9E3779B97F4A7C15L);
      ADD[i] = s;
    }
  }

  public Signature {
    hashes = hashes.clone();
    event = event == null ? new int[0] : event.clone();
  }

  public Signature(int[] hashes, int shingles) {
    this(hashes, shingles, null);
  }

  /** The signature of an article's headline and body, with its event terms when the text is comparable. */
  public static Signature of(Article a) {
    Signature text = of(a.title() + "\n" + a.body());
    return text.comparable() ? new Signature(text.hashes, text.shingles, EventTerms.of(a)) : text;
  }

  public static Signature of(String text) {
    String norm = normalize(text);
    if (norm.length() < SHINGLE) {
      return new Signature(new int[0], 0);
    }
    long[] shingle = new long[norm.length() - SHINGLE + 1];
    for (int i = 0; i < shingle.length; i++) {
      long h = 0;
      for (int j = 0; j < SHINGLE; j++) {
        h = h * 0x100000001B3L + norm.charAt(i + j);
      }
      shingle[i] = mix(h);
    }
    Arrays.sort(shingle);
    int distinct = 0;
    for (int i = 0; i < shingle.length; i++) {
      if (i == 0 || shingle[i] != shingle[i - 1]) {
        shingle[distinct++] = shingle[i];
      }
    }
    if (distinct < MIN_SHINGLES) {
      return new Signature(new int[0], distinct);
    }
    int[] min = new int[HASHES];
    Arrays.fill(min, Integer.MAX_VALUE);
    for (int k = 0; k < HASHES; k++) {
      long mul = MUL[k];
      long add = ADD[k];
      long m = Long.MAX_VALUE;
      for (int i = 0; i < distinct; i++) {
        long v = (shingle[i] * mul + add) >>> 33;
        if (v < m) {
          m = v;
        }
      }
      min[k] = (int) m;
    }
    return new Signature(min, distinct);
  }

  /** Letters and digits only, width-folded and lower-cased. */
  static String normalize(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the text was long enough to be compared with others. */
  public boolean comparable() {
    return hashes.length == HASHES;
  }

  /**
   * Estimated Jaccard similarity of the two texts' shingle sets, 0 when either is not comparable.
   * Minima are compared on their low 16 bits, the part that is stored ({@link #toBytes}), so a
   * signature read back compares exactly as the one computed from the text. Two different minima
   * agree there by chance with probability 1/65,536: the estimate is raised by (1 - J)/65,536 on
   * average (at most 0.000015, against a resolution of 1/128), which is left uncorrected.
   */
  public double similarity(Signature o) {
    if (!comparable() || !o.comparable()) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (((hashes[i] ^ o.hashes[i]) & STORED_MASK) == 0) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /** The band keys an index stores and looks candidates up by; none when not comparable. */
  public List<String> bandKeys() {
    if (!comparable()) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(BANDS);
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h * 31 + hashes[b * ROWS + r]);
      }
      keys.add(Integer.toString(b, 36) + "_" + Long.toString(h >>> 16, 36));
    }
    return keys;
  }

  /**
   * The signature as bytes, for storing: the shingle count with the two top bits set (which mark
   * this layout), the number of minimum hashes as a short (0 or {@value #HASHES}), the low 16 bits
   * of each, then the event term codes as ints; all big-endian. Band keys are computed from the
   * full hashes when the article is indexed and stored as keys, so nothing needs more than the low
   * bits back; a signature read back compares as the original ({@link #similarity}) but gives other
   * band keys.
   */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(4 + 2 + 2 * hashes.length + 4 * event.length);
    b.putInt(shingles | SHORT_LAYOUT | EVENT_LAYOUT);
    b.putShort((short) hashes.length);
    for (int h : hashes) {
      b.putShort((short) h);
    }
    for (int e : event) {
      b.putInt(e);
    }
    return b.array();
  }

  /**
   * Reads {@link #toBytes}, and the earlier layouts: 16-bit minima without event terms, and full
   * ints (the shingle count, the hashes, then any event term codes).
   */
  public static Signature fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int first = b.getInt();
    if ((first & SHORT_LAYOUT) == 0) {
      // full ints: the shingle count, the hashes (none or HASHES), then any event term codes
      int[] h = new int[Math.min(HASHES, b.remaining() / 4)];
      for (int i = 0; i < h.length; i++) {
        h[i] = b.getInt();
      }
      int[] e = new int[b.remaining() / 4];
      for (int i = 0; i < e.length; i++) {
        e[i] = b.getInt();
      }
      return new Signature(h, first, e);
    }
    boolean withEvents = (first & EVENT_LAYOUT) != 0;
    int n = withEvents ? b.getShort() : Math.min(HASHES, b.remaining() / 2);
    int[] h = new int[n];
    for (int i = 0; i < h.length; i++) {
      h[i] = b.getShort() & STORED_MASK;
    }
    int[] e = new int[withEvents ? b.remaining() / 4 : 0];
    for (int i = 0; i < e.length; i++) {
      e[i] = b.getInt();
    }
    return new Signature(h, first & ~(SHORT_LAYOUT | EVENT_LAYOUT), e);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && s.shingles == shingles && Arrays.equals(s.hashes, hashes) && Arrays.equals(s.event, event);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(hashes) * 31 + shingles) * 31 + Arrays.hashCode(event);
  }

  @Override
  public String toString() {
    return "Signature[" + shingles + " shingles" + (comparable() ? "" : ", not comparable") + "]";
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
