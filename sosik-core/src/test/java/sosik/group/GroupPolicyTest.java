package sosik.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupPolicyTest {
  // a robot-style market report: the same template, other figures
  private static final String MONDAY = "코스피 상장사 한빛전자 주가가 전일 대비 4% 상승한 5만2000원에 거래를 마쳤다. 5거래일 연속 상승이다. "
      + "외국인은 3거래일 연속 순매수했고 기관은 순매도했다. 이 기사는 시세 자료를 바탕으로 작성됐다.";
  private static final String TUESDAY = "코스피 상장사 한빛전자 주가가 전일 대비 3% 상승한 5만3600원에 거래를 마쳤다. 6거래일 연속 상승이다. "
      + "외국인은 4거래일 연속 순매수했고 기관은 순매도했다. 이 기사는 시세 자료를 바탕으로 작성됐다.";

  private static GroupMember member(String id, String press, String time, String text) {
    return new GroupMember(id, id, "제목", press, Instant.parse(time), Signature.of(text));
  }

  @Test
  void one_press_on_two_days_needs_near_identity_other_presses_and_the_same_day_do_not() {
    GroupPolicy p = GroupPolicy.DEFAULT;
    GroupMember monday = member("a", "한빛일보", "2026-11-09T01:00:00Z", MONDAY);
    GroupMember tuesday = member("b", "한빛일보", "2026-11-10T01:00:00Z", TUESDAY);
    double s = monday.signature().similarity(tuesday.signature());
    assertThat(s).isBetween(p.minSimilarity(), p.samePressOtherDaySimilarity());
    // the template on the next day, same press: apart
    assertThat(p.match(tuesday, monday)).isZero();
    // the same text from another press, or later the same day (Korea time): together
    assertThat(p.match(member("c", "새날경제", "2026-11-10T01:00:00Z", TUESDAY), monday)).isPositive();
    assertThat(p.match(member("d", "한빛일보", "2026-11-09T08:00:00Z", TUESDAY), monday)).isPositive();
    // the whole text again the next day (a resend): together
    assertThat(p.match(member("e", "한빛일보", "2026-11-10T01:00:00Z", MONDAY), monday)).isEqualTo(1.0);
  }

  @Test
  void days_are_korea_time_days() {
    // 23:30 and 00:30 the next morning in Korea are different days even though UTC says the same date
    GroupMember late = member("a", "한빛일보", "2026-11-09T14:30:00Z", MONDAY);
    GroupMember early = member("b", "한빛일보", "2026-11-09T15:30:00Z", TUESDAY);
    assertThat(GroupPolicy.DEFAULT.match(early, late)).isZero();
  }
}
