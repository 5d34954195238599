package sosik.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessTest {
  static final Instant NOW = Instant.parse("2026-10-10T03:00:00Z");

  @Test
  void the_factor_halves_its_extra_every_half_life_and_undated_or_future_articles_are_handled() {
    Freshness f = Freshness.DEFAULT;
    assertThat(f.factor(NOW, NOW)).isCloseTo(2.0, within(1e-12));
    assertThat(f.factor(NOW.minus(Duration.ofDays(3)), NOW)).isCloseTo(1.5, within(1e-12));
    assertThat(f.factor(NOW.minus(Duration.ofDays(6)), NOW)).isCloseTo(1.25, within(1e-12));
    assertThat(f.factor(NOW.minus(Duration.ofDays(30)), NOW)).isCloseTo(1 + Math.pow(0.5, 10), within(1e-12));
    assertThat(f.factor(NOW.plus(Duration.ofDays(2)), NOW)).as("dated in the future: age 0").isEqualTo(2.0);
    assertThat(f.factor((Instant) null, NOW)).as("undated").isEqualTo(1.0);
    assertThat(Freshness.OFF.factor(NOW, NOW)).isEqualTo(1.0);
    Freshness w = new Freshness(0.5, Duration.ofHours(12), null);
    assertThat(w.factor(NOW.minus(Duration.ofHours(12)), NOW)).isCloseTo(1.25, within(1e-12));
  }

  @Test
  void it_applies_to_relevance_order_only_and_only_when_on() {
    assertThat(Freshness.DEFAULT.appliesTo(SortOrder.RELEVANCE)).isTrue();
    assertThat(Freshness.DEFAULT.appliesTo(SortOrder.LATEST)).isFalse();
    assertThat(Freshness.DEFAULT.appliesTo(SortOrder.OLDEST)).isFalse();
    assertThat(Freshness.OFF.appliesTo(SortOrder.RELEVANCE)).isFalse();
    assertThat(SearchRequest.of("반도체").freshness()).isEqualTo(Freshness.DEFAULT);
    assertThat(SearchRequest.of("반도체").activeFreshness()).isEqualTo(Freshness.DEFAULT);
    assertThat(SearchRequest.of("반도체").withSort(SortOrder.LATEST).activeFreshness()).isNull();
    // every withX keeps it
    SearchRequest off = SearchRequest.of("반도체").withFreshness(Freshness.OFF);
    assertThat(off.withPage(2, 10).withPress(java.util.List.of("한빛일보")).withGrouped(true).withTitleOnly(true)
        .withRange(null, NOW).withGroup("g").withSort(SortOrder.RELEVANCE).freshness()).isEqualTo(Freshness.OFF);
  }

  @Test
  void parses_on_off_and_half_lives() {
    assertThat(Freshness.parse("freshness", "off")).isEqualTo(Freshness.OFF);
    assertThat(Freshness.parse("freshness", " ON ")).isEqualTo(Freshness.DEFAULT);
    assertThat(Freshness.parse("freshness", "12h").halfLife()).isEqualTo(Duration.ofHours(12));
    assertThat(Freshness.parse("freshness", "3d").halfLife()).isEqualTo(Duration.ofDays(3));
    assertThat(Freshness.parse("freshness", "1w").halfLife()).isEqualTo(Duration.ofDays(7));
    assertThat(Freshness.parse("freshness", "90m").halfLife()).isEqualTo(Duration.ofMinutes(90));
    assertThat(Freshness.parse("freshness", "1.5d").halfLife()).isEqualTo(Duration.ofHours(36));
    assertThat(Freshness.parse("freshness", "12h").weight()).isEqualTo(Freshness.DEFAULT_WEIGHT);
    for (String bad : new String[] {"soon", "0d", "-3d", "3", "3y", "d"}) {
      assertThatThrownBy(() -> Freshness.parse("--freshness", bad)).as(bad)
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("--freshness");
    }
    assertThat(Freshness.parse("f", "36h").halfLifeText()).isEqualTo("36h");
    assertThat(Freshness.DEFAULT.halfLifeText()).isEqualTo("3d");
  }

  @Test
  void search_options_pin_now_and_name_the_option() {
    SearchRequest r = new SearchOptions("반도체", null, null, null, null, null, null, null, null, "12h").toRequest(NOW, "--");
    assertThat(r.freshness().now()).isEqualTo(NOW);
    assertThat(r.freshness().halfLife()).isEqualTo(Duration.ofHours(12));
    assertThat(new SearchOptions("반도체", null, null, null, null, null, null, null, null).toRequest(NOW, "").freshness())
        .isEqualTo(Freshness.DEFAULT.at(NOW));
    assertThat(new SearchOptions("반도체", null, null, null, null, null, null, null, null, "off").toRequest(NOW, "").freshness().on())
        .isFalse();
    assertThatThrownBy(() -> new SearchOptions("반도체", null, null, null, null, null, null, null, null, "later").toRequest(NOW, ""))
        .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("freshness 'later'");
  }
}
