package sosik.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A preference for recent articles in relevance order: each score is multiplied by
 *
 * <pre>  1 + weight × 0.5^(age / halfLife)</pre>
 *
 * with {@code age = now − publishedAt} (0 for an article dated in the future). A new article
 * scores up to {@code 1 + weight} times its text score, one {@code halfLife} old half that extra,
 * and an undated article ×1. Latest and oldest order ignore it. Both backends compute the same
 * factor (the embedded index over the publication doc values, OpenSearch with {@code
 * function_score}).
 *
 * @param weight   the extra a brand-new article gets; 0 turns the preference off
 * @param halfLife the age at which half of that extra is left
 * @param now      the instant ages are measured from; null: the clock when the search runs
 */
public record Freshness(double weight, Duration halfLife, Instant now) {
  /** A brand-new article counts at most twice its text score (see docs/QUALITY.md for the measurement). */
  public static final double DEFAULT_WEIGHT = 1.0;
  /** News three days old keeps half of the extra. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(3);
  /** The preference as searches have it unless turned off. */
  public static final Freshness DEFAULT = new Freshness(DEFAULT_WEIGHT, DEFAULT_HALF_LIFE, null);
  /** No preference: relevance is the text score alone. */
  public static final Freshness OFF = new Freshness(0, DEFAULT_HALF_LIFE, null);

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(m|h|d|w)");

  public Freshness {
    if (Double.isNaN(weight) || weight < 0 || weight > 100) {
      throw new InvalidQueryException("freshness weight must be between 0 and 100, was " + weight);
    }
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new InvalidQueryException("freshness half-life must be positive, was " + halfLife);
    }
  }

  /** Whether it changes anything at all. */
  public boolean on() {
    return weight > 0;
  }

  /** Whether it changes a search in this order: only relevance order, and only when on. */
  public boolean appliesTo(SortOrder order) {
    return on() && order == SortOrder.RELEVANCE;
  }

  /** The same preference measured from {@code instant}. */
  public Freshness at(Instant instant) {
    return new Freshness(weight, halfLife, instant);
  }

  public Freshness withWeight(double w) {
    return new Freshness(w, halfLife, now);
  }

  /** The instant ages are measured from: {@link #now} or, when that is null, {@code clock}. */
  public Instant origin(Instant clock) {
    return now == null ? clock : now;
  }

  /** The half-life in milliseconds, as both backends compute with it. */
  public long halfLifeMillis() {
    return halfLife.toMillis();
  }

  /**
   * The factor for an article published at {@code publishedMillis} (epoch ms), measured from
   * {@code nowMillis}; the backends compute exactly this.
   */
  public double factor(long publishedMillis, long nowMillis) {
    double age = Math.max(0L, nowMillis - publishedMillis);
    // 0.5^(age / H), written as OpenSearch's exp decay computes it, so both backends agree to the bit
    return 1 + weight * Math.exp(Math.log(0.5) / halfLifeMillis() * age);
  }

  /** The factor for an article published at {@code publishedAt} (null: undated, ×1). */
  public double factor(Instant publishedAt, Instant now) {
    return publishedAt == null || !on() ? 1 : factor(publishedAt.toEpochMilli(), now.toEpochMilli());
  }

  /**
   * {@code off}, {@code on} (the default weight and half-life), or a half-life such as {@code 3d},
   * {@code 12h}, {@code 90m}, {@code 1w} (the default weight); the error names {@code option}.
   */
  public static Freshness parse(String option, String s) {
    String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "off", "false", "no" -> {
        return OFF;
      }
      case "on", "true", "yes", "" -> {
        return DEFAULT;
      }
      default -> {
        Duration d = parseDuration(t);
        if (d == null) {
          throw new InvalidQueryException(option + " '" + s + "' is not off, on or a half-life such as 3d, 12h, 90m or 1w");
        }
        return new Freshness(DEFAULT_WEIGHT, d, null);
      }
    }
  }

  /** {@code 3d}, {@code 12h}, {@code 90m}, {@code 1w}, {@code 1.5d}; null when it is not one. */
  static Duration parseDuration(String t) {
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    long unit = switch (m.group(2)) {
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> 7 * 86_400_000L;
    };
    long ms = Math.round(n * unit);
    return ms <= 0 ? null : Duration.ofMillis(ms);
  }

  /** The half-life as the options spell it: {@code 3d}, {@code 12h}, {@code 90m}, or milliseconds. */
  public String halfLifeText() {
    long ms = halfLifeMillis();
    if (ms % (7 * 86_400_000L) == 0) {
      return ms / (7 * 86_400_000L) + "w";
    }
    if (ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    return ms + "ms";
  }
}
