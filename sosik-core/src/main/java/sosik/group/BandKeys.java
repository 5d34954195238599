package sosik.group;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Band keys tagged with the week an article was published in, so that a look-up asks only for the
 * weeks its time window reaches.
 *
 * <p>A dated article can join only articles published within the policy's window of it (or
 * undated ones), yet plain band keys find near-copies from any time: in an archive of years,
 * template stories (a daily market report, a weekly price table) share bands with hundreds of
 * articles from other weeks, and every one of them was read, counted and could crowd the few
 * in-window candidates out of the {@link GroupPolicy#candidates()} kept. With the week in the key,
 * a look-up reads only the weeks its window reaches: most keys are then absent from a segment and
 * answered by its Bloom filter.
 *
 * <p>Layout: {@code <band>_<hash>@<week>}, the week being the number of whole {@value #WEEK_DAYS}-day
 * spans since 1970-01-01T00:00Z in base 36, and {@code <band>_<hash>@~} for an undated article.
 * Within a week 32 bits of the band's hash are kept instead of {@link Signature#bandKeys}'s 48: two
 * texts of one week that share no band meet on a key by chance about once in 400,000 articles at
 * 10,000 articles a week, well below the two shared bands a candidate needs (and every candidate
 * is compared by its signature); the shorter key keeps the terms dictionary near its size without
 * the week (measured in docs/BENCHMARKS.md). An
 * undated article may join a near-copy of any date, so its look-up asks for every tag of each band
 * key: the key followed by {@code @} alone, which an index reads as a prefix ({@link #isPrefix}).
 * A key holds one tag, so an article shares a band with another in at most one of its forms, and
 * the number of bands two articles share is the same as with plain keys.
 */
public final class BandKeys {
  /** The width of the time buckets, in days. */
  public static final int WEEK_DAYS = 7;

  static final char TAG = '@';
  static final String UNDATED = "~";
  private static final long WEEK_SECONDS = WEEK_DAYS * 86_400L;

  private BandKeys() {}

  /** The week an instant falls in. */
  public static long week(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), WEEK_SECONDS);
  }

  /** The keys an index stores for an article published at {@code at} (null: undated). */
  public static List<String> stored(List<String> plain, Instant at) {
    String tag = TAG + (at == null ? UNDATED : Long.toString(week(at), 36));
    List<String> out = new ArrayList<>(plain.size());
    for (String k : plain) {
      out.add(shortHash(k) + tag);
    }
    return out;
  }

  /**
   * A band key ({@code <band>_<hash>}, as {@link Signature#bandKeys} makes it) with the low 32 bits
   * of its hash; other keys as they are.
   */
  static String shortHash(String key) {
    int u = key.indexOf('_');
    if (u < 0) {
      return key;
    }
    try {
      long h = Long.parseLong(key, u + 1, key.length(), 36);
      return key.substring(0, u + 1) + Long.toString(h & 0xFFFF_FFFFL, 36);
    } catch (NumberFormatException e) {
      return key;
    }
  }

  /**
   * The keys a look-up asks for: for a dated article, each band key in every week that {@code
   * window} around {@code at} reaches and as undated; for an undated one, each band key as a prefix
   * (every week, and undated).
   */
  public static List<String> lookup(List<String> plain, Instant at, Duration window) {
    if (plain.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<String> keys = new ArrayList<>(plain.size());
    for (String k : plain) {
      keys.add(shortHash(k));
    }
    if (at == null) {
      for (String k : keys) {
        out.add(k + TAG);
      }
      return out;
    }
    long from = week(at.minus(window));
    long to = week(at.plus(window));
    for (long w = from; w <= to; w++) {
      String tag = TAG + Long.toString(w, 36);
      for (String k : keys) {
        out.add(k + tag);
      }
    }
    String undated = TAG + UNDATED;
    for (String k : keys) {
      out.add(k + undated);
    }
    return out;
  }

  /** Whether a look-up key stands for every tag of its band key (an undated article's look-up). */
  public static boolean isPrefix(String key) {
    return !key.isEmpty() && key.charAt(key.length() - 1) == TAG;
  }

  /** Whether a stored or looked-up key is of an undated article. */
  public static boolean isUndated(String key) {
    return key.endsWith(TAG + UNDATED);
  }

  /**
   * The week a stored or looked-up key is tagged with, or {@code Long.MIN_VALUE} when it has none
   * (undated, a prefix, a plain band key, an event key).
   */
  public static long weekOf(String key) {
    int at = key.lastIndexOf(TAG);
    if (at < 0 || at == key.length() - 1 || isUndated(key)) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(key.substring(at + 1), 36);
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  /**
   * The band key without its tag (with the shorter hash of tagged keys); other keys (plain band
   * keys, event keys) as they are.
   */
  public static String plain(String key) {
    int at = key.indexOf(TAG);
    return at < 0 ? key : key.substring(0, at);
  }
}
