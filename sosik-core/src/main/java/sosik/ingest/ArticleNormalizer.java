package sosik.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import sosik.article.Article;
import sosik.article.ArticleId;
import sosik.article.BylineExtractor;
import sosik.article.KoreaTime;
import sosik.article.PortalDates;

/**
 * Validates and normalises a draft: trims, takes the byline out of the body (at its start, a
 * wire-service or paper byline; at its end, the reporter's signature and what the portal appended:
 * see {@link BylineExtractor}), parses the date, canonicalises the URL, enforces size limits and
 * computes the stable id. What the byline gives (press, reporters, dateline) fills only the fields
 * the record lacks; the reporter's e-mail is not kept.
 */
public final class ArticleNormalizer {
  /** Default largest body accepted, in characters. */
  public static final int DEFAULT_MAX_BODY_CHARS = 1_000_000;
  public static final int MAX_TITLE_CHARS = 1_000;
  public static final int MAX_FIELD_CHARS = 200;
  /** The extra field holding the source's own id for a record, when it gives one. */
  public static final String SOURCE_ID = "id";

  private final int maxBodyChars;

  public ArticleNormalizer(int maxBodyChars) {
    this.maxBodyChars = maxBodyChars;
  }

  public ArticleNormalizer() {
    this(DEFAULT_MAX_BODY_CHARS);
  }

  /** The article, or an {@link IllegalArgumentException} whose message names the field and problem. */
  public Article normalize(ArticleDraft d) {
    return normalize(d, Instant.now());
  }

  /**
   * The article, its date read against {@code reference} when it is a portal's relative date
   * ({@code 3시간 전}, {@code 20일}; see {@link PortalDates}); an {@link IllegalArgumentException}
   * whose message names the field and problem otherwise.
   */
  public Article normalize(ArticleDraft d, Instant reference) {
    String title = clean(d.title());
    String body = d.body() == null ? null : d.body().strip();
    String press = clean(d.press());
    List<String> reporters = new ArrayList<>();
    for (String r : d.reporters()) {
      String c = clean(r);
      if (c != null) {
        reporters.add(c.replaceFirst("\\s*기자$", ""));
      }
    }
    String dateline = clean(d.dateline());
    if (body != null) {
      // the byline and the signature leave the body; they fill only what the record lacks
      BylineExtractor.Result found = BylineExtractor.extract(body);
      body = found.body();
      if (press == null) {
        press = found.press();
      }
      if (reporters.isEmpty()) {
        reporters.addAll(found.reporters());
      }
      if (dateline == null) {
        dateline = found.dateline();
      }
    }
    if (title == null) {
      throw new IllegalArgumentException("field 'title' is empty");
    }
    if (title.length() > MAX_TITLE_CHARS) {
      throw new IllegalArgumentException(
          String.format("field 'title' is %,d characters, over the limit of %,d", title.length(), MAX_TITLE_CHARS));
    }
    if (body == null || body.isEmpty()) {
      throw new IllegalArgumentException("field 'body' is empty");
    }
    if (body.length() > maxBodyChars) {
      throw new IllegalArgumentException(
          String.format(
              "field 'body' is %,d characters, over the limit of %,d (raise it with --max-body-chars)",
              body.length(), maxBodyChars));
    }
    checkShort("press", press);
    checkShort("dateline", dateline);
    for (String r : reporters) {
      checkShort("reporter", r);
    }
    String section = clean(d.section());
    checkShort("section", section);
    Instant published = null;
    if (d.publishedAt() != null && !d.publishedAt().isBlank()) {
      try {
        published = PortalDates.looksLikeDate(d.publishedAt())
            ? PortalDates.parse(d.publishedAt(), reference)
            : KoreaTime.parseIso(d.publishedAt());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field 'published_at': " + e.getMessage());
      }
    }
    String url;
    String canonical;
    try {
      url = ArticleId.linkUrl(d.url());
      canonical = ArticleId.canonicalUrl(d.url());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field 'url': " + e.getMessage());
    }
    // a record's own id from the source (kept in extra as JSON text) tells apart records whose
    // text is the same, e.g. a paragraph that a dataset holds twice under two ids
    String id = ArticleId.of(canonical, d.extra().get(SOURCE_ID), press, title, published, body);
    return new Article(id, title, body, press, reporters, dateline, published, url, section, d.extra());
  }

  private static void checkShort(String field, String value) {
    if (value != null && value.length() > MAX_FIELD_CHARS) {
      throw new IllegalArgumentException(
          String.format("field '%s' is %,d characters, over the limit of %,d", field, value.length(), MAX_FIELD_CHARS));
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? null : t;
  }
}
