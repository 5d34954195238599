package sosik.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalDatesTest {
  /** A Korea-time wall clock as an instant. */
  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(KoreaTime.ZONE).toInstant();
  }

  @ParameterizedTest(name = "{0} at {1} is {2}")
  @CsvSource({
    "방금,          2024-09-02T15:05, 2024-09-02T15:05",
    "방금 전,       2024-09-02T15:05, 2024-09-02T15:05",
    "30초 전,       2024-09-02T15:05, 2024-09-02T15:04:30",
    "20분 전,       2024-09-02T15:05, 2024-09-02T14:45",
    "3시간 전,      2024-09-02T15:05, 2024-09-02T12:05",
    "1일 전,        2024-09-02T15:05, 2024-09-01T15:05",
    "2주 전,        2024-09-02T15:05, 2024-08-19T15:05",
    "2일,           2024-09-02T15:05, 2024-09-02T00:00",
    "1일,           2024-09-02T15:05, 2024-09-01T00:00",
    "20일,          2024-09-02T15:05, 2024-08-20T00:00",
    "2024.09.02.,   2030-01-01T00:00, 2024-09-02T00:00",
    "2024.9.2,      2030-01-01T00:00, 2024-09-02T00:00",
    "2024.09.02. 오후 3:05, 2030-01-01T00:00, 2024-09-02T15:05",
    "2024.09.02. 오전 9:30, 2030-01-01T00:00, 2024-09-02T09:30",
    "2024.09.02. 오전 12:10, 2030-01-01T00:00, 2024-09-02T00:10",
    "2024.09.02. 오후 12:10, 2030-01-01T00:00, 2024-09-02T12:10",
    "2024.09.02. 21:40, 2030-01-01T00:00, 2024-09-02T21:40",
  })
  void portal_dates_are_read_against_the_reference_in_korea_time(String text, String reference, String expected) {
    assertThat(PortalDates.looksLikeDate(text)).isTrue();
    assertThat(PortalDates.parse(text, kst(reference))).isEqualTo(kst(expected));
  }

  @Test
  void year_boundary_relative_times_and_days_go_back_into_december() {
    Instant newYear = kst("2025-01-01T01:30");

    assertThat(PortalDates.parse("3시간 전", newYear)).isEqualTo(kst("2024-12-31T22:30"));
    assertThat(PortalDates.parse("31일", newYear)).isEqualTo(kst("2024-12-31T00:00"));
    assertThat(PortalDates.parse("1일", newYear)).isEqualTo(kst("2025-01-01T00:00"));
    assertThat(PortalDates.parse("1일 전", newYear)).isEqualTo(kst("2024-12-31T01:30"));
  }

  @Test
  void the_month_is_korea_times_even_when_utc_is_still_in_the_last_one() {
    // 2024-12-31T16:30Z is already 1 January 01:30 in Seoul
    Instant reference = Instant.parse("2024-12-31T16:30:00Z");

    assertThat(PortalDates.parse("1일", reference)).isEqualTo(kst("2025-01-01T00:00"));
    assertThat(PortalDates.parse("31일", reference)).isEqualTo(kst("2024-12-31T00:00"));
  }

  @Test
  void month_boundary_a_day_the_last_month_lacks_is_an_error_and_a_leap_day_is_not() {
    assertThat(PortalDates.parse("29일", kst("2024-03-01T09:00"))).isEqualTo(kst("2024-02-29T00:00"));
    assertThat(PortalDates.parse("1일 전", kst("2024-03-01T09:00"))).isEqualTo(kst("2024-02-29T09:00"));
    assertThat(PortalDates.parse("30일", kst("2024-05-01T09:00"))).isEqualTo(kst("2024-04-30T00:00"));

    assertThatThrownBy(() -> PortalDates.parse("29일", kst("2025-03-05T09:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'29일' is not a day of 2025-02 (read against 2025.03.05. 09:00 Korea time)");
    assertThatThrownBy(() -> PortalDates.parse("31일", kst("2024-05-01T09:00")))
        .hasMessageContaining("is not a day of 2024-04");
  }

  @Test
  void what_is_not_such_a_date_is_not_taken_for_one() {
    assertThat(PortalDates.looksLikeDate("서울=연합뉴스")).isFalse();
    assertThat(PortalDates.looksLikeDate("20일 서울에서")).isFalse();
    assertThat(PortalDates.looksLikeDate("2024-09-02")).isFalse();
    assertThatThrownBy(() -> PortalDates.parse("2024.02.30.", kst("2024-09-02T00:00")))
        .hasMessageStartingWith("'2024.02.30.' is not a valid date");
    assertThatThrownBy(() -> PortalDates.parse("2024.09.02. 오후 13:05", kst("2024-09-02T00:00")))
        .hasMessageStartingWith("'2024.09.02. 오후 13:05' is not a valid date");
  }
}
