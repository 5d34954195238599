package sosik.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who wrote an article in its body text, as Korean wire services and papers print it, and
 * returns the body without it.
 *
 * <p>At the start of the body (its first {@value #LEAD_WINDOW} characters, since a subtitle or a
 * photo caption often comes first):
 *
 * <ul>
 *   <li>wire forms: {@code 【서울=뉴시스】하종민 기자 =}, {@code (서울=연합뉴스) 홍길동 기자 =}, {@code (서울=뉴스1)
 *       남궁별 기자,오태민 기자 =}, {@code 【서울=뉴시스】 =};
 *   <li>bracketed bylines: {@code [수원=이데일리 황영민 기자]}, {@code [아이뉴스24 김기자 기자]}, {@code
 *       [머니투데이 이슈팀 백하늘 기자]}, {@code [디지털데일리 구본찬기자]}, {@code 〔스포츠서울 진소율 기자〕}, {@code
 *       [더팩트 | 변지후 기자]}, {@code [OSEN=한도윤 기자]}, {@code (지디넷코리아=서하람 기자)}, {@code [ 강예린 기자 ]},
 *       {@code [노은채 기자(=전주)]}, {@code [심규리 기자 kyuri@…]}, with several reporters ({@code 김서연·박준호
 *       기자}) and other roles ({@code 특파원}, {@code 선임기자}, {@code 인턴기자} …);
 *   <li>a press name alone in brackets opening the body, when it is a known press ({@code [서울신문]}).
 * </ul>
 *
 * <p>At the end of the body (its last {@value #TAIL_WINDOW} characters): a reporter's signature
 * ({@code 홍길동 기자 hong@example.com}, {@code 홍길동 기자(hong@…)}, {@code hong@… 홍길동 기자}, {@code
 * [홍길동 기자 hong@…]}, {@code 홍길동 (hong@…)}, {@code 데일리안 홍길동 기자 (hong@…)}, {@code 홍길동 동아닷컴
 * 기자 hong@…}), a broadcast sign-off ({@code KBS 뉴스 홍길동입니다.}), a reporter's e-mail alone after
 * the last sentence, and a copyright line ({@code ⓒ 한국경제, 무단 전재 금지}). The
 * body is cut where the first of them starts (and before the {@code ▶} links that run up to it):
 * what a portal appends after the signature (subscribe links, the copyright line) goes with it.
 *
 * <p>Photo credits are never bylines: {@code (사진=공지유 기자)}, {@code /사진=홍길동 기자}, {@code [사진 =
 * 연합뉴스]}, {@code (그래픽=연합뉴스)}. A bracket that opens a headline ({@code [미리보는 이데일리 신문]}) is
 * not read here: this reads bodies, and a headline is left as it is.
 *
 * <p>Press names are given as {@link PressNames} knows them ({@code CBS노컷뉴스} → {@code 노컷뉴스}); a press
 * it does not know is kept as written. Copyright lines give a press only when it is a known one.
 */
public final class BylineExtractor {
  /** How far into the body a leading byline is looked for. */
  public static final int LEAD_WINDOW = 300;
  /** How far from the end a signature or copyright line is looked for. */
  public static final int TAIL_WINDOW = 700;
  /** At most this much text may follow a reporter's signature (captions, the portal's links). */
  static final int MAX_AFTER_SIGNATURE = 500;

  /** Where the press came from. */
  public enum Source {
    /** a byline at the start, or a signature naming the press */
    BYLINE,
    /** a broadcast sign-off such as {@code KBS 뉴스 홍길동입니다} */
    SIGN_OFF,
    /** a copyright line such as {@code ⓒ 한국경제} */
    COPYRIGHT,
    /** a press named in what follows the signature, e.g. {@code ▶ [연합뉴스] 채널 구독} */
    TRAILER
  }

  /**
   * What was found. Absent parts are null (or an empty list); {@code body} is the text without the
   * byline and the trailer, stripped (empty when the text was only a byline).
   */
  public record Result(
      String press,
      Source pressSource,
      List<String> reporters,
      String role,
      String dateline,
      String email,
      String body) {
    public Result {
      reporters = reporters == null ? List.of() : List.copyOf(reporters);
    }

    /** True when a press, a reporter, a dateline or an e-mail was found. */
    public boolean found() {
      return press != null || !reporters.isEmpty() || dateline != null || email != null;
    }
  }

  private static final String NAME = "[가-힣]{2,4}";
  private static final String ROLE = "(?:선임기자|수석기자|전문기자|객원기자|인턴기자|수습기자|기자|특파원|논설위원|편집위원)";
  private static final String NAMED = NAME + "(?:\\s*" + ROLE + ")?";
  /** One or more names, the last followed by a role: 홍길동 기자, 김서연·박준호 기자, 남궁별 기자,오태민 기자. */
  private static final String REPS = "(?<![가-힣])" + NAMED + "(?:\\s*[·ㆍ,]\\s*" + NAMED + ")*?\\s*" + ROLE + "(?![가-힣])";
  private static final String EMAIL = "[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)?";

  private static final Pattern ROLE_AT_END = Pattern.compile("\\s*(" + ROLE + ")$");
  private static final Pattern NAME_SPLIT = Pattern.compile("\\s*[·ㆍ,]\\s*");
  private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);

  // --- the lead -------------------------------------------------------------------------------

  private static final Pattern BRACKET =
      Pattern.compile("【([^【】]{1,60})】|\\(([^()]{1,60})\\)|\\[([^\\[\\]]{1,80})\\]|〔([^〔〕]{1,60})〕");
  /** [dateline=]press reporters [e-mail] */
  private static final Pattern INNER_FULL =
      Pattern.compile("^(?:(?<dl>[^=\\s]{1,20})\\s*=\\s*)?(?<press>\\S+(?:\\s+\\S+){0,3}?)\\s+(?<reps>" + REPS + ")(?:\\s*(?<email>" + EMAIL + "))?$");
  /** press=reporters, as in [OSEN=한도윤 기자] or (지디넷코리아=서하람 기자) */
  private static final Pattern INNER_PRESS_IS =
      Pattern.compile("^(?<press>[^=\\s][^=]{0,29}?)\\s*=\\s*(?<reps>" + REPS + ")$");
  /** reporters alone: [ 강예린 기자 ], [심규리 기자 kyuri@…], [노은채 기자(=전주)] */
  private static final Pattern INNER_REPS =
      Pattern.compile("^(?<reps>" + REPS + ")(?:\\s*(?<email>" + EMAIL + "))?(?:\\s*\\(\\s*=\\s*(?<dl>[^()=\\s]{1,20})\\s*\\))?$");
  /** dateline=press: 【서울=뉴시스】, (서울=연합뉴스), [서울=뉴스1], 【디트로이트=AP/뉴시스】 */
  private static final Pattern INNER_DATELINE =
      Pattern.compile("^(?<dl>[^=\\s]{1,20})\\s*=\\s*(?<press>[^=\\s]{1,30})$");
  /** after a wire bracket: 하종민 기자 = , 남궁별 기자,오태민 기자 = , or a bare = */
  private static final Pattern WIRE_TAIL = Pattern.compile("\\s*(?<reps>" + REPS + ")?\\s*=(?!=)\\s*");

  /** Words that make a bracket a photo or graphic credit, not a byline. */
  private static final Set<String> CREDITS =
      Set.of("사진", "사진제공", "사진출처", "자료사진", "자료", "그래픽", "인포그래픽", "영상", "영상편집", "영상취재", "출처",
          "제공", "촬영", "일러스트", "캡처", "디자인", "편집", "글", "도움말", "편집자주");
  private static final Pattern CREDIT_BEFORE =
      Pattern.compile("(?:사진|사진제공|자료사진|영상|그래픽|촬영|자료|출처|제공|일러스트)\\s*[=:/]?\\s*$");
  /** Words that come where a name would but are not names. */
  private static final Set<String> NOT_NAMES =
      Set.of("사진", "영상", "취재", "편집", "온라인", "디지털", "인터넷", "뉴스팀", "기획", "담당", "현장", "시민", "객원", "수습",
          "인턴", "선임", "전문", "수석", "경제", "정치", "사회", "산업", "국제", "문화", "스포츠", "연예", "증권", "금융", "부동산",
          "한국", "우리", "해당", "관련", "모든", "이번", "여성", "청년", "외신", "본지", "본사", "각사", "공동", "특별", "종합",
          "로봇", "스톡봇", "콘텐츠부", "온라인팀", "디지털팀", "뉴스부", "편집부", "보도", "방송", "사회부", "경제부");
  /** Photo agencies: [AP=연합뉴스] is a photo's credit, not a dateline. */
  private static final Set<String> AGENCIES =
      Set.of("AP", "AFP", "EPA", "UPI", "로이터", "REUTERS", "신화", "교도", "게티이미지", "게티이미지코리아", "연합뉴스", "뉴시스", "뉴스1");
  /** How press names end, for a press Sosik does not know: 한빛일보, 새날경제, 미래IT뉴스. */
  private static final Pattern PRESS_LIKE =
      Pattern.compile(".*(?:일보|신문|뉴스|경제|데일리|닷컴|방송|TV|tv|타임스|투데이|코리아|저널|미디어|통신|포스트|헤럴드)$");
  private static final Pattern DESK = Pattern.compile("[가-힣A-Za-z&]+(?:부|팀|국|센터|데스크)$");

  // --- the tail -------------------------------------------------------------------------------

  /** [홍길동 기자], [홍길동 기자 hong@…], [이데일리 홍길동 기자], <홍길동 기자>hong@… */
  private static final Pattern SIG_BRACKET =
      Pattern.compile("[\\[<〔]\\s*(?:(?<press>[^\\s\\[\\]<>]{2,12})\\s+)?(?<reps>" + REPS + ")\\s*(?<email>" + EMAIL + ")?\\s*[\\]>〕](?:\\s*(?<email2>" + EMAIL + "))?");
  /** 홍길동 기자 hong@…, 홍길동 기자(hong@…), 홍길동기자 hong@…; a known press just before is read too */
  private static final Pattern SIG_EMAIL_AFTER =
      Pattern.compile("(?<reps>" + REPS + ")\\s*[(\\[<]?\\s*(?<email>" + EMAIL + ")");
  /** 홍길동 동아닷컴 기자 hong@… */
  private static final Pattern SIG_NAME_PRESS_ROLE =
      Pattern.compile("(?<![가-힣])(?<name>" + NAME + ")\\s+(?<press>\\S{2,12})\\s+(?<role>" + ROLE + ")\\s*[(\\[<]?\\s*(?<email>" + EMAIL + ")");
  /** hong@… 홍길동 기자 */
  private static final Pattern SIG_EMAIL_BEFORE =
      Pattern.compile("(?<email>" + EMAIL + ")\\s+(?<reps>" + REPS + "(?:\\s*,\\s*" + REPS + ")*)");
  /** 홍길동 (hong@…) after a sentence */
  private static final Pattern SIG_NAME_PAREN_EMAIL =
      Pattern.compile("(?<![가-힣])(?<name>" + NAME + ")\\s*\\(\\s*(?<email>" + EMAIL + ")\\s*\\)");
  /** 홍길동 기자 at the very end or before the portal's links */
  private static final Pattern SIG_BARE =
      Pattern.compile("(?<reps>" + REPS + ")(?=\\s*(?:$|▶|\\[|<|ⓒ|©|※|저작권|Copyright))");
  /** KBS 뉴스 홍길동입니다. */
  private static final Pattern SIGN_OFF = Pattern.compile("(?<![가-힣])(?<name>" + NAME + ")입니다(?![가-힣])\\.?");
  private static final Pattern SIGN_OFF_GAP = Pattern.compile("^\\s*(?:뉴스)?\\s*$");
  /** what may stand before a signature: {@code /}, {@code /울산=} */
  private static final Pattern SIG_PREFIX = Pattern.compile("/\\s*(?:(?<dl>[가-힣]{2,6})\\s*=\\s*)?$");
  /** what a sign-off may open with: 지금까지, 하노이에서 */
  private static final Pattern SIGN_OFF_LEAD = Pattern.compile("(?:지금까지|[가-힣]{1,10}에서)\\s*$");
  /** a reporter's e-mail alone */
  private static final Pattern BARE_EMAIL = Pattern.compile("(?<![A-Za-z0-9_%+-])" + EMAIL);
  private static final Pattern COPYRIGHT =
      Pattern.compile("(?:[\\[<(※\\-＜［]\\s*)?(?:저작권자\\s*(?:\\([cC]\\)|ⓒ|©)?|Copyrights?\\s*(?:\\([cC]\\)|ⓒ|©|by)?|ⓒ|©)");
  private static final Pattern COPYRIGHT_WORDS = Pattern.compile("무단|재배포|전재|[Aa]ll [Rr]ights|[Rr]eserved");
  private static final Pattern SENTENCE_END = Pattern.compile("[다요][.!?]['\"”’]?|[.!?]['\"”’]");

  private BylineExtractor() {}

  /** Reads {@code text} (null gives nothing found and a null body); the result is never null. */
  public static Result extract(String text) {
    if (text == null) {
      return new Result(null, null, List.of(), null, null, null, null);
    }
    Lead lead = lead(text);
    int leadEnd = lead == null ? 0 : lead.end;
    Tail tail = tail(text, leadEnd);

    String press = null;
    Source source = null;
    List<String> reporters = new ArrayList<>();
    String role = null;
    String dateline = null;
    String email = null;
    if (lead != null) {
      press = lead.press;
      source = press == null ? null : Source.BYLINE;
      reporters.addAll(lead.reporters);
      role = lead.role;
      dateline = lead.dateline;
      email = lead.email;
    }
    if (tail != null) {
      if (reporters.isEmpty()) {
        reporters.addAll(tail.reporters);
        role = tail.role;
      }
      if (email == null) {
        email = tail.email;
      }
      if (dateline == null) {
        dateline = tail.dateline;
      }
      if (press == null && tail.press != null) {
        press = tail.press;
        source = tail.pressSource;
      }
    }
    int cut = tail == null ? text.length() : tail.cut;
    String body;
    if (lead == null) {
      body = text.substring(0, cut);
    } else {
      String before = text.substring(0, lead.start).stripTrailing();
      String after = text.substring(lead.end, Math.max(lead.end, cut)).stripLeading();
      body = before.isEmpty() || after.isEmpty() ? before + after : before + " " + after;
    }
    return new Result(press, source, reporters, role, dateline, email, body.strip());
  }

  // --- the lead -------------------------------------------------------------------------------

  private record Lead(int start, int end, String press, List<String> reporters, String role, String dateline, String email) {}

  private static Lead lead(String text) {
    int window = Math.min(text.length(), LEAD_WINDOW);
    int firstNonSpace = 0;
    while (firstNonSpace < text.length() && Character.isWhitespace(text.charAt(firstNonSpace))) {
      firstNonSpace++;
    }
    Matcher m = BRACKET.matcher(text).region(0, Math.min(text.length(), window + 80));
    Lead firstWithoutReporter = null;
    while (m.find() && m.start() < window) {
      String inner;
      char kind;
      if (m.group(1) != null) {
        inner = m.group(1);
        kind = '【';
      } else if (m.group(2) != null) {
        inner = m.group(2);
        kind = '(';
      } else if (m.group(3) != null) {
        inner = m.group(3);
        kind = '[';
      } else {
        inner = m.group(4);
        kind = '〔';
      }
      Lead l = leadBracket(text, m.start(), m.end(), inner.replace('|', ' ').replace('│', ' ').strip(), kind, m.start() == firstNonSpace);
      if (l == null) {
        continue;
      }
      if (!l.reporters.isEmpty()) {
        return l;
      }
      if (firstWithoutReporter == null) {
        firstWithoutReporter = l;
      }
    }
    return firstWithoutReporter;
  }

  private static Lead leadBracket(String text, int start, int end, String inner, char kind, boolean atStart) {
    if (inner.isEmpty() || precededByCredit(text, start)) {
      return null;
    }
    Matcher m = INNER_PRESS_IS.matcher(inner);
    if (m.matches()) {
      String press = m.group("press").strip();
      if (isCredit(press)) {
        return null; // (사진=공지유 기자)
      }
      Reps r = reps(m.group("reps"));
      if (r == null) {
        return null;
      }
      // [OSEN=한도윤 기자] names the press, [제주=문태오 기자] the place
      if (looksLikePress(press)) {
        return new Lead(start, end, pressName(press), r.names, r.role, null, null);
      }
      return new Lead(start, end, null, r.names, r.role, press, null);
    }
    m = INNER_FULL.matcher(inner);
    if (m.matches()) {
      String dl = m.group("dl");
      String press = m.group("press");
      if (isCredit(press) || dl != null && isCredit(dl) || press.contains("=")) {
        return null;
      }
      Reps r = reps(m.group("reps"));
      if (r == null) {
        return null;
      }
      return new Lead(start, end, pressName(press), r.names, r.role, dl, email(m.group("email")));
    }
    m = INNER_REPS.matcher(inner);
    if (m.matches()) {
      Reps r = reps(m.group("reps"));
      if (r == null) {
        return null;
      }
      return new Lead(start, end, null, r.names, r.role, m.group("dl"), email(m.group("email")));
    }
    m = INNER_DATELINE.matcher(inner);
    if (m.matches()) {
      String dl = m.group("dl");
      String press = m.group("press");
      if (press.contains("/")) {
        press = press.substring(press.lastIndexOf('/') + 1); // AP/뉴시스: a photo agency and the wire
      }
      if (isCredit(dl) || isCredit(press) || press.isEmpty()) {
        return null;
      }
      boolean pressOk = kind == '【' || PressNames.isKnown(press) || kind == '[' && atStart && looksLikePress(press);
      if (!pressOk || AGENCIES.contains(dl.toUpperCase(Locale.ROOT))) {
        return null; // (서울=연합뉴스) yes; (자료=교육부) and the photo credit [AP=연합뉴스] no
      }
      Matcher w = WIRE_TAIL.matcher(text).region(end, Math.min(text.length(), end + 40));
      List<String> names = List.of();
      String role = null;
      int to = end;
      if (w.lookingAt()) {
        if (w.group("reps") != null) {
          Reps r = reps(w.group("reps"));
          if (r != null) {
            names = r.names;
            role = r.role;
          }
        }
        to = w.end();
      }
      return new Lead(start, to, pressName(press), names, role, dl, null);
    }
    if (kind == '[' && atStart && PressNames.isKnown(inner)) {
      return new Lead(start, end, PressNames.canonical(inner), List.of(), null, null, null);
    }
    return null;
  }

  // --- the tail -------------------------------------------------------------------------------

  private record Tail(int cut, String press, Source pressSource, List<String> reporters, String role, String email, String dateline) {}

  private static Tail tail(String text, int leadEnd) {
    int len = text.length();
    int from = Math.max(leadEnd, len - TAIL_WINDOW);
    if (from >= len) {
      return null;
    }
    int cut = len;
    List<String> reporters = List.of();
    String role = null;
    String email = null;
    String press = null;
    Source pressSource = null;

    // the reporter's signature: the earliest one wins
    Sig sig = signature(text, from, len);
    String dateline = null;
    if (sig != null) {
      cut = sig.start;
      // /울산=홍길동기자 hong@…: a slash and a place before the name
      Matcher before = SIG_PREFIX.matcher(text).region(Math.max(from, cut - 12), cut);
      if (before.find()) {
        cut = before.start();
        dateline = before.group("dl");
      }
      reporters = sig.names;
      role = sig.role;
      email = sig.email;
      if (sig.press != null) {
        press = sig.press;
        pressSource = Source.BYLINE;
      }
    }
    // a broadcast sign-off: KBS 뉴스 홍길동입니다.
    Matcher so = SIGN_OFF.matcher(text).region(from, has(text, from, len, "입니다") ? len : from);
    while (so.find()) {
      int nameStart = so.start("name");
      int lookFrom = Math.max(from, nameStart - 20);
      PressNames.Found f = lastPress(text, lookFrom, nameStart);
      if (f == null || !SIGN_OFF_GAP.matcher(text.substring(f.end(), nameStart)).matches()) {
        continue;
      }
      String name = so.group("name");
      if (NOT_NAMES.contains(name) || !junkAfter(text, so.end())) {
        continue;
      }
      int start = f.start();
      Matcher lead = SIGN_OFF_LEAD.matcher(text).region(Math.max(from, start - 14), start);
      if (lead.find() && afterSentence(text, from, lead.start())) {
        start = lead.start(); // 하노이에서 채널A 뉴스 홍길동입니다
      }
      if (start < cut) {
        cut = start;
      }
      if (reporters.isEmpty()) {
        reporters = List.of(name);
      }
      if (press == null) {
        press = f.name();
        pressSource = Source.SIGN_OFF;
      }
      break;
    }
    // the reporter's e-mail alone after the last sentence: hong@example.com▶ …
    if (email == null) {
      Matcher e = BARE_EMAIL.matcher(text).region(from, has(text, from, len, "@") ? len : from);
      while (e.find()) {
        if (afterSentence(text, from, e.start()) && junkAfter(text, e.end())) {
          email = email(e.group());
          if (e.start() < cut) {
            cut = e.start();
          }
          break;
        }
      }
    }
    // the copyright line: ⓒ 한국경제, 무단 전재 금지
    boolean copyright = has(text, from, len, "저작권자") || has(text, from, len, "Copyright") || has(text, from, len, "ⓒ")
        || has(text, from, len, "©");
    Matcher c = COPYRIGHT.matcher(text).region(from, copyright ? len : from);
    while (c.find()) {
      int noticeEnd = Math.min(len, c.end() + 100);
      String notice = text.substring(c.end(), noticeEnd);
      boolean isNotice = COPYRIGHT_WORDS.matcher(notice).find()
          || len - c.end() <= 80 && !SENTENCE_END.matcher(text.substring(c.end())).find();
      if (!isNotice) {
        continue;
      }
      if (press == null) {
        PressNames.Found f = PressNames.find(text, c.end(), noticeEnd);
        if (f != null) {
          press = f.name();
          pressSource = Source.COPYRIGHT;
        }
      }
      if (c.start() < cut) {
        cut = c.start();
      }
      break;
    }
    if (cut == len && reporters.isEmpty() && email == null && press == null) {
      return null;
    }
    cut = backOverLinks(text, from, cut);
    if (text.substring(leadEnd, cut).isBlank()) {
      return null; // nothing would be left: the text is not an article with a signature
    }
    if (press == null && cut < len) {
      // the portal's links after the signature name the press: ▶ [연합뉴스] 채널 구독
      String trailer = EMAIL_PATTERN.matcher(text.substring(cut)).replaceAll(" ");
      PressNames.Found f = PressNames.find(trailer, 0, trailer.length());
      if (f != null) {
        press = f.name();
        pressSource = Source.TRAILER;
      }
    }
    return new Tail(cut, press, pressSource, reporters, role, email, dateline);
  }

  private record Sig(int start, int end, String press, List<String> names, String role, String email) {}

  private static Sig signature(String text, int from, int to) {
    // Every signature names a role (기자, 특파원, 논설위원, …) or holds an e-mail address: a window
    // with neither is passed over without running the patterns (most bodies end without one).
    boolean role = has(text, from, to, "기자") || has(text, from, to, "특파원") || has(text, from, to, "위원");
    boolean at = has(text, from, to, "@");
    if (!role && !at) {
      return null;
    }
    Sig best = null;
    Matcher m = SIG_BRACKET.matcher(text).region(from, role ? to : from);
    while (m.find()) {
      Reps r = reps(m.group("reps"));
      String press = m.group("press");
      if (r != null && !precededByCredit(text, m.start()) && (press == null || looksLikePress(press))) {
        String e = m.group("email") != null ? m.group("email") : m.group("email2");
        Sig s = new Sig(m.start(), m.end(), press == null ? null : pressName(press), r.names, r.role, email(e));
        if (!endsArticle(text, s)) {
          continue;
        }
        best = earlier(best, s);
        break;
      }
    }
    m = SIG_EMAIL_AFTER.matcher(text).region(from, role && at ? to : from);
    while (m.find()) {
      Reps r = reps(m.group("reps"));
      if (r == null || precededByCredit(text, m.start())) {
        continue;
      }
      // 데일리안 홍길동 기자 (hong@…): a press just before the name
      int start = m.start();
      String press = null;
      PressNames.Found f = lastPress(text, Math.max(from, start - 16), start);
      if (f != null && text.substring(f.end(), start).isBlank()) {
        press = f.name();
        start = f.start();
      }
      Sig s = new Sig(start, m.end(), press, r.names, r.role, email(m.group("email")));
      if (!endsArticle(text, s)) {
        continue;
      }
      best = earlier(best, s);
      break;
    }
    m = SIG_NAME_PRESS_ROLE.matcher(text).region(from, role && at ? to : from);
    while (m.find()) {
      String name = m.group("name");
      String press = m.group("press");
      if (NOT_NAMES.contains(name) || !PressNames.isKnown(press) || precededByCredit(text, m.start())) {
        continue;
      }
      Sig s = new Sig(m.start(), m.end(), PressNames.canonical(press), List.of(name), m.group("role"), email(m.group("email")));
      if (!endsArticle(text, s)) {
        continue;
      }
      best = earlier(best, s);
      break;
    }
    m = SIG_EMAIL_BEFORE.matcher(text).region(from, role && at ? to : from);
    while (m.find()) {
      Reps r = reps(m.group("reps"));
      if (r == null || !afterSentence(text, from, m.start())) {
        continue;
      }
      Sig s = new Sig(m.start(), m.end(), null, r.names, r.role, email(m.group("email")));
      if (!endsArticle(text, s)) {
        continue;
      }
      best = earlier(best, s);
      break;
    }
    m = SIG_NAME_PAREN_EMAIL.matcher(text).region(from, at ? to : from);
    while (m.find()) {
      String name = m.group("name");
      if (NOT_NAMES.contains(name) || !afterSentence(text, from, m.start()) || !junkAfter(text, m.end())) {
        continue;
      }
      Sig s = new Sig(m.start(), m.end(), null, List.of(name), null, email(m.group("email")));
      if (!endsArticle(text, s)) {
        continue;
      }
      best = earlier(best, s);
      break;
    }
    m = SIG_BARE.matcher(text).region(from, role ? to : from);
    while (m.find()) {
      Reps r = reps(m.group("reps"));
      if (r == null || precededByCredit(text, m.start()) || !afterSentence(text, from, m.start())) {
        continue;
      }
      Sig s = new Sig(m.start(), m.end(), null, r.names, r.role, null);
      if (!endsArticle(text, s)) {
        continue;
      }
      best = earlier(best, s);
      break;
    }
    return best;
  }

  /** Whether {@code needle} starts within [from, to) of {@code text}. */
  private static boolean has(String text, int from, int to, String needle) {
    int i = text.indexOf(needle, from);
    return i >= 0 && i < to;
  }

  private static Sig earlier(Sig a, Sig b) {
    return a == null || b.start < a.start ? b : a;
  }

  /** A signature is the end of the article: only a caption or the portal's links may follow it. */
  private static boolean endsArticle(String text, Sig s) {
    return text.length() - s.end <= MAX_AFTER_SIGNATURE;
  }

  /** The last known press name that ends within [from, to), or null. */
  private static PressNames.Found lastPress(String text, int from, int to) {
    PressNames.Found last = null;
    int at = from;
    while (at < to) {
      PressNames.Found f = PressNames.find(text, at, to);
      if (f == null) {
        break;
      }
      last = f;
      at = f.start() + 1;
    }
    return last;
  }

  /** True when only spaces and portal links (▶, [, <, ⓒ …) or nothing follow {@code at}. */
  private static boolean junkAfter(String text, int at) {
    int i = at;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    if ("▶[<ⓒ©※-/|☞■".indexOf(c) >= 0) {
      return true;
    }
    String rest = text.substring(i, Math.min(text.length(), i + 12));
    if (rest.startsWith("저작권") || rest.startsWith("Copyright") || rest.startsWith("네이버")) {
      return true;
    }
    // a short rest without a sentence in it
    String all = text.substring(i);
    return all.length() <= 200 && !SENTENCE_END.matcher(all).find();
  }

  /** True when {@code at} starts a sentence: after a sentence end, a bracket, a slash or at {@code from}. */
  private static boolean afterSentence(String text, int from, int at) {
    int i = at - 1;
    while (i >= from && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < from) {
      return true;
    }
    char c = text.charAt(i);
    return ".!?\"'”’)]>/▶】〕".indexOf(c) >= 0;
  }

  /** Moves a cut back over the portal's ▶ links that run up to it after the last sentence. */
  private static int backOverLinks(String text, int from, int cut) {
    int lookFrom = Math.max(from, cut - 400);
    Matcher s = SENTENCE_END.matcher(text).region(lookFrom, cut);
    int lastEnd = -1;
    while (s.find()) {
      lastEnd = s.end();
    }
    if (lastEnd < 0) {
      return cut;
    }
    int i = lastEnd;
    while (i < cut && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i < cut && text.charAt(i) == '▶') {
      return i;
    }
    return cut;
  }

  // --- names ----------------------------------------------------------------------------------

  private record Reps(List<String> names, String role) {}

  /** The names and the role of a reporters group ({@code 남궁별 기자,오태민 기자}); null when a name is not one. */
  private static Reps reps(String group) {
    if (group == null) {
      return null;
    }
    Matcher rm = ROLE_AT_END.matcher(group);
    String role = rm.find() ? rm.group(1) : null;
    List<String> names = new ArrayList<>();
    for (String part : NAME_SPLIT.split(group.strip())) {
      String n = part.strip().replaceFirst("\\s*" + ROLE + "$", "").strip();
      if (n.isEmpty()) {
        continue;
      }
      if (!n.matches(NAME) || NOT_NAMES.contains(n) || PressNames.isKnown(n)) {
        return null;
      }
      names.add(n);
    }
    return names.isEmpty() ? null : new Reps(names, role);
  }

  private static boolean isCredit(String s) {
    String t = s.strip().replaceAll("\\s+", "");
    return CREDITS.contains(t) || t.startsWith("사진") || t.startsWith("자료") || t.endsWith("제공");
  }

  private static boolean precededByCredit(String text, int at) {
    String before = text.substring(Math.max(0, at - 8), at);
    return CREDIT_BEFORE.matcher(before).find();
  }

  private static boolean looksLikePress(String s) {
    String t = s.strip();
    return PressNames.isKnown(t) || PRESS_LIKE.matcher(t).matches();
  }

  /** A byline's press as Sosik names it: a known press (a desk after it dropped), else as written. */
  private static String pressName(String raw) {
    String p = raw.strip().replaceAll("\\s+", " ");
    if (PressNames.isKnown(p)) {
      return PressNames.canonical(p);
    }
    PressNames.Found f = PressNames.find(p, 0, p.length());
    if (f != null && f.start() == 0 && (f.end() == p.length() || Character.isWhitespace(p.charAt(f.end())))) {
      return f.name(); // 머니투데이 중기&창업팀
    }
    // 한빛일보 산업부: an unknown press and its desk
    String[] words = p.split(" ");
    int n = words.length;
    while (n > 1 && DESK.matcher(words[n - 1]).matches()) {
      n--;
    }
    return String.join(" ", java.util.Arrays.copyOf(words, n));
  }

  private static String email(String e) {
    if (e == null) {
      return null;
    }
    Matcher m = EMAIL_PATTERN.matcher(e);
    if (!m.find() || m.group().endsWith("@")) {
      return null; // cut off by the source: hong@
    }
    return m.group().toLowerCase(Locale.ROOT);
  }
}
