package sosik.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import sosik.article.Article;
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

  private static GroupMember reported(String id, String press, String time, String title, String body) {
    Article a = new Article(id, title, body, press, java.util.List.of(), null, Instant.parse(time), null, null, java.util.Map.of());
    return GroupMember.of(a, id, Signature.of(a));
  }

  private static final String CONTRACT = "전기버스 제조사 한결모빌리티가 대구시와 830억원 규모의 전기버스 120대 공급 계약을 맺었다고 16일 밝혔다. "
      + "계약 기간은 2028년 6월까지이며 첫 차량은 내년 4월 시내버스 노선에 투입된다. 회사는 충전기 60기를 함께 설치한다.";
  private static final String CONTRACT_RETOLD = "대구 시내버스 노선에 한결모빌리티가 만든 전기버스 120대가 달리게 된다. "
      + "한결모빌리티는 대구시로부터 830억원어치 전기버스를 수주했다고 16일 공시했다. 차량 인도는 내년 4월 시작한다.";

  @Test
  void the_event_rule_joins_other_presses_within_its_window_and_never_one_press_with_itself() {
    GroupPolicy.EventRule rule = GroupPolicy.DEFAULT.event();
    GroupMember first = reported("a", "한빛일보", "2026-11-16T00:30:00Z", "한결모빌리티, 대구시에 전기버스 120대 공급…830억원 규모", CONTRACT);
    GroupMember retold = reported("b", "새날경제", "2026-11-16T05:00:00Z", "대구 시내버스 120대 전기버스로…한결모빌리티 830억 수주", CONTRACT_RETOLD);
    assertThat(first.signature().similarity(retold.signature())).isLessThan(GroupPolicy.DEFAULT.minSimilarity());
    assertThat(rule.match(retold, first)).isPositive();
    // the same words from the same press are no independent report (robot templates, follow-ups)
    GroupMember samePress = reported("c", "한빛일보", "2026-11-16T05:00:00Z", "대구 시내버스 120대 전기버스로…한결모빌리티 830억 수주", CONTRACT_RETOLD);
    assertThat(rule.match(samePress, first)).isZero();
    // two days later: outside the 36-hour window
    GroupMember later = reported("d", "새날경제", "2026-11-18T01:00:00Z", "대구 시내버스 120대 전기버스로…한결모빌리티 830억 수주", CONTRACT_RETOLD);
    assertThat(rule.match(later, first)).isZero();
    // only the company's name and a generic word in common with the headline: apart
    GroupMember other = reported("e", "누리뉴스", "2026-11-16T02:00:00Z", "한결모빌리티, 창원 공장 증설에 450억 투자",
        "한결모빌리티가 경남 창원 공장에 450억원을 들여 수소트럭 생산 라인을 새로 짓는다고 16일 밝혔다. 전기버스 생산 라인 옆에 들어선다.");
    assertThat(rule.match(other, first)).isZero();
    // no date, no event rule
    GroupMember undated = new GroupMember("f", "f", retold.title(), "새날경제", null, retold.signature());
    assertThat(rule.match(undated, first)).isZero();
  }
}
