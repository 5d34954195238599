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

  @Test
  void within_a_week_a_band_key_keeps_32_bits_of_its_hash() {
    String full = "5_" + Long.toString(0xABCD_EF12_3456L, 36); // 48 bits, as Signature.bandKeys makes them
    String short32 = "5_" + Long.toString(0xEF12_3456L, 36);
    assertThat(BandKeys.shortHash(full)).isEqualTo(short32);
    Instant at = Instant.parse("2026-11-12T00:00:00Z");
    String stored = BandKeys.stored(List.of(full), at).get(0);
    assertThat(stored).isEqualTo(short32 + "@" + Long.toString(BandKeys.week(at), 36));
    assertThat(BandKeys.plain(stored)).isEqualTo(short32);
    assertThat(BandKeys.lookup(List.of(full), at, WINDOW)).contains(stored).allMatch(k -> k.startsWith(short32 + "@"));
    assertThat(BandKeys.lookup(List.of(full), null, WINDOW)).containsExactly(short32 + "@");
    // a real signature's keys: all shortened, all still distinct
    List<String> real = Signature.of("해운 물류 기업이 부산 신항에 스마트 물류센터를 짓는다고 밝혔다. 총사업비는 4200억원으로 내년 3월 착공한다. "
        + "센터에는 자율주행 운반 로봇과 인공지능 재고 관리 시스템이 들어선다.").bandKeys();
    List<String> tagged = BandKeys.stored(real, at);
    assertThat(tagged).hasSize(Signature.BANDS).doesNotHaveDuplicates();
    for (int i = 0; i < real.size(); i++) {
      assertThat(Long.parseLong(BandKeys.plain(tagged.get(i)).substring(real.get(i).indexOf('_') + 1), 36)).isLessThan(1L << 32);
    }
    // event keys and keys without a hash pass unchanged
    assertThat(BandKeys.shortHash("e1a2:3f")).isEqualTo("e1a2:3f");
  }
}
