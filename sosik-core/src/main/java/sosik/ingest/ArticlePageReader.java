package sosik.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import sosik.article.KoreaTime;
import sosik.article.PressNames;

/**
 * {@code html}: one news article a page, read with jsoup.
 *
 * <ul>
 *   <li>title: {@code og:title}, else the JSON-LD {@code NewsArticle}'s {@code headline}, else the
 *       first {@code <h1>}, else {@code <title>}; a trailing {@code " - 언론사"} that repeats the
 *       press is dropped;
 *   <li>press: {@code og:site_name}, else JSON-LD {@code publisher.name};
 *   <li>date: {@code article:published_time}, else JSON-LD {@code datePublished}, else the first
 *       {@code <time datetime>}; the first of them that is an ISO-8601 date (others are ignored);
 *   <li>reporters: JSON-LD {@code author}, else {@code <meta name="author">}, else a byline element
 *       ({@code itemprop="author"}, a class or id naming byline, reporter, writer or author);
 *   <li>url: {@code <link rel="canonical">}, else {@code og:url}, else the address the page was
 *       fetched from; only absolute http(s) links;
 *   <li>section: {@code article:section}, else JSON-LD {@code articleSection};
 *   <li>body: the element with {@code itemprop="articleBody"}, else the {@code <article>} with the
 *       most text, else the block holding the most text of its own (paragraphs and text beside
 *       {@code <br>}); without scripts, styles, navigation, headers, footers, asides, forms,
 *       photos and their captions, hidden elements, ads and "related articles" or "most read"
 *       blocks (a class or id naming related, recommend, popular, ad…, or a heading such as 관련기사
 *       or 많이 본 뉴스); one paragraph a line. Else the JSON-LD {@code articleBody}.
 * </ul>
 *
 * Every field is plain text: markup in a title, a meta value or JSON-LD is stripped, and no
 * attribute value is ever read as text. A page over {@link #MAX_PAGE_BYTES}, binary data (an
 * image, an archive, NUL bytes) and a page with no article text are rejected. The encoding is the
 * transport's, else the page's ({@code <meta charset>}, a byte order mark), else UTF-8.
 */
public final class ArticlePageReader implements ArticleReader {
  /** Pages larger than this are refused. */
  public static final int MAX_PAGE_BYTES = 20 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DROPPED = Set.of(
      "nav", "header", "footer", "aside", "menu", "ins", "dialog");
  private static final Pattern JUNK_WORDS =
      Pattern.compile("related|recommend|popular|advert|sponsor|adsbygoogle|adsense|banner|newsletter|subscribe|breadcrumb");
  private static final Set<String> JUNK_TOKENS = Set.of(
      "ad", "ads", "adv", "advt", "promo", "share", "sharing", "sns", "social", "comment", "comments",
      "reply", "rank", "ranking", "most", "hot", "toolbar", "gnb", "lnb", "snb", "sitemap", "login",
      "header", "footer", "nav", "navi", "menu", "sidebar");
  private static final Set<String> BYLINE_TOKENS = Set.of("byline", "reporter", "writer", "author", "journalist");
  private static final Pattern RELATED_HEADING = Pattern.compile(
      "^(?:관련\\s*기사|관련\\s*뉴스|많이\\s*본\\s*(?:뉴스|기사)|가장\\s*많이\\s*본|인기\\s*(?:기사|뉴스)|추천\\s*(?:기사|뉴스)"
          + "|주요\\s*뉴스|함께\\s*(?:보면\\s*좋은|볼\\s*만한)|이\\s*시각\\s*(?:많이\\s*본|주요)|최신\\s*기사|다른\\s*기사)");
  private static final Pattern REPORTER = Pattern.compile(
      "([가-힣]{2,4})\\s*(?:기자|특파원|선임기자|객원기자|인턴기자|전문기자|논설위원|편집위원)(?![가-힣])");
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
      "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "article", "blogposting");

  @Override
  public String name() {
    return "html";
  }

