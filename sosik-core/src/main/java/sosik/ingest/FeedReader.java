package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import sosik.article.Byline;
import sosik.article.KoreaTime;
import sosik.article.PressNames;

/**
 * {@code feed}: RSS 2.0 (also RSS 0.9x and RSS 1.0/RDF) and Atom 1.0, told apart by the root
 * element. One article an {@code <item>} or {@code <entry>}:
 *
 * <ul>
 *   <li>title: {@code title} (HTML in it is stripped);
 *   <li>url: RSS {@code link} (else a {@code guid} that is a permalink), Atom {@code
 *       link rel="alternate"}; relative links are resolved against the feed's own link and the
 *       URL the feed came from;
 *   <li>body: RSS {@code content:encoded}, else {@code description}; Atom {@code content}, else
 *       {@code summary}; HTML is turned into text, one paragraph a line, photo captions dropped;
 *   <li>date: RSS {@code pubDate} (RFC 822, {@code Fri, 20 Dec 2024 09:30:00 +0900}), else
 *       {@code dc:date}; Atom {@code published}, else {@code updated} (ISO-8601);
 *   <li>reporters: RSS {@code author} ({@code kim@example.com (김서연)} gives 김서연; an e-mail
 *       alone gives none), {@code dc:creator}; Atom {@code author/name};
 *   <li>press: the item's {@code source} (Atom {@code source/title}), else the channel's title up
 *       to a separator ({@code 한빛일보 - 경제} gives 한빛일보);
 *   <li>section: the first {@code category} (Atom: its {@code label}, else {@code term}), else
 *       {@code dc:subject};
 *   <li>the {@code guid} (Atom {@code id}) is kept as the article's source id ({@code extra.id}),
 *       which identifies it when it has no link.
 * </ul>
 *
 * <p>The XML is read with the JDK's StAX parser, streaming: each item goes to the sink when its
 * end tag is read. Safety: a document with a DTD ({@code <!DOCTYPE …>}) is refused before anything
 * in it is read further, so no entity is ever declared, expanded or fetched (billion laughs,
 * external entities); no DTD or schema is loaded from anywhere. An item holding more than {@link
 * #MAX_ITEM_CHARS} characters or nested deeper than {@link #MAX_DEPTH} is rejected.
 *
 * <p>XML that is not well-formed is rejected at the line (and column) where the parser stopped;
 * the items before it are kept. A document whose root is not {@code rss}, {@code feed} or {@code
 * rdf:RDF} is rejected as not a feed. The encoding is the one the transport declared (an HTTP
 * {@code charset}), else the one the XML prolog declares, else UTF-8.
 */
public final class FeedReader implements ArticleReader {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  /** RSS 1.0's and RSS 0.90's own namespaces: their elements are RSS's plain ones. */
  private static final Set<String> RSS_NAMESPACES =
      Set.of("", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/");
  /** An item holding more characters of text than this (all its fields together) is rejected. */
  public static final int MAX_ITEM_CHARS = 10_000_000;
  /** An item nested deeper than this is rejected. */
  public static final int MAX_DEPTH = 256;

  private enum Kind { RSS, RDF, ATOM }

  private final int maxItemChars;

  public FeedReader() {
    this(MAX_ITEM_CHARS);
  }

  /** A reader that rejects items holding more than {@code maxItemChars} characters of text. */
  FeedReader(int maxItemChars) {
    this.maxItemChars = maxItemChars;
  }

  @Override
  public String name() {
    return "feed";
  }

  @Override
  public boolean reads(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".xml");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    XMLStreamReader r;
    try {
      r = factory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      sink.reject(lineOf(e), notWellFormed(e));
      return;
    }
    parse(r, null, sink);
  }

  @Override
  public boolean readsBytes() {
    return true;
  }

  @Override
  public void read(ByteSource in, ReadSink sink) throws IOException {
    XMLStreamReader r;
    try {
      r = in.charset() != null
          ? factory().createXMLStreamReader(in.bytes(), in.charset().name())
          : factory().createXMLStreamReader(in.bytes());
    } catch (XMLStreamException e) {
      sink.reject(lineOf(e), notWellFormed(e));
      return;
    }
    parse(r, in.location(), sink);
  }

