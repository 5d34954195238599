package sosik.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML to plain text, with jsoup: tags dropped, entities decoded, paragraphs kept as lines. What a
 * reader never sees as text is skipped: scripts, styles, embedded objects, forms, hidden elements,
 * photos and their captions. No markup survives: the result is text, and a {@code <} in it is a
 * character the article wrote.
 */
final class HtmlText {
  /** Elements whose content is never article text. */
  static final Set<String> SKIPPED = Set.of(
      "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
      "applet", "svg", "math", "canvas", "video", "audio", "picture", "img", "map", "head", "title",
      "meta", "link", "base", "form", "button", "input", "select", "option", "textarea", "label",
      "figure", "figcaption");
  /** Elements that end a line of text. */
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "pre", "section", "article", "main", "header", "footer", "aside", "nav", "table",
      "thead", "tbody", "tfoot", "tr", "caption", "hr", "address", "fieldset", "details", "summary",
      "center");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

  private HtmlText() {}

  /** The text of an HTML fragment on one line (a headline, a name): runs of white space become one space. */
  static String plain(String html) {
    if (html == null) {
      return null;
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return collapse(html);
    }
    return collapse(text(Jsoup.parseBodyFragment(html).body()).replace('\n', ' '));
  }

  /** The text of an HTML fragment (a feed item's description), one paragraph a line. */
  static String fromHtml(String html) {
    if (html == null) {
      return null;
    }
    return text(Jsoup.parseBodyFragment(html).body());
  }

  /** The text of an element, one paragraph a line, without blank lines. */
  static String text(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          sb.append(t.getWholeText());
          return FilterResult.CONTINUE;
        }
        if (node instanceof Element e) {
          if (node != root && skipped(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (BLOCKS.contains(e.normalName())) {
            sb.append('\n');
          } else if (e.normalName().equals("td") || e.normalName().equals("th")) {
            sb.append(' ');
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          sb.append('\n');
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    StringBuilder out = new StringBuilder(sb.length());
    for (String line : sb.toString().split("\n")) {
      String l = collapse(line);
      if (!l.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(l);
      }
    }
    return out.toString();
  }

  /** True for an element whose content is never read: scripts, photos, forms, hidden elements. */
  static boolean skipped(Element e) {
    if (SKIPPED.contains(e.normalName())) {
      return true;
    }
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style");
    return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
  }

  /** Runs of white space (also no-break and ideographic spaces) as one space, trimmed. */
  static String collapse(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
