package sosik.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BandKeysTest {
  private static final List<String> PLAIN = List.of("0_abc", "1_xyz", "2_q7");
  private static final Duration WINDOW = GroupPolicy.DEFAULT.window();

  @Test
  void a_lookup_finds_every_article_within_the_window_and_the_undated_ones() {
    SplittableRandom rnd = new SplittableRandom(11);
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 5_000; i++) {
      Instant a = base.plusSeconds(rnd.nextLong(-400L * 86_400, 400L * 86_400));
      // another article within the window, to the second, up to the window's very ends
      long apart = rnd.nextLong(-WINDOW.getSeconds(), WINDOW.getSeconds() + 1);
      Instant b = a.plusSeconds(apart);
      Set<String> lookup = new HashSet<>(BandKeys.lookup(PLAIN, a, WINDOW));
      assertThat(lookup).as("%s looks up %s", a, b).containsAll(BandKeys.stored(PLAIN, b));
      assertThat(lookup).containsAll(BandKeys.stored(PLAIN, null));
      // at most the weeks a window reaches: two for three days either side, and undated
      assertThat(lookup).hasSizeLessThanOrEqualTo(3 * PLAIN.size());
    }
  }

  @Test
  void articles_weeks_apart_share_no_key() {
    Instant a = Instant.parse("2026-11-12T00:00:00Z");
    Set<String> lookup = new HashSet<>(BandKeys.lookup(PLAIN, a, WINDOW));
    for (int days : new int[] {-30, -15, 15, 30, 365}) {
      List<String> other = BandKeys.stored(PLAIN, a.plus(Duration.ofDays(days)));
      assertThat(other).as("%d days apart", days).noneMatch(lookup::contains);
    }
  }

  @Test
  void an_undated_lookup_is_a_prefix_of_every_stored_form_of_its_band_key() {
    List<String> lookup = BandKeys.lookup(PLAIN, null, WINDOW);
    assertThat(lookup).hasSize(PLAIN.size()).allMatch(BandKeys::isPrefix);
    for (Instant at : new Instant[] {Instant.parse("1969-12-25T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z"), null}) {
      List<String> stored = BandKeys.stored(PLAIN, at);
      for (int i = 0; i < PLAIN.size(); i++) {
        assertThat(stored.get(i)).startsWith(lookup.get(i)).isNotEqualTo(lookup.get(i));
        assertThat(BandKeys.isPrefix(stored.get(i))).isFalse();
        // one band key's prefix never reaches another's: "1_x@" is not a prefix of "1_xy@…"
        for (int j = 0; j < PLAIN.size(); j++) {
          if (j != i) {
            assertThat(stored.get(j)).doesNotStartWith(lookup.get(i));
          }
        }
      }
    }
    assertThat(BandKeys.stored(List.of("1_xy"), null).get(0)).doesNotStartWith(BandKeys.lookup(List.of("1_x"), null, WINDOW).get(0));
  }

  @Test
  void keys_tell_their_week_and_their_plain_form() {
    Instant at = Instant.parse("2026-11-12T00:00:00Z");
    String stored = BandKeys.stored(PLAIN, at).get(0);
    assertThat(BandKeys.weekOf(stored)).isEqualTo(BandKeys.week(at)).isEqualTo(at.getEpochSecond() / (7 * 86_400));
    assertThat(BandKeys.plain(stored)).isEqualTo("0_abc");
    String before1970 = BandKeys.stored(PLAIN, Instant.parse("1969-12-25T00:00:00Z")).get(0);
    assertThat(BandKeys.weekOf(before1970)).isEqualTo(-1);
    String undated = BandKeys.stored(PLAIN, null).get(0);
    assertThat(BandKeys.isUndated(undated)).isTrue();
    assertThat(BandKeys.weekOf(undated)).isEqualTo(Long.MIN_VALUE);
    assertThat(BandKeys.plain(undated)).isEqualTo("0_abc");
    // plain band keys and event keys have no week and stay as they are
    assertThat(BandKeys.weekOf("0_abc")).isEqualTo(Long.MIN_VALUE);
    assertThat(BandKeys.weekOf("e1a2:3f")).isEqualTo(Long.MIN_VALUE);
    assertThat(BandKeys.plain("e1a2:3f")).isEqualTo("e1a2:3f");
    assertThat(BandKeys.weekOf(BandKeys.lookup(PLAIN, null, WINDOW).get(0))).isEqualTo(Long.MIN_VALUE);
  }
}