  @Override
  public boolean reads(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      sb.append(buf, 0, n);
      if (sb.length() > MAX_PAGE_BYTES) {
        sink.reject(0, tooLarge());
        return;
      }
    }
    int nul = sb.indexOf("\0");
    if (nul >= 0) {
      sink.reject(0, "not an HTML page: binary data (a NUL character at offset " + nul + ")");
      return;
    }
    read(Jsoup.parse(sb.toString()), null, sink);
  }

  @Override
  public boolean readsBytes() {
    return true;
  }

  @Override
  public void read(ByteSource in, ReadSink sink) throws IOException {
    byte[] bytes = in.bytes().readNBytes(MAX_PAGE_BYTES + 1);
    if (bytes.length > MAX_PAGE_BYTES) {
      sink.reject(0, tooLarge());
      return;
    }
    String binary = binaryKind(bytes);
    if (binary != null) {
      sink.reject(0, "not an HTML page: " + binary);
      return;
    }
    Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), in.charset() == null ? null : in.charset().name(),
        in.location() == null ? "" : in.location().toString());
    read(doc, in.location(), sink);
  }

  private static String tooLarge() {
    return String.format("page is over %,d bytes (%d MB), the largest page read", MAX_PAGE_BYTES, MAX_PAGE_BYTES >> 20);
  }

  /** What binary data looks like (an image, an archive), or null when the bytes may be text. */
  static String binaryKind(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G')) {
      return "binary data (a PNG image)";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "binary data (a GIF image)";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "binary data (a JPEG image)";
    }
    if (starts(b, '%', 'P', 'D', 'F')) {
      return "binary data (a PDF document)";
    }
    if (starts(b, 'P', 'K', 3, 4)) {
      return "binary data (a ZIP archive)";
    }
    if (starts(b, 0x1F, 0x8B)) {
      return "binary data (gzip-compressed)";
    }
    if (starts(b, 0x7F, 'E', 'L', 'F')) {
      return "binary data (an executable)";
    }
    if (starts(b, 0xFE, 0xFF) || starts(b, 0xFF, 0xFE)) {
      return null; // UTF-16 text holds NUL bytes
    }
    int n = Math.min(b.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return "binary data (a NUL byte at offset " + i + ")";
      }
      if (c < 0x09 || c > 0x0D && c < 0x20) {
        control++;
      }
    }
    return n > 0 && control * 10 > n ? "binary data (" + control + " control bytes in the first " + n + ")" : null;
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private void read(Document doc, URI location, ReadSink sink) {
    ArticleDraft draft = page(doc, location);
    if (draft.body() == null || draft.body().isBlank()) {
      sink.reject(0, "no article text found in the page" + (draft.title() == null ? "" : " '" + ListingReader.preview(draft.title()) + "'"));
      return;
    }
    sink.article(draft, 0);
  }

  /** The article a page holds; its body is empty when none was found. */
  static ArticleDraft page(Document doc, URI location) {
    Map<String, String> meta = metas(doc);
    JsonNode ld = jsonLd(doc);

    String press = first(ArticleNormalizer.MAX_FIELD_CHARS,
        meta.get("og:site_name"), ld == null ? null : text(ld.path("publisher").path("name")));
    press = press == null ? null : PressNames.canonical(press);

    Element h1 = headline(doc);
    Element titleEl = doc.selectFirst("title");
    String title = first(ArticleNormalizer.MAX_TITLE_CHARS,
        meta.get("og:title"), meta.get("twitter:title"), ld == null ? null : text(ld.path("headline")),
        h1 == null ? null : h1.text(), titleEl == null ? null : titleEl.text());
    title = withoutPressSuffix(title, press);

    String published = null;
    List<String> dates = new ArrayList<>();
    dates.add(meta.get("article:published_time"));
    dates.add(ld == null ? null : text(ld.path("datePublished")));
    for (Element t : doc.select("time[datetime]")) {
      dates.add(t.attr("datetime"));
    }
    dates.add(meta.get("og:article:published_time"));
    for (String d : dates) {
      if (d != null && !d.isBlank() && d.length() < 64) {
        try {
          published = KoreaTime.iso(KoreaTime.parseIso(d.strip()));
          break;
        } catch (IllegalArgumentException e) {
          // a page's dates are guesses: the next one may do
        }
      }
    }

    List<String> reporters = new ArrayList<>();
    if (ld != null) {
      JsonNode authors = ld.path("author");
      for (JsonNode a : authors.isArray() ? authors : List.of(authors)) {
        String name = a.isTextual() ? a.asText() : text(a.path("name"));
        addNames(reporters, name, press);
      }
    }
    if (reporters.isEmpty()) {
      addNames(reporters, meta.get("author"), press);
    }
    List<Element> bylines = bylineElements(doc);
    if (reporters.isEmpty()) {
      for (Element b : bylines) {
        Matcher m = REPORTER.matcher(b.text());
        while (m.find()) {
          reporters.add(m.group(1));
        }
        if (reporters.isEmpty() && b.text().strip().matches("[가-힣]{2,4}")) {
          reporters.add(b.text().strip());
        }
        if (!reporters.isEmpty()) {
          break;
        }
      }
    }

    String url = null;
    for (Element link : doc.select("link[rel][href]")) {
      if (List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("canonical")) {
        url = httpUrl(link.attr("href"), location);
        if (url != null) {
          break;
        }
      }
    }
    if (url == null) {
      url = httpUrl(meta.get("og:url"), location);
    }
    if (url == null && ld != null) {
      url = httpUrl(text(ld.path("url")), location);
    }
    if (url == null && location != null) {
      url = httpUrl(location.toString(), null);
    }

    String section = first(ArticleNormalizer.MAX_FIELD_CHARS, meta.get("article:section"),
        ld == null ? null : text(ld.path("articleSection").isArray() ? ld.path("articleSection").path(0) : ld.path("articleSection")));

    String body = body(doc, title, bylines);
    if (body.isEmpty() && ld != null) {
      body = HtmlText.fromHtml(text(ld.path("articleBody")));
      body = body == null ? "" : body;
    }
    return new ArticleDraft(title, body, press, reporters, null, published, url, section, Map.of());
  }

  // ---- metadata

  /** The article's own {@code <h1>}: inside the article, else outside the page's header and navigation. */
  private static Element headline(Document doc) {
    Element own = doc.selectFirst("article h1, [itemprop=headline]");
    if (own != null) {
      return own;
    }
    int looked = 0;
    for (Element h : doc.select("h1")) {
      if (looked++ == 20) {
        break;
      }
      if (h.parents().stream().noneMatch(p -> DROPPED.contains(p.normalName()))) {
        return h;
      }
    }
    return doc.selectFirst("h1");
  }

  /** {@code <meta property|name=… content=…>}, keys lower case, the first of each. */
  private static Map<String, String> metas(Document doc) {
    Map<String, String> out = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      for (String key : List.of(m.attr("property"), m.attr("name"), m.attr("itemprop"))) {
        if (!key.isBlank()) {
          out.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), m.attr("content"));
        }
      }
    }
    return out;
  }

  /** The page's JSON-LD article object (a NewsArticle first, else any Article), or null. */
  private static JsonNode jsonLd(Document doc) {
    JsonNode article = null;
    for (Element script : doc.select("script[type]")) {
      if (!script.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (IOException | RuntimeException e) {
        continue; // broken JSON-LD is ignored, like a browser would
      }
      Deque<JsonNode> todo = new ArrayDeque<>();
      todo.add(root);
      int seen = 0;
      while (!todo.isEmpty() && seen++ < 10_000) {
        JsonNode n = todo.poll();
        if (n == null) {
          continue;
        }
        if (n.isArray()) {
          n.forEach(todo::add);
          continue;
        }
        if (!n.isObject()) {
          continue;
        }
        String type = articleType(n.path("@type"));
        if (type != null) {
          if (type.endsWith("newsarticle")) {
            return n;
          }
          if (article == null) {
            article = n;
          }
        }
        todo.add(n.path("@graph"));
        todo.add(n.path("mainEntity"));
      }
    }
    return article;
  }

  private static String articleType(JsonNode type) {
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      if (t.isTextual()) {
        String name = t.asText().toLowerCase(Locale.ROOT).replaceFirst("^.*[/:#]", "");
        if (ARTICLE_TYPES.contains(name)) {
          return name;
        }
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /** The first candidate that is not blank and, as plain text, not over {@code max} characters. */
  private static String first(int max, String... candidates) {
    for (String c : candidates) {
      if (c == null || c.isBlank() || c.length() > 20 * max) {
        continue;
      }
      String t = HtmlText.plain(c);
      if (!t.isEmpty() && t.length() <= max) {
        return t;
      }
    }
    return null;
  }

  private static String withoutPressSuffix(String title, String press) {
    if (title == null || press == null) {
      return title;
    }
    Matcher m = Pattern.compile("\\s*[-|:–—]\\s*" + Pattern.quote(press) + "\\s*$").matcher(title);
    return m.find() && m.start() > 0 ? title.substring(0, m.start()) : title;
  }

  private static void addNames(List<String> reporters, String raw, String press) {
    if (raw == null || raw.isBlank() || raw.length() > 10 * ArticleNormalizer.MAX_FIELD_CHARS || raw.contains("://")) {
      return;
    }
    for (String name : FeedReader.names(raw)) {
      if (name.length() <= 40 && (press == null || !PressNames.same(name, press)) && !reporters.contains(name)) {
        reporters.add(name);
      }
    }
  }

  private static List<Element> bylineElements(Document doc) {
    List<Element> out = new ArrayList<>();
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
      if (e.attr("itemprop").equalsIgnoreCase("author") || e.attr("rel").equalsIgnoreCase("author")
          || hasToken(e, BYLINE_TOKENS)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String httpUrl(String href, URI base) {
    if (href == null || href.isBlank() || href.length() > 4096) {
      return null;
    }
    try {
      URI u = new URI(href.strip().replace(" ", "%20"));
      if (!u.isAbsolute()) {
        if (base == null) {
          return null;
        }
        u = base.resolve(u);
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u.toString() : null;
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  // ---- body
  // Every pass over the page is linear: text lengths are measured once per pass, never by asking an
  // element for its text inside a loop over elements (a hostile page nests thousands deep).

  private static String body(Document doc, String title, List<Element> bylines) {
    Element root = doc.body();
    if (root == null) {
      return "";
    }
    Element container = doc.selectFirst("[itemprop=articleBody]");
    if (container == null) {
      Lengths lengths = Lengths.of(root);
      Element best = null;
      int bestLength = 0;
      for (Element a : root.select("article")) {
        int length = lengths.text(a);
        if (length > bestLength) {
          best = a;
          bestLength = length;
        }
      }
      container = best;
    }
    Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    if (container != null) {
      keep.addAll(container.parents());
      keep.add(container);
    }
    clean(root, keep);
    for (Element b : bylines) {
      if (!keep.contains(b)) {
        b.remove();
      }
    }
    if (container != null && HtmlText.text(container).isEmpty()) {
      container = null;
    }
    if (container == null) {
      container = densest(root);
    }
    for (Element h : container.select("h1")) {
      if (h != container) {
        h.remove(); // the headline, read already
      }
    }
    String text = HtmlText.text(container);
    if (title != null && text.startsWith(title + "\n")) {
      text = text.substring(title.length() + 1);
    }
    return text;
  }

  /** Removes what is never the article: page furniture, ads, related-article and most-read blocks. */
  private static void clean(Element root, Set<Element> keep) {
    List<Element> drop = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e != root && !keep.contains(e) && (HtmlText.skipped(e) || DROPPED.contains(e.normalName()) || junk(e))) {
        drop.add(e);
      }
    }
    drop.forEach(Element::remove);
    // a block headed 관련기사 or 많이 본 뉴스: the heading's own box when that box is a list of links,
    // else the heading and what follows it in its box
    Lengths lengths = Lengths.of(root);
    List<Element> headings = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      int length = lengths.text(e);
      if (e != root && !keep.contains(e) && length > 0 && length <= 30 && lengths.ownText(e) > 0
          && RELATED_HEADING.matcher(e.text().strip()).find()) {
        headings.add(e);
      }
    }
    for (Element h : headings) {
      if (h.parent() == null || !h.root().equals(root.root())) {
        continue; // gone with an earlier block
      }
      Element box = h.parent();
      int rest = lengths.text(box) - lengths.text(h);
      boolean boxOfLinks = box != root && !keep.contains(box) && rest > 0 && lengths.links(box) * 2 >= rest;
      if (boxOfLinks) {
        box.remove();
        continue;
      }
      Element from = box != root && !keep.contains(box) && rest == 0 ? box : h; // a <p> holding only the heading
      List<Node> after = new ArrayList<>();
      for (Node n = from.nextSibling(); n != null; n = n.nextSibling()) {
        after.add(n);
      }
      after.forEach(Node::remove);
      from.remove();
    }
  }

  private static boolean junk(Element e) {
    String names = (e.className() + " " + e.id()).strip();
    if (names.isEmpty()) {
      return false;
    }
    if (JUNK_WORDS.matcher(names.toLowerCase(Locale.ROOT)).find()) {
      return true;
    }
    return hasToken(e, JUNK_TOKENS);
  }

  /** True when a word of the element's class or id ({@code ad-box}, {@code adArea}, {@code ad_1}) is one of {@code tokens}. */
  private static boolean hasToken(Element e, Set<String> tokens) {
    String names = e.className() + " " + e.id();
    if (names.isBlank()) {
      return false;
    }
    for (String t : names.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (tokens.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The element holding the most text of its own: text beside {@code <br>}, paragraphs and inline runs, less links. */
  private static Element densest(Element root) {
    Lengths lengths = Lengths.of(root);
    Element best = root;
    int bestScore = 0;
    for (Element e : root.getAllElements()) {
      int score = lengths.ownText(e);
      for (Element c : e.children()) {
        if (INLINE_OR_PARAGRAPH.contains(c.normalName())) {
          score += lengths.text(c) - lengths.links(c);
        }
      }
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  private static final Set<String> INLINE_OR_PARAGRAPH =
      Set.of("p", "span", "b", "strong", "em", "i", "u", "font", "mark", "small", "sub", "sup", "q", "blockquote");

  /**
   * The length of each element's text (white space not counted), of the text directly in it, and
   * of the text inside its links, measured in one pass.
   */
  private static final class Lengths {
    private final Map<Element, int[]> byElement = new IdentityHashMap<>(); // text, own text, links

    static Lengths of(Element root) {
      Lengths l = new Lengths();
      NodeTraversor.traverse(new NodeVisitor() {
        @Override
        public void head(Node node, int depth) {}

        @Override
        public void tail(Node node, int depth) {
          if (!(node instanceof Element e)) {
            return;
          }
          int text = 0;
          int own = 0;
          int links = 0;
          for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) {
              int n = visible(t.getWholeText());
              text += n;
              own += n;
            } else if (c instanceof Element child) {
              int[] m = l.byElement.get(child);
              if (m != null) {
                text += m[0];
                links += m[2];
              }
            }
          }
          l.byElement.put(e, new int[] {text, own, e.normalName().equals("a") ? text : links});
        }
      }, root);
      return l;
    }

    private static int visible(String s) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        if (!Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u00A0') {
          n++;
        }
      }
      return n;
    }

    int text(Element e) {
      int[] m = byElement.get(e);
      return m == null ? 0 : m[0];
    }

    int ownText(Element e) {
      int[] m = byElement.get(e);
      return m == null ? 0 : m[1];
    }

    int links(Element e) {
      int[] m = byElement.get(e);
      return m == null ? 0 : m[2];
    }
  }
}
