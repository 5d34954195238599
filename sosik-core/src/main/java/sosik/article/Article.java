package sosik.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One news article as Sosik stores it. {@code body} is the text without the byline; the byline's
 * parts live in {@code press}, {@code reporters} and {@code dateline}. Optional parts are null (or
 * empty lists/maps), never blank strings.
 *
 * @param id          stable identity, see {@link ArticleId}
 * @param title       the headline, as published (prefixes such as {@code [미리보는 …]} included)
 * @param body        article text without byline
 * @param press       press name (언론사), e.g. 이데일리
 * @param reporters   reporter names without the 기자 suffix
 * @param dateline    place in the byline, e.g. 수원 for {@code [수원=이데일리 황영민 기자]}
 * @param publishedAt publication instant
 * @param url         canonical URL
 * @param section     section name, e.g. 경제
 * @param extra       unknown fields kept from the source, as JSON text values
 */
public record Article(
    String id,
    String title,
    String body,
    String press,
    List<String> reporters,
    String dateline,
    Instant publishedAt,
    String url,
    String section,
    Map<String, String> extra) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    reporters = reporters == null ? List.of() : List.copyOf(reporters);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** The first reporter, or null. */
  public String reporter() {
    return reporters.isEmpty() ? null : reporters.get(0);
  }

  /** The byline as a portal shows it: {@code [수원=이데일리 황영민 기자]}, or null when nothing is known. */
  public String bylineText() {
    return Byline.of(press, reporters, dateline).display();
  }
}
