package sosik.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

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

  /**
   * The canonical form of an article URL: http(s) only, lower-case scheme and host, no default
   * port, no fragment, no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}).
   *
   * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
   */
  public static String canonicalUrl(String url) {
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
    StringBuilder sb = new StringBuilder(scheme).append("://").append(u.getHost().toLowerCase(Locale.ROOT));
    if (port != -1) {
      sb.append(':').append(port);
    }
    sb.append(path);
    if (query != null) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }
}