  /** The JDK's own StAX parser (not whatever the class path offers), with DTDs and entities off. */
  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("refused to load '" + systemId + "': external resources are not read");
    });
    return f;
  }

  private void parse(XMLStreamReader r, URI location, ReadSink sink) {
    Kind kind = null;
    Deque<String> open = new ArrayDeque<>(); // local names of the open elements above items
    String press = null;
    URI base = location;
    try {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          sink.reject(r.getLocation().getLineNumber(),
              "refused: the XML declares a DTD (<!DOCTYPE …>); DTDs and entities are not read, for safety");
          return;
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          open.pollLast();
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = r.getLocalName();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (kind == null) {
          kind = kindOf(local, ns);
          if (kind == null) {
            String prefix = r.getPrefix() == null || r.getPrefix().isEmpty() ? "" : r.getPrefix() + ":";
            sink.reject(r.getLocation().getLineNumber(), "not an RSS or Atom feed: the root element is <" + prefix + local
                + ">, not <rss>, <feed> (Atom) or <rdf:RDF>");
            return;
          }
          open.addLast(local);
          continue;
        }
        String parent = open.peekLast();
        boolean inChannel = kind == Kind.ATOM ? open.size() == 1 : "channel".equals(parent) && open.size() == 2;
        boolean item = kind == Kind.ATOM
            ? open.size() == 1 && local.equals("entry") && ns.equals(ATOM)
            : local.equals("item") && (open.size() == 2 && "channel".equals(parent) || kind == Kind.RDF && open.size() == 1);
        if (item) {
          int line = r.getLocation().getLineNumber();
          Node node;
          try {
            node = Node.read(r, maxItemChars);
          } catch (TooBig e) {
            sink.reject(line, e.getMessage());
            continue;
          }
          try {
            sink.article(kind == Kind.ATOM ? atomEntry(node, press, base) : rssItem(node, press, base), line);
          } catch (BadItem e) {
            sink.reject(line, e.getMessage());
          }
          continue;
        }
        if (inChannel && (local.equals("title") || local.equals("link")) && (kind == Kind.ATOM ? ns.equals(ATOM) : RSS_NAMESPACES.contains(ns))) {
          Node node;
          try {
            node = Node.read(r, maxItemChars);
          } catch (TooBig e) {
            continue;
          }
          if (local.equals("title")) {
            press = pressOfChannel(kind == Kind.ATOM ? atomText(node, true) : HtmlText.plain(node.text()));
          } else if (base == null) {
            // a file: relative item links can only be resolved against the feed's own link
            URI own = resolve(null, kind == Kind.ATOM ? (isAlternate(node) ? node.attr("href") : null) : node.text());
            base = own;
          }
          continue;
        }
        open.addLast(local);
      }
    } catch (XMLStreamException e) {
      sink.reject(lineOf(e), notWellFormed(e));
    } finally {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing to release beyond the parser, whose input the caller closes
      }
    }
  }

  private static Kind kindOf(String local, String ns) {
    if (local.equals("rss")) {
      return Kind.RSS;
    }
    if (local.equals("feed") && ns.equals(ATOM)) {
      return Kind.ATOM;
    }
    if (local.equals("RDF") && ns.equals(RDF)) {
      return Kind.RDF;
    }
    return null;
  }

  // ---- RSS

  private static ArticleDraft rssItem(Node item, String channelPress, URI base) throws BadItem {
    String title = HtmlText.plain(item.text("", "title"));
    String link = item.text("", "link");
    if (blank(link)) {
      Node guid = item.child("", "guid");
      if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink")) && guid.text().strip().matches("(?i)https?://\\S+")) {
        link = guid.text();
      }
    }
    if (blank(link)) {
      Node atomLink = item.child(ATOM, "link");
      link = atomLink == null ? null : atomLink.attr("href");
    }
    String body = HtmlText.fromHtml(item.text(CONTENT, "encoded"));
    if (blank(body)) {
      body = HtmlText.fromHtml(item.text("", "description"));
    }
    String published = null;
    String pubDate = item.text("", "pubDate");
    if (!blank(pubDate)) {
      published = rfc822(pubDate, "pubDate");
    } else if (!blank(item.text(DC, "date"))) {
      published = iso(item.text(DC, "date"), "dc:date");
    }
    List<String> reporters = new ArrayList<>();
    for (Node n : item.children("", "author")) {
      reporters.addAll(names(n.text()));
    }
    for (Node n : item.children(DC, "creator")) {
      reporters.addAll(names(n.text()));
    }
    String section = HtmlText.plain(item.text("", "category"));
    if (blank(section)) {
      section = HtmlText.plain(item.text(DC, "subject"));
    }
    String press = HtmlText.plain(item.text("", "source"));
    press = blank(press) ? channelPress : PressNames.canonical(press);
    Map<String, String> extra = new LinkedHashMap<>();
    String guid = item.text("", "guid");
    if (!blank(guid)) {
      extra.put(ArticleNormalizer.SOURCE_ID, JsonText.string(guid.strip()));
    }
    return new ArticleDraft(title, body, press, reporters, null, published, url(base, link), section, extra);
  }

  // ---- Atom

  private static ArticleDraft atomEntry(Node entry, String feedPress, URI base) throws BadItem {
    String title = atomText(entry.child(ATOM, "title"), true);
    String link = null;
    for (Node l : entry.children(ATOM, "link")) {
      if (isAlternate(l) && !blank(l.attr("href"))) {
        String type = l.attr("type");
        if (link == null || type.contains("html")) {
          link = l.attr("href");
        }
      }
    }
    Node content = entry.child(ATOM, "content");
    String body = content == null || !content.attr("src").isEmpty() ? null : atomText(content, false);
    if (blank(body)) {
      body = atomText(entry.child(ATOM, "summary"), false);
    }
    String published = null;
    if (!blank(entry.text(ATOM, "published"))) {
      published = iso(entry.text(ATOM, "published"), "published");
    } else if (!blank(entry.text(ATOM, "updated"))) {
      published = iso(entry.text(ATOM, "updated"), "updated");
    }
    List<String> reporters = new ArrayList<>();
    for (Node author : entry.children(ATOM, "author")) {
      reporters.addAll(names(author.text(ATOM, "name")));
    }
    String section = null;
    Node category = entry.child(ATOM, "category");
    if (category != null) {
      section = HtmlText.plain(category.attr("label").isBlank() ? category.attr("term") : category.attr("label"));
    }
    Node source = entry.child(ATOM, "source");
    String press = source == null ? null : atomText(source.child(ATOM, "title"), true);
    press = blank(press) ? feedPress : PressNames.canonical(press);
    Map<String, String> extra = new LinkedHashMap<>();
    String id = entry.text(ATOM, "id");
    if (!blank(id)) {
      extra.put(ArticleNormalizer.SOURCE_ID, JsonText.string(id.strip()));
    }
    return new ArticleDraft(title, body, press, reporters, null, published, url(base, link), section, extra);
  }

  private static boolean isAlternate(Node link) {
    String rel = link.attr("rel");
    return rel.isEmpty() || rel.equalsIgnoreCase("alternate");
  }

  /** An Atom text construct as text: {@code type="html"} and {@code "xhtml"} are HTML, {@code "text"} too (feeds mislabel). */
  private static String atomText(Node n, boolean oneLine) {
    if (n == null) {
      return null;
    }
    String html = n.attr("type").equalsIgnoreCase("xhtml") ? n.innerMarkup() : n.text();
    return oneLine ? HtmlText.plain(html) : HtmlText.fromHtml(html);
  }

  // ---- fields

  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[-|:>»·–—]|::)\\s+");

  /** The press a channel's title names: the part before a separator ({@code 한빛일보 - 경제}). */
  static String pressOfChannel(String title) {
    if (blank(title)) {
      return null;
    }
    Matcher m = SEPARATOR.matcher(title);
    String first = m.find() && m.start() > 0 ? title.substring(0, m.start()) : title;
    return PressNames.canonical(first.strip());
  }

  private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^\\s*" + EMAIL + "\\s*\\((.+)\\)\\s*$");
  private static final Pattern ROLE =
      Pattern.compile("\\s*(?:기자|특파원|선임기자|객원기자|인턴기자|전문기자|논설위원|편집위원)$");

  /**
   * Reporter names in an RSS {@code author} or {@code dc:creator}: {@code kim@example.com (김서연)},
   * {@code 김서연 <kim@example.com>}, {@code 김서연·박준호 기자}, {@code 한빛일보 김서연 기자}. An e-mail
   * alone is no name.
   */
  static List<String> names(String raw) {
    String s = HtmlText.plain(raw);
    if (blank(s)) {
      return List.of();
    }
    Matcher m = EMAIL_THEN_NAME.matcher(s);
    if (m.matches()) {
      s = m.group(1);
    }
    s = EMAIL.matcher(s).replaceAll(" ").replaceAll("[<>()\\[\\]]", " ").strip();
    Byline b = Byline.parseInner(s);
    if (b != null && !b.reporters().isEmpty()) {
      return b.reporters();
    }
    List<String> names = new ArrayList<>();
    for (String part : s.split("\\s*[,·ㆍ/]\\s*")) {
      String name = ROLE.matcher(part.strip()).replaceFirst("").strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * An item's link, absolute: resolved against {@code base} when relative (dropped when there is no
   * base), dropped when it is not http(s); a link that is not a URL at all is kept for the
   * normalizer to name.
   */
  private static String url(URI base, String link) {
    if (blank(link)) {
      return null;
    }
    String l = link.strip().replace(" ", "%20");
    URI u;
    try {
      u = new URI(l);
    } catch (URISyntaxException e) {
      return l.matches("(?i)https?:.*") ? l : null;
    }
    URI abs = resolve(base, u);
    if (abs == null || abs.getScheme() == null || !abs.getScheme().matches("(?i)https?")) {
      return null;
    }
    return abs.toString();
  }

  /** {@code link} made absolute against {@code base}; null when it is blank, not a URI, or relative with no base. */
  static URI resolve(URI base, String link) {
    if (blank(link)) {
      return null;
    }
    try {
      return resolve(base, new URI(link.strip().replace(" ", "%20")));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static URI resolve(URI base, URI u) {
    if (u.isAbsolute()) {
      return u;
    }
    try {
      return base == null || !base.isAbsolute() ? null : base.resolve(u);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String iso(String text, String field) throws BadItem {
    try {
      return KoreaTime.iso(KoreaTime.parseIso(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new BadItem("field '" + field + "': " + e.getMessage());
    }
  }

  private static final Pattern RFC822 = Pattern.compile(
      "^(?:[A-Za-z]{2,9}\\.?,?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{2}|\\d{4})\\s+"
          + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(?:([+-]\\d{2}:?\\d{2})|([A-Za-z]{1,5}))?$");
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
      Map.entry("KST", 9), Map.entry("JST", 9),
      Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /**
   * An RFC 822 date as ISO-8601 in Korea time: {@code Fri, 20 Dec 2024 09:30:00 +0900} (the day
   * name is optional and not checked; seconds optional; the zone an offset, {@code GMT}, {@code UT},
   * {@code KST} or a US zone; without one, Korea time). A feed that puts ISO-8601 in {@code
   * pubDate} is read too.
   */
  static String rfc822(String text, String field) throws BadItem {
    String t = text.strip();
    Matcher m = RFC822.matcher(t);
    if (!m.matches()) {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        return iso(t, field);
      }
      throw new BadItem("field '" + field + "': '" + t + "' is not an RFC 822 date (e.g. Fri, 20 Dec 2024 09:30:00 +0900)");
    }
    int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900;
    }
    try {
      if (month == 0) {
        throw new DateTimeException("no month '" + m.group(2) + "'");
      }
      LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      Instant at;
      if (m.group(7) != null) {
        at = local.toInstant(ZoneOffset.of(m.group(7).length() == 5
            ? m.group(7).substring(0, 3) + ":" + m.group(7).substring(3) : m.group(7)));
      } else if (m.group(8) != null) {
        Integer hours = ZONES.get(m.group(8).toUpperCase(Locale.ROOT));
        if (hours == null) {
          throw new DateTimeException("unknown zone '" + m.group(8) + "'");
        }
        at = local.toInstant(ZoneOffset.ofHours(hours));
      } else {
        at = local.atZone(KoreaTime.ZONE).toInstant();
      }
      return KoreaTime.iso(at);
    } catch (DateTimeException e) {
      throw new BadItem("field '" + field + "': '" + t + "' is not an RFC 822 date (" + e.getMessage() + ")");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  // ---- errors

  private static int lineOf(XMLStreamException e) {
    Location at = e.getLocation();
    return at == null || at.getLineNumber() < 1 ? 1 : at.getLineNumber();
  }

  /**
   * True when a rejection this reader made is about the whole document (not well-formed XML, a DTD
   * refused, a root that is no feed) rather than one item: a feed poller takes it for a broken feed.
   */
  static boolean isDocumentProblem(String problem) {
    return problem.startsWith("not well-formed") || problem.startsWith("refused") || problem.startsWith("not an RSS or Atom feed");
  }

  private static String notWellFormed(XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage() == null ? "" : e.getMessage();
    int i = message.indexOf("Message: ");
    if (i >= 0) {
      message = message.substring(i + "Message: ".length());
    }
    if (e.getNestedException() != null && e.getNestedException().getMessage() != null && message.isBlank()) {
      message = e.getNestedException().getMessage();
    }
    message = message.strip().replaceAll("\\s+", " ");
    String where = at == null || at.getLineNumber() < 1 ? ""
        : " at line " + at.getLineNumber() + (at.getColumnNumber() > 0 ? ", column " + at.getColumnNumber() : "");
    return "not well-formed XML" + where + ": " + message;
  }

  /** An item that cannot become an article; the message names the field. */
  static final class BadItem extends Exception {
    BadItem(String message) {
      super(message);
    }
  }

  /** An item over the size or depth limit; it was read to its end and dropped. */
  static final class TooBig extends Exception {
    TooBig(String message) {
      super(message);
    }
  }

  /** An element read whole: its attributes and its content, text and child elements in order. */
  static final class Node {
    final String ns;
    final String local;
    final Map<String, String> attrs = new LinkedHashMap<>();
    final List<Object> content = new ArrayList<>(); // StringBuilder or Node

    private Node(XMLStreamReader r) {
      this.ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
      this.local = r.getLocalName();
      for (int i = 0; i < r.getAttributeCount(); i++) {
        attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
      }
    }

    /** Reads the element the reader is at, up to and including its end tag. */
    static Node read(XMLStreamReader r, int maxChars) throws XMLStreamException, TooBig {
      Node root = new Node(r);
      Deque<Node> open = new ArrayDeque<>();
      open.push(root);
      long chars = 0;
      String problem = null;
      while (!open.isEmpty()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            Node n = new Node(r);
            if (open.size() >= MAX_DEPTH && problem == null) {
              problem = "item is nested deeper than " + MAX_DEPTH + " elements";
            }
            if (problem == null) {
              open.peek().content.add(n);
            }
            open.push(n);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            chars += r.getTextLength();
            if (chars > maxChars && problem == null) {
              problem = String.format("item holds over %,d characters of text", maxChars);
            }
            if (problem == null) {
              List<Object> c = open.peek().content;
              if (!c.isEmpty() && c.get(c.size() - 1) instanceof StringBuilder sb) {
                sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
              } else {
                c.add(new StringBuilder().append(r.getTextCharacters(), r.getTextStart(), r.getTextLength()));
              }
            }
          }
          default -> {
            // comments and processing instructions are not text
          }
        }
      }
      if (problem != null) {
        throw new TooBig(problem);
      }
      return root;
    }

    private boolean is(String namespace, String name) {
      return local.equals(name) && (namespace.isEmpty() ? RSS_NAMESPACES.contains(ns) : ns.equals(namespace));
    }

    String attr(String name) {
      String v = attrs.get(name);
      return v == null ? "" : v;
    }

    /** The text directly inside this element. */
    String text() {
      StringBuilder sb = new StringBuilder();
      for (Object o : content) {
        if (o instanceof StringBuilder s) {
          sb.append(s);
        }
      }
      return sb.toString();
    }

    /**
     * The first child element {@code ns}:{@code local}, or null; {@code ""} is RSS's plain elements
     * (no namespace, or RSS 1.0's).
     */
    Node child(String ns, String local) {
      for (Object o : content) {
        if (o instanceof Node n && n.is(ns, local)) {
          return n;
        }
      }
      return null;
    }

    List<Node> children(String ns, String local) {
      List<Node> out = new ArrayList<>();
      for (Object o : content) {
        if (o instanceof Node n && n.is(ns, local)) {
          out.add(n);
        }
      }
      return out;
    }

    /** The text of the first such child, or null. */
    String text(String ns, String local) {
      Node n = child(ns, local);
      return n == null ? null : n.text();
    }

    /** The content as markup (for Atom's XHTML): element names and escaped text; attributes dropped. */
    String innerMarkup() {
      StringBuilder sb = new StringBuilder();
      appendContent(sb);
      return sb.toString();
    }

    private void appendContent(StringBuilder sb) {
      for (Object o : content) {
        if (o instanceof StringBuilder s) {
          for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
              case '<' -> sb.append("&lt;");
              case '>' -> sb.append("&gt;");
              case '&' -> sb.append("&amp;");
              default -> sb.append(c);
            }
          }
        } else if (o instanceof Node n) {
          sb.append('<').append(n.local).append('>');
          n.appendContent(sb);
          sb.append("</").append(n.local).append('>');
        }
      }
    }
  }
}
