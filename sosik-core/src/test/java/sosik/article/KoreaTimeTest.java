package sosik.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KoreaTimeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-12-20T09:30:00+09:00      | 2024-12-20T00:30:00Z",
        "2024-12-20T09:30:00+0900       | 2024-12-20T00:30:00Z",
        "2024-12-20T09:30:00.250+09:00  | 2024-12-20T00:30:00.250Z",
        "2024-12-20T01:30:00+01:00      | 2024-12-20T00:30:00Z",
        "2024-12-19T19:30:00-05:00      | 2024-12-20T00:30:00Z",
        "2024-12-20T00:30:00Z           | 2024-12-20T00:30:00Z"
      })
  void iso_with_an_offset_or_z_keeps_that_offset(String text, String instant) {
    assertThat(KoreaTime.parseIso(text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-12-20T09:30           | 2024-12-20T00:30:00Z",
        "2024-12-20T09:30:15        | 2024-12-20T00:30:15Z",
        "2024-12-20 09:30           | 2024-12-20T00:30:00Z",
        "2024-12-20 09:30:15        | 2024-12-20T00:30:15Z",
        "2024-12-20T03:00           | 2024-12-19T18:00:00Z"
      })
  void without_a_zone_the_time_is_korea_time(String text, String instant) {
    assertThat(KoreaTime.parseIso(text)).isEqualTo(Instant.parse(instant));
  }

  @Test
  void date_only_is_the_start_of_that_day_in_korea() {
    assertThat(KoreaTime.parseIso("2024-12-20")).isEqualTo(Instant.parse("2024-12-19T15:00:00Z"));
  }

  @Test
  void surrounding_whitespace_is_ignored() {
    assertThat(KoreaTime.parseIso("  2024-12-20T09:30:00+09:00\n")).isEqualTo(Instant.parse("2024-12-20T00:30:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"어제", "2024.12.20", "2024-13-01", "2024-12-20T25:00", "20241220", "12/20/2024 09:30", "2024-12-20T09:30+9", ""})
  void bad_text_is_rejected_quoting_the_text(String text) {
    assertThatThrownBy(() -> KoreaTime.parseIso(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void display_is_in_korea_time() {
    Instant t = Instant.parse("2024-12-20T00:30:00Z");

    assertThat(KoreaTime.display(t)).isEqualTo("2024.12.20. 09:30");
    assertThat(KoreaTime.displayDate(t)).isEqualTo("2024.12.20.");
    assertThat(KoreaTime.iso(t)).isEqualTo("2024-12-20T09:30:00+09:00");
  }

  @Test
  void display_crosses_the_date_line_into_the_korean_day() {
    Instant lateUtcEvening = Instant.parse("2024-12-31T16:05:00Z");

    assertThat(KoreaTime.display(lateUtcEvening)).isEqualTo("2025.01.01. 01:05");
    assertThat(KoreaTime.displayDate(lateUtcEvening)).isEqualTo("2025.01.01.");
  }

  @Test
  void iso_round_trips_through_parse() {
    Instant t = Instant.parse("2024-06-01T23:59:00Z");

    assertThat(KoreaTime.parseIso(KoreaTime.iso(t))).isEqualTo(t);
  }
}
