package sosik.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import sosik.article.KoreaTime;

/** Period presets as a portal offers them (1시간, 1일, 1주, 1개월, 6개월, 1년), and date ranges. */
public enum Period {
  H1("1h"),
  D1("1d"),
  W1("1w"),
  M1("1m"),
  M6("6m"),
  Y1("1y");

  private final String code;

  Period(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The start of this period ending at {@code now}. */
  public Instant since(Instant now) {
    ZonedDateTime t = now.atZone(KoreaTime.ZONE);
    return switch (this) {
      case H1 -> now.minus(Duration.ofHours(1));
      case D1 -> now.minus(Duration.ofDays(1));
      case W1 -> t.minusWeeks(1).toInstant();
      case M1 -> t.minusMonths(1).toInstant();
      case M6 -> t.minusMonths(6).toInstant();
      case Y1 -> t.minusYears(1).toInstant();
    };
  }

  public static Period parse(String s) {
    return parse("period", s);
  }

  /** As {@link #parse(String)}; the error names {@code option} (e.g. {@code --period}). */
  public static Period parse(String option, String s) {
    String k = s.strip().toLowerCase(Locale.ROOT);
    for (Period p : values()) {
      if (p.code.equals(k)) {
        return p;
      }
    }
    throw new InvalidQueryException(option + " '" + s + "' is not one of 1h, 1d, 1w, 1m, 6m, 1y");
  }

  /**
   * A {@code --from}/{@code --to} value: a date ({@code 2024-12-20}, Korea time) or date-time.
   * {@code endOfDay} makes a bare date mean the end of that day (for {@code --to}).
   */
  public static Instant parseBound(String option, String s, boolean endOfDay) {
    String t = s.strip().replace('.', '-');
    if (t.endsWith("-")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      if (t.length() == 10) {
        LocalDate d = LocalDate.parse(t);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(KoreaTime.ZONE).toInstant().minusNanos(endOfDay ? 1 : 0);
      }
      return KoreaTime.parseIso(s);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new InvalidQueryException(option + " '" + s + "' is not a date like 2024-12-20 or 2024-12-20T09:30");
    }
  }
}
