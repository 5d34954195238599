package sosik.index;

import java.util.List;
import java.util.Map;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;

/**
 * Hand-written related coverage: one wire story (연합뉴스) reprinted by four outlets with small
 * edits, one of them a day later; a different story on the same subject that must stay apart; two
 * headline-only items.
 */
public final class GroupFixtures {
  private GroupFixtures() {}

  private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

  static Article article(String title, String body, String press, String date, String url) {
    return NORMALIZER.normalize(new ArticleDraft(title, body, press, List.of(), null, date, url, null, Map.of()));
  }

  static final String WIRE_TEXT =
      "해운 물류 기업 바다로지스가 부산 신항에 축구장 40개 크기의 스마트 물류센터를 짓는다고 12일 밝혔다. "
          + "총사업비는 4200억원으로, 내년 3월 착공해 2029년 하반기 문을 열 예정이다. "
          + "센터에는 자율주행 운반 로봇 300대와 인공지능 기반 재고 관리 시스템이 들어선다. "
          + "회사는 완공 뒤 연간 처리 물동량이 지금보다 두 배 가까이 늘어 부산항의 환적 경쟁력이 높아질 것으로 내다봤다. "
          + "부산시는 이번 투자로 직접 고용 800명을 포함해 일자리 2000개가 새로 생길 것으로 기대했다. "
          + "바다로지스 대표는 \"동북아 물류 허브로 도약하는 발판이 될 것\"이라고 말했다.";

  public static final Article WIRE =
      article("바다로지스, 부산 신항에 4200억원 스마트 물류센터 건립", WIRE_TEXT, "연합뉴스",
          "2026-11-12T09:00:00+09:00", "https://wire.example/yna/1001");
  public static final Article REPRINT_1 =
      article("바다로지스, 부산 신항에 4200억 스마트 물류센터", WIRE_TEXT.replace("12일 밝혔다", "12일 발표했다")
              .replace(" 바다로지스 대표는 \"동북아 물류 허브로 도약하는 발판이 될 것\"이라고 말했다.", ""),
          "한빛일보", "2026-11-12T10:00:00+09:00", "https://hanbit.example/news/2001");
  public static final Article REPRINT_2 =
      article("바다로지스 4200억 투자…부산 신항 스마트 물류센터 짓는다",
          WIRE_TEXT + " 업계에서는 글로벌 해운사들의 아시아 거점 경쟁이 더 치열해질 것이라는 관측이 나온다.",
          "새날경제", "2026-11-12T10:30:00+09:00", "https://saenal.example/b/3001");
  public static final Article REPRINT_3 =
      article("부산 신항에 스마트 물류센터…바다로지스 4200억 투입", WIRE_TEXT.replace("축구장 40개 크기의 ", ""),
          "누리뉴스", "2026-11-12T11:00:00+09:00", "https://nuri.example/x/4001");
  /** Reprinted the next day: it lands after the others are committed and must join them. */
  public static final Article REPRINT_LATE =
      article("[종합] 바다로지스 부산 신항 물류센터 4200억 투자", WIRE_TEXT, "동녘신문",
          "2026-11-13T10:00:00+09:00", "https://dongnyeok.example/n/5001");
  /** The same subject, other words: must not join the wire story's group. */
  public static final Article OTHER_STORY =
      article("부산 신항 물류센터 경쟁 심화…바다로지스 투자에 업계 촉각",
          "부산 신항 배후단지에 대형 물류센터 건립 계획이 잇따르면서 업계의 경쟁이 뜨거워지고 있다. "
              + "바다로지스가 대규모 투자를 예고한 데 이어 다른 해운사들도 부지 확보에 나섰다. "
              + "전문가들은 물류센터 공급이 수요를 앞지를 경우 임대료 하락과 공실 문제가 생길 수 있다고 지적한다. "
              + "항만공사는 내년 상반기 배후단지 추가 공급 계획을 발표할 예정이다.",
          "코리아데일리", "2026-11-12T15:00:00+09:00", "https://koreadaily.example/c/6001");
  /** The wire text again, three weeks later: outside the time window. */
  public static final Article MUCH_LATER =
      article("바다로지스 물류센터 다시 보기", WIRE_TEXT, "바른타임즈",
          "2026-12-03T10:00:00+09:00", "https://bareun.example/t/7001");
  /** The wire text with no date: a near copy, so it joins. */
  public static final Article UNDATED_COPY =
      article("바다로지스, 부산 신항 스마트 물류센터", WIRE_TEXT, "세종포스트", null, "https://sejong.example/p/8001");

  public static final Article HEADLINE_1 =
      article("바다로지스 부산 신항 물류센터 착공", "바다로지스 물류센터 착공", "한빛일보",
          "2026-11-12T12:00:00+09:00", "https://hanbit.example/news/9001");
  public static final Article HEADLINE_2 =
      article("바다로지스 부산 신항 물류센터 착공", "바다로지스 물류센터 착공", "새날경제",
          "2026-11-12T12:30:00+09:00", "https://saenal.example/b/9002");

  // ---- one event reported independently: the event rule ----

