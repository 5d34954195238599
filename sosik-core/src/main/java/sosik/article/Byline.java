package sosik.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who wrote an article and where: the bracketed byline that opens a Korean news body, such as
 * {@code [이데일리 김현아 기자]} or {@code [수원=이데일리 황영민 기자]}.
 */
public record Byline(String press, List<String> reporters, String dateline, String role) {

  public Byline {
    reporters = reporters == null ? List.of() : List.copyOf(reporters);
  }

  public static Byline of(String press, List<String> reporters, String dateline) {
    return new Byline(press, reporters, dateline, null);
  }

  public boolean isEmpty() {
    return press == null && reporters.isEmpty() && dateline == null;
  }

  /** Portal form, e.g. {@code [수원=이데일리 황영민 기자]}; null when nothing is known. */
  public String display() {
    if (isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder("[");
    if (dateline != null) {
      sb.append(dateline);
      if (press == null && reporters.isEmpty()) {
        return sb.append(']').toString();
      }
      sb.append('=');
    }
    if (press != null) {
      sb.append(press);
    }
    if (!reporters.isEmpty()) {
      if (press != null) {
        sb.append(' ');
      }
      sb.append(String.join("·", reporters)).append(' ').append(role == null ? "기자" : role);
    }
    return sb.append(']').toString();
  }

  // [dateline=]press [reporter[·reporter…] title]
  private static final Pattern BRACKET = Pattern.compile("^\\s*\\[([^\\[\\]]{1,80})\\]\\s*");
  private static final Pattern INNER =
      Pattern.compile(
          "^(?:(?<dateline>[^=\\s]{1,20})\\s*=\\s*)?(?<press>\\S+(?:\\s+\\S+)*?)"
              + "(?:\\s+(?<reporters>[가-힣]{2,5}(?:\\s*[·ㆍ,]\\s*[가-힣]{2,5})*)\\s*(?<role>기자|특파원|선임기자|객원기자|인턴기자|논설위원|편집위원|전문기자))?$");
  private static final Pattern REPORTER_SPLIT = Pattern.compile("\\s*[·ㆍ,]\\s*");

  /** A byline split off a body line. {@code rest} is the body after the byline. */
  public record Parsed(Byline byline, String rest) {}

  /**
   * Splits a leading byline off {@code text}. Returns null when the text does not open with a
   * bracket that reads as a byline (it then stays part of the body).
   */
  public static Parsed parseLeading(String text) {
    Matcher m = BRACKET.matcher(text);
    if (!m.find()) {
      return null;
    }
    Byline b = parseInner(m.group(1).trim());
    if (b == null) {
      return null;
    }
    return new Parsed(b, text.substring(m.end()));
  }

  /** Reads the inside of a byline bracket; null when it is not one. */
  public static Byline parseInner(String inner) {
    Matcher m = INNER.matcher(inner);
    if (!m.matches()) {
      return null;
    }
    String press = m.group("press");
    String reporters = m.group("reporters");
    String role = m.group("role");
    if (reporters == null) {
      // a bare bracket is a byline only when it is a single press-like word with a dateline,
      // e.g. [서울=뉴스1]; otherwise it is a headline-like prefix such as [사설]
      if (m.group("dateline") == null || press.contains(" ")) {
        return null;
      }
    }
    List<String> names = new ArrayList<>();
    if (reporters != null) {
      for (String n : REPORTER_SPLIT.split(reporters)) {
        if (!n.isBlank()) {
          names.add(n);
        }
      }
    }
    return new Byline(press.trim(), names, m.group("dateline"), role);
  }
}
