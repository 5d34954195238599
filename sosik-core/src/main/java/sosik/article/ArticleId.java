package sosik.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable article identity. An article with a URL is identified by its canonical URL; one without
 * by its press, title, publication time and body. The id is the first 16 bytes of the SHA-256 of
 * that key, in hex, so it is safe in a URL path and a file name, and it never changes for the same
 * article. When the source gives its own id for a record without a URL, that id is part of the key
 * too (see {@link #of(String, String, String, String, Instant, String)}).
 */
public final class ArticleId {
  private ArticleId() {}

  public static String of(String canonicalUrl, String press, String title, Instant publishedAt, String body) {
    return of(canonicalUrl, null, press, title, publishedAt, body);
  }

  /**
   * As {@link #of(String, String, String, Instant, String)}, for a record whose source gives its own
   * id ({@code sourceId}, e.g. a JSON {@code id} field). Without a URL that id joins the text key,
   * so two records the source tells apart stay two articles even when their text is the same; with
   * a URL, or without a source id, the id is what the shorter form gives.
   */
  public static String of(
      String canonicalUrl, String sourceId, String press, String title, Instant publishedAt, String body) {
    String key;
    if (canonicalUrl != null) {
      key = "url\n" + canonicalUrl;
    } else {
      StringJoiner j = new StringJoiner("\n", "text\n", "");
      j.add(press == null ? "" : press);
      j.add(title);
      j.add(publishedAt == null ? "" : publishedAt.toString());
      j.add(body);
      key = j.toString();
      if (sourceId != null) {
        // source id first: the body is free text and may hold anything, the source id cannot
        key = "source\n" + sourceId.length() + ":" + sourceId + "\n" + key;
      }
    }
    return sha256Hex(key).substring(0, 32);
  }

  public static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Naver news hosts (after {@code www.} is dropped). */
  private static final Set<String> NAVER_NEWS_HOSTS = Set.of("news.naver.com", "n.news.naver.com", "m.news.naver.com");
  /** {@code /mnews/article/003/0009292935}, {@code /article/003/0009292935} */
  private static final Pattern NAVER_ARTICLE_PATH =
      Pattern.compile("^(?:/mnews)?/article/(\\d{1,4})/(\\d{1,12})/?$");
  /** {@code /main/read.nhn}, {@code /main/read.naver}, {@code /main/ranking/read.nhn}, {@code /read.nhn} */
  private static final Pattern NAVER_READ_PATH =
      Pattern.compile("^(?:/main)?(?:/ranking)?/read\\.(?:nhn|naver)$");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");

  /**
   * The canonical form of an article URL: http(s) only, lower-case scheme and host, {@code www.}
   * dropped from the host, no default port, no fragment, no tracking parameters ({@code utm_*},
   * {@code fbclid}, {@code gclid}). A Naver news article, in any of the forms Naver has used
   * ({@code news.naver.com/main/read.nhn?…&oid=003&aid=0009292935}, {@code
   * n.news.naver.com/mnews/article/003/0009292935?sid=105}, {@code m.news.naver.com/read.nhn?oid=…}),
   * becomes {@code https://n.news.naver.com/mnews/article/003/0009292935}: the press code and the
   * article number are the article, the section and the listing it was found in are not.
   *
   * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
   */
  public static String canonicalUrl(String url) {
    return normalize(url, true);
  }

  /**
   * The URL to store and link to: as {@link #canonicalUrl} but with the host's {@code www.} kept,
   * since a site need not answer on its bare host.
   *
   * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
   */
  public static String linkUrl(String url) {
    return normalize(url, false);
  }

  private static String normalize(String url, boolean dropWww) {
    if (url == null || url.isBlank()) {
      return null;
    }
    URI u;
    try {
      u = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url '" + url + "' is not a valid URL: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
      throw new IllegalArgumentException("url '" + url + "' is not an absolute http(s) URL");
    }
    int port = u.getPort();
    if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
      port = -1;
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    String bare = host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    if (dropWww) {
      host = bare;
    }
    if (NAVER_NEWS_HOSTS.contains(bare)) {
      String naver = naverArticle(u);
      if (naver != null) {
        return naver;
      }
    }
    String query = u.getRawQuery();
    if (query != null) {
      StringJoiner kept = new StringJoiner("&");
      for (String p : query.split("&")) {
        String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
        String lower = name.toLowerCase(Locale.ROOT);
        if (p.isEmpty() || lower.startsWith("utm_") || lower.equals("fbclid") || lower.equals("gclid")) {
          continue;
        }
        kept.add(p);
      }
      query = kept.length() == 0 ? null : kept.toString();
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
    if (port != -1) {
      sb.append(':').append(port);
    }
    sb.append(path);
    if (query != null) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }

  /** The canonical URL of a Naver news article, or null when {@code u} is another Naver page. */
  private static String naverArticle(URI u) {
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    String oid = null;
    String aid = null;
    Matcher m = NAVER_ARTICLE_PATH.matcher(path);
    if (m.matches()) {
      oid = m.group(1);
      aid = m.group(2);
    } else if (NAVER_READ_PATH.matcher(path).matches() && u.getRawQuery() != null) {
      for (String p : u.getRawQuery().split("&")) {
        int eq = p.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = p.substring(0, eq);
        String value = p.substring(eq + 1);
        if (name.equals("oid") && DIGITS.matcher(value).matches()) {
          oid = value;
        } else if (name.equals("aid") && DIGITS.matcher(value).matches()) {
          aid = value;
        }
      }
    }
    if (oid == null || aid == null) {
      return null;
    }
    return "https://n.news.naver.com/mnews/article/" + oid + "/" + aid;
  }
}
