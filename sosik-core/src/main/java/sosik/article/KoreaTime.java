package sosik.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times are stored as instants and shown in Korea time (Asia/Seoul). */
public final class KoreaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
  private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy.MM.dd. HH:mm").withZone(ZONE);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd.").withZone(ZONE);

  private KoreaTime() {}

  /**
   * Parses ISO-8601: {@code 2024-12-20T09:30:00+09:00}, {@code …Z}, or without a zone
   * ({@code 2024-12-20T09:30}, {@code 2024-12-20 09:30}, {@code 2024-12-20}), which is Korea time.
   *
   * @throws IllegalArgumentException naming the text when it is not such a date
   */
  public static Instant parseIso(String text) {
    String t = text.strip();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZONE).toInstant();
      }
      String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
      }
      return LocalDateTime.parse(iso).atZone(ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO-8601 date (e.g. 2024-12-20T09:30:00+09:00 or 2024-12-20)");
    }
  }

  /** {@code 2024.12.20. 09:30} in Korea time. */
  public static String display(Instant t) {
    return DISPLAY.format(t);
  }

  /** {@code 2024.12.20.} in Korea time. */
  public static String displayDate(Instant t) {
    return DATE.format(t);
  }

  /** ISO-8601 with the Korea offset, e.g. {@code 2024-12-20T09:30:00+09:00}. */
  public static String iso(Instant t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(ZONE).toOffsetDateTime());
  }
}
