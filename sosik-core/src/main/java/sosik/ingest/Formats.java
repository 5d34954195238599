package sosik.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The source formats Sosik reads, by name, by file name, by HTTP content type and by content. */
public final class Formats {
  private static final Map<String, ArticleReader> BY_NAME = new LinkedHashMap<>();
  /** file name endings, lower case, longest first within a format */
  private static final Map<String, ArticleReader> BY_EXTENSION = new LinkedHashMap<>();

  static {
    register(new ListingReader(), ".txt");
    register(new JsonLinesReader(), ".jsonl", ".ndjson", ".json");
    register(new FeedReader(), ".rss", ".atom", ".xml");
    register(new ArticlePageReader(), ".html", ".htm");
    // real Korean data sets, read only when named with --format (see docs/FORMATS.md)
    register(new CompanyTsvReader());
    register(new CompanyXlsxReader());
    register(new SoynlpLinesReader());
    register(new SciNewsJsonReader());
    register(new YnatHeadlinesReader());
  }

  private Formats() {}

  private static void register(ArticleReader r, String... extensions) {
    BY_NAME.put(r.name(), r);
    for (String e : extensions) {
      BY_EXTENSION.put(e, r);
    }
  }

  public static Iterable<String> names() {
    return BY_NAME.keySet();
  }

  /** The file name endings read without {@code --format}, e.g. {@code .txt, .jsonl, …}. */
  public static List<String> extensions() {
    return new ArrayList<>(BY_EXTENSION.keySet());
  }

  /** The reader named {@code name}; an error listing the known names otherwise. */
  public static ArticleReader byName(String name) {
    ArticleReader r = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (r == null) {
      throw new IllegalArgumentException("unknown format '" + name + "'; known formats: " + String.join(", ", BY_NAME.keySet()));
    }
    return r;
  }

  /**
   * The reader for a file by its extension: {@code .txt} listing, {@code .jsonl}/{@code
   * .ndjson}/{@code .json} JSON Lines, {@code .rss}/{@code .atom}/{@code .xml} feed, {@code
   * .html}/{@code .htm} article page; null for any other name.
   */
  public static ArticleReader forFile(Path file) {
    Path name = file.getFileName();
    return name == null ? null : forName(name.toString());
  }

  /** The reader for a file name or a URL path by its ending, or null. */
  public static ArticleReader forName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, ArticleReader> e : BY_EXTENSION.entrySet()) {
      if (n.endsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The reader an HTTP {@code Content-Type} names: XML, RSS and Atom types are the feed, HTML the
   * article page, JSON and NDJSON are JSON Lines. Null for a type that says nothing of the format
   * ({@link #isGenericMediaType}) and for any other type.
   */
  public static ArticleReader forMediaType(String contentType) {
    String t = mediaType(contentType);
    if (t == null) {
      return null;
    }
    if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
      return BY_NAME.get("html");
    }
    if (t.equals("application/xml") || t.equals("text/xml") || t.endsWith("+xml")) {
      return BY_NAME.get("feed");
    }
    if (t.equals("application/json") || t.equals("application/x-ndjson") || t.equals("application/jsonl")
        || t.equals("application/x-jsonlines") || t.equals("application/jsonlines")) {
      return BY_NAME.get("jsonl");
    }
    return null;
  }

  /**
   * The reader for a fetched response: its {@code Content-Type} (a feed sent as HTML is still a
   * feed), else the extension of its path (where it ended, then as asked), else its content. Null
   * when the type names something else (an image) or nothing tells.
   */
  public static ArticleReader forResponse(HttpFetcher.Response r) {
    String type = r.contentType();
    ArticleReader byType = forMediaType(type);
    ArticleReader sniffed = sniff(r.body(), r.body().length);
    if (byType != null) {
      return byType.name().equals("html") && sniffed != null && sniffed.name().equals("feed") ? sniffed : byType;
    }
    if (!isGenericMediaType(type)) {
      return null;
    }
    for (URI u : List.of(r.uri(), r.requested())) {
      if (u.getPath() != null) {
        ArticleReader byName = forName(u.getPath());
        if (byName != null) {
          return byName;
        }
      }
    }
    return sniffed;
  }

  /**
   * True when a {@code Content-Type} says nothing of the format ({@code text/plain}, {@code
   * application/octet-stream}, none at all): the URL's extension, then the content, decide.
   */
  public static boolean isGenericMediaType(String contentType) {
    String t = mediaType(contentType);
    return t == null || t.equals("text/plain") || t.equals("application/octet-stream")
        || t.equals("binary/octet-stream") || t.equals("application/unknown");
  }

  /** The media type of a {@code Content-Type} value, lower case, without parameters; null when blank. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String t = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    return t.isEmpty() ? null : t;
  }

  /**
   * The reader for content whose name says nothing, by its first bytes: a JSON object opens JSON
   * Lines, a dash or {@code 뉴스 검색결과} the listing, an RSS, Atom or RSS 1.0 root the feed, an
   * HTML document the article page. Null when none of them.
   */
  public static ArticleReader sniff(byte[] head, int length) {
    String text = new String(head, 0, Math.min(length, 8192), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (text.startsWith("{")) {
      return BY_NAME.get("jsonl");
    }
    if (text.startsWith("-") || text.startsWith("뉴스 검색결과")) {
      return BY_NAME.get("listing");
    }
    if (!text.startsWith("<")) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
      return BY_NAME.get("html");
    }
    if (looksLikeFeed(lower)) {
      return BY_NAME.get("feed");
    }
    if (lower.contains("<html") || lower.contains("<body") || lower.contains("<head")) {
      return BY_NAME.get("html");
    }
    return lower.startsWith("<?xml") ? BY_NAME.get("feed") : null;
  }

  /** True when the start of a document (lower case) holds an RSS, Atom or RSS 1.0 root element. */
  static boolean looksLikeFeed(String lowerHead) {
    return lowerHead.contains("<rss") || lowerHead.contains("<feed") || lowerHead.contains("<rdf:rdf");
  }
}
