package sosik.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Naver news URL tells about its article: the press code ({@code oid}) and the section ({@code sid1}). */
final class NaverNews {
  private static final Pattern OID = Pattern.compile("[?&]oid=(\\d{1,4})(?:&|$)|/article/(\\d{1,4})/\\d+");
  private static final Pattern SECTION = Pattern.compile("[?&](?:sid1|sid)=(\\d{3})(?:&|$)");
  /** Naver's section codes, named as Naver names them. */
  private static final Map<String, String> SECTIONS =
      Map.of("100", "정치", "101", "경제", "102", "사회", "103", "생활문화", "104", "세계", "105", "IT과학");

  private NaverNews() {}

  /** The press code, e.g. {@code 018}, or null. */
  static String oid(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = OID.matcher(url);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The section's name from {@code sid1} (or {@code sid}), e.g. {@code IT과학} for 105, or null. */
  static String section(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = SECTION.matcher(url);
    return m.find() ? SECTIONS.get(m.group(1)) : null;
  }
}
