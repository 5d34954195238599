package sosik.article;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a portal's result page shows beside an article, read in Korea time against a reference
 * time (when the page was saved):
 *
 * <ul>
 *   <li>{@code 방금}, {@code 방금 전}: the reference time;
 *   <li>{@code 20초 전}, {@code 20분 전}, {@code 3시간 전}, {@code 1일 전}, {@code 2주 전}: that long
 *       before it;
 *   <li>{@code 20일}: the start of the 20th of the reference's month when that day has come, else
 *       of the month before (a day that month lacks, {@code 31일} after February, is an error);
 *   <li>{@code 2024.09.02.} (also {@code 2024.9.2}): the start of that day;
 *   <li>{@code 2024.09.02. 오후 3:05}, {@code 2024.09.02. 15:05}: that minute.
 * </ul>
 */
public final class PortalDates {
  private static final Pattern AGO = Pattern.compile("(\\d{1,4})\\s*(초|분|시간|일|주)\\s*전");
  private static final Pattern DAY = Pattern.compile("(\\d{1,2})\\s*일");
  private static final Pattern DOTTED = Pattern.compile(
      "(\\d{4})\\.\\s*(\\d{1,2})\\.\\s*(\\d{1,2})\\.?(?:\\s+(?:(오전|오후)\\s*)?(\\d{1,2}):(\\d{2}))?");
  private static final Pattern JUST_NOW = Pattern.compile("방금(?:\\s*전)?");

  private PortalDates() {}

  /** True when {@code text} has the shape of one of these dates (it may still name a day that does not exist). */
  public static boolean looksLikeDate(String text) {
    String t = text.strip();
    return JUST_NOW.matcher(t).matches() || AGO.matcher(t).matches() || DAY.matcher(t).matches()
        || DOTTED.matcher(t).matches();
  }

  /**
   * The instant {@code text} names, read against {@code reference} in Korea time.
   *
   * @throws IllegalArgumentException naming the text when it is no such date
   */
  public static Instant parse(String text, Instant reference) {
    String t = text.strip();
    ZonedDateTime ref = reference.atZone(KoreaTime.ZONE);
    if (JUST_NOW.matcher(t).matches()) {
      return reference;
    }
    Matcher m = AGO.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "초" -> Duration.ofSeconds(n);
        case "분" -> Duration.ofMinutes(n);
        case "시간" -> Duration.ofHours(n);
        case "일" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
      return ref.minus(d).toInstant();
    }
    m = DAY.matcher(t);
    if (m.matches()) {
      int day = Integer.parseInt(m.group(1));
      YearMonth month = YearMonth.from(ref);
      if (day > ref.getDayOfMonth()) {
        month = month.minusMonths(1); // that day has not come yet this month: it was last month's
      }
      if (day < 1 || !month.isValidDay(day)) {
        throw new IllegalArgumentException("'" + text + "' is not a day of " + month + " (read against "
            + KoreaTime.display(reference) + " Korea time)");
      }
      return month.atDay(day).atStartOfDay(KoreaTime.ZONE).toInstant();
    }
    m = DOTTED.matcher(t);
    if (m.matches()) {
      try {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(5) == null) {
          return date.atStartOfDay(KoreaTime.ZONE).toInstant();
        }
        int hour = Integer.parseInt(m.group(5));
        int minute = Integer.parseInt(m.group(6));
        if (m.group(4) != null) {
          if (hour < 1 || hour > 12) {
            throw new DateTimeException("hour " + hour + " with " + m.group(4));
          }
          hour = hour % 12 + (m.group(4).equals("오후") ? 12 : 0);
        }
        return date.atTime(LocalTime.of(hour, minute)).atZone(KoreaTime.ZONE).toInstant();
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("'" + text + "' is not a valid date (" + e.getMessage() + ")");
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a portal date (e.g. 3시간 전, 20일, 2024.09.02. 오후 3:05)");
  }
}
