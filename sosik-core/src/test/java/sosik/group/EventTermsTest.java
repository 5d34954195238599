package sosik.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosik.article.Article;

class EventTermsTest {
  private static Article article(String title, String body, String press, List<String> reporters) {
    return new Article("id1", title, body, press, reporters, null, Instant.parse("2026-11-16T00:30:00Z"), null, null, Map.of());
  }

  private static boolean has(int[] codes, String term, int flags) {
    int h = EventTerms.hash(term);
    return Arrays.stream(codes).anyMatch(c -> EventTerms.term(c) == h && (c & flags) == flags);
  }

  @Test
  void keeps_names_nouns_and_telling_numbers_and_drops_generic_words_years_press_and_reporter() {
    Article a = article("한결모빌리티, 대구시에 전기버스 120대 공급",
        "[대구=한빛일보 김하늘 기자] 한결모빌리티가 올해 대구시와 830억원 규모의 전기버스 공급 계약을 맺었다고 16일 밝혔다. "
            + "계약 기간은 2028년 6월까지다. 두 번째 문장 뒤의 세 번째 문장이다. 네 번째 문장의 충전소는 리드 밖이다.",
        "한빛일보", List.of("김하늘"));
    int[] codes = EventTerms.of(a);
    // Nori's words: 대구시 a proper noun; 한결모빌리티 and 전기버스 split (모빌리티, 전기, 버스)
    assertThat(has(codes, "대구시", EventTerms.HEADLINE | EventTerms.NAME)).isTrue();
    assertThat(has(codes, "모빌리티", EventTerms.HEADLINE)).isTrue();
    assertThat(has(codes, "버스", EventTerms.HEADLINE)).isTrue();
    assertThat(has(codes, "120", EventTerms.HEADLINE | EventTerms.NAME)).isTrue();
    assertThat(has(codes, "830", EventTerms.NAME)).isTrue();
    assertThat(has(codes, "계약", 0)).isTrue();
    assertThat(has(codes, "계약", EventTerms.HEADLINE)).isFalse();
    // generic words, a year, small numbers, the press, the reporter, and what follows the lead
    for (String t : List.of("올해", "기자", "2028", "16", "한빛일보", "김하늘", "충전소")) {
      assertThat(has(codes, t, 0)).as(t).isFalse();
    }
  }

  @Test
  void event_keys_are_the_headline_terms_of_each_day_the_window_reaches() {
    int[] codes = EventTerms.of(article("한결모빌리티 전기버스 공급", "한결모빌리티가 대구시에 전기버스를 공급한다.", "한빛일보", List.of()));
    Instant at = Instant.parse("2026-11-16T00:30:00Z"); // 09:30 in Korea
    List<String> own = EventTerms.ownKeys(codes, at);
    // the headline's terms: 모빌리티, 전기, 버스, 공급
    assertThat(own).hasSize(4).allMatch(k -> k.startsWith("e"));
    // 36 hours either side of 11-16 09:30 KST reach from 11-14 to 11-17: four days of keys
    List<String> lookup = EventTerms.lookupKeys(codes, at, Duration.ofHours(36));
    assertThat(lookup).hasSize(16).containsAll(own);
    assertThat(EventTerms.ownKeys(codes, null)).isEmpty();
  }

  @Test
  void signatures_keep_event_terms_through_bytes_and_read_old_bytes_without_them() {
    Article a = article("한결모빌리티, 대구시에 전기버스 120대 공급",
        "전기버스 제조사 한결모빌리티가 대구시와 830억원 규모의 전기버스 120대 공급 계약을 맺었다고 16일 밝혔다. "
            + "계약 기간은 2028년 6월까지이며 첫 차량은 내년 4월 시내버스 노선에 투입된다.",
        "한빛일보", List.of());
    Signature s = Signature.of(a);
    assertThat(s.event()).isNotEmpty();
    Signature back = Signature.fromBytes(s.toBytes());
    assertThat(back.event()).isEqualTo(s.event());
    assertThat(back.similarity(s)).isEqualTo(1.0);
    assertThat(Signature.fromBytes(back.toBytes())).isEqualTo(back);
    Signature bare = new Signature(s.hashes(), s.shingles());
    Signature read = Signature.fromBytes(bare.toBytes());
    assertThat(read.event()).isEmpty();
    assertThat(read.similarity(s)).isEqualTo(1.0);
    // the earlier layouts: full ints with event codes after the hashes, and 16-bit minima alone
    java.nio.ByteBuffer full = java.nio.ByteBuffer.allocate(4 + 4 * s.hashes().length + 4 * s.event().length);
    full.putInt(s.shingles());
    for (int h : s.hashes()) {
      full.putInt(h);
    }
    for (int e : s.event()) {
      full.putInt(e);
    }
    Signature fromFull = Signature.fromBytes(full.array());
    assertThat(fromFull.hashes()).isEqualTo(s.hashes());
    assertThat(fromFull.event()).isEqualTo(s.event());
    java.nio.ByteBuffer shortOnly = java.nio.ByteBuffer.allocate(4 + 2 * s.hashes().length);
    shortOnly.putInt(s.shingles() | 0x8000_0000);
    for (int h : s.hashes()) {
      shortOnly.putShort((short) h);
    }
    Signature fromShort = Signature.fromBytes(shortOnly.array());
    assertThat(fromShort.shingles()).isEqualTo(s.shingles());
    assertThat(fromShort.event()).isEmpty();
    assertThat(fromShort.similarity(s)).isEqualTo(1.0);
  }
}