  /** One outlet's report of a contract: 한결모빌리티 sells 120 electric buses to 대구시 for 830억원. */
  public static final Article EVENT_REPORT =
      article("한결모빌리티, 대구시에 전기버스 120대 공급…830억원 규모",
          "전기버스 제조사 한결모빌리티가 대구시와 830억원 규모의 전기버스 120대 공급 계약을 맺었다고 16일 밝혔다. "
              + "계약 기간은 2028년 6월까지이며 첫 차량은 내년 4월 시내버스 노선에 투입된다. "
              + "회사는 이번 계약으로 올해 누적 수주액이 2100억원을 넘어섰다고 설명했다. "
              + "한결모빌리티는 차량과 함께 충전기 60기를 설치하고 8년 동안 배터리 정비를 맡는다. "
              + "대구시는 2030년까지 시내버스의 절반을 전기버스로 바꿀 계획이다.",
          "한빛일보", "2026-11-16T09:30:00+09:00", "https://hanbit.example/news/2101");
  /** Another outlet's own report of the same contract: the same names and numbers, other sentences. */
  public static final Article EVENT_SECOND_REPORT =
      article("대구 시내버스 120대 전기버스로…한결모빌리티 830억 수주",
          "대구 시내버스 노선에 한결모빌리티가 만든 전기버스 120대가 달리게 된다. "
              + "한결모빌리티는 대구시로부터 830억원어치 전기버스를 수주했다고 16일 공시했다. "
              + "차량 인도는 내년 4월 시작해 2028년 6월 마무리된다. "
              + "이 회사가 올해 따낸 일감은 모두 2100억원 이상으로 늘었다. "
              + "업계에서는 지방자치단체들의 친환경 버스 전환이 빨라지면서 국내 제조사의 일감이 당분간 늘 것으로 본다.",
          "새날경제", "2026-11-16T14:00:00+09:00", "https://saenal.example/b/3101");
  /** The same company, the same day, another event: a factory expansion. */
  public static final Article EVENT_OTHER_SAME_DAY =
      article("한결모빌리티, 창원 공장 증설에 450억 투자…수소트럭 생산",
          "한결모빌리티가 경남 창원 공장에 450억원을 들여 수소트럭 생산 라인을 새로 짓는다고 16일 밝혔다. "
              + "증설이 끝나는 2028년부터 연간 3000대의 수소트럭을 만들 수 있게 된다. "
              + "회사는 생산 인력 200명을 새로 뽑을 예정이다. "
              + "한결모빌리티는 내년 상반기 수소트럭 시제품을 공개하고 물류 기업들과 시험 운행에 나선다.",
          "누리뉴스", "2026-11-16T11:00:00+09:00", "https://nuri.example/x/4101");
  /** Five days later, the same company and many of the same names and numbers: outside the event window. */
  public static final Article EVENT_FIVE_DAYS_LATER =
      article("한결모빌리티 대구 전기버스 120대 첫 출고 앞두고 시험 운행",
          "한결모빌리티가 대구시에 공급할 전기버스 120대 가운데 첫 10대의 시험 운행을 시작했다고 21일 밝혔다. "
              + "830억원 규모의 이번 계약은 회사 창립 이후 최대 규모다. "
              + "시험 운행은 대구 시내 세 개 노선에서 다음 달까지 이어진다. "
              + "회사는 충전기 60기 설치도 마무리 단계라고 전했다.",
          "동녘신문", "2026-11-21T10:00:00+09:00", "https://dongnyeok.example/n/5101");

  // ---- a template story that comes back every week: group band keys with the week ----

  /** A weekly price report: the same sentences every week, only the figures change now and then. */
  public static final String WEEKLY_REPORT =
      "이번 주 전국 주유소 휘발유 평균 판매가격은 리터당 1702원으로 지난주보다 소폭 올랐다. "
          + "경유 평균 판매가격은 리터당 1581원으로 집계됐다. "
          + "지역별로는 서울이 가장 높았고 대구가 가장 낮은 수준을 보였다. "
          + "상표별로는 알뜰주유소의 판매가격이 가장 낮았다. "
          + "국제 유가는 산유국의 감산 연장 소식에 상승세를 이어갔다. "
          + "업계에서는 다음 주에도 국내 제품 가격이 오를 가능성이 크다고 내다봤다.";

  /** The report with {@code text}, published at 10:00 Korea time on {@code day} (null: undated). */
  public static Article weeklyReport(String text, String press, java.time.LocalDate day, String url) {
    return article("주간 유가 동향", text, press, day == null ? null : day + "T10:00:00+09:00", url);
  }

  /** This week's report by one press, its figures and a sentence changed: close, not identical. */
  public static Article thisWeeksReport(java.time.LocalDate day) {
    String text = WEEKLY_REPORT.replace("1702원", "1715원").replace("1581원", "1590원")
        .replace("국제 유가는 산유국의 감산 연장 소식에 상승세를 이어갔다.", "국제 유가는 중동 지역의 긴장이 이어지며 큰 폭으로 뛰었다.");
    return weeklyReport(text, "코리아데일리", day, "https://koreadaily.example/oil/this-week");
  }

  /** The wire story and its reprints of the same day, and the other story. */
  public static final List<Article> SAME_DAY = List.of(REPRINT_2, WIRE, REPRINT_1, REPRINT_3, OTHER_STORY);
}
